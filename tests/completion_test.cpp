// The completion scripts, driven in the shells themselves: bash through
// its completion function, fish through complete -C, zsh through a
// pseudo-terminal (zpty) that types a line and a TAB.
#include "kn/completion.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kn/cli_spec.hpp"
#include "kn_binary.hpp"

namespace {

namespace fs = std::filesystem;

// The first field of each line.
std::set<std::string> lines(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.insert(line.substr(0, line.find('\t')));
  }
  return out;
}

constexpr const char* kBashProbe = R"sh(source "$1"
read -ra COMP_WORDS <<< "$2"
[[ $2 == *' ' ]] && COMP_WORDS+=('')
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_kn
printf '%s\n' "${COMPREPLY[@]}"
)sh";

// Starts an interactive zsh, loads the script, types the line and a TAB,
// and prints what the terminal shows.
constexpr const char* kZshDriver = R"sh(zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1='' RPROMPT=''; autoload -Uz compinit; compinit -u -D 2>/dev/null; source $1; print RE''ADY"
zpty -r z line '*READY*'
zpty -w -n z "$2"$'\t'
sleep 1
zpty -w z $'\C-u'"print EN''D"
zpty -r z out '*END*'
print -r -- "$out"
zpty -d z
)sh";

class CompletionTest : public kn::testing::SeedsTest {
 protected:
  void SetUp() override {
    SeedsTest::SetUp();
    for (const std::string shell : {"bash", "zsh", "fish"}) {
      script_[shell] = write("kn." + shell, kn("completion " + shell).out);
    }
    bash_probe_ = write("probe.bash", kBashProbe);
    zsh_driver_ = write("drive.zsh", kZshDriver);
  }

  // The shell command's stdout, kn on the PATH. Under ASan, the kn that a
  // completion runs checks no leaks: LeakSanitizer's stop-the-world, in a
  // process started from zsh's completion on a pseudo-terminal, was seen to
  // spin for minutes (leaks are checked by the rest of the suite).
  std::string output(const std::string& command) {
    const std::string out = (dir_ / "shell.out").string();
    const std::string line =
        "ASAN_OPTIONS=\"${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0\" "
        "PATH='" +
        fs::path(KN_BINARY).parent_path().string() + "':\"$PATH\" " + command + " >'" + out +
        "' 2>/dev/null";
    std::system(line.c_str());
    return kn::testing::slurp(out);
  }

  std::set<std::string> bash(const std::string& line) {
    return lines(output("bash '" + bash_probe_ + "' '" + script_["bash"] + "' '" + line + "'"));
  }

  std::set<std::string> fish(const std::string& line) {
    return lines(output("fish -c 'source " + script_["fish"] + "; complete -C \"" + line + "\"'"));
  }

  // Every word the terminal shows after the TAB.
  std::set<std::string> zsh(const std::string& line) {
    const std::string raw =
        output("zsh '" + zsh_driver_ + "' '" + script_["zsh"] + "' '" + line + "'");
    const std::string plain =
        std::regex_replace(raw, std::regex("\x1b\\[[0-9;?]*[A-Za-z]|\r"), " ");
    std::set<std::string> out;
    std::istringstream in(plain);
    for (std::string word; in >> word;) out.insert(word);
    return out;
  }

  // bash offers exactly want; fish and zsh offer each of it (with
  // descriptions beside).
  void expect_offered(const std::string& line, const std::set<std::string>& want) {
    EXPECT_EQ(bash(line), want) << "bash: " << line;
    const std::set<std::string> from_fish = fish(line), from_zsh = zsh(line);
    for (const std::string& w : want) {
      EXPECT_TRUE(from_fish.contains(w)) << "fish: " << line << " -> " << w;
      EXPECT_TRUE(from_zsh.contains(w)) << "zsh: " << line << " -> " << w;
    }
  }

  std::map<std::string, std::string> script_;
  std::string bash_probe_, zsh_driver_;
};

TEST_F(CompletionTest, ValuesOfEveryChoiceInEveryShell) {
  for (const char* shell : {"zsh", "fish"}) {
    if (output(std::string("command -v ") + shell).empty()) {
      GTEST_SKIP() << shell << " is not installed (make test installs it)";
    }
  }
  expect_offered("kn search --format ", {"table", "tsv", "json"});
  expect_offered("kn search --sort ", {"rank", "date", "-date"});
  expect_offered("kn list --sort ", {"first", "mentions"});
  expect_offered("kn list --platform ",
                 {"Kaggle", "SIGNATE", "atmaCup", "Nishika", "Solafune", "ProbSpace", "DrivenData",
                  "AIcrowd", "Zindi", "CodaLab", "Topcoder"});
  expect_offered("kn se", {"search"});
  expect_offered("kn search --li", {"--limit"});
  // Live values: the issue numbers of the database on the line.
  expect_offered("kn show --db " + db_ + " ", {"18", "66", "72", "84", "117"});
  // and the slugs of its competitions.
  expect_offered("kn competition --db " + db_ + " ranz",
                 {"ranzcr-clip-catheter-line-classification"});
  expect_offered("kn search --db " + db_ + " --competition ranz",
                 {"ranzcr-clip-catheter-line-classification"});
}

TEST_F(CompletionTest, SectionValuesInAQuery) {
  EXPECT_EQ(bash("kn search section:c"), (std::set<std::string>{"section:competitions"}));
}

// zsh's descriptions keep what the help says, brackets and colons too.
TEST(Completion, ZshDescriptionsAreWhole) {
  const std::string script = kn::completion_script("zsh", kn::command_line());
  EXPECT_NE(script.find(R"('*--issue[Only issue 66, or 60..90 (as issue\:)]:N|A..B: ')"),
            std::string::npos);
}

}  // namespace
