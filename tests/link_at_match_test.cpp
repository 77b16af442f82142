#include "model/link_at_match.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using kn::Link;

// The match at the first occurrence of word in text.
std::optional<std::size_t> about(const std::string& text, const std::string& word,
                                 const std::vector<Link>& links) {
  const std::size_t at = text.find(word);
  return kn::link_at_match(text, at, at + word.size(), links);
}

// An item naming two competitions: a match in the sentence about the second
// is about the second's link, though the first comes first.
TEST(LinkAtMatch, TheLinkOfTheSentenceHoldingTheMatch) {
  const std::string text =
      "「RecSys Challenge 2021」の概要が公開されました。同じく「KDD Cup 2021」の情報も公開されま"
      "した。時系列異常検知、大規模グラフの2部門です。";
  const std::vector<Link> links = {{"RecSys Challenge 2021", "https://a/"},
                                   {"KDD Cup 2021", "https://b/"},
                                   {"時系列異常検知", "https://c/"},
                                   {"大規模グラフ", "https://d/"}};
  EXPECT_EQ(about(text, "概要", links), 0u);
  EXPECT_EQ(about(text, "情報", links), 1u);
  EXPECT_EQ(about(text, "部門", links), 3u);  // nearest in its sentence
  EXPECT_EQ(about(text, "時系列", links), 2u);
}

// "1" and "2" are found where they stand, in order, not in "19日"; the link
// after a phrase is nearer than one that ends just before it.
TEST(LinkAtMatch, LinksAreLocatedInOrder) {
  const std::string text = "19日に開催。招待講演資料（1, 2）や解法資料（1, 2）が公開されています。";
  const std::vector<Link> links = {
      {"1", "https://t1/"}, {"2", "https://t2/"}, {"1", "https://s1/"}, {"2", "https://s2/"}};
  EXPECT_EQ(about(text, "招待講演資料", links), 0u);
  EXPECT_EQ(about(text, "解法資料", links), 2u);
}

// A sentence ends at 。！？!? or ". "; with no link in the match's sentence,
// the nearest anywhere; a tie goes to the earlier link; no text found, none.
TEST(LinkAtMatch, OtherSentencesTiesAndNothingFound) {
  const std::string text = "Read the post. It is long! See also here";
  const std::vector<Link> links = {{"post", "https://p/"}, {"here", "https://h/"}};
  EXPECT_EQ(about(text, "long", links), 0u);  // "post" is 9 bytes away, "here" 12
  EXPECT_EQ(about(text, "See", links), 1u);
  EXPECT_EQ(kn::link_at_match("ab", 0, 1, {{"zz", "https://z/"}}), std::nullopt);
  EXPECT_EQ(kn::link_at_match("x a y a", 2, 3, {{"x", "https://1/"}, {"y", "https://2/"}}), 0u);
}

}  // namespace
