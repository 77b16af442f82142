#include "render/issue_render.hpp"

#include <gtest/gtest.h>

#include <string>

#include "sample_issue.hpp"

namespace {

TEST(IssueRender, IssueSummary) {
  EXPECT_EQ(kn::issue_summary(kn::testing::sample_issue()),
            "seeds/x.txt\n"
            "  #66 Weekly Kaggle News #66, 2021-03-19 (estimated)\n"
            "  https://e.com/66\n"
            "  news                   News                     1 item\n"
            "  other                  (no heading)             2 items\n"
            "  2 cards, 1 embed\n");
}

}  // namespace
