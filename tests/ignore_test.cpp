#include "files/ignore.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

TEST(Ignore, GlobMatch) {
  struct Case {
    const char* pattern;
    const char* path;
    bool match;
  };
  const Case cases[] = {
      {"*.md", "a.md", true},
      {"*.md", "dir/a.md", false},  // * stays in its segment
      {"**/*.md", "a.md", true},
      {"**/*.md", "x/y/a.md", true},
      {"a/**/b", "a/b", true},
      {"a/**/b", "a/x/y/b", true},
      {"a/**", "a/x/y", true},
      {"a/**", "b/x", false},
      {"**/x/*.md", "a/x/y/x/z.md", true},
      {"20?1-*_*.md", "2021-03-19_Weekly.md", true},
      {"[ab]*", "b.md", true},
      {"[!ab]*", "b.md", false},
      {"[a-c]x", "cx", true},
      {"\\*.md", "*.md", true},
      {"\\*.md", "a.md", false},
      {"README*", "README.md", true},
      {"[", "[", true},
      {"?", "/", false},
      {"", "", true},
      // A '*' before a '**/' may still take more: "*" = "b", "?" = "[".
      {"*?**/", "b[", true},
      {"a**/", "ab/c/", true},
      {"a**/", "ab/c", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(kn::glob_match(c.pattern, c.path), c.match) << c.pattern << " ~ " << c.path;
  }
}

// A pattern of many '**' took time exponential in their number (minutes for
// this one); matching now reads the path once per place in the pattern.
TEST(Ignore, ManyDoubleStarsMatchInLinearTime) {
  const std::string path(20000, 'a');
  EXPECT_FALSE(kn::glob_match("**a**a**a**a**a**a**a**a**b", path));
  EXPECT_TRUE(kn::glob_match("**a**a**a**a**a**a**a**a**a", path));
  EXPECT_FALSE(kn::glob_match("*a*a*a*a*a*a*a*a*b", path));
}

TEST(Ignore, GitignoreRules) {
  kn::IgnoreRules rules;
  rules.add_file(
      "# archive notes\n"
      "README.md\n"
      "*.bak  \n"
      "drafts/\n"
      "/top.md\n"
      "2019/*.md\n"
      "!2019/keep.md\n"
      "\\#hash.md\n"
      "\n",
      "");
  rules.add("local.md", "sub");  // a .knignore in sub/
  EXPECT_TRUE(rules.excluded("README.md", false));
  EXPECT_TRUE(rules.excluded("a/b/README.md", false));
  EXPECT_TRUE(rules.excluded("x.bak", false));
  EXPECT_TRUE(rules.excluded("drafts", true));
  EXPECT_FALSE(rules.excluded("drafts", false));  // a file named drafts
  EXPECT_TRUE(rules.excluded("top.md", false));
  EXPECT_FALSE(rules.excluded("a/top.md", false));  // anchored
  EXPECT_TRUE(rules.excluded("2019/a.md", false));
  EXPECT_FALSE(rules.excluded("2019/keep.md", false));
  EXPECT_FALSE(rules.excluded("x/2019/a.md", false));
  EXPECT_TRUE(rules.excluded("#hash.md", false));
  EXPECT_TRUE(rules.excluded("sub/local.md", false));
  EXPECT_TRUE(rules.excluded("sub/deep/local.md", false));
  EXPECT_FALSE(rules.excluded("local.md", false));
  EXPECT_FALSE(rules.excluded("2020-01-01_Weekly Kaggle News #1.md", false));
}

}  // namespace
