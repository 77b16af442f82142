#include "kn/issue_render.hpp"

#include <fmt/format.h>

#include "kn/sanitize.hpp"
#include "kn/terminal.hpp"

namespace kn {

namespace {

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string date_line(const Issue& issue) {
  if (!issue.date) return "no date";
  return issue.date->to_string() + (issue.date_estimated ? " (estimated)" : "");
}

// text wrapped to width, every line after `first` indented by `indent`.
std::string wrapped(std::string_view text, std::size_t width, const std::string& first,
                    const std::string& indent, std::string_view style, bool color) {
  std::string out;
  const std::size_t room = width > indent.size() + 10 ? width - indent.size() : 10;
  bool leading = true;
  for (const std::string& line : wrap_to_width(printable(text), room)) {
    out += (leading ? first : indent) + paint(line, style, color) + '\n';
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
                               std::size_t width, bool color) {
  using namespace style;
  const std::string indent = "    ";
  std::string out = paint(truncate_to_width(printable(issue.title), width), kBold, color) + '\n';
  out +=
      paint(truncate_to_width(date_line(issue) + "  " + printable(issue.url), width), kDim, color) +
      '\n';
  for (const Section& section : issue.sections) {
    out +=
        '\n' +
        paint(section.heading.empty() ? "(no heading)" : printable(section.heading), kBold, color) +
        '\n';
    for (const Item& item : section.items) {
      out += wrapped(item.text, width, "  • ", indent, {}, false);
      if (!item.links.empty()) {
        out += wrapped(link_list(item.links), width, indent, indent, kLink, color);
      }
    }
  }
  if (!issue.cards.empty() || !issue.embeds.empty())
    out += '\n' + paint("Links", kBold, color) + '\n';
  for (const Card& card : issue.cards) {
    out += wrapped(card.title, width, "  ■ ", indent, kBold, color);
    out += wrapped(card.url, width, indent, indent, kLink, color);
    if (!card.blurb.empty()) out += wrapped(card.blurb, width, indent, indent, kDim, color);
    if (!card.comment.empty()) out += wrapped(card.comment, width, indent, indent, {}, false);
  }
  for (const Embed& embed : issue.embeds) {
    out += wrapped(embed.url, width, "  ▶ ", indent, kLink, color);
    if (!embed.comment.empty()) out += wrapped(embed.comment, width, indent, indent, {}, false);
  }
  if (!corrections.empty()) out += '\n' + paint("Corrections", kBold, color) + '\n';
  for (const Correction& c : corrections) {
    out += wrapped(fmt::format("#{} ({}): {}", c.issue, c.date.value_or("no date"), c.text), width,
                   "  ! ", indent, {}, false);
  }
  return out;
}

}  // namespace kn
