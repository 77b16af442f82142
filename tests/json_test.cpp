#include "kn/json.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace {

TEST(Json, Strings) {
  std::string out;
  kn::append_json_string(out, "a\"b\\c\nd\te\r\x01\x1b\x7f/日本");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\te\\r\\u0001\\u001b\\u007f/日本\"");
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
