#include "writeups.hpp"

#include <cstring>
#include <string>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace kn {

namespace {

// A numeral (ASCII, full-width or kanji) right before 位: 1位, ３位, 十位.
bool has_rank(std::string_view text) {
  static constexpr std::string_view kRank = "位";
  for (std::size_t at = text.find(kRank); at != std::string_view::npos;
       at = text.find(kRank, at + kRank.size())) {
    if (at == 0) continue;
    std::size_t before = at - 1;
    while (before > 0 && (static_cast<unsigned char>(text[before]) & 0xC0) == 0x80) --before;
    std::size_t i = before;
    const char32_t cp = decode_utf8(text, i);
    if ((cp >= '0' && cp <= '9') || (cp >= U'０' && cp <= U'９') ||
        std::u32string_view(U"一二三四五六七八九十").find(cp) != std::u32string_view::npos) {
      return true;
    }
  }
  return false;
}

bool has_place(const std::string& key) {
  for (const char* ordinal :
       {"1st", "2nd", "3rd", "th place", "st place", "nd place", "rd place"}) {
    const std::size_t at = key.find(ordinal);
    if (at == std::string::npos) continue;
    if (std::string_view(ordinal).find("place") != std::string_view::npos) return true;
    const std::string_view rest = std::string_view(key).substr(at + std::strlen(ordinal));
    if (rest.starts_with(" place") || rest.starts_with("-place") || rest.starts_with(" solution")) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool is_writeup(std::string_view text) {
  const std::string key = ascii_lower(text);
  for (const char* word :
       {"解法", "振り返り", "ふりかえり", "solution", "writeup", "write-up", "write up"}) {
    if (key.find(word) != std::string::npos) return true;
  }
  return has_place(key) || has_rank(text);
}

}  // namespace kn
