// cmake --install into a home's ~/.local, as a user without root installs:
// every file in its place, and each shell completes kn from the installed
// scripts the way the README says it finds them (bash and fish by
// themselves, zsh with one fpath line).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "kn_binary.hpp"
#include "terminal_session.hpp"

namespace {

namespace fs = std::filesystem;
using kn::testing::TerminalSession;

class InstallTest : public kn::testing::KnTest {
 protected:
  void SetUp() override {
    home_ = dir_ / "home";
    prefix_ = home_ / ".local";
    const kn::testing::Result installed = shell("cmake --install '" + std::string(KN_BUILD_DIR) +
                                                "' --prefix '" + prefix_.string() + "'");
    ASSERT_EQ(installed.status, 0) << installed.err;
  }

  // The environment of a login in home_: PATH with the prefix's bin first.
  std::string env() const {
    return "env -i HOME=" + TerminalSession::quoted(home_.string()) +
           " PATH=" + TerminalSession::quoted((prefix_ / "bin").string() + ":/usr/bin:/bin") +
           " TERM=xterm ASAN_OPTIONS=detect_leaks=0 ";
  }

  fs::path home_, prefix_;
};

TEST_F(InstallTest, EveryFileInItsPlace) {
  for (const char* file :
       {"bin/kn", "lib/kn/libknfts.so", "share/man/man1/kn.1",
        "share/bash-completion/completions/kn", "share/zsh/vendor-completions/_kn",
        "share/fish/vendor_completions.d/kn.fish", "share/doc/kn/copyright",
        "share/doc/kn/README.md"}) {
    EXPECT_TRUE(fs::is_regular_file(prefix_ / file)) << file;
  }
  EXPECT_EQ(kn::testing::slurp(prefix_ / "share/doc/kn/copyright"),
            kn::testing::slurp(std::string("LICENSE")));
  // The installed kn finds the installed extension.
  const kn::testing::Result found = shell(env() + "kn sqlite-extension");
  EXPECT_EQ(found.out, (prefix_ / "lib/kn/libknfts.so").string() + "\n");
}

TEST_F(InstallTest, BashCompletesFromTheInstalledScript) {
  if (!TerminalSession::available() || !fs::exists("/usr/share/bash-completion/bash_completion")) {
    GTEST_FAIL() << "tmux and bash-completion are needed (make test installs them)";
  }
  TerminalSession term(dir_, env() + "bash --norc --noprofile -i");
  // Only bash-completion itself: it finds ~/.local/share/bash-completion.
  term.type("source /usr/share/bash-completion/bash_completion; PS1='RE''ADY> '; clear");
  term.press("Enter");
  term.settled("READY> ");
  term.type("kn sea");
  term.press("Tab");
  term.type("#END");
  const std::string screen = term.settled("#END");
  EXPECT_NE(screen.find("READY> kn search #END"), std::string::npos) << screen;
}

TEST_F(InstallTest, ZshCompletesWithTheFpathLine) {
  if (shell("command -v zsh").out.empty()) GTEST_SKIP() << "zsh is not installed";
  const std::string driver = write("drive.zsh", R"sh(zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1='' RPROMPT=''; fpath=(~/.local/share/zsh/vendor-completions \$fpath); autoload -Uz compinit; compinit -u -D 2>/dev/null; print RE''ADY"
zpty -r z line '*READY*'
zpty -w -n z 'kn sea'$'\t'
sleep 1
zpty -w z ' #END'$'\C-e'$'\C-u'"print EN''D"
zpty -r z out '*END*'
print -r -- "$out"
zpty -d z
)sh");
  const kn::testing::Result run = shell(env() + "zsh '" + driver + "'");
  EXPECT_NE(run.out.find("kn search"), std::string::npos) << run.out;
}

TEST_F(InstallTest, FishCompletesByItself) {
  if (shell("command -v fish").out.empty()) GTEST_SKIP() << "fish is not installed";
  const kn::testing::Result run = shell(env() + "fish -c 'complete -C \"kn sea\"'");
  EXPECT_EQ(run.out.substr(0, run.out.find('\t')), "search") << run.out;
}

}  // namespace
