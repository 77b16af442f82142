// A small JSON reader for test data (the tests only; kn itself only writes
// JSON). Values are null, bool, number (as double), string, array, object.
#pragma once

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "util/utf8.hpp"

namespace kn::testing {

struct JsonValue;
using JsonArray = std::vector<JsonValue>;
using JsonObject = std::map<std::string, JsonValue>;

struct JsonValue {
  std::variant<std::nullptr_t, bool, double, std::string, std::shared_ptr<JsonArray>,
               std::shared_ptr<JsonObject>>
      value;
  bool is_null() const { return std::holds_alternative<std::nullptr_t>(value); }
  bool is_string() const { return std::holds_alternative<std::string>(value); }
  bool is_object() const { return std::holds_alternative<std::shared_ptr<JsonObject>>(value); }
  const std::string& string() const { return std::get<std::string>(value); }
  const JsonArray& array() const { return *std::get<std::shared_ptr<JsonArray>>(value); }
  const JsonObject& object() const { return *std::get<std::shared_ptr<JsonObject>>(value); }
  // The member named key of an object, or null.
  JsonValue operator[](const std::string& key) const {
    const auto found = object().find(key);
    return found == object().end() ? JsonValue{} : found->second;
  }
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : text_(text) {}

  JsonValue read() {
    JsonValue v = value();
    space();
    if (i_ != text_.size()) fail("text after the value");
    return v;
  }

 private:
  [[noreturn]] void fail(const char* what) const {
    throw std::runtime_error(std::string("json: ") + what + " at " + std::to_string(i_));
  }
  void space() {
    while (i_ < text_.size() &&
           (text_[i_] == ' ' || text_[i_] == '\n' || text_[i_] == '\r' || text_[i_] == '\t')) {
      ++i_;
    }
  }
  bool take(std::string_view word) {
    if (text_.substr(i_).starts_with(word)) return i_ += word.size(), true;
    return false;
  }

  JsonValue value() {
    space();
    if (i_ >= text_.size()) fail("no value");
    const char c = text_[i_];
    if (c == '"') return {string()};
    if (c == '[') return {array()};
    if (c == '{') return {object()};
    if (take("null")) return {nullptr};
    if (take("true")) return {true};
    if (take("false")) return {false};
    std::size_t end = i_;
    while (end < text_.size() &&
           std::string_view("+-.0123456789eE").find(text_[end]) != std::string_view::npos) {
      ++end;
    }
    if (end == i_) fail("unexpected character");
    const double number = std::stod(std::string(text_.substr(i_, end - i_)));
    i_ = end;
    return {number};
  }

  unsigned hex4() {
    if (i_ + 4 > text_.size()) fail("short \\u escape");
    const unsigned v =
        static_cast<unsigned>(std::stoul(std::string(text_.substr(i_, 4)), nullptr, 16));
    i_ += 4;
    return v;
  }

  std::string string() {
    ++i_;  // '"'
    std::string out;
    while (i_ < text_.size() && text_[i_] != '"') {
      const char c = text_[i_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      const char e = text_[i_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00 && take("\\u")) {
            const unsigned low = hex4();
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, static_cast<char32_t>(cp));
          break;
        }
        default: out += e;
      }
    }
    ++i_;
    return out;
  }

  std::shared_ptr<JsonArray> array() {
    auto out = std::make_shared<JsonArray>();
    ++i_;
    space();
    if (take("]")) return out;
    while (true) {
      out->push_back(value());
      space();
      if (take("]")) return out;
      if (!take(",")) fail("expected ','");
    }
  }

  std::shared_ptr<JsonObject> object() {
    auto out = std::make_shared<JsonObject>();
    ++i_;
    space();
    if (take("}")) return out;
    while (true) {
      space();
      const std::string key = string();
      space();
      if (!take(":")) fail("expected ':'");
      (*out)[key] = value();
      space();
      if (take("}")) return out;
      if (!take(",")) fail("expected ','");
    }
  }

  std::string_view text_;
  std::size_t i_ = 0;
};

}  // namespace kn::testing
