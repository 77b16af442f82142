#include "writeup.hpp"

#include <algorithm>
#include <cstring>
#include <string>

#include "competition.hpp"
#include "link_at_match.hpp"
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
  for (const char* word : {"解法", "振り返り", "ふりかえり", "反省会", "solution", "writeup",
                           "write-up", "write up"}) {
    if (key.find(word) != std::string::npos) return true;
  }
  return has_place(key) || has_rank(text);
}

bool is_pointer(std::string_view link_text) {
  const std::string key = ascii_lower(link_text);
  for (const char* word : {"discussion", "こちら", "here", "記事", "ブログ", "スライド", "資料"}) {
    if (key.find(word) != std::string::npos) return true;
  }
  return false;
}

std::vector<bool> item_writeups(std::string_view text, const std::vector<Link>& links) {
  const std::vector<std::size_t> at = locate_links(text, links);
  // Links are found in order, so those of one sentence stand together: each
  // sentence is found and read once, however many links it holds.
  struct Sentence {
    std::size_t begin = std::string_view::npos, end = std::string_view::npos;
    int links = 0;
    bool says = false;
  };
  std::vector<Sentence> sentences;
  std::vector<std::size_t> sentence_of(links.size(), std::string_view::npos);
  for (std::size_t k = 0; k < links.size(); ++k) {
    if (at[k] == std::string_view::npos) continue;
    if (sentences.empty() || at[k] < sentences.back().begin || at[k] >= sentences.back().end) {
      const auto [begin, end] = sentence_at(text, at[k]);
      sentences.push_back({begin, end, 0, is_writeup(text.substr(begin, end - begin))});
    }
    ++sentences.back().links;
    sentence_of[k] = sentences.size() - 1;
  }
  std::vector<bool> out(links.size());
  for (std::size_t k = 0; k < links.size(); ++k) {
    out[k] = is_writeup(links[k].text);
    if (out[k] || sentence_of[k] == std::string_view::npos) continue;
    const Sentence& sentence = sentences[sentence_of[k]];
    out[k] = sentence.says && (sentence.links == 1 || is_pointer(links[k].text));
  }
  return out;
}

std::vector<bool> writeup_links(EntryKind kind, std::string_view text,
                                const std::vector<Link>& links) {
  std::vector<bool> out =
      kind == EntryKind::item ? item_writeups(text, links) : std::vector<bool>(links.size(), false);
  for (std::size_t k = 0; k < links.size(); ++k) {
    out[k] = out[k] || is_writeup(links[k].text);
    if (!out[k]) continue;
    const auto competition = competition_of(links[k].url);
    if (competition && competition->page == CompetitionPage::front) out[k] = false;
  }
  return out;
}

bool is_writeup_entry(EntryKind kind, std::string_view title, std::string_view body,
                      std::string_view comment, const std::vector<Link>& links) {
  if (kind != EntryKind::item && (is_writeup(title) || is_writeup(body) || is_writeup(comment))) {
    return true;
  }
  const std::vector<bool> marks = writeup_links(kind, body, links);
  return std::find(marks.begin(), marks.end(), true) != marks.end();
}

}  // namespace kn
