// How the command line decides what a person sees: terminal or pipe,
// NO_COLOR, TERM=dumb, --color and --hyperlinks, the pager, and one
// rendering of a hostile field in every format.
#include <gtest/gtest.h>

#include <string>

#include "kn_binary.hpp"

namespace {

using kn::testing::Result;

constexpr const char* kSgr = "\033[";
constexpr const char* kOsc8 = "\033]8;;";

class CliRenderingTest : public kn::testing::SeedsTest {
 protected:
  // kn on a pseudo-terminal of 80 columns and `rows` lines, env before it.
  Result on_terminal(const std::string& env, const std::string& args, int rows = 500) {
    const std::string inner = "stty cols 80 rows " + std::to_string(rows) + "; " + env + " '" +
                              KN_BINARY + "' " + args + " --db '" + db_ + "'";
    return shell("script -qec \"" + inner + "\" /dev/null");
  }
  Result on_pipe(const std::string& env, const std::string& args) {
    return shell(env + " '" + std::string(KN_BINARY) + "' " + args + " --db '" + db_ + "'");
  }
  static bool has(const std::string& out, const char* what) {
    return out.find(what) != std::string::npos;
  }
};

TEST_F(CliRenderingTest, ColourAndHyperlinksOnATerminal) {
  struct Case {
    const char* env;
    const char* args;
    bool sgr, osc8;
  };
  const Case cases[] = {
      {"", "", true, true},
      {"NO_COLOR=1", "", false, false},
      {"TERM=dumb", "", false, false},
      {"", "--color never", false, false},
      {"", "--hyperlinks never", true, false},
      {"NO_COLOR=1", "--color always", true, false},
      {"TERM=dumb", "--hyperlinks always", false, true},
  };
  for (const Case& c : cases) {
    const Result run = on_terminal(c.env, std::string("search PyTorch --limit 2 ") + c.args);
    EXPECT_EQ(run.status, 0);
    EXPECT_EQ(has(run.out, kSgr), c.sgr) << c.env << " " << c.args;
    EXPECT_EQ(has(run.out, kOsc8), c.osc8) << c.env << " " << c.args;
  }
}

TEST_F(CliRenderingTest, ColourAndHyperlinksOnAPipe) {
  struct Case {
    const char* args;
    bool sgr, osc8;
  };
  const Case cases[] = {
      {"", false, false},  // TSV
      {"--format table", false, false},
      {"--format table --color always", true, false},
      {"--format table --hyperlinks always", false, true},
      {"--format table --color always --hyperlinks always", true, true},
  };
  for (const Case& c : cases) {
    const Result run = on_pipe("", std::string("search PyTorch --limit 2 ") + c.args);
    EXPECT_EQ(run.status, 0);
    EXPECT_EQ(has(run.out, kSgr), c.sgr) << c.args;
    EXPECT_EQ(has(run.out, kOsc8), c.osc8) << c.args;
    EXPECT_EQ(has(run.out, "\033"), c.sgr || c.osc8) << c.args;
  }
  // The pipe's listing is not wrapped, unless $COLUMNS or --width says.
  const Result wide = on_pipe("", "show 66");
  const Result narrow = on_pipe("COLUMNS=40", "show 66");
  EXPECT_NE(wide.out.find("…") == std::string::npos, false);
  EXPECT_LT(wide.out.size(), narrow.out.size());  // the narrow one has more indents
  EXPECT_EQ(on_pipe("", "show 66 --width 40").out, narrow.out);
  // A $COLUMNS beyond 20..1000 is no width (1e8 once ran a minute into
  // bad_alloc): the listing is as wide as with none.
  EXPECT_EQ(on_pipe("COLUMNS=100000000", "show 66").out, wide.out);
  EXPECT_EQ(on_pipe("COLUMNS=1001", "show 66").out, wide.out);
  EXPECT_EQ(on_pipe("COLUMNS=1000", "show 66").out, on_pipe("", "show 66 --width 1000").out);
  // --width 0 is no limit: a snippet is one line, however long (it wrapped
  // at 100 cells).
  // Three hits of four lines each (where, title, URL, snippet), the blank
  // lines between them, and the footer's.
  const Result unlimited = on_pipe("", "search 解法 --format table --width 0 --limit 3");
  EXPECT_EQ(unlimited.status, 0);
  EXPECT_EQ(std::count(unlimited.out.begin(), unlimited.out.end(), '\n'), 3 * 4 + 2 + 2)
      << unlimited.out;
}

TEST_F(CliRenderingTest, APagerForWhatIsTallerThanTheTerminal) {
  const std::string pager = "KN_PAGER='sed s/^/@paged@/'";
  Result run = on_terminal(pager, "show 66", 10);
  EXPECT_EQ(run.status, 0);
  EXPECT_TRUE(run.out.starts_with("@paged@")) << run.out.substr(0, 80);
  run = on_terminal(pager, "show 66 --no-pager", 10);
  EXPECT_FALSE(has(run.out, "@paged@"));
  run = on_terminal(pager, "stats --by year", 40);  // it fits
  EXPECT_FALSE(has(run.out, "@paged@"));
  run = on_terminal("KN_PAGER=", "show 66", 10);
  EXPECT_FALSE(has(run.out, "@paged@"));
  run = on_pipe(pager, "show 66");  // never on a pipe
  EXPECT_FALSE(has(run.out, "@paged@"));
  // Nor on a dumb terminal, where less only warns it is not fully functional.
  run = on_terminal("TERM=dumb " + pager, "show 66", 10);
  EXPECT_EQ(run.status, 0);
  EXPECT_FALSE(has(run.out, "@paged@"));
  EXPECT_TRUE(has(run.out, "Weekly Kaggle News #66")) << run.out.substr(0, 80);
  // A pager that quits early ends kn quietly.
  run = on_terminal("KN_PAGER='head -1'", "show 66", 10);
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, "\033[1mWeekly Kaggle News #66\033[0m\r\n");
  run = on_terminal("KN_PAGER=no-such-pager-here", "show 66", 10);
  EXPECT_EQ(run.status, 2);
  EXPECT_TRUE(has(run.out, "kn: pager 'no-such-pager-here': cannot run it")) << run.out;
  // One that fails lost the output: an error naming it, never exit 0.
  run = on_terminal("KN_PAGER=false", "show 66", 10);
  EXPECT_EQ(run.status, 2);
  EXPECT_TRUE(has(run.out,
                  "kn: pager 'false': exited with status 1, so the output may not all have been "
                  "shown (set KN_PAGER, or --no-pager)"))
      << run.out;
  // The same when it closed its input first, so that kn's writes failed.
  run = on_terminal("KN_PAGER='exec 0<&-; sleep 1; exit 3'", "show 66", 10);
  EXPECT_EQ(run.status, 2);
  EXPECT_TRUE(has(run.out, "exited with status 3, so the output may not all have been shown"))
      << run.out;
}

