// The command line end to end: usage errors, help, completions.
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

class CliTest : public kn::testing::KnTest {};

TEST_F(CliTest, UsageErrors) {
  Result run = kn("");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: say a command: kn COMMAND ... (kn --help lists them)\n");
  run = kn("parse");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: parse: needs FILE|DIR... (kn parse --help)\n");
  run = kn("frobnicate");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: frobnicate: no such command (kn --help lists them)\n");
}

TEST_F(CliTest, HelpAndVersion) {
  Result run = kn("--version");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, std::string("kn ") + KN_VERSION + ", the newsletter archive indexer\n");
  run = kn("parse --help");
  EXPECT_EQ(run.status, 0);
  EXPECT_NE(run.out.find("--json"), std::string::npos);
  EXPECT_NE(run.out.find("kn parse seeds/"), std::string::npos);
}

TEST_F(CliTest, CompletionForAShellKnDoesNotKnow) {
  const Result run = kn("completion tcsh");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: tcsh: no completion for that shell: say bash, zsh or fish\n");
}

// Every invocation either does what was meant or says in one line what is
// wrong, in kn's words, with exit 2.
class CliGrammarTest : public kn::testing::SeedsTest {
 protected:
  // kn args, with DB standing for --db and the seeds' database.
  Result run(std::string args) {
    const std::string db = "--db '" + db_ + "'";
    for (std::size_t at = args.find("DB"); at != std::string::npos;
         at = args.find("DB", at + db.size())) {
      args.replace(at, 2, db);
    }
    return kn(args);
  }
};

TEST_F(CliGrammarTest, MistakesAreOneLineErrors) {
  const std::pair<const char*, const char*> cases[] = {
      {"--limit 1 search DB PyTorch",
       "kn: --limit: options go after the command: kn search --limit ...; only --db and --color "
       "may stand before it"},
      {"--bogus search x",
       "kn: --bogus: no such option before a command (only --db and --color "
       "may stand there; kn --help)"},
      {"--color always index seeds/", "kn: --color: kn index takes no --color option"},
      {"serch PyTorch", "kn: serch: no such command; did you mean search? (kn --help lists them)"},
      {"search DB 解法 -n 5",
       "kn: -n: not an option of kn search; to leave out the word 'n', write NOT n (or put the "
       "query after --: kn search -- -n)"},
      {"search DB x --limt 3",
       "kn: --limt: kn search has no such option; did you mean --limit? (kn search --help)"},
      {"list DB --competition --platform kagle",
       "kn: --platform: 'kagle' is not Kaggle, SIGNATE, atmaCup, Nishika, Solafune, ProbSpace, "
       "DrivenData, AIcrowd, Zindi, CodaLab or Topcoder; did you mean Kaggle?"},
      {"search DB x --offset -5", "kn: --offset: '-5' is not a count (0, 1, 2, ...)"},
      {"search DB x --limit abc", "kn: --limit: 'abc' is not a count (0, 1, 2, ...)"},
      {"search DB x --limit 4611686018427387905",
       "kn: --limit: 4611686018427387905 is too large (at most 2^62)"},
      {"search DB x --limit", "kn: --limit: needs a value (N)"},
      {"search DB x --limit --count", "kn: --limit: needs a value (N)"},
      {"search DB x --limit 1 --limit 2", "kn: --limit: given twice; say it once"},
      {"search DB x --count=yes", "kn: --count: takes no value"},
      {"list DB --issues --platform kaggle",
       "kn: --platform does not apply to this list (only to --competition)"},
      {"list DB --issues --domain x.org",
       "kn: --domain does not apply to this list (only to --links and --domains)"},
      {"list DB stuff", "kn: stuff: cannot list that: say competitions, issues, links or domains"},
      {"list DB isues",
       "kn: isues: cannot list that: say competitions, issues, links or "
       "domains; did you mean issues?"},
      {"search DB x --count --urls", "kn: --count and --urls: say one of them"},
      {"search DB x --count --format json",
       "kn: --format does not apply with --count (it prints no listing)"},
      {"search DB x --count --limit 5", "kn: --limit does not apply with --count"},
      {"search DB x --format jsn",
       "kn: --format: 'jsn' is not table, tsv or json; did you mean json?"},
      {"search DB x --sort dat",
       "kn: --sort: 'dat' is not rank, date or -date; did you mean date?"},
      {"stats DB --by weekday",
       "kn: --by: 'weekday' is not month, year, section, domain or platform"},
      {"stats DB extra",
       "kn: stats: a query is counted per month, year or section: say --by month"},
      {"stats DB --by domain x",
       "kn: --by domain: counts links, not entries; a query is counted --by month, year or "
       "section"},
      {"stats DB --limit 3", "kn: --limit does not apply without --by"},
      {"search DB x --format table --width 5",
       "kn: --width: 5: too narrow (at least 20, or 0 for no limit)"},
      {"stats DB --format table --width 100000000",
       "kn: --width: 100000000: too wide (at most 1000, or 0 for no limit)"},
      {"search DB x --format json --header",
       "kn: --header does not apply to --format json (only to tsv)"},
      {"export DB --bom", "kn: --bom does not apply to --format jsonl (only to csv)"},
      {"show DB abc",
       "kn: abc: not an issue number or an entry's reference (kn show 66, kn show 66.9)"},
      {"show DB 66 67", "kn: 67: one N|REF too many: kn show N|REF"},
      {"index DB --force seeds/", "kn: --force does not apply without --prune"},
      {"index DB seeds/ --max-size 12XB",
       "kn: --max-size: '12XB' is not a size (64MiB, 2M, 1000, ...)"},
      {"export DB --format xml", "kn: --format: 'xml' is not jsonl, csv or md"},
      {"help serch", "kn: serch: no such command; did you mean search? (kn --help lists them)"},
      {"completion tcsh", "kn: tcsh: no completion for that shell: say bash, zsh or fish"},
      {"index DB -x seeds/",
       "kn: -x: kn index has no such option; a path that starts with '-' "
       "goes after --: kn index -- -x"},
      {"check DB extra", "kn: extra: kn check takes no operands (kn check --help)"},
  };
  for (const auto& [args, err] : cases) {
    const Result result = run(args);
    EXPECT_EQ(result.status, 2) << args;
    EXPECT_EQ(result.err, std::string(err) + "\n") << args;
    EXPECT_EQ(result.out, "") << args;
  }
}

