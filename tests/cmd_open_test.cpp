// kn open end to end, with a $BROWSER that records what it was given.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "commands/commands.hpp"
#include "kn_binary.hpp"

namespace {

using kn::testing::Result;

class OpenCommandTest : public kn::testing::SeedsTest {
 protected:
  void SetUp() override {
    SeedsTest::SetUp();
    record_ = (dir_ / "opened").string();
    browser_ = write("browser.sh", "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + record_ + "'\n");
    ASSERT_EQ(shell("chmod +x '" + browser_ + "'").status, 0);
  }
  Result open(const std::string& browser, const std::string& args) {
    return shell("BROWSER='" + browser + "' '" + std::string(KN_BINARY) + "' open --db '" + db_ +
                 "' " + args);
  }
  std::string opened() { return kn::testing::slurp(record_); }

  std::string record_, browser_;
};

// The reference a search gives opens that hit's URL.
TEST_F(OpenCommandTest, AReferenceFromASearchOpensItsUrl) {
  const std::string line = search("--limit 1 鰹").out;
  const std::vector<std::string> fields = kn::testing::split_tabs(line);
  ASSERT_EQ(fields.size(), 9u) << line;
  const std::string ref = fields[7];
  ASSERT_EQ(ref, "66.10");
  const Result run = open(browser_, ref);
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(opened(), "https://www.slideshare.net/ren4yu/signate-2nd-place-solution\n");
  EXPECT_EQ(run.out,
            "ran: " + browser_ + " https://www.slideshare.net/ren4yu/signate-2nd-place-solution\n");
}

// --link N opens the link kn show REF numbers N; $BROWSER's commands are
// tried in order, %s standing for the URL.
TEST_F(OpenCommandTest, LinkNAndTheBrowserList) {
  const Result run = open("no-such-browser-here:" + browser_ + " --new-tab %s", "66.5 --link 2");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(opened(), "--new-tab\nhttps://www.kdd.org/kdd2021/\n");
  EXPECT_EQ(open(browser_, "66.5 --link 6").err,
            "kn: --link 6: 66.5 has 5 links (kn show 66.5 numbers them)\n");
  EXPECT_EQ(open(browser_, "66.5 --link 0").err, "kn: --link: links are numbered from 1\n");
  EXPECT_EQ(open(browser_, "66").err, "kn: 66: not an entry's reference (kn open 66.9)\n");
  const Result nothing = open(browser_, "66.99");
  EXPECT_EQ(nothing.status, 1);
  EXPECT_EQ(nothing.err, "kn: 66.99: issue #66 has no entry 99 (kn show 66 lists them)\n");
}

TEST(BrowserCommands, SplitsTheListAndPlacesTheUrl) {
  using Commands = std::vector<std::vector<std::string>>;
  const std::string url = "https://e.com/a";
  EXPECT_EQ(kn::browser_commands(nullptr, url), (Commands{{"xdg-open", url}}));
  EXPECT_EQ(kn::browser_commands("", url), (Commands{{"xdg-open", url}}));
  EXPECT_EQ(kn::browser_commands("firefox", url), (Commands{{"firefox", url}}));
  EXPECT_EQ(kn::browser_commands("w3m -o x=%%s %s:lynx", url),
            (Commands{{"w3m", "-o", "x=%s", url}, {"lynx", url}}));
  // A URL never meets a shell: its characters stay one argument.
  EXPECT_EQ(kn::browser_commands("open --u=%s", "https://e.com/$(x) y"),
            (Commands{{"open", "--u=https://e.com/$(x) y"}}));
}

}  // namespace
