// Where text breaks into lines: at the break opportunities of UAX #14 as
// ICU's line BreakIterator finds them with the ja@lb=strict locale (no line
// starts with 、。」 or small kana, none ends with 「), never inside a URL,
// and never at the hyphen of a Latin word (GPT-4, scikit-learn). A URL or a
// word wider than the line stands alone on its line and overflows it; only
// a word (not a URL) wider than the whole line is cut, between clusters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "terminal.hpp"

namespace kn {

// A line of text: its bytes [begin, end), trailing white space left out.
struct LineSpan {
  std::size_t begin = 0, end = 0;
};

// Returns text broken into lines of at most columns cells (0: only at
// newlines). text must be valid UTF-8.
std::vector<LineSpan> break_lines(std::string_view text, std::size_t columns);

// Returns text broken as break_lines() breaks it, the lines themselves.
std::vector<std::string> wrap_text(std::string_view text, std::size_t columns);

// Tells whether a field is a URL: it starts with http:// or https://.
bool is_url(std::string_view field);

// Returns a field that is a URL (it starts with http:// or https://) as one
// line, whatever it holds (some hold spaces); other text as wrap_text.
std::vector<std::string> wrap_field(std::string_view text, std::size_t columns);

// Returns the line, newline included, that shows a URL (shown: its
// printable form, target: the URL itself) after an indent of `indent` cells
// within render.width: indented when it fits (or the width is unlimited);
// else, when render.hyperlinks makes it a link, cut with "…" to fit while
// the link holds the whole URL; else whole at column 0, so that the
// terminal's own wrapping keeps it one unindented block to copy.
std::string url_line(std::string_view shown, std::string_view target, std::size_t indent,
                     const Rendering& render, std::string_view style);

// Returns the byte ranges of the http(s) URLs in text, which never break.
std::vector<LineSpan> url_spans(std::string_view text);

}  // namespace kn
