#include "competition_name.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "nickname.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

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
constexpr std::array<std::string_view, 17> kGenericEndings{"コンペ", "経験",   "プラットフォーム",
                                                           "ページ", "サイト", "記事",
                                                           "資料",   "結果",   "解法",
                                                           "こと",   "もの",   "ため",
                                                           "場",     "方法",   "公募",
                                                           "募集",   "開催"};

// Particles that make a run of Japanese a phrase.
constexpr std::array<std::string_view, 7> kParticles{"を", "に", "の", "が", "で", "へ", "は"};

bool is_sentence_end(char32_t cp) {
  return cp == U'。' || cp == U'！' || cp == U'？' || cp == '\n';
}

std::size_t char_count(std::string_view text) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++chars) decode_utf8(text, i);
  return chars;
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
  const std::size_t chars = char_count(text);
  return chars > 0 && chars <= 12;
}

// Whether only a particle, a separator and other links stand between the
// end of a 「」 name and link `index` (」の, 」（, 」のWeek 1、): the link's text
// is then a label of that name. Walks back over the links in between, and
// stops as soon as more than that stands there.
bool right_after(const Paragraph& p, std::size_t close, std::size_t index) {
  std::size_t chars = 0, end = p.offsets[index];
  for (std::size_t k = index; k-- > 0;) {
    const std::size_t at = p.offsets[k];
    if (at == std::string_view::npos || at < close) break;
    chars +=
        char_count(p.text.substr(at + p.links[k].text.size(), end - at - p.links[k].text.size()));
    if (chars > 4) return false;
    end = at;
  }
  return chars + char_count(p.text.substr(close, end - close)) <= 4;  // 」 and の（ or 、
}

std::string joined_label(std::string_view parent, std::string_view label) {
  if (label.ends_with("部")) return std::string(parent) + " " + std::string(label);
  if (has_latin(label) || is_date_or_number(label)) {
    return std::string(parent) + " (" + std::string(label) + ")";
  }
  return std::string(parent) + "（" + std::string(label) + "）";
}

// A text as a name: without its brackets, and a name of several Latin
// words written with コンペ after it (Birdcall Identificationコンペ) without
// the コンペ. One word before コンペ (Bengaliコンペ) is what readers call it.
std::string named(std::string_view text) {
  static constexpr std::string_view kContest = "コンペ";
  std::string name = trim_brackets(text);
  const std::string_view head = std::string_view(name).substr(0, name.size() - kContest.size());
  if (name.ends_with(kContest) && has_latin(head) && head.find(' ') != std::string_view::npos) {
    name = collapse_whitespace(head);
  }
  return name;
}

}  // namespace

