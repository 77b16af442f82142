#include "utf8.hpp"

namespace kn {

char32_t decode_utf8(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  int length = 0;
  char32_t cp = 0;
  // The second byte's range depends on the lead byte: this rejects overlong
  // forms, surrogates and values above U+10FFFF in one place.
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    cp = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    cp = lead & 0x07;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    ++i;
    return kReplacementChar;
  }
  std::size_t k = i + 1;
  for (int n = 1; n < length; ++n, ++k) {
    if (k >= s.size()) break;
    const unsigned char c = byte(k);
    if (n == 1 ? (c < low || c > high) : !is_continuation_byte(c)) break;
    cp = (cp << 6) | (c & 0x3F);
    if (n == length - 1) {
      i = k + 1;
      return cp;
    }
  }
  i = k;
  return kReplacementChar;
}

bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    if (is_space(decode_utf8(s, i))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t cp = decode_utf8(s, i);
    const std::string_view bytes = s.substr(start, i - start);
    if (is_invalid_sequence(cp, bytes)) {
      append_utf8(out, kReplacementChar);
    } else {
      out.append(bytes);
    }
  }
  return out;
}

}  // namespace kn
