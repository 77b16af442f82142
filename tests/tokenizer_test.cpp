#include "tokenize/tokenizer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace kn {
// How gtest shows a token in a failure.
void PrintTo(const Token& t, std::ostream* os) {
  *os << '{' << t.text << ' ' << t.start << ' ' << t.end << (t.colocated ? " colocated" : "")
      << '}';
}
}  // namespace kn

namespace {

using kn::Token;
using kn::TokenizeMode;

struct Case {
  std::string_view text;
  std::vector<Token> tokens;
};

void expect_tokens(TokenizeMode mode, const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(kn::tokenize(c.text, mode), c.tokens) << c.text;
}

// The tokens' texts, a colocated one in brackets.
std::vector<std::string> texts(std::string_view text, TokenizeMode mode = TokenizeMode::document) {
  std::vector<std::string> out;
  for (const Token& t : kn::tokenize(text, mode)) {
    out.push_back(t.colocated ? "[" + t.text + "]" : t.text);
  }
  return out;
}

TEST(Tokenizer, DocumentLatinAndDigits) {
  expect_tokens(TokenizeMode::document,
                {
                    {"", {}},
                    {"  ,. ", {}},
                    {"PyTorch", {{"pytorch", 0, 7}}},
                    {"Hello, World 2021!", {{"hello", 0, 5}, {"world", 7, 12}, {"2021", 13, 17}}},
                    {"U-Net C++ v1.2",
                     {{"u", 0, 1}, {"net", 2, 5}, {"c++", 6, 9}, {"v1", 10, 12}, {"2", 13, 14}}},
                    {"I'm", {{"i", 0, 1}, {"m", 2, 3}}},
                });
}

TEST(Tokenizer, DocumentNormalization) {
  expect_tokens(TokenizeMode::document,
                {
                    // Full-width Latin, 3 bytes a letter.
                    {"ＰｙＴｏｒｃｈ", {{"pytorch", 0, 21}}},
                    // Half-width katakana with a voiced sound mark folds to full-width.
                    {"ｶﾞｲﾄﾞ",
                     {{"ガイ", 0, 9},
                      {"ガ", 0, 6, true},
                      {"イド", 6, 15},
                      {"イ", 6, 9, true},
                      {"ド", 9, 15}}},
                    // Combining marks compose with the letter before.
                    {"Cafe\xCC\x81 na\xC3\xAFve", {{"café", 0, 6}, {"naïve", 7, 13}}},
                    {"Straße", {{"strasse", 0, 7}}},
                    {"ＡＩ王", {{"ai", 0, 6}, {"王", 6, 9}}},
                    {"①２", {{"12", 0, 6}}},
                    {"\xEF\xBF\xBD", {}},  // U+FFFD is a symbol: no token
                });
}

TEST(Tokenizer, DocumentJapaneseRuns) {
  expect_tokens(
      TokenizeMode::document,
      {
          {"画", {{"画", 0, 3}}},
          {"画像", {{"画像", 0, 6}, {"画", 0, 3, true}, {"像", 3, 6}}},
          {"機械学習",
           {{"機械", 0, 6},
            {"機", 0, 3, true},
            {"械学", 3, 9},
            {"械", 3, 6, true},
            {"学習", 6, 12},
            {"学", 6, 9, true},
            {"習", 9, 12}}},
          // The prolonged sound mark and the iteration mark belong to the run.
          {"データ",
           {{"デー", 0, 6}, {"デ", 0, 3, true}, {"ータ", 3, 9}, {"ー", 3, 6, true}, {"タ", 6, 9}}},
          {"人々", {{"人々", 0, 6}, {"人", 0, 3, true}, {"々", 3, 6}}},
          // Punctuation separates runs.
          {"「画像」、認識。",
           {{"画像", 3, 9},
            {"画", 3, 6, true},
            {"像", 6, 9},
            {"認識", 15, 21},
            {"認", 15, 18, true},
            {"識", 18, 21}}},
          {"PyTorch入門",
           {{"pytorch", 0, 7}, {"入門", 7, 13}, {"入", 7, 10, true}, {"門", 10, 13}}},
          {"第3回", {{"第", 0, 3}, {"3", 3, 4}, {"回", 4, 7}}},
          {"한국어 text", {{"한국어", 0, 9}, {"text", 10, 14}}},
          {"🤗 Hugging🤗Face", {{"hugging", 5, 12}, {"face", 16, 20}}},
      });
}

TEST(Tokenizer, QueryRuns) {
  expect_tokens(TokenizeMode::query,
                {
                    {"画", {{"画", 0, 3}}},
                    {"画像", {{"画像", 0, 6}}},
                    {"画像認識", {{"画像", 0, 6}, {"像認", 3, 9}, {"認識", 6, 12}}},
                    {"画像!", {{"画像", 0, 6}}},
                    {"画像 認識", {{"画像", 0, 6}, {"像認", 3, 10}, {"認識", 7, 13}}},
                    {"PyTorch 実装", {{"pytorch", 0, 7}, {"実装", 8, 14}}},
                    {"学習Go", {{"学習", 0, 6}, {"習", 3, 6}, {"go", 6, 8}}},
                    {"Go学", {{"go", 0, 2}, {"学", 2, 5}}},
                    {"competitions", {{"competition", 0, 12}}},
                });
}

// White space between two Japanese characters is no boundary: a title
// written "Kaggleで磨く 機械学習" is found as typed without the space.
TEST(Tokenizer, WhiteSpaceBetweenJapaneseIsNoBoundary) {
  expect_tokens(
      TokenizeMode::document,
      {
          {"磨く 機械",
           {{"磨く", 0, 6},
            {"磨", 0, 3, true},
            {"く機", 3, 10},
            {"く", 3, 6, true},
            {"機械", 7, 13},
            {"機", 7, 10, true},
            {"械", 10, 13}}},
          {"画\u3000像",
           {{"画像", 0, 9}, {"画", 0, 3, true}, {"像", 6, 9}}},  // the ideographic space too
          {"画、 像", {{"画", 0, 3}, {"像", 7, 10}}},            // punctuation stays one
          {"画 x 像", {{"画", 0, 3}, {"x", 4, 5}, {"像", 6, 9}}},
      });
  std::vector<std::string> joined, spaced;
  for (const Token& t : kn::tokenize("機械学習", TokenizeMode::query)) joined.push_back(t.text);
  for (const Token& t : kn::tokenize("機械 学習", TokenizeMode::query)) spaced.push_back(t.text);
  EXPECT_EQ(joined, spaced);
}

// A word's trailing '+' or '#' and a leading '.' belong to it: C++ is not c.
TEST(Tokenizer, SymbolWords) {
  using V = std::vector<std::string>;
  EXPECT_EQ(texts("C++ and C# and F#, .NET"), (V{"c++", "and", "c#", "and", "f#", ".net"}));
  EXPECT_EQ(texts("C++で書く"), (V{"c++", "で書", "[で]", "書く", "[書]", "く"}));
  EXPECT_EQ(texts("ＣＰＰ ｃ＋＋"), (V{"cpp", "c++"}));
  EXPECT_EQ(texts("F.C. /c/ net"), (V{"f", "c", "c", "net"}));
  EXPECT_EQ(texts("a+b 1+1 C++20"), (V{"a", "b", "1", "1", "c", "20"}));
  // Dotted and hyphenated forms stay phrases of their parts.
  EXPECT_EQ(texts("Node.js GPT-4 scikit-learn 3.10"),
            (V{"node", "js", "gpt", "4", "scikit", "learn", "3", "10"}));
  EXPECT_EQ(texts("(.5) . .."), (V{"5"}));
  EXPECT_EQ(kn::tokenize("C++", TokenizeMode::document), (std::vector<Token>{{"c++", 0, 3}}));
}

TEST(Tokenizer, PossessivesAndPlurals) {
  using V = std::vector<std::string>;
  EXPECT_EQ(texts("Kaggle's models' GANs"), (V{"kaggle", "model", "gan"}));
  EXPECT_EQ(texts("Kaggle’s"), (V{"kaggle"}));
  EXPECT_EQ(texts("I'm it's"), (V{"i", "m", "it"}));
}

// A katakana word is one with or without its final prolonged sound mark.
TEST(Tokenizer, FinalProlongedSoundMarks) {
  for (const auto& [with, without] :
       std::vector<std::pair<std::string, std::string>>{{"ユーザー", "ユーザ"},
                                                        {"サーバー", "サーバ"},
                                                        {"サーバーを", "サーバを"},
                                                        {"ｻｰﾊﾞｰ", "サーバ"},
                                                        {"ユーザー ガイド", "ユーザーガイド"}}) {
    EXPECT_EQ(kn::tokenize(with, TokenizeMode::document).size(),
              kn::tokenize(without, TokenizeMode::document).size())
        << with;
    EXPECT_EQ(texts(with), texts(without)) << with;
  }
  // Inside a word, and after anything but katakana, the mark stays.
  EXPECT_EQ(texts("データ らーめん"),
            (std::vector<std::string>{"デー", "[デ]", "ータ", "[ー]", "タら", "[タ]", "らー",
                                      "[ら]", "ーめ", "[ー]", "めん", "[め]", "ん"}));
}

TEST(Tokenizer, StopsWhenTheCallbackSaysSo) {
  int seen = 0;
  const int rc = kn::tokenize("a b c", TokenizeMode::document,
                              [&](const Token&) { return ++seen == 2 ? 7 : 0; });
  EXPECT_EQ(rc, 7);
  EXPECT_EQ(seen, 2);
}

TEST(Tokenizer, Normalize) {
  EXPECT_EQ(kn::normalize("ＰｙＴｏｒｃｈ ｶﾞｲﾄﾞ Straße"), "pytorch ガイド strasse");
}

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int k = 0; k < n; ++k) out += s;
  return out;
}

// A run of marks is normalized 30 at a time (Unicode's Stream-Safe Text
// Format), so that hostile text cannot make reordering quadratic: 40
// alternating marks reorder as 30 and 10.
TEST(Tokenizer, RunsOfMarksAreCutAtThirty) {
  const std::string below = "\u0316", above = "\u0301";  // combining classes 220, 230
  const std::string text = "a" + repeat(below + above, 20);
  EXPECT_EQ(kn::normalize(text),
            "\u00e1" + repeat(below, 15) + repeat(above, 14) + repeat(below, 5) + repeat(above, 5));
  // Up to 30 marks, nothing changes.
  EXPECT_EQ(kn::normalize("a" + repeat(below + above, 15)),
            "\u00e1" + repeat(below, 15) + repeat(above, 14));
}

}  // namespace
