#include "sanitize.hpp"

#include <fmt/core.h>

#include "utf8.hpp"

namespace kn {

namespace {

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// Characters that reorder or hide what surrounds them on a terminal.
bool is_invisible(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F || cp == 0x061C || cp == 0x200B || cp == 0x200C || cp == 0x2060 ||
         cp == 0xFEFF || cp == 0x180E;
}

}  // namespace

bool is_hidden_character(char32_t cp) { return is_control(cp) || is_invisible(cp); }

namespace {

// Calls each(cp, bytes, valid) for every character of text; an invalid
// sequence comes as U+FFFD with valid false.
template <typename Each>
void for_each_char(std::string_view text, Each each) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t cp = decode_utf8(text, i);
    const std::string_view bytes = text.substr(start, i - start);
    each(cp, bytes, !is_invalid_sequence(cp, bytes));
  }
}

// A lead byte in [low, high] and two continuation bytes at text[i]: for
// leads E1-EC and EE-EF, a valid character that need not be decoded.
bool three_bytes_at(std::string_view text, std::size_t i, unsigned char low, unsigned char high) {
  const auto c = static_cast<unsigned char>(text[i]);
  return c >= low && c <= high && i + 2 < text.size() &&
         is_continuation_byte(static_cast<unsigned char>(text[i + 1])) &&
         is_continuation_byte(static_cast<unsigned char>(text[i + 2]));
}

// text copied a kept run at a time, not a character at a time. skip(i) is
// how many bytes at text[i] are kept without being decoded (0: decode);
// instead(cp, valid) is what replaces a decoded character, nullptr to keep it.
template <typename Skip, typename Instead>
std::string copy_kept_runs(std::string_view text, Skip skip, Instead instead) {
  std::string out;
  out.reserve(text.size());
  std::size_t kept = 0;  // text[kept, i) is still to be copied as it is
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t n = skip(i)) {
      i += n;
      continue;
    }
    const std::size_t start = i;
    const char32_t cp = decode_utf8(text, i);
    const char* replacement = instead(cp, !is_invalid_sequence(cp, text.substr(start, i - start)));
    if (!replacement) continue;
    out.append(text, kept, start - kept);
    out += replacement;
    kept = i;
  }
  out.append(text, kept);
  return out;
}

}  // namespace

// Every file indexed passes through here whole: ASCII and most of Japanese
// (leads E1-EF but ED, whose second byte is restricted) are not decoded.
std::string without_controls(std::string_view text) {
  const auto skip = [&](std::size_t i) -> std::size_t {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r') return 1;
    return c != 0xED && three_bytes_at(text, i, 0xE1, 0xEF) ? 3 : 0;
  };
  return copy_kept_runs(text, skip, [](char32_t cp, bool valid) -> const char* {
    if (!valid) return "\uFFFD";
    return is_control(cp) ? "" : nullptr;
  });
}

// Every field of every page printed passes through here: ASCII and kana and
// kanji (U+3000 to U+CFFF, leads E3 to EC, none of them invisible) are not
// decoded.
std::string printable(std::string_view text) {
  const auto skip = [&](std::size_t i) -> std::size_t {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c < 0x7F) return 1;
    return three_bytes_at(text, i, 0xE3, 0xEC) ? 3 : 0;
  };
  return copy_kept_runs(text, skip, [](char32_t cp, bool valid) -> const char* {
    if (!valid) return "\uFFFD";
    if (cp == '\t' || cp == '\n' || cp == '\r') return " ";
    return is_control(cp) || is_invisible(cp) ? "" : nullptr;
  });
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
