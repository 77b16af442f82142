#include "ignore.hpp"

#include <algorithm>
#include <vector>

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

// A glob compiled to the steps of an automaton, one per pattern element,
// so that matching keeps a set of places in the pattern and reads the path
// once: time linear in the path for each place, never the backtracking
// that is exponential in the number of '*' and '**'.
struct Step {
  enum class Kind {
    literal,    // the character c
    any,        // ?: one character but '/'
    klass,      // [...] from class_start: one character but '/'
    star,       // *: any run without '/'
    any_depth,  // **: any run
    any_dirs,   // **/: nothing, or any run that ends with '/'
  } kind;
  char c = 0;
  std::size_t class_start = 0;
};

std::vector<Step> compile(std::string_view pattern) {
  std::vector<Step> steps;
  for (std::size_t p = 0; p < pattern.size();) {
    const char c = pattern[p];
    if (c == '*') {
      std::size_t end = p;
      while (end < pattern.size() && pattern[end] == '*') ++end;
      if (end - p == 1) {
        steps.push_back({Step::Kind::star});
      } else if (end < pattern.size() && pattern[end] == '/') {
        steps.push_back({Step::Kind::any_dirs});
        ++end;
      } else {
        steps.push_back({Step::Kind::any_depth});
      }
      p = end;
    } else if (c == '?') {
      steps.push_back({Step::Kind::any});
      ++p;
    } else if (c == '[') {
      // Where a class ends does not depend on the character tested.
      bool unused = false;
      const std::size_t next = match_class(pattern, p + 1, '\0', unused);
      if (next == std::string_view::npos) {  // a lone '[' is literal
        steps.push_back({Step::Kind::literal, '['});
        ++p;
      } else {
        steps.push_back({Step::Kind::klass, 0, p + 1});
        p = next;
      }
    } else if (c == '\\' && p + 1 < pattern.size()) {
      steps.push_back({Step::Kind::literal, pattern[p + 1]});
      p += 2;
    } else {
      steps.push_back({Step::Kind::literal, c});
      ++p;
    }
  }
  return steps;
}

// Whether a step may be passed over without reading a character.
bool may_skip(Step::Kind kind) {
  return kind == Step::Kind::star || kind == Step::Kind::any_depth || kind == Step::Kind::any_dirs;
}

bool match(std::string_view pattern, std::string_view text) {
  const std::vector<Step> steps = compile(pattern);
  const std::size_t n = steps.size();
  // at[k]: the text read so far may end just before step k (k == n: the
  // whole pattern). inside[k]: a **/ at k has read part of its directories.
  std::vector<char> at(n + 1, 0), inside(n, 0), next_at(n + 1), next_inside(n);
  const auto close = [&](std::vector<char>& places) {
    for (std::size_t k = 0; k < n; ++k) {
      if (places[k] && may_skip(steps[k].kind)) places[k + 1] = 1;
    }
  };
  at[0] = 1;
  close(at);
  for (const char c : text) {
    std::fill(next_at.begin(), next_at.end(), 0);
    std::fill(next_inside.begin(), next_inside.end(), 0);
    bool alive = false;
    for (std::size_t k = 0; k < n; ++k) {
      const Step& step = steps[k];
      if (inside[k] || (at[k] && step.kind == Step::Kind::any_dirs)) {
        next_inside[k] = 1;
        if (c == '/') next_at[k + 1] = 1;
        alive = true;
      }
      if (!at[k]) continue;
      bool matched = false;
      switch (step.kind) {
        case Step::Kind::literal: next_at[k + 1] |= c == step.c; break;
        case Step::Kind::any: next_at[k + 1] |= c != '/'; break;
        case Step::Kind::klass:
          if (c != '/') match_class(pattern, step.class_start, c, matched);
          next_at[k + 1] |= matched;
          break;
        case Step::Kind::star: next_at[k] |= c != '/'; break;
        case Step::Kind::any_depth: next_at[k] = 1; break;
        case Step::Kind::any_dirs: break;
      }
      alive = alive || next_at[k] || next_at[k + 1];
    }
    if (!alive) return false;
    at.swap(next_at);
    inside.swap(next_inside);
    close(at);
  }
  return at[n] != 0;
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
