#include "issue_render.hpp"

#include <fmt/format.h>

#include "line_break.hpp"
#include "terminal.hpp"
#include "util/sanitize.hpp"

namespace kn {

namespace {

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string date_line(const Issue& issue) {
  if (!issue.date) return "no date";
  return issue.date->to_string() + (issue.date_estimated ? " (estimated)" : "");
}

// A line with its URLs as hyperlinks (to themselves), in style.
std::string linked_line(std::string_view line, std::string_view style, const Rendering& render) {
  std::string out;
  std::size_t at = 0;
  for (const LineSpan& url : url_spans(line)) {
    out += paint(line.substr(at, url.begin - at), style, render.color);
    const std::string_view target = line.substr(url.begin, url.end - url.begin);
    out += hyperlink(paint(target, style, render.color), target, render.hyperlinks);
    at = url.end;
  }
  return out + paint(line.substr(at), style, render.color);
}

// text wrapped to the width, the first line after `first`, the others
// after `indent`.
// With a link target, every line links there.
std::string wrapped(std::string_view text, const Rendering& render, const std::string& first,
                    const std::string& indent, std::string_view style = {},
                    std::string_view target = {}) {
  std::string out;
  const std::size_t room = render.width == 0                   ? 0
                           : render.width > indent.size() + 10 ? render.width - indent.size()
                                                               : 10;
  bool leading = true;
  for (const std::string& line : wrap_field(printable(text), room)) {
    out +=
        (leading ? first : indent) +
        (target.empty() ? linked_line(line, style, render)
                        : hyperlink(paint(line, style, render.color), target, render.hyperlinks)) +
        '\n';
    leading = false;
  }
  return out;
}

std::string link_list(const std::vector<Link>& links) {
  std::string out;
  for (const Link& link : links) {
    out += fmt::format("{}{} <{}>", out.empty() ? "" : ", ", printable(link.text),
                       printable(link.url));
  }
  return out;
}

}  // namespace

std::string issue_summary(const Issue& issue) {
  std::string out =
      fmt::format("{}\n  #{} {}", escaped(issue.source), issue.number, printable(issue.title));
  if (issue.date) {
    fmt::format_to(std::back_inserter(out), ", {}{}", issue.date->to_string(),
                   issue.date_estimated ? " (estimated)" : "");
  }
  fmt::format_to(std::back_inserter(out), "\n  {}\n", printable(issue.url));
  for (const Section& section : issue.sections) {
    const std::string heading =
        section.heading.empty() ? "(no heading)" : printable(section.heading);
    fmt::format_to(std::back_inserter(out), "  {:<22} {:<24} {}\n", to_string(section.kind),
                   heading, plural(section.items.size(), "item"));
  }
  fmt::format_to(std::back_inserter(out), "  {}, {}\n", plural(issue.cards.size(), "card"),
                 plural(issue.embeds.size(), "embed"));
  return out;
}

std::string issue_for_terminal(const Issue& issue, const std::vector<Correction>& corrections,
                               const Rendering& render) {
  using namespace style;
  const bool color = render.color;
  const std::string indent = "    ";
  std::string out = wrapped(issue.title, render, "", "", kBold);
  out += wrapped(date_line(issue) + "  " + issue.url, render, "", "", kDim);
  for (const Section& section : issue.sections) {
    out +=
        '\n' +
        paint(section.heading.empty() ? "(no heading)" : printable(section.heading), kBold, color) +
        '\n';
    for (const Item& item : section.items) {
      out += wrapped(item.text, render, "  • ", indent);
      if (!item.links.empty()) out += wrapped(link_list(item.links), render, indent, indent, kLink);
    }
  }
  if (!issue.cards.empty() || !issue.embeds.empty()) {
    out += '\n' + paint("Links", kBold, color) + '\n';
  }
  for (const Card& card : issue.cards) {
    out += wrapped(card.title, render, "  ■ ", indent, kBold, card.url);
    out += wrapped(card.url, render, indent, indent, kLink);
    if (!card.blurb.empty()) out += wrapped(card.blurb, render, indent, indent, kDim);
    if (!card.comment.empty()) out += wrapped(card.comment, render, indent, indent);
  }
  for (const Embed& embed : issue.embeds) {
    out += wrapped(embed.url, render, "  ▶ ", indent, kLink);
    if (!embed.comment.empty()) out += wrapped(embed.comment, render, indent, indent);
  }
  if (!corrections.empty()) out += '\n' + paint("Corrections", kBold, color) + '\n';
  for (const Correction& c : corrections) {
    out += wrapped(fmt::format("#{} ({}): {}", c.issue, c.date.value_or("no date"), c.text), render,
                   "  ! ", indent);
  }
  return out;
}

}  // namespace kn
