// kn --help and every command's --help, compared whole with golden files
// in tests/golden/help/. After a deliberate change to the command line,
// rewrite them and review the diff:
//
//   KN_UPDATE_GOLDEN=1 build/tests/kn_tests --gtest_filter='CliHelp*'
//   git diff tests/golden/help/
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "kn/cli_spec.hpp"
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

}  // namespace
