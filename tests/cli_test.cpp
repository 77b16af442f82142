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
  EXPECT_EQ(run.err, "kn: A subcommand is required (see kn --help)\n");
  run = kn("parse");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: paths is required (see kn --help)\n");
  run = kn("frobnicate");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: unknown command 'frobnicate' (see kn --help)\n");
}

TEST_F(CliTest, HelpAndVersion) {
  Result run = kn("--version");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, std::string("kn ") + KN_VERSION + "\n");
  run = kn("parse --help");
  EXPECT_EQ(run.status, 0);
  EXPECT_NE(run.out.find("--json"), std::string::npos);
  EXPECT_NE(run.out.find("kn parse seeds/"), std::string::npos);
}

TEST_F(CliTest, CompletionScripts) {
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
