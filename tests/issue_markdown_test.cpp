#include "render/issue_markdown.hpp"

#include <gtest/gtest.h>

#include <string>

#include "sample_issue.hpp"

namespace {

TEST(IssueMarkdown, TextIsNeverMarkup) {
  // A backslash was not escaped: \[x\](...) became a link.
  EXPECT_EQ(kn::markdown_text("\\[x\\](https://evil.example)"),
            "\\\\\\[x\\\\\\](https://evil.example)");
  EXPECT_EQ(kn::markdown_text("*a* _b_ `c` <d> e & f ~g~ |h| ![i]"),
            "\\*a\\* \\_b\\_ \\`c\\` \\<d\\> e \\& f \\~g\\~ \\|h\\| \\!\\[i\\]");
  EXPECT_EQ(kn::markdown_text("# not a heading"), "\\# not a heading");
  EXPECT_EQ(kn::markdown_text("- not a list"), "\\- not a list");
  EXPECT_EQ(kn::markdown_text("1. not a list"), "\\1. not a list");
  EXPECT_EQ(kn::markdown_text("2021年"), "2021年");
  EXPECT_EQ(kn::markdown_text("bell\x07 and \x1b[31m"), "bell and \\[31m");
}

TEST(IssueMarkdown, OnlyWebAndMailUrlsAreLinks) {
  EXPECT_EQ(kn::markdown_link("ok", "https://e.com/a b"), "[ok](<https://e.com/a%20b>)");
  // A '>' in the URL broke out of <...>.
  EXPECT_EQ(kn::markdown_link("x", "https://e.com/a><img src=x onerror=alert(1)>"),
            "[x](<https://e.com/a%3E%3Cimg%20src=x%20onerror=alert(1)%3E>)");
  EXPECT_EQ(kn::markdown_link("click", "javascript:alert(1)"), "click (javascript:alert(1))");
  EXPECT_EQ(kn::markdown_link("img", "data:text/html,<b>x</b>"),
            "img (data:text/html,\\<b\\>x\\</b\\>)");
  EXPECT_EQ(kn::markdown_link("mail", "mailto:a@e.com"), "[mail](<mailto:a@e.com>)");
}

TEST(IssueMarkdown, AnIssue) {
  kn::Issue issue = kn::testing::sample_issue();
  issue.cards[1].url = "javascript:alert(1)";
  EXPECT_EQ(kn::issue_markdown(issue, {{127, "2022-05-20", "a fix"}}),
            "# Weekly Kaggle News #66\n\n2021-03-19 (estimated) · <https://e.com/66>\n"
            "\n## News\n\n- Colab \"Pro\"\n  - [Colab](<https://colab.com>)\n"
            "\n## (no heading)\n\n- a\n- b\n"
            "\n## Links\n"
            "\n### [T](<https://t.com/a>)\n\n> blurb\n\ncomment\n- [l](<https://l.com>)\n"
            "\n### U (javascript:alert(1))\n\n"
            "\n### <https://youtu.be/x>\n\nvideo\n"
            "\n## Corrections\n\n- #127 (2022-05-20): a fix\n");
}

}  // namespace
