// kn list end to end.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include "kn_binary.hpp"

namespace {

namespace fs = std::filesystem;
using kn::testing::Result;
using kn::testing::slurp;
using kn::testing::without_time;

class ListCommandTest : public kn::testing::SeedsTest {};

TEST_F(ListCommandTest, ListCompetitions) {
  Result run = kn("list --competition --db '" + db_ + "' --sort mentions");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(
      run.out.substr(0, run.out.find('\n') + 1),
      "SIGNATE\t日本取引所グループ ニュース分析チャレンジ\thttps://signate.jp/competitions/443"
      "\t66\t2021-03-19\t84\t2021-07-21\t2\t1\t\n");
  // Plural, as --issues, --links and --domains are.
  EXPECT_EQ(kn("list --competitions --db '" + db_ + "' --sort mentions").out, run.out);
  run = kn("list competitions --format json --platform kaggle --since 2022 --db '" + db_ + "'");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out,
            R"({"platform":"Kaggle","name":"Jigsaw Rate Severity of Toxic Comments",)"
            R"("url":"https://www.kaggle.com/competitions/jigsaw-toxic-severity-rating",)"
            R"("urls":["https://www.kaggle.com/competitions/jigsaw-toxic-severity-rating"],)"
            R"("first_issue":117,"first_date":"2022-03-11","last_issue":117,)"
            R"("last_date":"2022-03-11","mentions":1,"writeups":1,"aliases":[]})"
            "\n");
  run = kn("list --competition --platform zindi --db '" + db_ + "'");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "");
  run = kn("list --db '" + db_ + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: list: say what to list: --competition, --issues, --links or --domains\n");
  run = kn("list --issues --links --db '" + db_ + "'");
  EXPECT_EQ(run.err, "kn: --issues and --links: list one thing at a time\n");
}

TEST_F(ListCommandTest, ListIssuesLinksDomains) {
  Result run = kn("list --issues --db '" + db_ + "'");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out.substr(0, run.out.find('\n') + 1),
            "18\t~2020-04-16\tWeekly Kaggle News #18\t4\t5\t0\t"
            "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-18-239563\n");
  run = kn("list --domains --format json --db '" + db_ + "'");
  EXPECT_EQ(run.out.substr(0, run.out.find('\n') + 1),
            R"({"domain":"kaggle.com","links":9,"cards":0})"
            "\n");
  run = kn("list --links --domain signate.jp --db '" + db_ + "'");
  EXPECT_EQ(run.out,
            "https://signate.jp/competitions/423\t日本取引所グループ "
            "ファンダメンタルズ分析チャレンジ\t2\t#66, #84\n"
            "https://signate.jp/competitions/443\t日本取引所グループ "
            "ニュース分析チャレンジ\t2\t#66, #84\n"
            "https://signate.jp/users/59845\tUKI1さん\t1\t#84\n");
}

}  // namespace
