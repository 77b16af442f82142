// kn competition end to end on the seeds and the real issues of tests/data:
// a story across issues, the ambiguity exit, --solutions, the formats, and
// the competition: filter of kn search.
#include <gtest/gtest.h>

#include <fstream>

#include "kn_binary.hpp"

namespace {

using kn::testing::Result;
using kn::testing::slurp;
namespace fs = std::filesystem;

class CompetitionCommandTest : public kn::testing::ArchiveBinaryTest {
 protected:
  Result run(const std::string& args) { return kn(args + " --db '" + db_ + "'"); }

  // kn's output against a golden file (KN_UPDATE_GOLDEN=1 rewrites it).
  void expect_golden(const std::string& out, const fs::path& golden) {
    if (std::getenv("KN_UPDATE_GOLDEN")) std::ofstream(golden, std::ios::binary) << out;
    EXPECT_EQ(out, slurp(golden)) << "see " << golden;
  }
};

// RANZCR CLiP is in #53 and #66: both, oldest first; #66's item names its
// 3位 team, a write-up.
// #40 announces Halite's provisional 1st-place write-up in an item whose
// link text is "discussion": that link is the write-up, the blog links of
// the next sentence are not (no write-up word there).
TEST_F(CompetitionCommandTest, AWriteUpAnnouncedInAnItem) {
  const Result tsv = run("competition halite --solutions --format tsv");
  EXPECT_EQ(tsv.status, 0);
  const std::string line = tsv.out.substr(0, tsv.out.find('\n'));
  EXPECT_TRUE(line.starts_with("40\t2020-09-18\tcompetitions\titem\twriteup\t")) << tsv.out;
  EXPECT_TRUE(line.ends_with("\t40.4")) << tsv.out;
  const Result json = run("competition halite --solutions --format json");
  EXPECT_NE(
      json.out.find(
          R"({"text":"discussion","url":"https://www.kaggle.com/c/halite/discussion/183543","domain":"kaggle.com","writeup":true})"),
      std::string::npos)
      << json.out;
  EXPECT_NE(json.out.find(R"("text":"記事1",)"), std::string::npos) << json.out;
  EXPECT_EQ(
      json.out.find(
          R"("text":"記事1","url":"https://threecourse.hatenablog.com/entry/2020/09/17/014155","domain":"threecourse.hatenablog.com","writeup":true)"),
      std::string::npos)
      << json.out;
}

TEST_F(CompetitionCommandTest, AStoryAcrossIssues) {
  const Result tsv = run("competition ranzcr --format tsv --header");
  EXPECT_EQ(tsv.status, 0);
  EXPECT_TRUE(
      tsv.out.starts_with("issue\tdate\tsection\tkind\twriteup\ttitle\turl\ttext\tref\n53\t"))
      << tsv.out;
  EXPECT_NE(tsv.out.find("\n66\t2021-03-19\tcompetitions\titem\twriteup\t"), std::string::npos);
  // Each entry's reference ends its line: kn show REF prints it whole.
  EXPECT_NE(tsv.out.find("分類するタスクです。\t53.1\n"), std::string::npos) << tsv.out;
  EXPECT_TRUE(tsv.out.ends_with("入賞しています。\t66.2\n")) << tsv.out;
  // The terminal rendering is a golden of terminal_golden_test.cpp.
  const Result json =
      run("competition 'RANZCR CLiP - Catheter and Line Position Challenge' "
          "--format json");
  EXPECT_EQ(json.status, 0);
  for (const char* key :
       {"\"issue\":53,\"ref\":\"53.1\"", "\"date\":\"2020-12-18\"", "\"section\":", "\"kind\":",
        "\"title\":", "\"text\":", "\"url\":", "\"links\":[", "\"writeup\":false"}) {
    EXPECT_NE(json.out.find(key), std::string::npos) << key;
  }
  const Result md = run("competition ranzcr --format md");
  EXPECT_TRUE(md.out.starts_with("# RANZCR CLiP - Catheter and Line Position Challenge\n"))
      << md.out;
}

TEST_F(CompetitionCommandTest, SolutionsOnly) {
  const Result all = run("competition jigsaw --format tsv");
  const Result solutions = run("competition jigsaw --solutions --format tsv");
  EXPECT_EQ(solutions.status, 0);
  EXPECT_NE(solutions.out.find("\twriteup\tKaggleのJigsawで銀メダルを獲得した解法等 - Qiita\t"),
            std::string::npos);
  EXPECT_EQ(run("competition ranzcr --solutions --format tsv").out.find("\n53\t"),
            std::string::npos);
  EXPECT_LE(solutions.out.size(), all.out.size());
}

TEST_F(CompetitionCommandTest, AmbiguousAndUnknown) {
  Result r = run("competition signate");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(
      r.err.starts_with("kn: 'signate' matches 5 competitions; say which:\n  SIGNATE  256  "))
      << r.err;
  r = run("competition zzz");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "kn: 'zzz': no competition matches (kn list --competition lists them)\n");
}

TEST_F(CompetitionCommandTest, SearchFilter) {
  Result r = run("search competition:ai4code --format tsv");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.substr(0, r.out.find('\t')), "152");
  EXPECT_EQ(run("search --count competition:ai4code").out, "2\n");
  EXPECT_EQ(run("search --count --competition ai4code").out, "2\n");
  EXPECT_EQ(run("search --count 'competition:\"jpx tokyo\"'").status, 0);
  EXPECT_EQ(run("search --count 'competition:ai4code 順位表'").out, "1\n");
  r = run("search --count competition:signate");
  EXPECT_EQ(r.status, 2);
  EXPECT_TRUE(r.err.starts_with("kn: competition: 'signate' matches 5 competitions")) << r.err;
}

// The list on the 14 real issues, reviewed: names as an editor would write them.
TEST_F(CompetitionCommandTest, ListGolden) {
  expect_golden(run("list --competition --format json").out, "tests/golden/list-competition.jsonl");
}

}  // namespace
