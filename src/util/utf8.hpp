// UTF-8 decoding, repair and whitespace handling shared by every module that
// touches text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kn {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Tells whether c, 10xxxxxx, continues a multi-byte sequence.
inline bool is_continuation_byte(unsigned char c) { return (c & 0xC0) == 0x80; }

// Decodes the code point starting at s[i] and advances i past it. An invalid
// or truncated sequence yields kReplacementChar and advances past its maximal
// valid prefix (at least one byte), as the WHATWG decoder does.
char32_t decode_utf8(std::string_view s, std::size_t& i);

// Returns whether decode_utf8, having read bytes as cp, met an invalid
// sequence: a U+FFFD that the bytes do not spell themselves.
inline bool is_invalid_sequence(char32_t cp, std::string_view bytes) {
  return cp == kReplacementChar && bytes != "\uFFFD";
}

// Returns s with every invalid sequence replaced by U+FFFD (for the
// tokenizer's fuzzer, which feeds it bytes).
std::string repair_utf8(std::string_view s);

// Advances i past the character at s[i], as decode_utf8 does; true when its
// bytes are not valid UTF-8 (a U+FFFD the text spells itself is valid).
inline bool skip_invalid_utf8(std::string_view s, std::size_t& i) {
  const std::size_t start = i;
  const char32_t cp = decode_utf8(s, i);
  return is_invalid_sequence(cp, s.substr(start, i - start));
}

// Inline: the tokenizer appends every character of Japanese text, twice.
inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Tells whether cp is one of the characters Unicode calls White_Space (ASCII
// blanks, NBSP, the ideographic space U+3000, ...).
bool is_space(char32_t cp);

// Returns s with runs of white space turned into one ASCII space and both
// ends trimmed. s must be valid UTF-8.
std::string collapse_whitespace(std::string_view s);

}  // namespace kn
