// Reading old Japanese encodings: each is detected and converted, and said.
#include "util/text_encoding.hpp"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>

#include "kn_binary.hpp"

namespace {

// An issue in the archive's style, long enough for a detector to judge.
constexpr const char* kIssue =
    "# Weekly Kaggle News #901\n"
    "https://www.getrevue.co/profile/x/issues/901\n"
    "<h2>News</h2><p>今週は画像認識コンペの上位解法が公開されました。自然言語処理のコンペも始まって"
    "います。機械学習の勉強会の資料も共有されました。</p>\n"
    "<p>深層学習ライブラリの新しい版が公開され、学習の高速化が進みました。</p>\n";

// text (UTF-8) in encoding, by ICU.
std::string encoded(const std::string& text, const char* encoding) {
  std::string out(text.size() * 4 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 text.data(), static_cast<int32_t>(text.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << encoding;
  out.resize(static_cast<std::size_t>(n));
  return out;
}

TEST(TextEncoding, JapaneseEncodingsAreConverted) {
  for (const char* encoding : {"Shift_JIS", "EUC-JP", "ISO-2022-JP"}) {
    const std::string bytes = encoded(kIssue, encoding);
    ASSERT_NE(bytes, kIssue) << encoding;
    const kn::DecodedText decoded = kn::decode_text(bytes);
    EXPECT_EQ(decoded.text, kIssue) << encoding;
    EXPECT_EQ(decoded.encoding, encoding);
    EXPECT_EQ(kn::decoding_note(decoded), std::string("read as ") + encoding);
  }
}

TEST(TextEncoding, Utf8IsKeptAndOtherTextRepaired) {
  kn::DecodedText decoded = kn::decode_text(kIssue);
  EXPECT_EQ(decoded.text, kIssue);
  EXPECT_EQ(decoded.encoding, "");
  EXPECT_EQ(kn::decoding_note(decoded), "");
  // Latin-1 is no Japanese encoding: kept, its 2 invalid bytes counted.
  const std::string latin1 = "# Weekly Kaggle News #5\nhttps://e.com/5\n<p>caf\xe9 na\xefve</p>\n";
  decoded = kn::decode_text(latin1);
  EXPECT_EQ(decoded.text, latin1);
  EXPECT_EQ(decoded.repaired, 2u);
  EXPECT_EQ(kn::decoding_note(decoded), "3.4 % of the text is not UTF-8 and reads as U+FFFD");
  // Under 1 %: nothing to say.
  decoded = kn::decode_text(std::string(kIssue) + std::string(300, 'x') + "\xff");
  EXPECT_EQ(decoded.repaired, 1u);
  EXPECT_EQ(kn::decoding_note(decoded), "");
  // UTF-16 is left for the extractor to refuse.
  const std::string utf16("\xFF\xFE#\0 \0", 6);
  EXPECT_EQ(kn::decode_text(utf16).text, utf16);
}

using EncodingCommandTest = kn::testing::KnTest;

// kn index says how it read the file, and the issue is searchable.
TEST_F(EncodingCommandTest, IndexReadsShiftJisAndSaysSo) {
  const std::string file = write("sjis.md", encoded(kIssue, "Shift_JIS"));
  const std::string db = (dir_ / "kn.db").string();
  const kn::testing::Result run = kn("index -q --db '" + db + "' '" + file + "'");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "kn: " + file + ": read as Shift_JIS\n");
  EXPECT_EQ(kn("search --count --db '" + db + "' 自然言語処理").out, "1\n");
}

}  // namespace
