#include "render/terminal.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <string>
#include <vector>

#include "render/cells.hpp"
#include "util/url.hpp"

namespace {

TEST(Cells, DisplayWidth) {
  EXPECT_EQ(kn::display_width(""), 0u);
  EXPECT_EQ(kn::display_width("abc"), 3u);
  EXPECT_EQ(kn::display_width("日本語"), 6u);
  EXPECT_EQ(kn::display_width("ｶﾀｶﾅ"), 4u);      // half-width katakana
  EXPECT_EQ(kn::display_width("ＡＢ"), 4u);      // full-width Latin
  EXPECT_EQ(kn::display_width("e\u0301"), 1u);   // a combining mark takes no column
  EXPECT_EQ(kn::display_width("a\u200Bb"), 2u);  // nor does a zero width space
  EXPECT_EQ(kn::display_width("🤗"), 2u);
  EXPECT_EQ(kn::display_width("「」…"), 5u);
  // Clusters: an emoji sequence, a flag, a heart with its emoji selector,
  // a decomposed kana; Ambiguous (Greek, ○) counts narrow.
  EXPECT_EQ(kn::display_width("👨\u200D👩\u200D👧"), 2u);
  EXPECT_EQ(kn::display_width("🇯🇵"), 2u);
  EXPECT_EQ(kn::display_width("\u2764\uFE0F"), 2u);
  EXPECT_EQ(kn::display_width("か\u3099"), 2u);
  EXPECT_EQ(kn::display_width("α○"), 2u);
  // Half-width voiced marks join the kana's cluster but take a cell each,
  // as terminals draw them (one short before: ﾄﾞｷﾄﾞｷ was 4).
  EXPECT_EQ(kn::display_width("ﾄﾞｷﾄﾞｷ"), 6u);
  EXPECT_EQ(kn::display_width("ﾊﾟﾝ"), 3u);
}

TEST(Cells, TruncateNeverCutsACharacter) {
  EXPECT_EQ(kn::truncate_to_width("abcdef", 6), "abcdef");
  EXPECT_EQ(kn::truncate_to_width("abcdef", 4), "abc…");
  EXPECT_EQ(kn::truncate_to_width("日本語テキスト", 7), "日本語…");
  EXPECT_EQ(kn::truncate_to_width("日本語テキスト", 8), "日本語…");
  EXPECT_EQ(kn::truncate_to_width("日本語", 1), "…");
  EXPECT_EQ(kn::truncate_to_width("abc", 0), "");
  EXPECT_EQ(kn::truncate_to_width("ab👨\u200D👩cd", 4), "ab…");  // never half a sequence
}

TEST(Terminal, ColorChoice) {
  EXPECT_TRUE(kn::use_color(kn::ColorMode::always));
  EXPECT_FALSE(kn::use_color(kn::ColorMode::never));
  ::setenv("NO_COLOR", "1", 1);
  EXPECT_FALSE(kn::use_color(kn::ColorMode::automatic));
  EXPECT_TRUE(kn::use_color(kn::ColorMode::always));
  ::unsetenv("NO_COLOR");
}

TEST(Terminal, HyperlinksAreHttpOnlyAndPercentEncoded) {
  EXPECT_EQ(kn::hyperlink("t", "https://x.test/a b\x1b\\", true),
            "\033]8;;https://x.test/a%20b%1B/\033\\t\033]8;;\033\\");
  EXPECT_EQ(kn::hyperlink("t", "https://x.test/", false), "t");
  EXPECT_EQ(kn::hyperlink("t", "javascript:alert(1)", true), "t");
  EXPECT_EQ(kn::hyperlink("t", "data:text/html,x", true), "t");
  EXPECT_EQ(kn::hyperlink("日本", "HTTP://x.test/日", true),
            "\033]8;;http://x.test/%E6%97%A5\033\\日本\033]8;;\033\\");
}

// The target opens the host kn files the link under: a backslash in an
// http(s) URL ends the host, as in a browser, so what follows it is path.
TEST(Terminal, HyperlinksOpenTheHostKnReports) {
  const char* spoof = "https://good.example\\@evil.example/login";
  EXPECT_EQ(kn::url_host(spoof), "good.example");
  EXPECT_EQ(kn::hyperlink("t", spoof, true),
            "\033]8;;https://good.example/@evil.example/login\033\\t\033]8;;\033\\");
  EXPECT_EQ(kn::hyperlink("t", "https://user:pw@Good.Example:443/a/../b?q=1 2#f g", true),
            "\033]8;;https://user:pw@good.example/b?q=1%202#f%20g\033\\t\033]8;;\033\\");
  EXPECT_EQ(kn::hyperlink("t", "https://exa mple.com/", true), "t");  // no valid host
}

}  // namespace
