#include "kn/sanitize.hpp"

#include <fmt/core.h>

#include "kn/utf8.hpp"

namespace kn {

namespace {

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// Characters that reorder or hide what surrounds them on a terminal.
bool is_invisible(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F || cp == 0x061C || cp == 0x200B || cp == 0x200C || cp == 0x2060 ||
         cp == 0xFEFF || cp == 0x180E;
}

// Calls each(cp, bytes, valid) for every character of text; an invalid
// sequence comes as U+FFFD with valid false.
template <typename Each>
void for_each_char(std::string_view text, Each each) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t cp = decode_utf8(text, i);
    const std::string_view bytes = text.substr(start, i - start);
    each(cp, bytes, cp != kReplacementChar || bytes == "\xEF\xBF\xBD");
  }
}

}  // namespace

// Every file indexed passes through here whole: kept characters are copied
// a run at a time, and ASCII and most of Japanese are not decoded.
std::string without_controls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t kept = 0;  // text[kept, i) is still to be copied as it is
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    // Most of Japanese: three bytes whose lead allows any continuation.
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < text.size() &&
        is_continuation_byte(static_cast<unsigned char>(text[i + 1])) &&
        is_continuation_byte(static_cast<unsigned char>(text[i + 2]))) {
      i += 3;
      continue;
    }
    const std::size_t start = i;
    const char32_t cp = decode_utf8(text, i);
    const bool valid = cp != kReplacementChar || text.substr(start, i - start) == "\xEF\xBF\xBD";
    if (valid && !is_control(cp)) continue;
    out.append(text, kept, start - kept);
    if (!valid) append_utf8(out, kReplacementChar);
    kept = i;
  }
  out.append(text, kept);
  return out;
}

// Every field of every page printed passes through here: like
// without_controls, kept runs are copied whole, and ASCII and kana and kanji
// (U+3000 to U+CFFF, three bytes led by E3 to EC, none of them invisible)
// are not decoded.
std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t kept = 0;  // text[kept, i) is still to be copied as it is
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) {
      ++i;
      continue;
    }
    if (c >= 0xE3 && c <= 0xEC && i + 2 < text.size() &&
        is_continuation_byte(static_cast<unsigned char>(text[i + 1])) &&
        is_continuation_byte(static_cast<unsigned char>(text[i + 2]))) {
      i += 3;
      continue;
    }
    const std::size_t start = i;
    const char32_t cp = decode_utf8(text, i);
    const bool valid = cp != kReplacementChar || text.substr(start, i - start) == "\xEF\xBF\xBD";
    if (valid && !is_control(cp) && !is_invisible(cp)) continue;
    out.append(text, kept, start - kept);
    if (!valid) {
      append_utf8(out, kReplacementChar);
    } else if (cp == '\t' || cp == '\n' || cp == '\r') {
      out += ' ';
    }
    kept = i;
  }
  out.append(text, kept);
  return out;
}

std::string printable_keeping_lines(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t nl = text.find('\n');; nl = text.find('\n', start)) {
    std::string_view line = text.substr(start, nl - start);
    if (nl != std::string_view::npos && line.ends_with('\r')) line.remove_suffix(1);
    out += printable(line);
    if (nl == std::string_view::npos) break;
    out += '\n';
    start = nl + 1;
  }
  return out;
}

std::string escaped(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for_each_char(bytes, [&](char32_t cp, std::string_view raw, bool valid) {
    if (!valid || cp < 0x20 || cp == 0x7F) {
      for (const char c : raw) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
    } else if (is_control(cp) || is_invisible(cp)) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
    } else if (cp == '\\') {
      out += "\\\\";
    } else {
      out.append(raw);
    }
  });
  return out;
}

}  // namespace kn
