#include "kn/competition_name.hpp"

#include <algorithm>
#include <array>

#include "kn/text.hpp"
#include "kn/utf8.hpp"

namespace kn {

namespace {

// Words that describe a page of a competition, not the competition.
constexpr std::array<std::string_view, 40> kPageWords{"こちら",
                                                      "ここ",
                                                      "リンク",
                                                      "詳細",
                                                      "公式",
                                                      "コンペ",
                                                      "コンペティション",
                                                      "順位表",
                                                      "リーダーボード",
                                                      "結果",
                                                      "最終結果",
                                                      "入賞者",
                                                      "入賞者解法",
                                                      "解法",
                                                      "上位解法",
                                                      "公募",
                                                      "概要",
                                                      "ルール",
                                                      "データ",
                                                      "ディスカッション",
                                                      "議論",
                                                      "発表",
                                                      "募集",
                                                      "開催",
                                                      "特設ページ",
                                                      "公式ページ",
                                                      "here",
                                                      "link",
                                                      "this",
                                                      "page",
                                                      "competition",
                                                      "url",
                                                      "leaderboard",
                                                      "results",
                                                      "solutions",
                                                      "solution",
                                                      "discussion",
                                                      "overview",
                                                      "data",
                                                      "rules"};

// Nouns that end a phrase describing something, not naming it.
constexpr std::array<std::string_view, 14> kGenericEndings{"コンペ", "経験",   "プラットフォーム",
                                                           "ページ", "サイト", "記事",
                                                           "資料",   "結果",   "解法",
                                                           "こと",   "もの",   "ため",
                                                           "場",     "方法"};

// Particles that make a run of Japanese a phrase.
constexpr std::array<std::string_view, 7> kParticles{"を", "に", "の", "が", "で", "へ", "は"};

struct Bracketed {
  std::size_t open, close;  // byte offsets of the brackets' insides
};

// The 「」 and 『』 pairs of text, outermost, in order.
std::vector<Bracketed> bracketed(std::string_view text) {
  std::vector<Bracketed> out;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t cp = decode_utf8(text, i);
    if (cp == U'「' || cp == U'『') {
      if (depth++ == 0) start = i;
    } else if ((cp == U'」' || cp == U'』') && depth > 0) {
      if (--depth == 0) out.push_back({start, at});
    }
  }
  return out;
}

bool is_sentence_end(char32_t cp) {
  return cp == U'。' || cp == U'！' || cp == U'？' || cp == '\n';
}

// The sentence of text around byte `at`: [begin, end).
std::pair<std::size_t, std::size_t> sentence_at(std::string_view text, std::size_t at) {
  std::size_t begin = 0, end = text.size();
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = decode_utf8(text, i);
    if (!is_sentence_end(cp)) continue;
    if (i <= at) begin = i;
    if (i > at) {
      end = i;
      break;
    }
  }
  return {begin, end};
}

// Where each link's text stands in text: links are in document order, so
// each is looked for after the one before. npos when it is not there.
std::vector<std::size_t> link_offsets(std::string_view text, const std::vector<Link>& links) {
  std::vector<std::size_t> out;
  std::size_t from = 0;
  for (const Link& link : links) {
    const std::size_t at = link.text.empty() ? std::string_view::npos : text.find(link.text, from);
    out.push_back(at);
    if (at != std::string_view::npos) from = at + link.text.size();
  }
  return out;
}

bool has_latin(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

bool is_date_or_number(std::string_view key) {
  std::size_t digits = 0, other = 0;
  for (std::size_t i = 0; i < key.size();) {
    const char32_t cp = decode_utf8(key, i);
    if ((cp >= '0' && cp <= '9') || (cp >= U'０' && cp <= U'９')) {
      ++digits;
    } else if (!(cp == ' ' || cp == '.' || cp == ',' || cp == '#' || cp == '/' || cp == '-' ||
                 cp == U'年' || cp == U'月' || cp == U'日' || cp == U'第' || cp == U'回')) {
      ++other;
    }
  }
  return other == 0;
}

// A section label of a multi-track competition: short, no bracket of its
// own, standing right after its parent's 「」 name (Week 4, 2022秋の部).
bool is_label(std::string_view text) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++chars) decode_utf8(text, i);
  return chars > 0 && chars <= 12;
}

// Whether gap, between a 「」 name and a link, holds only a particle, a
// separator and the texts of other links (」の, 」（, 」のWeek 1、): the
// link's text is then a label of that name.
bool right_after(std::string_view gap, const std::vector<Link>& links) {
  std::string rest(gap);
  for (const Link& link : links) {
    if (link.text.empty()) continue;
    for (std::size_t at; (at = rest.find(link.text)) != std::string::npos;) {
      rest.erase(at, link.text.size());
    }
  }
  std::size_t chars = 0;
  for (std::size_t i = 0; i < rest.size(); ++chars) decode_utf8(rest, i);
  return chars <= 4;  // 」 and の（ or 、
}

std::string joined_label(std::string_view parent, std::string_view label) {
  if (label.ends_with("部")) return std::string(parent) + " " + std::string(label);
  if (has_latin(label) || is_date_or_number(label)) {
    return std::string(parent) + " (" + std::string(label) + ")";
  }
  return std::string(parent) + "（" + std::string(label) + "）";
}

}  // namespace

