// kn search end to end.
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

class SearchCommandTest : public kn::testing::SeedsTest {};

TEST_F(SearchCommandTest, TsvWhenPiped) {
  const Result run = search("鰹");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.out,
            "66\t2021-03-19\tlinks\tcard\tSIGNATE 鰹節コン\u30D8\u309A2nd Place Solution\t"
            "https://www.slideshare.net/ren4yu/signate-2nd-place-solution\t"
            "…成」コンペティション（通称鰹節コンペ）2位入賞の解法紹介…\n");
}

TEST_F(SearchCommandTest, JsonLines) {
  const Result run = search("--format json --limit 2 PyTorch");
  EXPECT_EQ(run.status, 0);
  std::istringstream lines(run.out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    ++count;
    EXPECT_TRUE(line.starts_with("{\"issue\":")) << line;
    for (const char* key : {"\"date\":", "\"section\":", "\"kind\":\"card\"",
                            "\"title\":", "\"url\":", "\"snippet\":", "\"score\":"}) {
      EXPECT_NE(line.find(key), std::string::npos) << key;
    }
  }
  EXPECT_EQ(count, 2);
}

TEST_F(SearchCommandTest, CountUrlsAndExitCodes) {
  Result run = search("--count PyTorch");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, "10\n");
  run = search("--count zzzyyyxxx");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "0\n");
  run = search("zzzyyyxxx");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "");
  run = search("--urls domain:kaggle.com section:news");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out,
            "https://www.kaggle.com/thirty-days-of-ml\n"
            "https://github.com/scikit-learn/scikit-learn\n");
  run = search("'\"unbalanced'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: query: missing closing '\"' for the quote at column 1\n");
  run = search("--sort sideways x");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: --sort: 'sideways' is not rank, date or -date\n");
}

TEST_F(SearchCommandTest, NegativeWordsAndFlags) {
  Result run = search("--count -- -Kaggle section:news");
  EXPECT_EQ(run.out, "2\n");
  run = search("--count --section news -- -Kaggle");
  EXPECT_EQ(run.out, "2\n");
  run = search("--count --issue 60..70 --since 2021 --domain github.io PyTorch");
  EXPECT_EQ(run.out, "1\n");
  run = search("--explain -- -a");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, "query:\n  NOT\n    a  ->  a\nFTS5, to leave out: \"a\"\n");
  run = search("--bogus x");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: --bogus: kn search has no such option (kn search --help)\n");
}

TEST_F(SearchCommandTest, HostileBytesNeverReachTheTerminal) {
  const std::string evil = write("evil.md",
                                 "# Weekly Kaggle News #999\nhttps://e.com/999\n<h2>News</h2>"
                                 "<p>zqzq \x1b]0;pwned\x07 \x1b[2J bell\x07 cr\r end</p>");
  ASSERT_EQ(kn("index -q --db '" + db_ + "' '" + evil + "'").status, 0);
  for (const char* format :
       {"--format tsv", "--format json", "--urls", "--format table --color always"}) {
    const Result run = search(std::string(format) + " zqzq");
    EXPECT_EQ(run.status, 0);
    for (const char c : run.out) {
      const bool control =
          (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\033') ||
          c == '\x7f';
      EXPECT_FALSE(control) << format << ": " << static_cast<int>(c);
    }
    EXPECT_EQ(run.out.find("\033]"), std::string::npos) << format;
    EXPECT_EQ(run.out.find("\033[2J"), std::string::npos) << format;
  }
}

TEST_F(SearchCommandTest, SearchingNeverWrites) {
  const std::string before = slurp(db_);
  EXPECT_EQ(search("PyTorch").status, 0);
  EXPECT_EQ(slurp(db_), before);
  const Result run = kn("search --db '" + (dir_ / "none.db").string() + "' x");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: " + (dir_ / "none.db").string() +
                         ": no database here; create it with 'kn index DIR'\n");
  EXPECT_FALSE(fs::exists(dir_ / "none.db"));
}

}  // namespace
