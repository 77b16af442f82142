#include "kn/nesting_guard.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>

namespace kn {

namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Elements that never have children, or that the parser closes by itself
// when a sibling starts: neither can build depth.
bool builds_no_depth(std::string_view tag) {
  static constexpr std::array<std::string_view, 26> kTags{
      "area",  "base", "br",     "col",  "dd",       "dt",     "embed", "hr",    "img",
      "input", "li",   "link",   "meta", "optgroup", "option", "p",     "param", "rb",
      "rp",    "rt",   "source", "td",   "th",       "tr",     "track", "wbr"};
  return std::find(kTags.begin(), kTags.end(), tag) != kTags.end();
}

}  // namespace

std::size_t html_nesting_depth(std::string_view html) {
  std::unordered_map<std::string, std::size_t> open;  // tag -> elements open
  std::size_t depth = 0, deepest = 0;
  std::string tag;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    ++i;
    if (html.substr(i).starts_with("!--")) {
      const std::size_t end = html.find("-->", i + 3);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    if (i >= html.size() || !is_alpha(html[i])) continue;
    tag.clear();
    while (i < html.size() && html[i] != '>' && html[i] != '/' && html[i] != ' ' &&
           html[i] != '\t' && html[i] != '\n' && html[i] != '\r' && html[i] != '\f') {
      const char c = html[i++];
      tag += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    // Skip the attributes; a quoted value may hold '>'.
    char quote = 0;
    bool self_closing = false;
    for (; i < html.size(); ++i) {
      const char c = html[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        self_closing = html[i - 1] == '/';
        break;
      }
    }
    if (builds_no_depth(tag)) continue;
    if (closing) {
      auto it = open.find(tag);
      if (it != open.end() && it->second > 0) --it->second, --depth;
    } else if (!self_closing) {
      ++open[tag];
      deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

}  // namespace kn
