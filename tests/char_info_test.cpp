// What the tokenizer asks of a character, kept per character once asked.
#include "tokenize/char_info.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace {

using kn::detail::char_info;
using kn::detail::CharClass;
using kn::detail::CharInfo;

bool same(const CharInfo& a, const CharInfo& b) {
  return a.cls == b.cls && a.inert == b.inert && a.boundary_before == b.boundary_before &&
         a.katakana == b.katakana && a.space == b.space;
}

TEST(CharInfo, AnswersForEachKindOfCharacter) {
  struct Case {
    char32_t cp;
    CharInfo info;
  };
  const std::vector<Case> cases = {
      {U'a', {CharClass::word, false, true, false, false}},       // a mark after it may compose
      {U'A', {CharClass::separator, false, true, false, false}},  // ASCII: only a-z 0-9 are words
      {U' ', {CharClass::separator, true, true, false, true}},
      {U'é', {CharClass::word, false, true, false, false}},
      {U'\u0301', {CharClass::word, false, false, false, false}},  // combining acute
      {U'画', {CharClass::cjk, true, true, false, false}},
      {U'あ', {CharClass::cjk, true, true, false, false}},
      {U'ア', {CharClass::cjk, true, true, true, false}},
      {U'ｱ', {CharClass::cjk, false, true, true, false}},   // halfwidth: NFKC makes it ア
      {U'ー', {CharClass::cjk, true, true, false, false}},  // prolonged sound mark: common script
      {U'。', {CharClass::separator, true, true, false, false}},
      {U'\u3000', {CharClass::separator, false, true, false, true}},  // ideographic space
      {U'Ａ', {CharClass::word, false, true, false, false}},          // fullwidth A
      {U'\U00020B9F', {CharClass::cjk, true, true, false, false}},    // 𠮟, outside the BMP
  };
  for (const Case& c : cases) {
    // The first answer is computed, the second kept: both the same.
    for (int ask = 0; ask < 2; ++ask) {
      const CharInfo got = char_info(c.cp);
      EXPECT_EQ(got.cls, c.info.cls) << std::hex << static_cast<unsigned>(c.cp);
      EXPECT_EQ(got.inert, c.info.inert) << std::hex << static_cast<unsigned>(c.cp);
      EXPECT_EQ(got.boundary_before, c.info.boundary_before)
          << std::hex << static_cast<unsigned>(c.cp);
      EXPECT_EQ(got.katakana, c.info.katakana) << std::hex << static_cast<unsigned>(c.cp);
      EXPECT_EQ(got.space, c.info.space) << std::hex << static_cast<unsigned>(c.cp);
    }
  }
}

TEST(CharInfo, ThreadsAskingAtOnceGetOneAnswer) {
  // Four threads ask every character of the Basic Multilingual Plane at
  // once; each must get what one thread alone gets afterwards.
  std::vector<std::vector<CharInfo>> seen(4, std::vector<CharInfo>(0x10000));
  std::vector<std::thread> threads;
  for (auto& answers : seen) {
    threads.emplace_back([&answers] {
      for (char32_t cp = 0; cp < 0x10000; ++cp) answers[cp] = char_info(cp);
    });
  }
  for (std::thread& t : threads) t.join();
  int differ = 0;
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    for (const auto& answers : seen) differ += !same(answers[cp], char_info(cp));
  }
  EXPECT_EQ(differ, 0);
}

}  // namespace
