#include "kn/sanitize.hpp"

#include <gtest/gtest.h>

#include <string>

#include "kn/issue_render.hpp"
#include "sample_issue.hpp"

namespace {

TEST(Sanitize, PrintableDropsControlCharacters) {
  EXPECT_EQ(kn::printable("a\x1b[31mred\x07\r\n\tb\x7f\u0085\u009bc日本\u00a0é"),
            "a[31mredbc日本\u00a0é");
  kn::Issue issue = kn::testing::sample_issue();
  issue.title = "Evil \x1b]0;pwned\x07 #66";
  issue.sections.clear();
  EXPECT_EQ(kn::issue_summary(issue).substr(0, 41), "seeds/x.txt\n  #66 Evil ]0;pwned #66, 2021");
}

}  // namespace
