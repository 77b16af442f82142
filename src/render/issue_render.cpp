#include "issue_render.hpp"

#include <fmt/format.h>

#include <numeric>

#include "line_break.hpp"
#include "terminal.hpp"
#include "util/sanitize.hpp"
#include "util/url.hpp"

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

std::string issue_for_terminal(const Issue& issue, int copy,
                               const std::vector<Correction>& corrections,
                               const Rendering& render) {
  using namespace style;
  const bool color = render.color;
  // Each entry starts with its reference, N.P, aligned on the widest.
  const int entries =
      static_cast<int>(issue.cards.size() + issue.embeds.size()) +
      std::accumulate(issue.sections.begin(), issue.sections.end(), 0,
                      [](int n, const Section& s) { return n + static_cast<int>(s.items.size()); });
  const std::size_t ref_width = EntryRef{issue.number, entries, copy}.to_string().size();
  // The text lines up after the references, unless the screen is too
  // narrow to spare them the room: then each stands on a line above its
  // entry.
  const bool narrow = render.width != 0 && render.width < 60;
  const std::string indent(narrow ? 4 : 2 + ref_width + 3, ' ');
  int place = 0;
  std::string out;
  // Starts the next entry: its reference's line when narrow, and the
  // start of its first line.
  const auto first = [&](std::string_view mark) {
    const std::string ref = EntryRef{issue.number, ++place, copy}.to_string();
    if (narrow) {
      out += "  " + paint(ref, kDim, color) + '\n';
      return "  " + std::string(mark) + ' ';
    }
    return "  " + paint(ref, kDim, color) + std::string(ref_width - ref.size() + 1, ' ') +
           std::string(mark) + ' ';
  };
  out += wrapped(issue.title, render, "", "", kBold);
  out += wrapped(date_line(issue) + "  " + issue.url, render, "", "", kDim);
  for (const Section& section : issue.sections) {
    out +=
        '\n' +
        paint(section.heading.empty() ? "(no heading)" : printable(section.heading), kBold, color) +
        '\n';
    for (const Item& item : section.items) {
      const std::string lead = first("•");
      out += wrapped(item.text, render, lead, indent);
      if (!item.links.empty()) out += wrapped(link_list(item.links), render, indent, indent, kLink);
    }
  }
  if (!issue.cards.empty() || !issue.embeds.empty()) {
    out += '\n' + paint("Links", kBold, color) + '\n';
  }
  for (const Card& card : issue.cards) {
    const std::string lead = first("■");
    out += wrapped(card.title, render, lead, indent, kBold, card.url);
    out += wrapped(card.url, render, indent, indent, kLink);
    if (!card.blurb.empty()) out += wrapped(card.blurb, render, indent, indent, kDim);
    if (!card.comment.empty()) out += wrapped(card.comment, render, indent, indent);
  }
  for (const Embed& embed : issue.embeds) {
    const std::string lead = first("▶");
    out += wrapped(embed.url, render, lead, indent, kLink);
    if (!embed.comment.empty()) out += wrapped(embed.comment, render, indent, indent);
  }
  if (!corrections.empty()) out += '\n' + paint("Corrections", kBold, color) + '\n';
  for (const Correction& c : corrections) {
    out += wrapped(fmt::format("#{} ({}): {}", c.issue, c.date.value_or("no date"), c.text), render,
                   "  ! ", indent);
  }
  return out;
}

std::string entry_for_terminal(const Issue& issue, const EntryAt& entry, const EntryRef& ref,
                               const Rendering& render) {
  using namespace style;
  const std::string indent = "  ";
  const std::string where =
      entry.section ? (entry.section->heading.empty() ? std::string(to_string(entry.section->kind))
                                                      : printable(entry.section->heading))
                    : std::string(to_string(SectionKind::links));
  std::string out = wrapped(fmt::format("#{} {} {} · {}", ref.to_string(), date_line(issue), where,
                                        to_string(entry.kind)),
                            render, "", "", kDim);
  out += wrapped(issue.title, render, "", "", kDim);
  if (entry.item) out += wrapped(entry.item->text, render, indent, indent);
  if (entry.card) {
    out += wrapped(entry.card->title, render, indent, indent, kBold, entry.card->url);
    if (!entry.card->blurb.empty()) out += wrapped(entry.card->blurb, render, indent, indent, kDim);
    if (!entry.card->comment.empty()) out += wrapped(entry.card->comment, render, indent, indent);
  }
  if (entry.embed && !entry.embed->comment.empty()) {
    out += wrapped(entry.embed->comment, render, indent, indent);
  }
  const std::vector<Link> links = entry.links();
  if (!links.empty()) out += '\n' + paint("Links", kBold, render.color) + '\n';
  for (std::size_t k = 0; k < links.size(); ++k) {
    const std::string domain = url_domain(links[k].url);
    const std::string text = links[k].text.empty() ? "" : printable(links[k].text) + " ";
    out += wrapped(fmt::format("{}({})", text, domain.empty() ? "no domain" : domain), render,
                   fmt::format("  {}. ", k + 1), "     ");
    out += url_line(printable(links[k].url), links[k].url, 5, render, kLink);
  }
  return out;
}

}  // namespace kn