bool names_something(std::string_view raw, std::string_view platform) {
  const std::string text = collapse_whitespace(raw);
  const std::string key = ascii_lower(text);
  if (key.empty() || key == ascii_lower(platform) || is_date_or_number(key)) return false;
  if (std::find(kPageWords.begin(), kPageWords.end(), key) != kPageWords.end()) return false;
  if (!has_latin(text)) {
    for (const std::string_view ending : kGenericEndings) {
      if (!text.ends_with(ending)) continue;
      const std::string_view head = std::string_view(text).substr(0, text.size() - ending.size());
      const bool phrase = std::any_of(kParticles.begin(), kParticles.end(), [&](auto p) {
        return head.find(p) != std::string_view::npos;
      });
      if (phrase || head.empty()) return false;
    }
  } else {
    // "Kaggleコンペの開催経験": a platform's name in a phrase.
    for (const std::string_view ending : kGenericEndings) {
      if (text.ends_with(ending) && text.find("の") != std::string::npos) return false;
    }
  }
  return true;
}

std::string without_site_name(std::string_view title, std::string_view platform) {
  const std::string key = ascii_lower(platform);
  for (const char* separator : {" | ", " - ", " – ", " — "}) {
    const std::size_t at = title.rfind(separator);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string tail = ascii_lower(title.substr(at));
    if (tail.find(key) != std::string::npos)
      return without_site_name(title.substr(0, at), platform);
  }
  return collapse_whitespace(title);
}

std::string readable_slug(std::string_view url, std::string_view platform) {
  const std::string_view slug = url.substr(url.find_last_of('/') + 1);
  if (is_date_or_number(slug)) return std::string(platform) + " " + std::string(slug);
  std::string out;
  bool start = true;
  for (const char c : slug) {
    if (c == '-' || c == '_') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      start = true;
      continue;
    }
    out += start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    start = false;
  }
  return collapse_whitespace(out);
}

NameEvidence name_from_title(std::string_view title, const CompetitionLink& competition) {
  std::string name = trim_brackets(without_site_name(title, competition.platform));
  if (!names_something(name, competition.platform)) name.clear();
  return {name, 2};
}

NameEvidence name_from_link(std::string_view text, const std::vector<Link>& links,
                            std::size_t index, const CompetitionLink& competition) {
  const Link& link = links[index];
  const std::string own = trim_brackets(link.text);
  const std::size_t at = link_offsets(text, links)[index];
  const bool front = competition.page == CompetitionPage::front;
  if (competition.page == CompetitionPage::discussion) return {};
  if (link.text.starts_with("「") || link.text.starts_with("『")) {
    if (names_something(own, competition.platform)) return {own, 0};
  }
  if (at == std::string_view::npos) {
    if (names_something(own, competition.platform)) return {own, front ? 3 : 4};
    return {};
  }
  const auto [begin, end] = sentence_at(text, at);
  const std::string_view sentence = text.substr(begin, end - begin);
  const std::size_t in_sentence = at - begin;
  const std::vector<Bracketed> pairs = bracketed(sentence);
  // The brackets that hold the link.
  for (const Bracketed& b : pairs) {
    if (b.open <= in_sentence && in_sentence + link.text.size() <= b.close) {
      const std::string inside = collapse_whitespace(sentence.substr(b.open, b.close - b.open));
      if (names_something(inside, competition.platform)) return {inside, 0};
    }
  }
  // The nearest bracket before the link (else after it) that no link holds.
  const Bracketed* parent = nullptr;
  for (const Bracketed& b : pairs) {
    if (b.close <= in_sentence) parent = &b;
    if (!parent && b.open >= in_sentence + link.text.size()) parent = &b;
  }
  std::string parent_name;
  if (parent) {
    parent_name = collapse_whitespace(sentence.substr(parent->open, parent->close - parent->open));
    if (!names_something(parent_name, competition.platform)) parent_name.clear();
  }
  const bool page_word = !names_something(own, competition.platform);
  // Short texts of several links in one sentence are labels of tracks
  // (（男子、女子）): without a parent name, they name nothing.
  const auto short_text = [](std::string_view t) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < t.size(); ++chars) decode_utf8(t, i);
    return chars <= 6 && !has_latin(t);
  };
  const bool siblings =
      short_text(own) && std::count_if(links.begin(), links.end(), [&](const Link& other) {
                           return &other != &link && other.url != link.url &&
                                  short_text(other.text) &&
                                  sentence.find(other.text) != std::string_view::npos;
                         }) > 0;
  if (!parent_name.empty() && page_word) return {parent_name, 1};
  if (!parent_name.empty() && parent->close <= in_sentence && is_label(own) &&
      right_after(sentence.substr(parent->close, in_sentence - parent->close), links)) {
    return {joined_label(parent_name, own), 1};
  }
  if (!page_word && !siblings) return {own, front ? 3 : 4};
  if (siblings) return {};
  // The sentence before, in the same paragraph.
  if (begin > 0) {
    const auto [before, unused] = sentence_at(text, begin - 1);
    (void)unused;
    const std::string_view previous = text.substr(before, begin - before);
    for (const Bracketed& b : bracketed(previous)) {
      const std::string inside = collapse_whitespace(previous.substr(b.open, b.close - b.open));
      if (names_something(inside, competition.platform)) return {inside, 5};
    }
  }
  return {};
}

}  // namespace kn
