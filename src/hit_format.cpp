#include "kn/hit_format.hpp"

#include <fmt/format.h>

#include <utility>
#include <vector>

#include "kn/json.hpp"
#include "kn/sanitize.hpp"
#include "kn/table.hpp"
#include "kn/terminal.hpp"
#include "kn/utf8.hpp"

namespace kn {

namespace {

constexpr std::size_t kTitleChars = 40;
constexpr std::size_t kPlainSnippetChars = 120;

// The first n characters of text, with "…" when there were more.
std::string first_chars(std::string_view text, std::size_t n) {
  std::size_t i = 0, count = 0;
  while (i < text.size() && count < n) decode_utf8(text, i), ++count;
  return std::string(text.substr(0, i)) + (i < text.size() ? "…" : "");
}

// The snippet as pieces of text, each marked as a match or not. Without
// words to match, the start of the entry's text.
std::vector<std::pair<std::string, bool>> snippet_pieces(const Hit& hit) {
  std::vector<std::pair<std::string, bool>> pieces;
  if (hit.snippet.empty()) {
    const std::string& text = hit.body.empty() ? hit.comment : hit.body;
    pieces.emplace_back(printable(first_chars(text, kPlainSnippetChars)), false);
    return pieces;
  }
  bool match = false;
  std::string piece;
  for (const char c : hit.snippet) {
    if (c == kSnippetStart || c == kSnippetEnd) {
      if (!piece.empty()) pieces.emplace_back(printable(piece), match);
      piece.clear();
      match = c == kSnippetStart;
    } else {
      piece += c == '\n' || c == '\t' ? ' ' : c;
    }
  }
  if (!piece.empty()) pieces.emplace_back(printable(piece), match);
  return pieces;
}

std::string plain_snippet(const Hit& hit) {
  std::string out;
  for (const auto& [text, match] : snippet_pieces(hit)) out += text;
  return out;
}

}  // namespace

std::string hit_title(const Hit& hit) {
  if (!hit.title.empty()) return hit.title;
  const std::string& text = hit.kind == "item" ? hit.body : hit.comment;
  return text.empty() ? hit.url : first_chars(text, kTitleChars);
}

std::string hit_tsv(const Hit& hit) {
  return fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", hit.issue, hit.date.value_or(""),
                     tsv_field(hit.section), tsv_field(hit.kind), tsv_field(hit_title(hit)),
                     tsv_field(hit.url), tsv_field(plain_snippet(hit)));
}

std::string hit_json(const Hit& hit) {
  JsonWriter json;
  json.begin_object();
  json.key("issue").value(hit.issue);
  json.key("date").nullable(hit.date);
  json.key("date_estimated").value(hit.date_estimated);
  json.key("section").value(hit.section);
  json.key("heading").value(hit.heading);
  json.key("kind").value(hit.kind);
  json.key("title").value(hit_title(hit));
  json.key("url").value(hit.url);
  json.key("snippet").value(plain_snippet(hit));
  json.key("score").value(hit.score);
  json.end_object();
  return json.take() + '\n';
}

std::string hit_for_terminal(const Hit& hit, std::size_t width, bool color) {
  constexpr std::size_t kIndent = 2, kSnippetLines = 3;
  const std::size_t inner = width > kIndent + 10 ? width - kIndent : 10;
  std::string out;
  const std::string date = hit.date ? (hit.date_estimated ? "~" : "") + *hit.date : "no date";
  out += paint(
      truncate_to_width(fmt::format("#{} {} {} {}", hit.issue, date, hit.section, hit.kind), width),
      style::kDim, color);
  out += '\n';
  const std::string indent(kIndent, ' ');
  out += indent + paint(truncate_to_width(printable(hit_title(hit)), inner), style::kBold, color) +
         '\n';
  out += indent + paint(truncate_to_width(printable(hit.url), inner), style::kLink, color) + '\n';

  // Wrap the snippet character by character (Japanese has no spaces),
  // switching the match colour on and off where the pieces change; the last
  // line keeps a column for "…".
  std::vector<std::string> lines(1);
  std::size_t used = 0;
  bool full = false;
  for (const auto& [text, match] : snippet_pieces(hit)) {
    const bool paint_match = color && match;
    if (paint_match) lines.back() += style::kMatch;
    for (std::size_t i = 0; i < text.size() && !full;) {
      const std::size_t start = i;
      decode_utf8(text, i);
      const std::string_view ch = std::string_view(text).substr(start, i - start);
      const std::size_t w = display_width(ch);
      const bool last_line = lines.size() == kSnippetLines;
      if (used + w > inner - (last_line ? 1 : 0)) {
        if (last_line) {
          lines.back() += "…";
          full = true;
          break;
        }
        if (paint_match) lines.back() += style::kReset;
        lines.emplace_back(paint_match ? std::string(style::kMatch) : "");
        used = 0;
      }
      lines.back() += ch;
      used += w;
    }
    if (paint_match) lines.back() += style::kReset;
    if (full) break;
  }
  for (const std::string& line : lines) {
    if (!line.empty()) out += indent + line + '\n';
  }
  return out;
}

}  // namespace kn
