// The kn binary end to end: exit codes, stdout and the one-line errors.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "kn/extract.hpp"
#include "kn/files.hpp"
#include "kn/issue_json.hpp"
#include "kn/issue_render.hpp"
#include "kn/sanitize.hpp"
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
  // Runs kn with args (already shell-quoted) from the source tree.
  Result kn(const std::string& args) {
    const std::string command = std::string("'") + KN_BINARY + "' " + args + " >'" +
                                (dir_ / "out").string() + "' 2>'" + (dir_ / "err").string() + "'" +
                                (args.find('<') == std::string::npos ? " </dev/null" : "");
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir_ / "out"), slurp(dir_ / "err")};
  }

  std::string write(const std::string& name, const std::string& content) {
    return tmp_.write(name, content);
  }

  kn::testing::TempDir tmp_;
  const fs::path dir_ = tmp_.path();
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

TEST_F(CommandsTest, AFiftyMegabyteSingleLineFile) {
  std::string html = "# Weekly Kaggle News #7\nhttps://e.com/7\n<h2>News</h2><p>";
  while (html.size() < 50'000'000) html += "Kaggle の画像 <b>x</b> ";
  const std::string path = write("big.md", html + "</p>");
  Result run = kn("parse '" + path + "'");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("  news                   News                     1 item\n"),
            std::string::npos);
  const std::string db = (dir_ / "big.db").string();
  run = kn("index -q --db '" + db + "' '" + path + "'");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(kn("search --count --db '" + db + "' 画像").out, "1\n");
}

TEST_F(CommandsTest, DuplicateIssueNumbersWithDifferentUrls) {
  const std::string a = write("a.md", "# Weekly Kaggle News #7\nhttps://e.com/a\n<p>alpha</p>");
  const std::string b = write("b.md", "# Weekly Kaggle News #7\nhttps://e.com/b\n<p>beta</p>");
  const std::string db = (dir_ / "dup.db").string();
  ASSERT_EQ(kn("index -q --db '" + db + "' '" + a + "' '" + b + "'").status, 0);
  const Result run = kn("list --issues --db '" + db + "'");
  EXPECT_EQ(run.out,
            "7\t\tWeekly Kaggle News #7\t1\t0\t0\thttps://e.com/a\n"
            "7\t\tWeekly Kaggle News #7\t1\t0\t0\thttps://e.com/b\n");
  EXPECT_EQ(kn("search --count --db '" + db + "' alpha OR beta").out, "2\n");
}

TEST_F(CommandsTest, TruncatedDatabase) {
  const std::string db = (dir_ / "cut.db").string();
  ASSERT_EQ(kn("index -q --db '" + db + "' seeds/").status, 0);
  fs::resize_file(db, 3000);  // cut inside the first page
  const std::string before = slurp(db);
  const Result run = kn("search --db '" + db + "' PyTorch");
  EXPECT_EQ(run.status, 2);
  EXPECT_TRUE(run.err.starts_with("kn: " + db + ": ")) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_EQ(slurp(db), before);
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
  EXPECT_EQ(run.out, std::string("kn ") + KN_VERSION + "\n");
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
            "checked: link URL counts match the links\n"
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

class SearchCommandTest : public CommandsTest {
 protected:
  void SetUp() override {
    CommandsTest::SetUp();
    db_ = (dir_ / "kn.db").string();
    ASSERT_EQ(kn("index -q --db '" + db_ + "' seeds/").status, 0);
  }
  Result search(const std::string& args) { return kn("search --db '" + db_ + "' " + args); }
  std::string db_;
};

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
  Result run = search("--count -Kaggle section:news");
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
  EXPECT_EQ(run.err, "kn: unknown option '--bogus' (see kn search --help)\n");
}

