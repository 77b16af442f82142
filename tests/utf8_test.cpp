#include "util/utf8.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace {

struct Case {
  std::string_view in, out;
};

TEST(Utf8, RepairReplacesEachMaximalInvalidSequence) {
  const Case cases[] = {
      {"", ""},
      {"plain ascii", "plain ascii"},
      {"日本語 ✓ 🤗", "日本語 ✓ 🤗"},
      {"a\xFFz", "a\uFFFDz"},
      {"\xC0\xAF", "\uFFFD\uFFFD"},                      // overlong '/'
      {"\xE3\x81", "\uFFFD"},                            // truncated at the end
      {"\xE3\x81z", "\uFFFDz"},                          // truncated in the middle
      {"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD"},            // a surrogate
      {"\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD"},  // above U+10FFFF
      {"\xEF\xBF\xBD", "\uFFFD"},                        // a real U+FFFD stays one
      {"\x80\x80", "\uFFFD\uFFFD"},
  };
  for (const Case& c : cases) EXPECT_EQ(kn::repair_utf8(c.in), c.out) << c.in;
}

TEST(Utf8, Decode) {
  const std::string_view s = "aé日🤗";
  std::size_t i = 0;
  EXPECT_EQ(kn::decode_utf8(s, i), U'a');
  EXPECT_EQ(kn::decode_utf8(s, i), U'é');
  EXPECT_EQ(kn::decode_utf8(s, i), U'日');
  EXPECT_EQ(kn::decode_utf8(s, i), U'🤗');
  EXPECT_EQ(i, s.size());
}

TEST(Utf8, AppendRoundTrips) {
  for (const char32_t cp :
       {U'\0', U'a', U'\u07FF', U'\u0800', U'\uFFFF', U'\U00010000', U'\U0010FFFF'}) {
    std::string s;
    kn::append_utf8(s, cp);
    std::size_t i = 0;
    EXPECT_EQ(kn::decode_utf8(s, i), cp);
    EXPECT_EQ(i, s.size());
  }
}

TEST(Utf8, CollapseWhitespace) {
  const Case cases[] = {
      {"", ""},
      {"   ", ""},
      {"a", "a"},
      {"  a  b  ", "a b"},
      {"a\t\n\r\f\vb", "a b"},
      {"a\u00A0\u3000b", "a b"},  // NBSP and the ideographic space
      {"\u2028a\u2003b\u205F", "a b"},
      {"a\u200Bb", "a\u200Bb"},  // zero width space is not white space
      {"日本 語", "日本 語"},
  };
  for (const Case& c : cases) EXPECT_EQ(kn::collapse_whitespace(c.in), c.out) << c.in;
}

}  // namespace
