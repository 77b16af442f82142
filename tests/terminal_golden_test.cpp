// The terminal rendering of every command, end to end at 40, 80 and 140
// cells, against golden files, and the rules it keeps at every width: no
// name or URL cut, no line that starts with a closing bracket or 、。 or
// ends with an opening one, no Latin word split, footers that count.
//
// After a deliberate change to the rendering, regenerate the files with
//   KN_UPDATE_GOLDEN=1 build/tests/kn_tests --gtest_filter='TerminalGolden*'
// and read the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "kn_binary.hpp"
#include "render/cells.hpp"
#include "render/line_break.hpp"

namespace {

namespace fs = std::filesystem;
using kn::testing::Result;
using kn::testing::slurp;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(text.substr(start, end - start));
  }
  return lines;
}

// The runs of ASCII letters in text, but those a "…" cuts.
std::set<std::string> latin_words(const std::string& text) {
  std::set<std::string> words;
  static const std::regex word("[A-Za-z]{2,}(…)?");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator();
       ++it) {
    if (!(*it)[1].matched) words.insert(it->str());
  }
  return words;
}

class TerminalGoldenTest : public kn::testing::ArchiveBinaryTest {
 protected:
  // kn COMMAND drawn for a terminal of `width` cells (0: a pipe's).
  Result draw(const std::string& command, std::size_t width) {
    return kn(command + " --db '" + db_ + "' --format table --color never --width " +
              std::to_string(width));
  }

  // What the rendering promises at every width.
  void expect_rules(const std::string& out, const std::string& unwrapped, std::size_t width,
                    const std::string& what) {
    const std::set<std::string> words = latin_words(unwrapped);
    for (const std::string& line : lines_of(out)) {
      const std::vector<kn::LineSpan> urls = kn::url_spans(line);
      if (urls.empty()) {
        EXPECT_LE(kn::display_width(line), width) << what << ": " << line;
      }
      std::string text = line.substr(
          line.find_first_not_of(' ') == std::string::npos ? 0 : line.find_first_not_of(' '));
      for (const char* closer : {"、", "。", "」", "』", "）", "】"}) {
        EXPECT_FALSE(text.starts_with(closer)) << what << ": " << line;
      }
      for (const char* opener : {"「", "『", "（", "【"}) {
        EXPECT_FALSE(text.ends_with(opener)) << what << ": " << line;
      }
      for (const std::string& word : latin_words(line)) {
        EXPECT_TRUE(words.count(word)) << what << ": '" << word << "' split in: " << line;
      }
    }
    // Every URL of the unwrapped output stands whole on a line.
    for (const kn::LineSpan& span : kn::url_spans(unwrapped)) {
      const std::string url = unwrapped.substr(span.begin, span.end - span.begin);
      EXPECT_NE(out.find(url), std::string::npos) << what << ": URL split: " << url;
    }
  }

  void check(const std::string& name, const std::string& command) {
    const std::string unwrapped = draw(command, 0).out;
    ASSERT_FALSE(unwrapped.empty()) << command;
    for (const std::size_t width : {40u, 80u, 140u}) {
      const Result run = draw(command, width);
      EXPECT_EQ(run.err, "") << command;
      const std::string what = name + " at " + std::to_string(width);
      expect_rules(run.out, unwrapped, width, what);
      const fs::path golden =
          fs::path("tests/golden/terminal") / (name + "-" + std::to_string(width) + ".txt");
      if (std::getenv("KN_UPDATE_GOLDEN")) {
        fs::create_directories(golden.parent_path());
        std::ofstream(golden, std::ios::binary) << run.out;
      }
      EXPECT_EQ(run.out, slurp(golden)) << "see " << golden;
    }
  }
};

TEST_F(TerminalGoldenTest, Search) {
  check("search-pytorch", "search PyTorch --limit 5");
  check("search-kaiho", "search 解法 --limit 4");
}

TEST_F(TerminalGoldenTest, Lists) {
  check("list-competition", "list --competition");
  check("list-links", "list --links");
}

TEST_F(TerminalGoldenTest, Show) {
  check("show-66", "show 66");
  check("show-152", "show 152");
}

TEST_F(TerminalGoldenTest, Competition) { check("competition-ranzcr", "competition ranzcr"); }

TEST_F(TerminalGoldenTest, Stats) {
  check("stats", "stats");
  check("stats-by-month", "stats --by month");
  check("stats-by-month-pytorch", "stats --by month PyTorch");
}

// The footer says what the page left out; --limit 0 leaves nothing out.
TEST_F(TerminalGoldenTest, FootersCount) {
  const std::string total = kn("search --db '" + db_ + "' --count 解法").out;
  std::string out = draw("search 解法 --limit 4", 80).out;
  EXPECT_TRUE(out.ends_with("\n4 of " + total.substr(0, total.size() - 1) +
                            " hits (--limit N; --limit 0 for all)\n"))
      << out;
  out = draw("search 解法 --limit 4 --offset 4", 80).out;
  EXPECT_NE(out.find("\n5–8 of "), std::string::npos) << out;
  out = draw("search 解法 --limit 0", 80).out;
  EXPECT_EQ(out.find(" hits (--limit"), std::string::npos);
  out = draw("stats --by domain --limit 3", 80).out;
  EXPECT_EQ(lines_of(out).size(), 5u) << out;  // header, 3 rows, footer
  EXPECT_NE(out.find("3 of "), std::string::npos);
}

// A list keeps its point: the counts it is sorted by and read for stay on
// the line at every width (at 140 columns the longest URL had pushed the
// mentions out, and kn list --links never showed how often a link was cited).
TEST_F(TerminalGoldenTest, ListsKeepTheirCounts) {
  for (const std::size_t width : {40u, 80u, 140u}) {
    const std::string competitions = draw("list --competition --sort mentions", width).out;
    EXPECT_TRUE(lines_of(competitions).at(0).find("mentions") != std::string::npos)
        << width << "\n"
        << competitions.substr(0, 200);
    const std::string links = draw("list --links", width).out;
    EXPECT_TRUE(lines_of(links).at(0).starts_with("cited")) << width << "\n"
                                                            << links.substr(0, 200);
    const std::string domains = draw("list --domains", width).out;
    EXPECT_NE(lines_of(domains).at(0).find("links"), std::string::npos) << width;
  }
}

// On the 14 real issues: every competition name whole on one line at 80
// cells, and every issue's URLs whole in kn show at 40 and 80.
TEST_F(TerminalGoldenTest, RealIssuesKeepNamesAndUrlsWhole) {
  const std::string list = draw("list --competition", 80).out;
  const Result names = kn("list --competition --db '" + db_ + "' --format tsv");
  for (const std::string& row : lines_of(names.out)) {
    const std::string name =
        row.substr(row.find('\t') + 1, row.find('\t', row.find('\t') + 1) - row.find('\t') - 1);
    bool whole = false;
    for (const std::string& line : lines_of(list))
      whole = whole || line.find(name) != std::string::npos;
    EXPECT_TRUE(whole) << name;
  }
  const Result issues = kn("list --issues --db '" + db_ + "' --format tsv");
  for (const std::string& row : lines_of(issues.out)) {
    const std::string number = row.substr(0, row.find('\t'));
    const std::string unwrapped = draw("show " + number, 0).out;
    for (const std::size_t width : {40u, 80u}) {
      expect_rules(draw("show " + number, width).out, unwrapped, width, "show " + number);
    }
  }
}

}  // namespace