TEST_F(SearchCommandTest, HostileBytesNeverReachTheTerminal) {
  const std::string evil = write("evil.md",
                                 "# Weekly Kaggle News #999\nhttps://e.com/999\n<h2>News</h2>"
                                 "<p>zqzq \x1b]0;pwned\x07 \x1b[2J bell\x07 cr\r end</p>");
  ASSERT_EQ(kn("index -q --db '" + db_ + "' '" + evil + "'").status, 0);
  for (const char* format : {"--format tsv", "--format json", "--urls", "--color always"}) {
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

TEST_F(SearchCommandTest, ListCompetitions) {
  Result run = kn("list --competition --db '" + db_ + "' --sort mentions");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(
      run.out.substr(0, run.out.find('\n') + 1),
      "SIGNATE\t日本取引所グループ ニュース分析チャレンジ\thttps://signate.jp/competitions/443"
      "\t66\t2021-03-19\t84\t2021-07-21\t2\n");
  run = kn("list competitions --format json --platform kaggle --since 2022 --db '" + db_ + "'");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, R"({"platform":"Kaggle","name":"Jigsaw Rate Severity of Toxic Comments",)"
                     R"("url":"https://www.kaggle.com/competitions/jigsaw-toxic-severity-rating",)"
                     R"("first_issue":117,"first_date":"2022-03-11","last_issue":117,)"
                     R"("last_date":"2022-03-11","mentions":1})"
                     "\n");
  run = kn("list --competition --platform zindi --db '" + db_ + "'");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "");
  run = kn("list --db '" + db_ + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: say what to list: --competition, --issues, --links or --domains\n");
  run = kn("list --issues --links --db '" + db_ + "'");
  EXPECT_EQ(run.err,
            "kn: list one thing at a time: --competition, --issues, --links or --domains\n");
}

TEST_F(SearchCommandTest, ListIssuesLinksDomains) {
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

TEST_F(SearchCommandTest, ShowFormats) {
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
  run = kn("show 999 --db '" + db_ + "'");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "kn: no issue #999 in " + db_ + "\n");
}

TEST_F(SearchCommandTest, StatsAndExport) {
  Result run = kn("stats --format json --db '" + db_ + "'");
  EXPECT_EQ(run.status, 0);
  EXPECT_TRUE(
      run.out.starts_with(R"({"issues":5,"first_date":"2020-04-16","last_date":"2022-03-11",)"
                          R"("entries":61,"items":18,"cards":42,"embeds":1,"links":)"));
  run = kn("stats --by year --db '" + db_ + "'");
  EXPECT_EQ(run.out, "2020\t1\t9\t5\n2021\t3\t44\t31\n2022\t1\t8\t6\n");
  run = kn("stats --by weekday --db '" + db_ + "'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: --by: 'weekday' is not month, year, section, domain or platform\n");

  // export jsonl is kn parse --json of every issue, in number order.
  run = kn("export --db '" + db_ + "'");
  EXPECT_EQ(run.status, 0);
  std::string want;
  for (const char* name :
       {"004_01338e13a97eeadf.txt", "000_d809ab5171f926cf.txt", "002_7299b426c7bc8e35.txt",
        "001_c6642d8709a2e47b.txt", "003_c101f9bd7d61912c.txt"}) {
    const std::string path = std::string("seeds/") + name;
    kn::Issue issue = kn::extract_issue(kn::read_file(path, 1 << 20), path);
    issue.source = fs::absolute(path).lexically_normal().string();
    want += kn::issue_json(issue) + "\n";
  }
  EXPECT_EQ(run.out, want);

  run = kn("export --format csv --db '" + db_ + "'");
  EXPECT_EQ(run.status, 0);
  EXPECT_TRUE(
      run.out.starts_with("issue,date,date_estimated,issue_url,section,heading,kind,title,"
                          "url,domain,image,body,comment,links\r\n18,2020-04-16,true,"));
  run = kn("export --format md --db '" + db_ + "'");
  EXPECT_NE(run.out.find("\n---\n\n# Weekly Kaggle News #66\n"), std::string::npos);
}

TEST_F(CommandsTest, CompletionScripts) {
  Result run = kn("completion bash");
  EXPECT_EQ(run.status, 0);
  const std::string script = write("kn.bash", run.out);
  const std::string probe =
      write("probe.sh", "source '" + script +
                            "'\n"
                            "COMP_WORDS=(kn se); COMP_CWORD=1; _kn; echo \"${COMPREPLY[*]}\"\n"
                            "COMP_WORDS=(kn search --li); COMP_CWORD=2; _kn; "
                            "echo \"${COMPREPLY[*]}\"\n");
  run = kn("completion fish");
  EXPECT_NE(run.out.find("complete -c kn -n '__fish_seen_subcommand_from list' -l competition"),
            std::string::npos);
  const std::string command = "bash '" + probe + "' > '" + (dir_ / "probe").string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_EQ(slurp(dir_ / "probe"), "search\n--limit\n");
  run = kn("completion zsh");
  EXPECT_TRUE(run.out.starts_with("#compdef kn\n"));
  run = kn("completion tcsh");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: no completion for 'tcsh': say bash, zsh or fish\n");
}

}  // namespace
