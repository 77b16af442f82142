// The completion scripts, driven in the shells themselves: bash on a real
// terminal (tmux) with bash-completion loaded, fish through complete -C, zsh
// through a pseudo-terminal (zpty) that types a line and a TAB.
#include "cli/completion.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/spec.hpp"
#include "kn_binary.hpp"
#include "terminal_session.hpp"

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

constexpr const char* kBashCompletion = "/usr/share/bash-completion/bash_completion";

// The words of text, split at spaces.
std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

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

  // Every word that bash's own completion inserts for line (readline's
  // insert-completions, M-*), typed into an interactive bash on a terminal
  // with bash-completion loaded, as a user has it; bash splits the line at
  // its own COMP_WORDBREAKS.
  std::set<std::string> bash(const std::string& line) {
    using kn::testing::TerminalSession;
    if (!TerminalSession::available() || !fs::exists(kBashCompletion)) {
      ADD_FAILURE() << "tmux and bash-completion are needed (make test installs them)";
      return {};
    }
    TerminalSession term(
        dir_,
        "env -i HOME=" + TerminalSession::quoted(dir_.string()) + " PATH=" +
            TerminalSession::quoted(fs::path(KN_BINARY).parent_path().string() + ":/usr/bin:/bin") +
            " TERM=xterm ASAN_OPTIONS=detect_leaks=0 bash --norc --noprofile -i");
    term.type(std::string("source ") + kBashCompletion + "; source '" + script_["bash"] +
              "'; PS1='RE''ADY> '; clear");
    term.press("Enter");
    term.settled("READY> ");
    // Keys are read in order: the marker shows once completion is done.
    term.type(line);
    term.press("M-*");
    term.type(" #END");
    const std::string screen = term.settled("#END");
    std::string shown = screen.substr(screen.rfind("READY> ") + 7);
    shown = shown.substr(0, shown.find(" #END"));
    std::vector<std::string> typed = split_words(line), all = split_words(shown);
    if (!line.ends_with(' ') && !typed.empty()) typed.pop_back();
    return {all.begin() + static_cast<std::ptrdiff_t>(std::min(typed.size(), all.size())),
            all.end()};
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
  std::string zsh_driver_;
};

TEST_F(CompletionTest, ValuesOfEveryChoiceInEveryShell) {
  for (const char* shell : {"zsh", "fish"}) {
    if (output(std::string("command -v ") + shell).empty()) {
      GTEST_SKIP() << shell << " is not installed (make test installs it)";
    }
  }
  expect_offered("kn search --format ", {"table", "tsv", "json"});
  expect_offered("kn search --sort ", {"rank", "date", "-date"});
  expect_offered("kn list --sort ", {"first", "mentions", "writeups"});
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

// bash splits words at ':', and --section offered nothing in any shell.
TEST_F(CompletionTest, SectionValuesInAQueryAndForTheFlag) {
  for (const char* shell : {"zsh", "fish"}) {
    if (output(std::string("command -v ") + shell).empty()) {
      GTEST_SKIP() << shell << " is not installed (make test installs it)";
    }
  }
  expect_offered("kn search section:c", {"section:competitions"});
  expect_offered("kn search 解法 section:e", {"section:errata"});
  expect_offered("kn search --section a", {"announcement", "articles"});
  // zsh inserts the common start (news) on the first TAB.
  EXPECT_EQ(bash("kn search --section n"),
            (std::set<std::string>{"news", "news_and_competitions"}));
}

// An issue whose competition links are shell code: completion words must
// never be expanded, and slugs that are not plain identifiers are not
// offered at all.
constexpr const char* kHostileIssue = R"issue(# Weekly Kaggle News #900
https://www.getrevue.co/profile/x/issues/900
<h2>News</h2><p>コンペ <a href="https://signate.jp/competitions/$(touch${IFS}PWNED)">a</a>
<a href="https://www.kaggle.com/c/`{touch,PWNED2}`">b</a>
<a href="https://www.kaggle.com/c/plain-slug">c</a></p>
)issue";

TEST_F(CompletionTest, ArchiveTextIsNeverRun) {
  for (const char* shell : {"zsh", "fish"}) {
    if (output(std::string("command -v ") + shell).empty()) {
      GTEST_SKIP() << shell << " is not installed (make test installs it)";
    }
  }
  const std::string db = (dir_ / "hostile.db").string();
  ASSERT_EQ(kn("index -q --db '" + db + "' '" + write("900.md", kHostileIssue) + "'").status, 0);
  // bash runs in dir_, zsh and fish in the working directory: either is
  // where the commands would leave their files.
  EXPECT_EQ(bash("kn competition --db " + db + " "), (std::set<std::string>{"plain-slug"}));
  zsh("kn competition --db " + db + " ");
  fish("kn competition --db " + db + " ");
  EXPECT_TRUE(fish("kn competition --db " + db + " ").contains("plain-slug"));
  for (const char* made : {"PWNED", "PWNED2"}) {
    EXPECT_FALSE(fs::exists(dir_ / made)) << made;
    EXPECT_FALSE(fs::exists(fs::current_path() / made)) << made;
  }
}

// The database named as --db "my db.db", --db=FILE or --db='FILE'.
TEST_F(CompletionTest, EveryFormOfTheDatabaseOption) {
  const std::string spaced = (dir_ / "my db.db").string();
  fs::copy_file(db_, spaced);
  const std::set<std::string> issues{"18", "66", "72", "84", "117"};
  EXPECT_EQ(bash("kn show --db \"" + spaced + "\" "), issues);
  EXPECT_EQ(bash("kn show --db '" + spaced + "' "), issues);
  EXPECT_EQ(bash("kn show --db=" + db_ + " "), issues);
  EXPECT_EQ(bash("kn --db=" + db_ + " show "), issues);
}

// zsh's descriptions keep what the help says, brackets and colons too.
TEST(Completion, ZshDescriptionsAreWhole) {
  const std::string script = kn::completion_script("zsh", kn::command_line());
  EXPECT_NE(script.find(R"('*--issue[Only issue 66, or 60..90 (as issue\:)]:N|A..B: ')"),
            std::string::npos);
}

}  // namespace
