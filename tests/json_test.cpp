#include "util/json.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace {

TEST(Json, Strings) {
  std::string out;
  kn::append_json_string(out, "a\"b\\c\nd\te\r\x01\x1b\x7f/日本");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\te\\r\\u0001\\u001b\\u007f/日本\"");
}

// C1 controls (8-bit CSI and OSC), bidi controls and invisible characters
// never come out raw; the characters that share their lead bytes do.
TEST(Json, HiddenCharactersAreEscaped) {
  std::string out;
  kn::append_json_string(out,
                         "\u009b31m\u009d0;t\u0085 a\u202eb\u2066c\u200bd\ufeffe\u061cf\u180eg"
                         " \u00e9\u2014\uff01\u0627");
  EXPECT_EQ(out,
            "\"\\u009b31m\\u009d0;t\\u0085 a\\u202eb\\u2066c\\u200bd\\ufeffe\\u061cf"
            "\\u180eg é—！ا\"");
}

TEST(Json, Writer) {
  kn::JsonWriter json;
  json.begin_object()
      .key("n")
      .value(66)
      .key("big")
      .value(std::int64_t{1} << 40)
      .key("x")
      .value(0.5)
      .key("ok")
      .value(true)
      .key("none")
      .null()
      .key("opt")
      .nullable(std::nullopt)
      .key("list")
      .begin_array()
      .value("a")
      .begin_object()
      .end_object()
      .begin_array()
      .end_array()
      .end_array()
      .key("s")
      .value(std::string("t"))
      .end_object();
  EXPECT_EQ(json.str(), R"({"n":66,"big":1099511627776,"x":0.5,"ok":true,"none":null,"opt":null,)"
                        R"("list":["a",{},[]],"s":"t"})");
}

}  // namespace
