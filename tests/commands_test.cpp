// The kn binary end to end: exit codes, stdout and the one-line errors.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "kn/extract.hpp"
#include "kn/files.hpp"
#include "kn/output.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;

struct Result {
  int status;
  std::string out, err;
};

std::string slurp(const fs::path& path) { return kn::testing::slurp(path.string()); }

// An index summary without its varying time: " (0.01 s)" or ',"seconds":0.01}'.
std::string without_time(const std::string& summary) {
  const std::size_t json = summary.find(",\"seconds\":");
  return summary.substr(0, json != std::string::npos ? json : summary.rfind(" ("));
}

class CommandsTest : public testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "kn-cli-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs kn with args (already shell-quoted) from the source tree.
  Result kn(const std::string& args) {
    const std::string command = std::string("'") + KN_BINARY + "' " + args + " >'" +
                                (dir_ / "out").string() + "' 2>'" + (dir_ / "err").string() + "'" +
                                (args.find('<') == std::string::npos ? " </dev/null" : "");
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir_ / "out"), slurp(dir_ / "err")};
  }

  std::string write(const std::string& name, const std::string& content) {
    const fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  fs::path dir_;
};

TEST_F(CommandsTest, ParseSeedsAsJsonLines) {
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

TEST_F(CommandsTest, ParseSummary) {
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

TEST_F(CommandsTest, EachBadFileGetsOneLineAndTheOthersAreStillParsed) {
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

TEST_F(CommandsTest, SizeLimit) {
  const std::string path = write("big.md", "# W #1\nhttps://e.com/1\n" + std::string(2000, 'x'));
  const Result run = kn("parse --max-size 1KiB '" + path + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: " + path + ": file is 2023 bytes, over the limit of 1024 (--max-size)\n");
  EXPECT_EQ(kn("parse --max-size 2M '" + path + "'").status, 0);
}

TEST_F(CommandsTest, DeeplyNestedFile) {
  std::string html = "# W #1\nhttps://e.com/1\n";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  const std::string path = write("deep.md", html);
  const Result run = kn("parse '" + path + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: " + path + ": HTML nested deeper than 1000 levels\n");
}

TEST_F(CommandsTest, NothingToParseIsExitOne) {
  fs::create_directory(dir_ / "empty");
  const Result run = kn("parse '" + (dir_ / "empty").string() + "'");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "");
}

TEST_F(CommandsTest, UsageErrors) {
  Result run = kn("");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: A subcommand is required (see kn --help)\n");
  run = kn("parse");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: paths is required (see kn --help)\n");
  run = kn("frobnicate");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: unknown command 'frobnicate' (see kn --help)\n");
}

TEST_F(CommandsTest, HelpAndVersion) {
  Result run = kn("--version");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, std::string(KN_VERSION) + "\n");
  run = kn("parse --help");
  EXPECT_EQ(run.status, 0);
  EXPECT_NE(run.out.find("--json"), std::string::npos);
  EXPECT_NE(run.out.find("kn parse seeds/"), std::string::npos);
}

TEST_F(CommandsTest, IndexSummaryAndReindex) {
  const std::string db = (dir_ / "sub/kn.db").string();
  Result run = kn("index --db '" + db + "' seeds/");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(without_time(run.out), "indexed 5 files: 5 new, 0 updated, 0 unchanged, 0 failed");
  run = kn("index --db '" + db + "' --json seeds/");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(
      without_time(run.out),
      R"({"files":5,"new":0,"updated":0,"unchanged":5,"failed":0,"pruned":0,"dry_run":false)");
  run = kn("index --db '" + db + "' --quiet seeds/");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, "");
}

TEST_F(CommandsTest, IndexReadsPathsFromStdin) {
  const std::string db = (dir_ / "kn.db").string();
  std::string names = "seeds/000_d809ab5171f926cf.txt";
  names += '\0';
  names += "tests/data/2020-09-18_Weekly Kaggle Issue #40.md";
  const std::string list = write("list", names);
  Result run = kn("index --json --db '" + db + "' -0 - <'" + list + "'");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(
      without_time(run.out),
      R"({"files":2,"new":2,"updated":0,"unchanged":0,"failed":0,"pruned":0,"dry_run":false)");
  run = kn("index --json --db '" + db + "' - <'" +
           write("lines", "seeds/001_c6642d8709a2e47b.txt\n\n") + "'");
  EXPECT_EQ(
      without_time(run.out),
      R"({"files":1,"new":1,"updated":0,"unchanged":0,"failed":0,"pruned":0,"dry_run":false)");
  run = kn("check --db '" + db + "'");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out,
            "checked: SQLite integrity check\n"
            "checked: no orphan entries or links\n"
            "checked: full-text index matches the entries\n"
            "checked: every issue has the entries it was indexed with\n" +
                db + ": sound\n");
}

TEST_F(CommandsTest, IndexWithBadFilesStillIndexesTheRest) {
  const std::string db = (dir_ / "kn.db").string();
  const std::string bad = write("in/bad.md", "garbage");
  const Result run =
      kn("index --db '" + db + "' seeds/ '" + bad + "' '" + (dir_ / "nope").string() + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: " + (dir_ / "nope").string() +
                         ": No such file or directory\n"
                         "kn: " +
                         bad + ": no '# title' line at the top\n");
  EXPECT_EQ(without_time(run.out), "indexed 7 files: 5 new, 0 updated, 0 unchanged, 2 failed");
}

TEST_F(CommandsTest, DatabaseErrors) {
  const std::string garbage =
      write("garbage.db", "this is not a database at all, not even close......");
  Result run = kn("index --db '" + garbage + "' seeds/");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: " + garbage + ": not a kn database (not an SQLite file)\n");
  EXPECT_EQ(slurp(garbage), "this is not a database at all, not even close......");
  run = kn("check --db '" + (dir_ / "missing.db").string() + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: " + (dir_ / "missing.db").string() +
                         ": no database here; create it with 'kn index DIR'\n");
  EXPECT_FALSE(fs::exists(dir_ / "missing.db"));
}

TEST_F(CommandsTest, DatabaseFromTheEnvironment) {
  const std::string command = "KN_DB='" + (dir_ / "env.db").string() + "' ";
  const std::string line = command + "'" + KN_BINARY + "' index -q seeds/";
  ASSERT_EQ(std::system(line.c_str()), 0);
  EXPECT_TRUE(fs::exists(dir_ / "env.db"));
}

}  // namespace
