// What a competition is called, from the evidence around each link to it,
// weighed by NameRank. Never a name: a word that describes a page, a number, a date, a phrase
// that ends in a generic noun (分析を題材にしたコンペ). Where nothing names
// it, readable_slug() of its URL.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kn/issue.hpp"
#include "model/competition.hpp"

namespace kn {

// How well a piece of evidence names a competition, best (lowest) first.
// The values are stored (mentions.quality): they never change.
enum class NameRank : std::uint8_t {
  // The 「」 or 『』 text that holds the link, in its sentence
  // (Kaggle「<a>NAME</a>」コンペ), or the link text in brackets itself.
  bracketed = 0,
  // For a link whose text describes a page (順位表, results, 解法, here) or
  // is a section label of a multi-track competition, the 「」 text of its
  // sentence: the name, or the name and the label (NAME (Week 4), NAME
  // 2022秋の部, NAME（行領域認識）).
  sentence_brackets = 1,
  // The title of a card for the competition's own page, without the site's
  // name (" | Kaggle", " | SIGNATE - Data Science Competition").
  card_title = 2,
  // A link text that names something, to the competition's front page.
  front_page_text = 3,
  // A link text that names something, to another of its pages.
  page_text = 4,
  // The 「」 text of the sentence before, in the same paragraph.
  previous_sentence = 5,
  // Not a name: what readers call it (nickname.hpp). Stored beside the
  // names, never chosen as one.
  nickname = 6,
};

// The ranks that name a competition: every one before nickname.
inline constexpr int kNameRanks = 6;

struct NameEvidence {
  std::string name;  // empty: the link names nothing
  NameRank rank = NameRank::bracketed;
};

// A paragraph (an item's text, a card's comment) with where its links, its
// sentences and its 「」『』 stand, found once for all of its links, so that
// naming each link costs about its own sentence.
struct Paragraph {
  Paragraph(std::string_view text, const std::vector<Link>& links);
  std::string_view text;
  const std::vector<Link>& links;
  std::vector<std::size_t> offsets;        // of each link's text; npos: not in text
  std::vector<std::string> competitions;   // of each link: its competition's URL, or ""
  std::vector<std::size_t> sentence_ends;  // just after each 。！？ or newline
  // The insides of the outermost 「」 and 『』 pairs, in order; none spans a
  // sentence end.
  std::vector<std::pair<std::size_t, std::size_t>> brackets;

  // Returns the sentence around byte at, as [begin, end).
  std::pair<std::size_t, std::size_t> sentence_at(std::size_t at) const;
  // Returns the brackets that open inside [begin, end), as indexes
  // [first, last) of brackets.
  std::pair<std::size_t, std::size_t> brackets_in(std::size_t begin, std::size_t end) const;
  // Returns the text inside brackets[k], white space collapsed.
  std::string inside(std::size_t k) const;
};

// Returns what links[index] of the paragraph says its competition is called.
NameEvidence name_from_link(const Paragraph& paragraph, std::size_t index,
                            const CompetitionLink& competition);

// Returns the same for a paragraph given as its text and links.
NameEvidence name_from_link(std::string_view text, const std::vector<Link>& links,
                            std::size_t index, const CompetitionLink& competition);

// Returns what a card's title says, for a card of the competition's page.
NameEvidence name_from_title(std::string_view title, const CompetitionLink& competition);

// Tells whether text can be a competition's name: not a page word, a number,
// a date or a phrase. text has its 「」『』 trimmed.
bool names_something(std::string_view text, std::string_view platform);

// Returns the last part of a competition URL made readable:
// mens-march-mania-2022 -> Mens March Mania 2022; a number gets the
// platform's name (Nishika 15).
std::string readable_slug(std::string_view url, std::string_view platform);

// Returns title without a site's name after " | ", " - ", " – " that holds
// the platform's name.
std::string without_site_name(std::string_view title, std::string_view platform);

}  // namespace kn
