#include "render/line_break.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "render/cells.hpp"

namespace {

using Lines = std::vector<std::string>;

TEST(LineBreak, EnglishBreaksAtSpaces) {
  EXPECT_EQ(kn::wrap_text("the quick brown fox", 10), (Lines{"the quick", "brown fox"}));
  EXPECT_EQ(kn::wrap_text("", 5), Lines{});
  EXPECT_EQ(kn::wrap_text("abc  ", 5), Lines{"abc"});
}

TEST(LineBreak, JapaneseBreaksBetweenCharactersButNotBeforeClosers) {
  EXPECT_EQ(kn::wrap_text("機械学習の勉強会", 6), (Lines{"機械学", "習の勉", "強会"}));
  // 。 and 」 never start a line, 「 never ends one (ja@lb=strict).
  EXPECT_EQ(kn::wrap_text("これは「テスト」です。", 8),
            (Lines{"これは", "「テス", "ト」で", "す。"}));
  EXPECT_EQ(kn::wrap_text("あいうえお。かきくけこ", 10), (Lines{"あいうえ", "お。かきく", "けこ"}));
}

TEST(LineBreak, LatinWordsNextToJapaneseStayWhole) {
  EXPECT_EQ(kn::wrap_text("新しいBigQueryMLの記事", 14), (Lines{"新しい", "BigQueryMLの記", "事"}));
  EXPECT_EQ(kn::wrap_text("あのKaggle Grandmasterが", 16), (Lines{"あのKaggle", "Grandmasterが"}));
}

TEST(LineBreak, NoBreakAtAHyphenInsideAWord) {
  EXPECT_EQ(kn::wrap_text("use scikit-learn and GPT-4 now", 14),
            (Lines{"use", "scikit-learn", "and GPT-4 now"}));
}

TEST(LineBreak, UrlsStayWholeAndOverflow) {
  const std::string url = "https://example.com/a-very/long_path?x=1&y=2";
  EXPECT_EQ(kn::wrap_text("see " + url + " for more", 20), (Lines{"see", url, "for more"}));
  EXPECT_EQ(kn::wrap_text("記事は" + url + "です", 20), (Lines{"記事は", url, "です"}));
  EXPECT_EQ(kn::wrap_field("https://x.test/a b c d e f", 8), Lines{"https://x.test/a b c d e f"});
  EXPECT_EQ(kn::url_spans("a https://x.test/p、b").size(), 1u);
  EXPECT_EQ(kn::url_spans("a https://x.test/p、b")[0].end,
            std::string("a https://x.test/p").size());
}

TEST(LineBreak, AWordWiderThanTheLineIsCutBetweenClusters) {
  EXPECT_EQ(kn::wrap_text("abcdefgh", 3), (Lines{"abc", "def", "gh"}));
  EXPECT_EQ(kn::wrap_text("e\u0301e\u0301e\u0301e\u0301", 2),
            (Lines{"e\u0301e\u0301", "e\u0301e\u0301"}));
}

TEST(LineBreak, NewlinesAlwaysBreakAndNoLimitKeepsLines) {
  EXPECT_EQ(kn::wrap_text("one\ntwo three", 0), (Lines{"one", "two three"}));
  EXPECT_EQ(kn::wrap_text("one two three", 0), Lines{"one two three"});
}

// A URL wider than the room beside its indent broke the indentation as the
// terminal wrapped it to column 0: it is cut when its link holds it whole,
// else it stands unindented on its line.
TEST(LineBreak, AUrlTooWideIsCutWhenLinkedElseUnindented) {
  const std::string url = "https://www.kaggle.com/c/bengaliai-cv19";  // 39 cells
  kn::Rendering render;
  render.width = 41;
  EXPECT_EQ(kn::url_line(url, url, 2, render, ""), "  " + url + "\n");
  render.width = 40;
  EXPECT_EQ(kn::url_line(url, url, 2, render, ""), url + "\n");
  render.width = 0;
  EXPECT_EQ(kn::url_line(url, url, 2, render, ""), "  " + url + "\n");
  render.width = 30;
  render.hyperlinks = true;
  EXPECT_EQ(kn::url_line(url, url, 2, render, ""),
            "  \033]8;;" + url + "\033\\https://www.kaggle.com/c/be…\033]8;;\033\\\n");
  // A URL no link can hold (no valid host) is never cut.
  EXPECT_EQ(kn::url_line("https://a b.com/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                         "https://a b.com/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 2, render, ""),
            "https://a b.com/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n");
}

}  // namespace
