// kn stats and kn export end to end.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "kn/extract.hpp"
#include "kn/files.hpp"
#include "kn_binary.hpp"
#include "render/issue_json.hpp"

namespace {

namespace fs = std::filesystem;
using kn::testing::Result;
using kn::testing::slurp;
using kn::testing::without_time;

class StatsCommandTest : public kn::testing::SeedsTest {};

TEST_F(StatsCommandTest, StatsAndExport) {
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

// A write that fails is an error, however late it shows: stdio buffers,
// so /dev/full often fails only at the final flush.
TEST_F(StatsCommandTest, WritingToAFullDiskIsAnError) {
  for (const std::string args :
       {"export", "export --format csv", "export --format md", "search PyTorch",
        "search --format json PyTorch", "list --competition", "stats", "show 66",
        "search --count PyTorch"}) {
    const Result run = kn(args + " --db '" + db_ + "'", "/dev/full");
    EXPECT_EQ(run.status, 2) << args;
    EXPECT_EQ(run.err, "kn: stdout: No space left on device\n") << args;
  }
  for (const std::string args : {"parse seeds/", "--help", "search --help", "completion bash"}) {
    const Result run = kn(args, "/dev/full");
    EXPECT_EQ(run.status, 2) << args;
    EXPECT_EQ(run.err, "kn: stdout: No space left on device\n") << args;
  }
}

// A reader that goes away is no error: kn stops quietly.
TEST_F(StatsCommandTest, AClosedPipeIsQuiet) {
  // With SIGPIPE ignored, as some parents leave it, the write fails with EPIPE.
  const std::string script = write("pipe.sh", "trap '' PIPE; '" + std::string(KN_BINARY) +
                                                  "' export --db \"$1\" 2>\"$2\" | head -c 10 "
                                                  ">/dev/null; exit ${PIPESTATUS[0]}\n");
  const int status = std::system(
      ("bash '" + script + "' '" + db_ + "' '" + (dir_ / "err2").string() + "'").c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  EXPECT_EQ(slurp(dir_ / "err2"), "");
}
// A chart's bar draws what its rows are sorted by, and its header says
// which: by domain, cited (links and cards together; the bar drew links
// while the rows were sorted by both).
TEST_F(StatsCommandTest, ChartsDrawTheirSortKey) {
  Result run = kn("stats --by domain --format tsv --header --db '" + db_ + "'");
  EXPECT_EQ(run.status, 0);
  std::istringstream lines(run.out);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "domain\tlinks\tcards\tcited");
  long previous = -1;
  while (std::getline(lines, line)) {
    std::vector<long> n;
    std::istringstream fields(line.substr(line.find('\t') + 1));
    for (long v; fields >> v;) n.push_back(v);
    ASSERT_EQ(n.size(), 3u) << line;
    EXPECT_EQ(n[2], n[0] + n[1]) << line;
    if (previous >= 0) {
      EXPECT_LE(n[2], previous) << line;
    }
    previous = n[2];
  }
  run = kn("stats --by domain --format table --width 80 --db '" + db_ + "'");
  EXPECT_TRUE(run.out.substr(0, run.out.find('\n')).ends_with("cited  ▏cited")) << run.out;
}

}  // namespace
