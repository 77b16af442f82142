// A minimal JSON writer: kn only ever writes JSON, one value per line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kn {

// Appends s as a JSON string literal. s must be valid UTF-8; control
// characters (C0, DEL, C1), bidirectional controls and invisible characters
// are escaped as \uXXXX (sanitize.hpp), so that no JSON output carries
// them raw; everything else is written as is.
void append_json_string(std::string& out, std::string_view s);

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(std::int64_t n);
  JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(double x);
  JsonWriter& value(bool b);
  JsonWriter& null();
  JsonWriter& nullable(const std::optional<std::string>& s) { return s ? value(*s) : null(); }

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void separate();

  std::string out_;
  bool need_comma_ = false;
};

}  // namespace kn
