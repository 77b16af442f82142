#include "issue_markdown.hpp"

#include <fmt/format.h>

#include "util/sanitize.hpp"
#include "util/url.hpp"

namespace kn {

namespace {

bool is_markup(char c) {
  switch (c) {
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
    case '<':
    case '>':
    case '&':
    case '~':
    case '|':
    case '!': return true;
    default: return false;
  }
}

// A line that begins with one of these opens a heading, quote, list,
// rule or setext underline.
bool opens_block(std::string_view text) {
  if (text.empty()) return false;
  const char c = text.front();
  if (c == '#' || c == '-' || c == '+' || c == '=') return true;
  const std::size_t digits = text.find_first_not_of("0123456789");
  return digits > 0 && digits != std::string_view::npos && digits < 10 &&
         (text[digits] == '.' || text[digits] == ')');
}

// The URL inside <...>: whatever could end the destination, or break the
// line, percent-encoded.
std::string destination(std::string_view url) {
  std::string out;
  for (const char c : printable(url)) {
    if (c == '<' || c == '>' || c == ' ' || c == '\\') {
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      out += c;
    }
  }
  return out;
}

std::string links_list(const std::vector<Link>& links, const std::string& indent) {
  std::string out;
  for (const Link& link : links) out += indent + "- " + markdown_link(link.text, link.url) + '\n';
  return out;
}

std::string date_line(const Issue& issue) {
  if (!issue.date) return "no date";
  return issue.date->to_string() + (issue.date_estimated ? " (estimated)" : "");
}

}  // namespace

std::string markdown_text(std::string_view raw) {
  const std::string text = printable(raw);
  std::string out;
  out.reserve(text.size());
  if (opens_block(text)) out += '\\';
  for (const char c : text) {
    if (is_markup(c)) out += '\\';
    out += c;
  }
  return out;
}

std::string markdown_link(std::string_view text, std::string_view url) {
  if (!linkable_url(url)) {
    return fmt::format("{} ({})", markdown_text(text), markdown_text(url));
  }
  return fmt::format("[{}](<{}>)", markdown_text(text), destination(url));
}

std::string issue_markdown(const Issue& issue, const std::vector<Correction>& corrections) {
  std::string out = fmt::format(
      "# {}\n\n{} · {}\n", markdown_text(issue.title), date_line(issue),
      linkable_url(issue.url) ? "<" + destination(issue.url) + ">" : markdown_text(issue.url));
  for (const Section& section : issue.sections) {
    out += fmt::format("\n## {}\n\n",
                       section.heading.empty() ? "(no heading)" : markdown_text(section.heading));
    for (const Item& item : section.items) {
      out += "- " + markdown_text(item.text) + '\n' + links_list(item.links, "  ");
    }
  }
  if (!issue.cards.empty() || !issue.embeds.empty()) out += "\n## Links\n";
  for (const Card& card : issue.cards) {
    out += fmt::format("\n### {}\n\n", markdown_link(card.title, card.url));
    if (!card.blurb.empty()) out += "> " + markdown_text(card.blurb) + "\n\n";
    if (!card.comment.empty()) out += markdown_text(card.comment) + '\n';
    out += links_list(card.links, "");
  }
  for (const Embed& embed : issue.embeds) {
    out += fmt::format("\n### {}\n\n", linkable_url(embed.url) ? "<" + destination(embed.url) + ">"
                                                               : markdown_text(embed.url));
    if (!embed.comment.empty()) out += markdown_text(embed.comment) + '\n';
    out += links_list(embed.links, "");
  }
  if (!corrections.empty()) out += "\n## Corrections\n\n";
  for (const Correction& c : corrections) {
    out +=
        fmt::format("- #{} ({}): {}\n", c.issue, c.date.value_or("no date"), markdown_text(c.text));
  }
  return out;
}

}  // namespace kn
