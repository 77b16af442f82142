#include "hit_format.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "cells.hpp"
#include "line_break.hpp"
#include "table.hpp"
#include "util/json.hpp"
#include "util/sanitize.hpp"
#include "util/utf8.hpp"

namespace kn {

namespace {

constexpr std::size_t kIndent = 2, kSnippetLines = 3, kPlainSnippetChars = 120;
// Cells of a snippet line's worth of text when the output has no width (a
// pipe, --width 0): the snippet is then one unwrapped line of its lines'
// cells together.
constexpr std::size_t kUnlimitedLine = 100;

// The first n characters of text, with "…" when there were more.
std::string first_chars(std::string_view text, std::size_t n) {
  std::size_t i = 0, count = 0;
  while (i < text.size() && count < n) decode_utf8(text, i), ++count;
  return std::string(text.substr(0, i)) + (i < text.size() ? "…" : "");
}

// Text whose matches are known: printable text and the byte ranges of the
// matches in it.
struct Marked {
  std::string text;
  std::vector<LineSpan> matches;
};

Marked read_marks(std::string_view marked) {
  Marked out;
  std::size_t start = 0;
  bool match = false;
  const auto piece = [&](std::size_t end) {
    const std::string text = printable(marked.substr(start, end - start));
    if (match && !text.empty())
      out.matches.push_back({out.text.size(), out.text.size() + text.size()});
    out.text += text;
  };
  for (std::size_t k = 0; k < marked.size(); ++k) {
    if (marked[k] != kSnippetStart && marked[k] != kSnippetEnd) continue;
    piece(k);
    match = marked[k] == kSnippetStart;
    start = k + 1;
  }
  piece(marked.size());
  return out;
}

// The snippet as TSV and JSON give it: FTS5's, without marks, or the start
// of the text.
std::string plain_snippet(const Hit& hit) {
  if (hit.snippet.empty()) {
    return printable(first_chars(hit.body.empty() ? hit.comment : hit.body, kPlainSnippetChars));
  }
  return read_marks(hit.snippet).text;
}

// line of marked in style base, its matches in the match colour.
std::string painted(const Marked& marked, LineSpan line, bool color, std::string_view base = {}) {
  std::string out(color ? base : "");
  std::size_t at = line.begin;
  for (const LineSpan& m : marked.matches) {
    if (!color || m.end <= at || m.begin >= line.end) continue;
    const std::size_t b = std::max(m.begin, at), e = std::min(m.end, line.end);
    out += marked.text.substr(at, b - at);
    out += paint(marked.text.substr(b, e - b), style::kMatch, true);
    out += base;
    at = e;
  }
  out += marked.text.substr(at, line.end - at);
  return color && !base.empty() ? out + std::string(style::kReset) : out;
}

// The part of text a snippet shows: from a little before its first match,
// at most `lines` lines of `room` cells, "…" where it was cut.
std::vector<std::string> snippet_lines(Marked marked, std::size_t room, std::size_t lines,
                                       bool color) {
  const std::size_t budget = room * lines;
  if (!marked.matches.empty() && display_width(marked.text) > budget) {
    // A match past the middle: start a third of a line before it, at a
    // cluster.
    const std::size_t first = marked.matches.front().begin;
    std::size_t start = 0, before = display_width(marked.text.substr(0, first));
    if (before > budget / 2) {
      const std::size_t skip = before - room / 3;
      std::size_t cells = 0;
      for_each_cluster(marked.text.substr(0, first),
                       [&](std::size_t b, std::size_t e, std::size_t w) {
                         if (cells < skip) start = e;
                         cells += w;
                         (void)b;
                       });
      const auto latin = [&](std::size_t at) {
        const char c = marked.text[at];
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      };
      // Never in the middle of a Latin word, unless it is longer than a line.
      std::size_t word = start;
      while (word > 0 && word < first && latin(word) && latin(word - 1)) --word;
      if (start - word < room) start = word;
      while (start < first && marked.text[start] == ' ') ++start;
      marked.text = "…" + marked.text.substr(start);
      for (LineSpan& m : marked.matches) {
        m.begin = m.begin - start + 3;
        m.end = m.end - start + 3;
      }
    }
  }
  std::vector<LineSpan> spans = break_lines(marked.text, room);
  std::vector<std::string> out;
  for (std::size_t k = 0; k < spans.size() && k < lines; ++k) {
    LineSpan span = spans[k];
    const bool cut = k + 1 == lines && k + 1 < spans.size();
    if (cut) {
      // Room for the "…" on the last line.
      const std::string kept =
          truncate_to_width(marked.text.substr(span.begin, span.end - span.begin), room - 1);
      const std::size_t bytes = kept.size() - (kept.ends_with("…") ? 3 : 0);
      span.end = span.begin + bytes;
    }
    out.push_back(painted(marked, span, color) + (cut ? "…" : ""));
  }
  return out;
}

// The text a snippet comes from: the one with matches, the body first.
Marked snippet_source(const Hit& hit) {
  if (!hit.marked) {
    if (!hit.snippet.empty()) return read_marks(hit.snippet);
    return read_marks(hit.body.empty() ? hit.comment : hit.body);
  }
  Marked body = read_marks(hit.body), comment = read_marks(hit.comment);
  // The editor's comment first: a card's blurb is the site's own.
  if (!comment.matches.empty() && (body.matches.empty() || hit.kind == EntryKind::card)) {
    return comment;
  }
  if (body.text.empty()) return comment;
  return body;
}

// Where the hit is: issue, date, the section as its heading reads, kind.
std::string where(const Hit& hit) {
  const std::string date = hit.date ? (hit.date_estimated ? "~" : "") + *hit.date : "no date";
  const std::string heading = printable(hit.heading);
  return fmt::format("#{} {} {} · {}", entry_ref(hit).to_string(), date,
                     heading.empty() ? hit.section : heading, to_string(hit.kind));
}

}  // namespace

std::string hit_title(const Hit& hit) {
  if (!hit.marked) return hit.title;
  return read_marks(hit.title).text;
}

namespace {

// The snippet field of TSV with its matches coloured: each piece made a
// field on its own, so that no colour sequence is taken for a control.
std::string coloured_snippet(const Hit& hit) {
  if (hit.snippet.empty()) return tsv_field(plain_snippet(hit));
  const Marked marked = read_marks(hit.snippet);
  std::string out;
  std::size_t at = 0;
  for (const LineSpan& m : marked.matches) {
    out += tsv_field(marked.text.substr(at, m.begin - at));
    out += paint(tsv_field(marked.text.substr(m.begin, m.end - m.begin)), style::kMatch, true);
    at = m.end;
  }
  return out + tsv_field(marked.text.substr(at));
}

}  // namespace

std::string hit_tsv(const Hit& hit, const Rendering& render) {
  const std::string url = tsv_field(hit.url);
  return fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", hit.issue, hit.date.value_or(""),
                     tsv_field(hit.section), tsv_field(to_string(hit.kind)),
                     tsv_field(hit_title(hit)), hyperlink(url, hit.url, render.hyperlinks),
                     render.color ? coloured_snippet(hit) : tsv_field(plain_snippet(hit)),
                     entry_ref(hit).to_string(),
                     tsv_field(fmt::format("{}", fmt::join(hit.competitions, " "))));
}

