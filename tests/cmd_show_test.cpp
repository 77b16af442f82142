// kn show end to end.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include "kn/extract.hpp"
#include "kn/files.hpp"
#include "kn_binary.hpp"
#include "render/issue_json.hpp"

namespace {

namespace fs = std::filesystem;
using kn::testing::Result;
using kn::testing::slurp;
using kn::testing::without_time;

class ShowCommandTest : public kn::testing::SeedsTest {};

TEST_F(ShowCommandTest, ShowFormats) {
  Result run = kn("show 84 --format json --db '" + db_ + "'");
  EXPECT_EQ(run.status, 0);
  const std::string path = "seeds/001_c6642d8709a2e47b.txt";
  kn::Issue parsed = kn::extract_issue(kn::read_file(path, 1 << 20), path);
  parsed.source = fs::absolute(path).lexically_normal().string();
  EXPECT_EQ(run.out, kn::issue_json(parsed) + "\n");
  run = kn("show 84 --format md --db '" + db_ + "'");
  EXPECT_EQ(run.status, 0);
  EXPECT_TRUE(
      run.out.starts_with("# Weekly Kaggle News #84\n\n2021-07-21 (estimated) · "
                          "<https://www.getrevue.co/profile/upura/issues/"
                          "weekly-kaggle-news-84-692345>\n\n## News\n\n- Kaggleが"))
      << run.out.substr(0, 300);
  run = kn("show 84 --db '" + db_ + "'");
  EXPECT_TRUE(run.out.starts_with("Weekly Kaggle News #84\n2021-07-21 (estimated)  https://"));
  // An issue as hits and lists label it.
  EXPECT_EQ(kn("show '#84' --db '" + db_ + "'").out, run.out);
  EXPECT_EQ(kn("show '#x' --db '" + db_ + "'").err,
            "kn: #x: not an issue number or an entry's reference (kn show 66, kn show 66.9)\n");
  run = kn("show 999 --db '" + db_ + "'");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "kn: no issue #999 in " + db_ + "\n");
}

// A hit's reference names the same entry to kn show REF: the TSV line of
// a search and the entry shown agree on title and URL.
TEST_F(ShowCommandTest, AReferenceFromASearchShowsThatEntry) {
  const std::string line = search("--limit 1 鰹").out;
  const std::vector<std::string> fields = kn::testing::split_tabs(line.substr(0, line.find('\n')));
  ASSERT_EQ(fields.size(), 9u) << line;
  EXPECT_EQ(fields[7], "66.10");
  const Result json = kn("show " + fields[7] + " --format json --db '" + db_ + "'");
  EXPECT_EQ(json.status, 0) << json.err;
  EXPECT_NE(json.out.find("\"ref\":\"66.10\",\"issue\":66,"), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"title\":\"" + fields[4] + "\""), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"url\":\"" + fields[5] + "\""), std::string::npos) << json.out;
  // Shown as the listing labels it, too.
  EXPECT_EQ(kn("show '#66.10' --format json --db '" + db_ + "'").out, json.out);
}

// kn show REF on a terminal: where the entry is, its text, its links
// numbered with their text and domain.
TEST_F(ShowCommandTest, AnEntryWholeWithItsLinksNumbered) {
  const Result run = kn("show 66.5 --format table --width 80 --color never --db '" + db_ + "'");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out.substr(0, run.out.find('\n')),
            "#66.5 2021-03-19 (estimated) Competitions · item");
  EXPECT_NE(run.out.find("\nLinks\n  1. RecSys Challenge 2021 (recsyschallenge.com)\n"
                         "     http://www.recsyschallenge.com/2021/\n"
                         "  2. KDD Cup 2021 (kdd.org)\n"
                         "     https://www.kdd.org/kdd2021/\n"),
            std::string::npos)
      << run.out;
}

TEST_F(ShowCommandTest, AReferenceToNothingIsSaid) {
  Result run = kn("show 66.99 --db '" + db_ + "'");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "kn: 66.99: issue #66 has no entry 99 (kn show 66 lists them)\n");
  run = kn("show 66.1/2 --db '" + db_ + "'");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "kn: 66.1/2: there is 1 issue numbered 66\n");
  run = kn("show 66.0 --db '" + db_ + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err,
            "kn: 66.0: not an issue number or an entry's reference (kn show 66, kn show 66.9)\n");
}

}  // namespace
