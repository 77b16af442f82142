// Keeping files out of an index: --exclude patterns and .knignore files, in
// gitignore's syntax (as ripgrep reads .ignore files).
//
//   # comment        a line starting with '#' (write \# for a literal #)
//   *.bak            a name at any depth; * and ? do not match '/'
//   drafts/          a trailing '/' matches directories only
//   /notes.md        a leading or inner '/' anchors the pattern to the
//   2019/*.md        directory of the .knignore (or the root, for --exclude)
//   **/tmp, a/**/b   ** matches any number of directories
//   !keep.md         a leading '!' includes again what an earlier line excluded
//
// The last pattern that matches decides; a directory that is excluded is
// not walked, so nothing below it can be included again.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kn {

// Tells whether path matches a glob pattern: * and ? within one segment,
// [abc], [a-z], [!a] classes, ** across segments, \ quoting the next
// character.
bool glob_match(std::string_view pattern, std::string_view path);

class IgnoreRules {
 public:
  // Adds one line of gitignore syntax, relative to the directory base
  // (a path without a trailing '/'; "" for the root of the walk).
  void add(std::string_view line, std::string_view base = {});
  // Adds every line of a .knignore file's text.
  void add_file(std::string_view text, std::string_view base);

  // Tells whether path (relative to the root of the walk, '/' between
  // segments) is left out; is_directory says whether it names a directory.
  bool excluded(std::string_view path, bool is_directory) const;

  bool empty() const { return rules_.empty(); }

 private:
  struct Rule {
    std::string pattern;  // anchored: relative to the root of the walk
    bool negated = false, directories_only = false;
  };
  std::vector<Rule> rules_;
};

}  // namespace kn