TEST_F(CliGrammarTest, WhatWasMeantIsDone) {
  // --db before the command belongs to it.
  EXPECT_EQ(run("DB search --count PyTorch").out, "10\n");
  EXPECT_EQ(run("--db='" + db_ + "' search --count PyTorch").out, "10\n");
  // Options stand anywhere after the command.
  EXPECT_EQ(run("search PyTorch --count DB").out, "10\n");
  EXPECT_EQ(run("search --limit=1 DB PyTorch --format tsv").out,
            run("search DB --limit 1 --format tsv PyTorch").out);
  // After --, -word is query text: a negation.
  EXPECT_EQ(run("search DB --count -- -Kaggle section:news").out, "2\n");
  const Result dash_h = run("search DB --count -- -h");
  EXPECT_EQ(dash_h.status, 0);
  EXPECT_EQ(dash_h.out, "61\n");  // every entry: none holds the word h
  // --limit 0 is every hit.
  const std::string all = run("search DB --limit 0 --format tsv Kaggle").out;
  EXPECT_EQ(std::count(all.begin(), all.end(), '\n'),
            std::stoi(run("search DB --count Kaggle").out));
  // A path that starts with '-' goes after --.
  write("-n.md", "# Weekly Kaggle News #901\nhttps://e.com/901\n<p>dashed</p>");
  const std::string command = std::string("cd '") + dir_.string() + "' && '" + KN_BINARY +
                              "' index -q --db '" + db_ + "' -- -n.md";
  EXPECT_EQ(std::system(command.c_str()), 0);
  EXPECT_EQ(run("search DB --count dashed").out, "1\n");
  // Platforms in any case; the help of a command by name.
  EXPECT_EQ(run("list DB --competition --platform signate --format json").status, 0);
  EXPECT_EQ(run("help search").out, run("search --help").out);
}
}  // namespace
