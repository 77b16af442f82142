// Helpers shared by the tests: scratch directories and small file tools.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "store/fts_expression.hpp"
#include "tokenize/char_info.hpp"
#include "tokenize/tokenizer.hpp"
#include "util/utf8.hpp"

namespace kn::testing {

// term as one FTS5 phrase, quoted as a query of it is (so no character of it
// is FTS5 syntax); "" when term has no token at all.
inline std::string fts5_phrase(std::string_view term) {
  return detail::quoted_phrase(term, tokenize(term, TokenizeMode::query));
}

// A fresh directory for one test, removed with it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kn-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

  // Writes content to name (creating directories) and returns its path.
  std::string write(const std::string& name, const std::string& content) const {
    const std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

// Sets an environment variable for the life of this object, then puts back
// what was there (or nothing).
class ScopedEnvironment {
 public:
  ScopedEnvironment(const char* name, const std::string& value) : name_(name) {
    if (const char* before = std::getenv(name)) before_ = before;
    ::setenv(name, value.c_str(), 1);
  }
  ~ScopedEnvironment() { before_ ? ::setenv(name_, before_->c_str(), 1) : ::unsetenv(name_); }
  ScopedEnvironment(const ScopedEnvironment&) = delete;
  ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

 private:
  const char* name_;
  std::optional<std::string> before_;
};

// A read-only bind mount of dir/rw at dir/ro (root only), unmounted at the
// end: read-only media, as a CD or a mount with -o ro is.
class ReadOnlyMount {
 public:
  explicit ReadOnlyMount(const TempDir& dir) : rw_(dir / "rw"), ro_(dir / "ro") {
    std::filesystem::create_directories(rw_);
    std::filesystem::create_directories(ro_);
    const std::string mount = "mount --bind '" + rw_ + "' '" + ro_ + "' 2>/dev/null && mount -o " +
                              "remount,ro,bind '" + ro_ + "' 2>/dev/null";
    mounted_ = ::geteuid() == 0 && std::system(mount.c_str()) == 0;
  }
  ~ReadOnlyMount() {
    if (mounted_) std::system(("umount '" + ro_ + "'").c_str());
  }
  ReadOnlyMount(const ReadOnlyMount&) = delete;
  ReadOnlyMount& operator=(const ReadOnlyMount&) = delete;
  bool mounted() const { return mounted_; }

 private:
  std::string rw_, ro_;
  bool mounted_ = false;
};

inline std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out += decode_utf8(s, i);
  return out;
}

inline std::string utf8(std::u32string_view s) {
  std::string out;
  for (const char32_t cp : s) append_utf8(out, cp);
  return out;
}

// text as Japanese matching reads it, written here independently of the
// tokenizer: white space between two Japanese characters is gone, and so is
// a prolonged sound mark after katakana that no katakana follows.
inline std::u32string matchable(const std::u32string& text) {
  const auto japanese = [](char32_t c) { return detail::is_japanese_letter(c); };
  const auto katakana = [](char32_t c) { return c >= 0x30A1 && c <= 0x30FA; };
  std::u32string joined;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_space(text[i]) && !joined.empty() && japanese(joined.back())) {
      std::size_t j = i;
      while (j < text.size() && is_space(text[j])) ++j;
      if (j < text.size() && japanese(text[j])) {
        i = j - 1;
        continue;
      }
    }
    joined += text[i];
  }
  std::u32string out;
  for (std::size_t i = 0; i < joined.size(); ++i) {
    const bool bar = joined[i] == 0x30FC;
    std::size_t next = i + 1;
    while (next < joined.size() && joined[next] == 0x30FC) ++next;
    if (bar && !out.empty() && (katakana(out.back()) || out.back() == 0x30FC) &&
        (next >= joined.size() || !katakana(joined[next])) && next == i + 1) {
      continue;
    }
    out += joined[i];
  }
  return out;
}

// The fields of one TSV line (its newline dropped), an empty last field too.
inline std::vector<std::string> split_tabs(std::string line) {
  if (line.ends_with('\n')) line.pop_back();
  std::vector<std::string> out(1);
  for (const char c : line) {
    if (c == '\t') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace kn::testing
