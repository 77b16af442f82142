#include "kn/ignore.hpp"

namespace kn {

namespace {

// Matches a bracket expression at pattern[p] (just after '[') against c;
// returns the index after ']' or npos when the class is not closed.
std::size_t match_class(std::string_view pattern, std::size_t p, char c, bool& matched) {
  bool negate = p < pattern.size() && (pattern[p] == '!' || pattern[p] == '^');
  if (negate) ++p;
  bool any = false;
  for (bool first = true; p < pattern.size(); first = false) {
    if (pattern[p] == ']' && !first) {
      matched = any != negate;
      return p + 1;
    }
    char low = pattern[p];
    if (low == '\\' && p + 1 < pattern.size()) low = pattern[++p];
    char high = low;
    if (p + 2 < pattern.size() && pattern[p + 1] == '-' && pattern[p + 2] != ']') {
      high = pattern[p + 2];
      p += 2;
    }
    if (c >= low && c <= high) any = true;
    ++p;
  }
  return std::string_view::npos;
}

// Glob matching: a single '*' backtracks iteratively within a segment; a
// '**' tries each place the rest could start, so it may span directories.
bool match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0;
  std::size_t star_p = std::string_view::npos, star_t = 0;
  while (true) {
    if (p + 1 < pattern.size() && pattern[p] == '*' && pattern[p + 1] == '*') {
      std::size_t rest = p;
      while (rest < pattern.size() && pattern[rest] == '*') ++rest;
      if (rest == pattern.size()) return true;
      if (pattern[rest] == '/') {  // "**/": no directory, or any whole ones
        const std::string_view after = pattern.substr(rest + 1);
        for (std::size_t k = t; k <= text.size(); ++k) {
          if ((k == t || text[k - 1] == '/') && match(after, text.substr(k))) return true;
        }
        return false;
      }
      for (std::size_t k = t; k <= text.size(); ++k) {
        if (match(pattern.substr(rest), text.substr(k))) return true;
      }
      return false;
    }
    if (t == text.size()) {
      while (p < pattern.size() && pattern[p] == '*') ++p;
      return p == pattern.size();
    }
    if (p < pattern.size()) {
      const char c = pattern[p];
      if (c == '*') {
        star_p = ++p;
        star_t = t;
        continue;
      }
      if (c == '?' && text[t] != '/') {
        ++p, ++t;
        continue;
      }
      if (c == '[' && text[t] != '/') {
        bool matched = false;
        const std::size_t next = match_class(pattern, p + 1, text[t], matched);
        if (next != std::string_view::npos) {
          if (matched) {
            p = next, ++t;
            continue;
          }
        } else if (text[t] == '[') {  // a lone '[' is literal
          ++p, ++t;
          continue;
        }
      } else if (c == '\\' && p + 1 < pattern.size()) {
        if (pattern[p + 1] == text[t]) {
          p += 2, ++t;
          continue;
        }
      } else if (c != '?' && c != '[' && c == text[t]) {
        ++p, ++t;
        continue;
      }
    }
    // Let the last '*' take one more character, but never a '/'.
    if (star_p == std::string_view::npos || text[star_t] == '/') return false;
    p = star_p;
    t = ++star_t;
  }
}

std::string_view trim_trailing_spaces(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) {
    if (line.size() >= 2 && line[line.size() - 2] == '\\') break;  // "\ " keeps its space
    line.remove_suffix(1);
  }
  return line;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) { return match(pattern, path); }

void IgnoreRules::add(std::string_view line, std::string_view base) {
  line = trim_trailing_spaces(line);
  if (line.empty() || line.front() == '#') return;
  Rule rule;
  if (line.front() == '!') {
    rule.negated = true;
    line.remove_prefix(1);
  } else if (line.starts_with("\\!") || line.starts_with("\\#")) {
    line.remove_prefix(1);
  }
  if (line.ends_with('/')) {
    rule.directories_only = true;
    line.remove_suffix(1);
  }
  if (line.empty()) return;
  // Without a '/' (but at the end), a pattern is a name at any depth.
  const bool anchored = line.find('/') != std::string_view::npos;
  if (line.front() == '/') line.remove_prefix(1);
  std::string pattern(base);
  if (!pattern.empty()) pattern += '/';
  if (!anchored) pattern += "**/";
  pattern.append(line);
  rule.pattern = std::move(pattern);
  rules_.push_back(std::move(rule));
}

void IgnoreRules::add_file(std::string_view text, std::string_view base) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    add(text.substr(start, end - start), base);
    start = end + 1;
  }
}

bool IgnoreRules::excluded(std::string_view path, bool is_directory) const {
  bool out = false;
  for (const Rule& rule : rules_) {
    if (rule.directories_only && !is_directory) continue;
    if (match(rule.pattern, path)) out = !rule.negated;
  }
  return out;
}

}  // namespace kn