std::string hit_json(const Hit& hit) {
  JsonWriter json;
  json.begin_object();
  json.key("issue").value(hit.issue);
  json.key("ref").value(entry_ref(hit).to_string());
  json.key("source").value(hit.source);
  json.key("date").nullable(hit.date);
  json.key("date_estimated").value(hit.date_estimated);
  json.key("section").value(hit.section);
  json.key("heading").value(hit.heading);
  json.key("kind").value(to_string(hit.kind));
  json.key("title").value(hit_title(hit));
  json.key("url").value(hit.url);
  json.key("links").begin_array();
  for (const Link& link : hit.links) {
    json.begin_object().key("text").value(link.text).key("url").value(link.url).end_object();
  }
  json.end_array();
  json.key("competitions").begin_array();
  for (const std::string& competition : hit.competitions) json.value(competition);
  json.end_array();
  json.key("snippet").value(plain_snippet(hit));
  json.key("score").value(hit.score);
  json.end_object();
  return json.take() + '\n';
}

std::string hit_for_terminal(const Hit& hit, const Rendering& render) {
  const bool color = render.color;
  const std::size_t room = render.width == 0             ? 0
                           : render.width > kIndent + 10 ? render.width - kIndent
                                                         : 10;
  const std::string indent(kIndent, ' ');
  std::string out;
  for (const std::string& line : wrap_text(printable(where(hit)), render.width)) {
    out += paint(line, style::kDim, color) + '\n';
  }
  const Marked title = read_marks(hit.title);
  const std::string url = printable(hit.url);
  for (const LineSpan& span : break_lines(title.text, room)) {
    const std::string line = painted(title, span, color, style::kBold);
    out += indent + hyperlink(line, hit.url, render.hyperlinks) + '\n';
  }
  if (!url.empty()) out += url_line(url, hit.url, kIndent, render, style::kLink);
  // An item has no title: its snippet has the title's line too.
  const std::size_t lines = kSnippetLines + (title.text.empty() ? 1 : 0);
  const std::vector<std::string> snippet =
      room ? snippet_lines(snippet_source(hit), room, lines, color)
           : snippet_lines(snippet_source(hit), kUnlimitedLine * lines, 1, color);
  for (const std::string& line : snippet) {
    if (!line.empty()) out += indent + line + '\n';
  }
  return out;
}

}  // namespace kn