// A field with controls reads the same in every format: the extractor
// keeps no tab, newline or escape in a URL or title, and each format
// prints what is stored.
TEST_F(CliRenderingTest, OneRenderingOfAHostileField) {
  const std::string file = write("2021-01-01_hostile.md",
                                 "# Weekly Kaggle News #990\n"
                                 "https://www.getrevue.co/profile/upura/issues/x-990-1\n"
                                 "<h2>News</h2><p>Hostile <a href=\"https://x.test/a&#9;b&#10;c"
                                 "\x1b[31m\">link\ttext</a> here.</p>\n");
  ASSERT_EQ(kn("index -q --db '" + db_ + "' '" + file + "'").status, 0);
  const std::string url = "https://x.test/abc[31m";
  for (const char* args : {"search Hostile --format tsv", "search Hostile --format json",
                           "search Hostile --format table", "show 990", "export --format csv",
                           "list --links --format tsv"}) {
    const Result run = on_pipe("", args);
    EXPECT_TRUE(has(run.out, url.c_str())) << args;
    EXPECT_FALSE(has(run.out, "\033")) << args;
    EXPECT_FALSE(has(run.out, "abc\t")) << args;
  }
  const Result linked = on_pipe("", "search Hostile --format table --hyperlinks always");
  EXPECT_TRUE(has(linked.out, "\033]8;;https://x.test/abc[31m\033\\")) << linked.out;
}

TEST_F(CliRenderingTest, TsvHeaderAndCsvBom) {
  Result run = on_pipe("", "list --domains --header");
  EXPECT_TRUE(run.out.starts_with("domain\tlinks\tcards\n")) << run.out;
  run = on_pipe("", "search PyTorch --header --limit 1");
  EXPECT_TRUE(
      run.out.starts_with("issue\tdate\tsection\tkind\ttitle\turl\tsnippet\tref\tcompetitions\n"));
  run = on_pipe("", "export --format csv --bom");
  EXPECT_TRUE(run.out.starts_with("\xEF\xBB\xBFissue,date,"));
  run = on_pipe("", "export --format csv");
  EXPECT_TRUE(run.out.starts_with("issue,date,"));
}

}  // namespace
