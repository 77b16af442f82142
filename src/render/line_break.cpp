#include "line_break.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <tuple>
#include <utility>

#include "cells.hpp"
#include "kn/error.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace kn {

namespace {

icu::BreakIterator& line_iterator() {
  thread_local const std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createLineInstance(icu::Locale("ja@lb=strict"), status));
    if (U_FAILURE(status)) throw Error(std::string("ICU: ") + u_errorName(status));
    return made;
  }();
  return *iterator;
}

// A URL ends at white space, at what cannot be in one unescaped, and where
// Japanese text begins (「」、。 and every CJK character are U+3000 or above).
bool ends_url(char32_t cp) {
  return cp <= ' ' || cp == '<' || cp == '>' || cp == '"' || cp == 0x7F || cp >= 0x3000 ||
         is_space(cp);
}

struct Opportunity {
  std::size_t at;
  bool hard;  // a newline: the line ends here whatever its width
};

std::vector<Opportunity> opportunities(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  icu::BreakIterator& iterator = line_iterator();
  iterator.setText(utext, status);
  utext_close(utext);
  if (U_FAILURE(status)) throw Error(std::string("ICU: ") + u_errorName(status));
  const std::vector<LineSpan> urls = url_spans(text);
  std::vector<Opportunity> out;
  auto url = urls.begin();
  for (int32_t next = iterator.next(); next != icu::BreakIterator::DONE; next = iterator.next()) {
    const auto at = static_cast<std::size_t>(next);
    while (url != urls.end() && url->end <= at) ++url;
    if (url != urls.end() && url->begin < at && at < url->end) continue;
    if (at >= 2 && at < text.size() && text[at - 1] == '-' && is_ascii_alnum(text[at - 2]) &&
        is_ascii_alnum(text[at])) {
      continue;
    }
    const bool hard = iterator.getRuleStatus() >= UBRK_LINE_HARD && at < text.size();
    out.push_back({at, hard});
  }
  if (out.empty() || out.back().at != text.size()) out.push_back({text.size(), false});
  return out;
}

// The end of text[begin, end) without its trailing white space.
std::size_t trimmed_end(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '\r' ||
                         text[end - 1] == '\t')) {
    --end;
  }
  // U+3000, the ideographic space, is white space too.
  while (end >= begin + 3 && text.substr(end - 3, 3) == "\xE3\x80\x80") end -= 3;
  return end;
}

bool inside_url(const std::vector<LineSpan>& urls, std::size_t begin, std::size_t end) {
  return std::any_of(urls.begin(), urls.end(),
                     [&](const LineSpan& u) { return u.begin < end && begin < u.end; });
}

// A word wider than a whole line, cut between clusters into lines that fit;
// the last piece starts the next line: returns where it begins, and its width.
std::pair<std::size_t, std::size_t> cut_word(std::string_view text, std::size_t begin,
                                             std::size_t end, std::size_t columns,
                                             std::vector<LineSpan>& lines) {
  std::size_t start = begin, width = 0;
  for_each_cluster(text.substr(begin, end - begin), [&](std::size_t b, std::size_t, std::size_t w) {
    if (width + w > columns && begin + b > start) {
      lines.push_back({start, begin + b});
      start = begin + b;
      width = 0;
    }
    width += w;
  });
  return {start, width};
}

}  // namespace

std::vector<LineSpan> url_spans(std::string_view text) {
  std::vector<LineSpan> spans;
  for (std::size_t at = 0; (at = text.find("http", at)) != std::string_view::npos;) {
    const std::string_view rest = text.substr(at);
    const std::size_t scheme = rest.starts_with("https://")  ? 8
                               : rest.starts_with("http://") ? 7
                                                             : 0;
    if (scheme == 0 || (at > 0 && is_ascii_alnum(text[at - 1]))) {
      at += 4;
      continue;
    }
    std::size_t end = at + scheme;
    for (std::size_t i = end; i < text.size();) {
      if (ends_url(decode_utf8(text, i))) break;
      end = i;
    }
    spans.push_back({at, end});
    at = end;
  }
  return spans;
}

std::vector<LineSpan> break_lines(std::string_view text, std::size_t columns) {
  std::vector<LineSpan> lines;
  if (text.empty()) return lines;
  const std::vector<LineSpan> urls = url_spans(text);
  std::size_t line_begin = 0, line_width = 0, segment_begin = 0;
  bool line_empty = true;
  const auto end_line = [&](std::size_t at) {
    lines.push_back({line_begin, trimmed_end(text, line_begin, at)});
    line_begin = at;
    line_width = 0;
    line_empty = true;
  };
  for (const Opportunity& o : opportunities(text)) {
    const std::size_t end = o.at, visible = trimmed_end(text, segment_begin, end);
    const std::size_t shown = display_width(text.substr(segment_begin, visible - segment_begin));
    const std::size_t whole = shown + display_width(text.substr(visible, end - visible));
    if (columns > 0 && !line_empty && line_width + shown > columns) end_line(segment_begin);
    if (columns > 0 && line_empty && shown > columns && !inside_url(urls, segment_begin, visible)) {
      std::tie(line_begin, line_width) = cut_word(text, segment_begin, visible, columns, lines);
      line_width += display_width(text.substr(visible, end - visible));
      line_empty = false;
      segment_begin = end;
      if (o.hard) end_line(end);
      continue;
    }
    line_width += whole;
    line_empty = false;
    segment_begin = end;
    if (o.hard) end_line(end);
  }
  if (!line_empty) end_line(text.size());
  return lines;
}

std::vector<std::string> wrap_text(std::string_view text, std::size_t columns) {
  std::vector<std::string> out;
  for (const LineSpan& line : break_lines(text, columns)) {
    out.emplace_back(text.substr(line.begin, line.end - line.begin));
  }
  return out;
}

std::string url_line(std::string_view shown, std::string_view target, std::size_t indent,
                     const Rendering& render, std::string_view style) {
  const std::size_t room = render.width > indent ? render.width - indent : 0;
  const auto link = [&](std::string_view text) {
    return hyperlink(paint(text, style, render.color), target, render.hyperlinks);
  };
  if (render.width == 0 || display_width(shown) <= room) {
    return std::string(indent, ' ') + link(shown) + '\n';
  }
  const bool linked = hyperlink("", target, render.hyperlinks) != "";
  if (linked && room > 1)
    return std::string(indent, ' ') + link(truncate_to_width(shown, room)) + '\n';
  return link(shown) + '\n';
}

bool is_url(std::string_view field) {
  return field.starts_with("https://") || field.starts_with("http://");
}

std::vector<std::string> wrap_field(std::string_view text, std::size_t columns) {
  if (is_url(text)) return {std::string(text)};
  return wrap_text(text, columns);
}

}  // namespace kn
