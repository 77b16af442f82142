// kn --help and every command's --help, compared whole with golden files
// in tests/golden/help/. After a deliberate change to the command line,
// rewrite them and review the diff:
//
//   KN_UPDATE_GOLDEN=1 build/tests/kn_tests --gtest_filter='CliHelp*'
//   git diff tests/golden/help/
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "cli/spec.hpp"
#include "kn_binary.hpp"

namespace {

using kn::testing::Result;

class CliHelpTest : public kn::testing::KnTest {
 protected:
  void expect_golden(const std::string& args, const std::string& name) {
    const Result run = kn(args);
    EXPECT_EQ(run.status, 0) << args;
    EXPECT_EQ(run.err, "") << args;
    const std::string path = "tests/golden/help/" + name + ".txt";
    if (std::getenv("KN_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << run.out;
    EXPECT_EQ(run.out, kn::testing::slurp(path)) << "see " << path;
  }
};

TEST_F(CliHelpTest, MainHelp) {
  expect_golden("--help", "kn");
  EXPECT_EQ(kn("help").out, kn("--help").out);
  EXPECT_EQ(kn("-h").out, kn("--help").out);
}

TEST_F(CliHelpTest, EveryCommandsHelp) {
  for (const kn::CommandSpec& command : kn::command_line()) {
    expect_golden(command.name + " --help", command.name);
    EXPECT_EQ(kn("help " + command.name).out, kn(command.name + " --help").out) << command.name;
    // Every choice of every option is listed in the help.
    const std::string help = kn(command.name + " --help").out;
    for (const kn::OptionSpec& option : command.options) {
      for (const std::string& choice : option.choices) {
        EXPECT_NE(help.find(choice), std::string::npos) << command.name << " " << option.name;
      }
    }
  }
}

// The man page (help2man, from the same help) keeps the Japanese of the
// examples and writes them one a line.
TEST_F(CliHelpTest, ManPage) {
  const std::filesystem::path page = std::filesystem::path(KN_BINARY).parent_path() / "kn.1";
  if (!std::filesystem::exists(page)) GTEST_SKIP() << "no man page: help2man is not installed";
  const std::string roff = kn::testing::slurp(page);
  EXPECT_EQ(roff.find("??"), std::string::npos);
  const std::size_t examples = roff.find(".SH EXAMPLES\n.nf\n");
  ASSERT_NE(examples, std::string::npos);
  EXPECT_NE(roff.find("\nkn search 解法 --format tsv | cut -f5 | sort -u\n", examples),
            std::string::npos);
  EXPECT_NE(roff.find("\nkn show 66                         one issue, for reading\n", examples),
            std::string::npos);
  for (const kn::CommandSpec& command : kn::command_line()) {
    EXPECT_NE(roff.find(".SS kn " + command.name + "\n"), std::string::npos) << command.name;
  }
  for (const char* section :
       {".SH ENVIRONMENT\n", ".SH FILES\n", ".SH \"EXIT STATUS\"\n", ".SH \"OUTPUT FORMATS\"\n"}) {
    EXPECT_NE(roff.find(section), std::string::npos) << section;
  }
  // Every variable kn reads, named in ENVIRONMENT.
  const std::size_t from = roff.find(".SH ENVIRONMENT\n");
  const std::string environment = roff.substr(from, roff.find(".SH", from + 1) - from);
  for (const char* name : {"KN_DB", "XDG_DATA_HOME", "HOME", "KN_PAGER", "PAGER", "NO_COLOR",
                           "TERM", "COLUMNS", "LINES", "KN_TODAY"}) {
    EXPECT_TRUE(std::regex_search(
        environment, std::regex(std::string("B[R]? ([A-Z_]+ \", \" )?") + name + "[ \n]")))
        << name;
  }
}

class ManPageFormats : public kn::testing::ArchiveBinaryTest {};

// The page's TSV columns are the ones kn's --header names.
TEST_F(ManPageFormats, NameTheColumnsKnPrints) {
  const std::filesystem::path page = std::filesystem::path(KN_BINARY).parent_path() / "kn.1";
  if (!std::filesystem::exists(page)) GTEST_SKIP() << "no man page: help2man is not installed";
  std::string roff = kn::testing::slurp(page);
  std::replace(roff.begin(), roff.end(), '\n', ' ');
  for (const std::string args : {"search PyTorch", "list --issues", "list --links",
                                 "list --domains", "list --competition", "competition ranzcr"}) {
    const Result run = kn(args + " --format tsv --header --db '" + db_ + "'");
    std::string columns = run.out.substr(0, run.out.find('\n'));
    for (std::size_t tab; (tab = columns.find('\t')) != std::string::npos;) {
      columns.replace(tab, 1, ", ");
    }
    EXPECT_TRUE(roff.find("TSV: " + columns + ".") != std::string::npos ||
                roff.find("TSV and JSON: " + columns + ".") != std::string::npos)
        << args << ": " << columns;
  }
}
}  // namespace