bool names_something(std::string_view raw, std::string_view platform) {
  const std::string text = collapse_whitespace(raw);
  const std::string key = ascii_lower(text);
  if (key.empty() || key == ascii_lower(platform) || is_date_or_number(key)) return false;
  // What readers call it (鳥コンペ), or a kind of contest (画像分類コンペ):
  // a nickname at most (nickname.hpp), never a name.
  if (is_nickname(text)) return false;
  if (std::find(kPageWords.begin(), kPageWords.end(), key) != kPageWords.end()) return false;
  if (!has_latin(text)) {
    for (const std::string_view ending : kGenericEndings) {
      if (!text.ends_with(ending)) continue;
      const std::string_view head = std::string_view(text).substr(0, text.size() - ending.size());
      const bool phrase = std::any_of(kParticles.begin(), kParticles.end(), [&](auto p) {
        return head.find(p) != std::string_view::npos;
      });
      // コンペ公募: a page word and what happens to it.
      const bool page_word =
          std::find(kPageWords.begin(), kPageWords.end(), head) != kPageWords.end();
      if (phrase || head.empty() || page_word) return false;
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
  // What a site puts after a page's name: its own name, or the section the
  // page is in (" | Challenges").
  static constexpr std::array<std::string_view, 6> kSections{
      "challenges", "challenge", "competitions", "competition", "home", "overview"};
  const std::string key = ascii_lower(platform);
  for (const std::string_view separator : {" | ", " - ", " – ", " — "}) {
    const std::size_t at = title.rfind(separator);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string tail = ascii_lower(title.substr(at));
    const std::string segment = collapse_whitespace(tail.substr(separator.size()));
    if (tail.find(key) != std::string::npos ||
        (separator == " | " &&
         std::find(kSections.begin(), kSections.end(), segment) != kSections.end())) {
      return without_site_name(title.substr(0, at), platform);
    }
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
  std::string name = named(without_site_name(title, competition.platform));
  if (!names_something(name, competition.platform)) name.clear();
  return {name, NameRank::card_title};
}

std::pair<std::size_t, std::size_t> Paragraph::sentence_at(std::size_t at) const {
  const auto next = std::upper_bound(sentence_ends.begin(), sentence_ends.end(), at);
  return {next == sentence_ends.begin() ? 0 : *(next - 1),
          next == sentence_ends.end() ? text.size() : *next};
}

std::pair<std::size_t, std::size_t> Paragraph::brackets_in(std::size_t begin,
                                                           std::size_t end) const {
  const auto by_open = [](const std::pair<std::size_t, std::size_t>& b, std::size_t at) {
    return b.first < at;
  };
  const auto first = std::lower_bound(brackets.begin(), brackets.end(), begin, by_open);
  const auto last = std::lower_bound(first, brackets.end(), end, by_open);
  return {static_cast<std::size_t>(first - brackets.begin()),
          static_cast<std::size_t>(last - brackets.begin())};
}

std::string Paragraph::inside(std::size_t k) const {
  const auto [open, close] = brackets[k];
  return collapse_whitespace(text.substr(open, close - open));
}

Paragraph::Paragraph(std::string_view text_, const std::vector<Link>& links_)
    : text(text_), links(links_) {
  // Links are in document order: each is looked for after the one before.
  std::size_t from = 0;
  for (const Link& link : links) {
    const std::size_t at = link.text.empty() ? std::string_view::npos : text.find(link.text, from);
    offsets.push_back(at);
    if (at != std::string_view::npos) from = at + link.text.size();
    const auto competition = competition_of(link.url);
    competitions.push_back(competition ? competition->url : std::string());
  }
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t cp = decode_utf8(text, i);
    if (is_sentence_end(cp)) {
      sentence_ends.push_back(i);
      depth = 0;  // a pair never spans sentences
    } else if (cp == U'「' || cp == U'『') {
      if (depth++ == 0) start = i;
    } else if ((cp == U'」' || cp == U'』') && depth > 0) {
      if (--depth == 0) brackets.emplace_back(start, at);
    }
  }
}

namespace {

// Short texts of several links in one sentence are labels of tracks
// (（男子、女子）).
bool short_text(std::string_view t) { return char_count(t) <= 6 && !has_latin(t); }

// Whether another link of the sentence [begin, end), to another page, has a
// short text too; the nearest are looked at first.
bool has_sibling(const Paragraph& p, std::size_t index, std::size_t begin, std::size_t end) {
  const auto sibling = [&](std::size_t k) {
    return p.links[k].url != p.links[index].url && short_text(p.links[k].text);
  };
  const auto in_sentence = [&](std::size_t k) {
    return p.offsets[k] >= begin && p.offsets[k] < end;
  };
  for (std::size_t k = index; k-- > 0;) {
    if (p.offsets[k] == std::string_view::npos) continue;
    if (!in_sentence(k)) break;
    if (sibling(k)) return true;
  }
  for (std::size_t k = index + 1; k < p.links.size(); ++k) {
    if (p.offsets[k] == std::string_view::npos) continue;
    if (!in_sentence(k)) break;
    if (sibling(k)) return true;
  }
  return false;
}

NameRank text_rank(const CompetitionLink& competition) {
  return competition.page == CompetitionPage::front ? NameRank::front_page_text
                                                    : NameRank::page_text;
}

// The evidence of the link's own text when it needs no sentence: it is
// bracketed, or the paragraph's text does not hold it. nullopt when the
// sentence around the link must be read.
std::optional<NameEvidence> name_by_itself(const Paragraph& p, std::size_t index,
                                           const CompetitionLink& competition) {
  const Link& link = p.links[index];
  const std::string own = named(link.text);
  if (link.text.starts_with("「") || link.text.starts_with("『")) {
    if (names_something(own, competition.platform)) return NameEvidence{own, NameRank::bracketed};
  }
  if (p.offsets[index] != std::string_view::npos) return std::nullopt;
  if (names_something(own, competition.platform)) return NameEvidence{own, text_rank(competition)};
  return NameEvidence{};
}

// Of the brackets [first, last) of a sentence, as indexes of p.brackets
// (last for none): the pair that holds the text [at, after), the nearest
// before it and the nearest after it.
struct BracketsNear {
  std::size_t holding, before, after;
};

BracketsNear brackets_near(const Paragraph& p, std::size_t first, std::size_t last, std::size_t at,
                           std::size_t after) {
  // The pairs are in order and never overlap: the one that may hold the
  // text is the last that opens before it.
  const auto opens_at_or_before = [&](const auto& b) { return b.first <= at; };
  const auto all = p.brackets.begin();
  const std::size_t opened = static_cast<std::size_t>(
      std::partition_point(all + static_cast<std::ptrdiff_t>(first),
                           all + static_cast<std::ptrdiff_t>(last), opens_at_or_before) -
      all);
  BracketsNear near{last, last, opened};
  if (opened > first) {
    const std::size_t k = opened - 1;
    const auto [open, close] = p.brackets[k];
    if (open <= at && after <= close) near.holding = k;
    if (close <= at) {
      near.before = k;
    } else if (k > first) {
      near.before = k - 1;
    }
  }
  while (near.after < last && p.brackets[near.after].first < after) ++near.after;
  return near;
}

// Whether brackets[k] holds the text of a link to another address than
// links[index]'s.
bool holds_other_link(const Paragraph& p, std::size_t k, std::size_t index) {
  const auto [open, close] = p.brackets[k];
  for (std::size_t other = 0; other < p.links.size(); ++other) {
    const std::size_t at = p.offsets[other];
    if (other != index && at != std::string_view::npos && at >= open && at < close &&
        p.links[other].url != p.links[index].url) {
      return true;
    }
  }
  return false;
}

// The first bracketed name of the sentence before the one that begins at
// begin, in the same paragraph.
NameEvidence name_in_sentence_before(const Paragraph& p, std::size_t begin,
                                     std::string_view platform) {
  if (begin == 0) return {};
  const std::size_t previous = p.sentence_at(begin - 1).first;
  const auto [from, to] = p.brackets_in(previous, begin);
  for (std::size_t k = from; k < to; ++k) {
    const std::string name = named(p.inside(k));
    if (names_something(name, platform)) return {name, NameRank::previous_sentence};
  }
  return {};
}

}  // namespace

NameEvidence name_from_link(const Paragraph& p, std::size_t index,
                            const CompetitionLink& competition) {
  if (competition.page == CompetitionPage::discussion) return {};
  if (std::optional<NameEvidence> evidence = name_by_itself(p, index, competition)) {
    return *evidence;
  }
  const std::string_view platform = competition.platform;
  const std::string own = named(p.links[index].text);
  const std::size_t at = p.offsets[index];
  const std::size_t after = at + p.links[index].text.size();
  const auto [begin, end] = p.sentence_at(at);
  const auto [first, last] = p.brackets_in(begin, end);
  // The brackets that hold the link, else the nearest before it (else
  // after it).
  const BracketsNear near = brackets_near(p, first, last, at, after);
  if (near.holding != last) {
    const std::string name = named(p.inside(near.holding));
    if (names_something(name, platform)) return {name, NameRank::bracketed};
  }
  const std::size_t parent = near.before != last ? near.before : near.after;
  std::string parent_name = parent != last ? named(p.inside(parent)) : std::string();
  if (!names_something(parent_name, platform)) parent_name.clear();
  const bool page_word = !names_something(own, platform);
  // A 「」 that holds a link elsewhere names that, not this link's page.
  if (!parent_name.empty() && page_word && !holds_other_link(p, parent, index)) {
    return {parent_name, NameRank::sentence_brackets};
  }
  if (!parent_name.empty() && parent == near.before && is_label(own) &&
      right_after(p, p.brackets[parent].second, index)) {
    return {joined_label(parent_name, own), NameRank::sentence_brackets};
  }
  // Labels without a parent name name nothing.
  const bool siblings = short_text(own) && has_sibling(p, index, begin, end);
  if (!page_word && !siblings) return {own, text_rank(competition)};
  if (siblings) return {};
  return name_in_sentence_before(p, begin, platform);
}

NameEvidence name_from_link(std::string_view text, const std::vector<Link>& links,
                            std::size_t index, const CompetitionLink& competition) {
  return name_from_link(Paragraph(text, links), index, competition);
}

}  // namespace kn
