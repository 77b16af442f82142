#include "util/sanitize.hpp"

#include <gtest/gtest.h>

#include <string>

#include "render/issue_render.hpp"
#include "sample_issue.hpp"

namespace {

TEST(Sanitize, PrintableDropsControlCharactersAndSpacesWhiteOnes) {
  EXPECT_EQ(kn::printable("a\x1b[31mred\x07\r\n\tb\x7f\u0085\u009bc日本\u00a0é"),
            "a[31mred   bc日本\u00a0é");  // tab, CR and LF as spaces
  kn::Issue issue = kn::testing::sample_issue();
  issue.title = "Evil \x1b]0;pwned\x07 #66";
  issue.sections.clear();
  EXPECT_EQ(kn::issue_summary(issue).substr(0, 41), "seeds/x.txt\n  #66 Evil ]0;pwned #66, 2021");
}

TEST(Sanitize, PrintableRemovesBidiAndInvisibleCharactersAndRepairsBytes) {
  // A lone 0x9B is CSI on a terminal that reads 8-bit controls.
  EXPECT_EQ(kn::printable("a\x9b"
                          "31mb"),
            "a\uFFFD31mb");
  EXPECT_EQ(kn::printable("evil\u202Egpj.exe"), "evilgpj.exe");
  EXPECT_EQ(kn::printable("a\u2066b\u2069c\u200Ed\u200Fe\u061Cf"), "abcdef");
  EXPECT_EQ(kn::printable("pay\u200Bpal\u2060.com\uFEFF"), "paypal.com");
  EXPECT_EQ(kn::printable("👨\u200D👩"), "👨\u200D👩");  // emoji keep their joiner
  EXPECT_EQ(kn::printable_keeping_lines("a\x1b\nb\r\n"), "a\nb\n");
}

// Kana and kanji are copied without being decoded: a sequence cut short
// among them, or one that only looks like them, is still repaired.
TEST(Sanitize, PrintableRepairsBytesAmongJapanese) {
  EXPECT_EQ(kn::printable("日本\xE6\x97|\xE3\x81\x82\xEC\x80"), "日本\uFFFD|\u3042\uFFFD");
  EXPECT_EQ(kn::printable("\xE3\x81\x82\xE3\x81"), "\u3042\uFFFD");
  EXPECT_EQ(kn::printable("\xE3\xC0\x80あ"), "\uFFFD\uFFFD\uFFFDあ");
  EXPECT_EQ(kn::printable("語\u200B語\t\uFEFF語\uFFFD"), "語語 語\uFFFD");
}

TEST(Sanitize, WithoutControlsKeepsWhiteSpace) {
  EXPECT_EQ(kn::without_controls("a\bb\x1b[1m\tc\r\nd\u0085e\u009bf\x7fg\u202E"),
            "ab[1m\tc\r\ndef"
            "g\u202E");
}

TEST(Sanitize, WithoutControlsReplacesInvalidBytesAndKeepsTheRest) {
  EXPECT_EQ(kn::without_controls(""), "");
  EXPECT_EQ(kn::without_controls("\x01"), "");
  EXPECT_EQ(kn::without_controls("日本\x1b語"), "日本語");
  // A lone continuation byte, a truncated sequence at the end, an overlong
  // form and a real U+FFFD.
  EXPECT_EQ(kn::without_controls("a\x80"
                                 "b\xE6\x97"),
            "a\uFFFDb\uFFFD");
  EXPECT_EQ(kn::without_controls("\xC0\xAFx\uFFFD\u00A0"), "\uFFFD\uFFFDx\uFFFD\u00A0");
  EXPECT_EQ(kn::without_controls("\u0080\u009F\u00A0"), "\u00A0");
  // Three-byte leads whose second byte is restricted: a surrogate, an
  // overlong form; then a kana cut short and one whole.
  EXPECT_EQ(kn::without_controls("\xED\xA0\x80|\xE0\x80\x80|\xE3\x81|\xE3\x81\x82"),
            "\uFFFD\uFFFD\uFFFD|\uFFFD\uFFFD\uFFFD|\uFFFD|\u3042");
}

TEST(Sanitize, EscapedIsLosslessAndPrintable) {
  EXPECT_EQ(kn::escaped("plain/日本.md"), "plain/日本.md");
  EXPECT_EQ(kn::escaped("\x1b]0;PWNED\a\x1b[31mRED.md"), "\\x1b]0;PWNED\\x07\\x1b[31mRED.md");
  EXPECT_EQ(kn::escaped("bad\xff\xfe.md"), "bad\\xff\\xfe.md");
  EXPECT_EQ(kn::escaped("a\x9b"
                        "b"),
            "a\\x9bb");
  EXPECT_EQ(kn::escaped("c1\u009b bidi\u202E"), "c1\\u009b bidi\\u202e");
  EXPECT_EQ(kn::escaped("a\\xff"), "a\\\\xff");  // not the byte 0xFF
  EXPECT_EQ(kn::escaped("tab\tnl\n"), "tab\\x09nl\\x0a");
}

}  // namespace
