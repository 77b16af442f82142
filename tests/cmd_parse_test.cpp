// kn parse end to end.
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

class ParseCommandTest : public kn::testing::KnTest {};

TEST_F(ParseCommandTest, ParseSeedsAsJsonLines) {
  const Result run = kn("parse --json seeds/");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "");
  std::string want;
  for (const char* name :
       {"000_d809ab5171f926cf.txt", "001_c6642d8709a2e47b.txt", "002_7299b426c7bc8e35.txt",
        "003_c101f9bd7d61912c.txt", "004_01338e13a97eeadf.txt"}) {
    const std::string path = std::string("seeds/") + name;
    want += kn::issue_json(kn::extract_issue(kn::read_file(path, 1 << 20), path)) + "\n";
  }
  EXPECT_EQ(run.out, want);
}

TEST_F(ParseCommandTest, ParseSummary) {
  const Result run = kn("parse 'tests/data/2022-11-11_Weekly Kaggle News #152.md'");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out,
            "tests/data/2022-11-11_Weekly Kaggle News #152.md\n"
            "  #152 Weekly Kaggle News #152, 2022-11-11\n"
            "  https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-152-1441016\n"
            "  news_and_competitions  News & Competitions      1 item\n"
            "  errata                 Errata                   1 item\n"
            "  announcement           Announcement             1 item\n"
            "  3 cards, 2 embeds\n");
}

TEST_F(ParseCommandTest, EachBadFileGetsOneLineAndTheOthersAreStillParsed) {
  write("in/a_good.md", "# Weekly Kaggle News #3\nhttps://e.com/3\n<h2>News</h2><p>x</p>");
  write("in/b_empty.md", "");
  write("in/c_binary.md", std::string("# W #1\nhttps://e\n\0\0", 18));
  write("in/d_untitled.md", "<h2>News</h2>");
  write("in/e_crlf.md", "# Weekly Kaggle News #4\r\nhttps://e.com/4\r\n<p>y</p>\r\n");
  write("in/.hidden.md", "");
  const std::string in = (dir_ / "in").string();
  const std::string missing = (dir_ / "missing").string();
  const Result run = kn("parse --json '" + in + "' '" + missing + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: " + missing +
                         ": No such file or directory\n"
                         "kn: " +
                         in +
                         "/b_empty.md: empty file\n"
                         "kn: " +
                         in +
                         "/c_binary.md: binary file (NUL byte at offset 17)\n"
                         "kn: " +
                         in + "/d_untitled.md: no '# title' line at the top\n");
  std::istringstream lines(run.out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) ++count;
  EXPECT_EQ(count, 2);
  EXPECT_NE(run.out.find("\"number\":3,"), std::string::npos);
  EXPECT_NE(run.out.find("\"number\":4,"), std::string::npos);
}

TEST_F(ParseCommandTest, SizeLimit) {
  const std::string path = write("big.md", "# W #1\nhttps://e.com/1\n" + std::string(2000, 'x'));
  const Result run = kn("parse --max-size 1KiB '" + path + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: " + path + ": file is 2023 bytes, over the limit of 1024 (--max-size)\n");
  EXPECT_EQ(kn("parse --max-size 2M '" + path + "'").status, 0);
}

TEST_F(ParseCommandTest, DeeplyNestedFile) {
  std::string html = "# W #1\nhttps://e.com/1\n";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  const std::string path = write("deep.md", html);
  const Result run = kn("parse '" + path + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: " + path + ": HTML nested deeper than 1000 levels\n");
}

// Beyond the 4 MiB default a file is refused with its size; --max-size
// admits it, and a 50 MB line still parses, indexes and is found.
TEST_F(ParseCommandTest, AFiftyMegabyteSingleLineFile) {
  std::string html = "# Weekly Kaggle News #7\nhttps://e.com/7\n<h2>News</h2><p>";
  while (html.size() < 50'000'000) html += "Kaggle の画像 <b>x</b> ";
  const std::string path = write("big.md", html + "</p>");
  Result run = kn("parse '" + path + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: " + path + ": file is " + std::to_string(html.size() + 4) +
                         " bytes, over the limit of 4194304 (--max-size)\n");
  run = kn("parse --max-size 64MiB '" + path + "'");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("  news                   News                     1 item\n"),
            std::string::npos);
  const std::string db = (dir_ / "big.db").string();
  run = kn("index -q --max-size 64MiB --db '" + db + "' '" + path + "'");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(kn("search --count --db '" + db + "' 画像").out, "1\n");
}

TEST_F(ParseCommandTest, NothingToParseIsExitOne) {
  fs::create_directory(dir_ / "empty");
  const Result run = kn("parse '" + (dir_ / "empty").string() + "'");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "");
}

// Paths and titles are untrusted too: nothing in an error line may reach
// the terminal as an escape sequence.
TEST_F(ParseCommandTest, ErrorLinesNeverCarryEscapes) {
  const std::string evil = write("\x1b]0;PWNED\a\x1b[31mRED.md", "");
  const std::string title = write("t.md", "# Evil \x1b]0;PWNED\a title\nhttps://e.com/1\n");
  const Result run = kn("parse '" + evil + "' '" + title + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: " + dir_.string() + "/\\x1b]0;PWNED\\x07\\x1b[31mRED.md: empty file\n" +
                         "kn: " + title +
                         ": no issue number ('#N') in the title \"Evil ]0;PWNED title\"\n");
}

// A file name that is not UTF-8 is written losslessly and validly.
TEST_F(ParseCommandTest, NonUtf8FileNamesAreEscapedInJson) {
  const std::string path =
      write("bad\xff\x9b.md", "# Weekly Kaggle News #3\nhttps://e.com/3\n<p>x</p>");
  const Result run = kn("parse --json '" + path + "'");
  EXPECT_EQ(run.status, 0);
  EXPECT_TRUE(run.out.starts_with("{\"source\":\"" + dir_.string() + "/bad\\\\xff\\\\x9b.md\","))
      << run.out;
}
}  // namespace
