#include "kn/terminal.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <string>
#include <vector>

namespace {

TEST(Terminal, DisplayWidth) {
  EXPECT_EQ(kn::display_width(""), 0u);
  EXPECT_EQ(kn::display_width("abc"), 3u);
  EXPECT_EQ(kn::display_width("日本語"), 6u);
  EXPECT_EQ(kn::display_width("ｶﾀｶﾅ"), 4u);      // half-width katakana
  EXPECT_EQ(kn::display_width("ＡＢ"), 4u);      // full-width Latin
  EXPECT_EQ(kn::display_width("e\u0301"), 1u);   // a combining mark takes no column
  EXPECT_EQ(kn::display_width("a\u200Bb"), 2u);  // nor does a zero width space
  EXPECT_EQ(kn::display_width("🤗"), 2u);
  EXPECT_EQ(kn::display_width("「」…"), 5u);
}

TEST(Terminal, TruncateNeverCutsACharacter) {
  EXPECT_EQ(kn::truncate_to_width("abcdef", 6), "abcdef");
  EXPECT_EQ(kn::truncate_to_width("abcdef", 4), "abc…");
  EXPECT_EQ(kn::truncate_to_width("日本語テキスト", 7), "日本語…");
  EXPECT_EQ(kn::truncate_to_width("日本語テキスト", 8), "日本語…");
  EXPECT_EQ(kn::truncate_to_width("日本語", 1), "…");
  EXPECT_EQ(kn::truncate_to_width("abc", 0), "");
}

TEST(Terminal, Wrap) {
  EXPECT_EQ(kn::wrap_to_width("the quick brown fox", 10),
            (std::vector<std::string>{"the quick", "brown fox"}));
  EXPECT_EQ(kn::wrap_to_width("機械学習の勉強会", 6),
            (std::vector<std::string>{"機械学", "習の勉", "強会"}));
  EXPECT_EQ(kn::wrap_to_width("abcdefgh", 3), (std::vector<std::string>{"abc", "def", "gh"}));
  EXPECT_EQ(kn::wrap_to_width("", 5), std::vector<std::string>{});
}

TEST(Terminal, ColorChoice) {
  EXPECT_TRUE(kn::use_color(kn::ColorMode::always));
  EXPECT_FALSE(kn::use_color(kn::ColorMode::never));
  ::setenv("NO_COLOR", "1", 1);
  EXPECT_FALSE(kn::use_color(kn::ColorMode::automatic));
  EXPECT_TRUE(kn::use_color(kn::ColorMode::always));
  ::unsetenv("NO_COLOR");
}

}  // namespace
