// One contest linked under several ids is one competition, but only on
// strong evidence: equal names from 「」, a card's title or a nickname, and
// no entry that links both.
#include <gtest/gtest.h>

#include <string>

#include "kn_binary.hpp"
#include "synthetic_issue.hpp"

namespace {

using kn::testing::issue;
using kn::testing::Result;

class CompetitionMergeTest : public kn::testing::KnTest {
 protected:
  void index() {
    db_ = (dir_ / "kn.db").string();
    ASSERT_EQ(kn("index -q --db '" + db_ + "' '" + (dir_ / "a").string() + "'").status, 0);
  }
  Result run(const std::string& args) { return kn(args + " --db '" + db_ + "'"); }
  std::string db_;
};

// The launch and the close linked under two ids, both named in 「」: one
// story, every URL kept, the most mentioned first, the nickname both ids
// were given its own.
TEST_F(CompetitionMergeTest, EqualBracketedNamesAreOneContest) {
  write("a/1.md", issue(1,
                        "<p>Kaggle「<a href=\"https://www.kaggle.com/c/tabular-may\">Tabular "
                        "Playground Series</a>」(通称: 表コンペ)が始まりました。</p>"));
  write("a/2.md", issue(2,
                        "<p>Kaggle「<a href=\"https://www.kaggle.com/c/tabular-may-2\">Tabular "
                        "Playground Series</a>」が終わりました。</p>"
                        "<p>Kaggle「<a href=\"https://www.kaggle.com/c/tabular-may-2\">tabular "
                        "playground  series</a>」(通称: 表コンペ)の解法です。</p>"));
  index();
  EXPECT_EQ(run("list --competition --format tsv").out,
            "Kaggle\tTabular Playground Series\thttps://www.kaggle.com/competitions/tabular-may-2\t"
            "1\t\t2\t\t3\t0\t表コンペ\n");
  EXPECT_NE(run("list --competition --format json")
                .out.find(R"("urls":["https://www.kaggle.com/competitions/tabular-may-2",)"
                          R"("https://www.kaggle.com/competitions/tabular-may"])"),
            std::string::npos);
  const Result story = run("competition tabular-may --format tsv");
  EXPECT_EQ(story.status, 0) << story.err;
  EXPECT_EQ(std::count(story.out.begin(), story.out.end(), '\n'), 3);
  EXPECT_EQ(story.out.substr(0, 2), "1\t");
  EXPECT_EQ(run("search --count competition:tabular-may-2").out, "3\n");
  EXPECT_EQ(run("search --count 'competition:tabular playground series'").out, "3\n");
  // A nickname given to both ids is the one contest's.
  EXPECT_EQ(run("search --count competition:表コンペ").out, "3\n");
}

// Equal link texts are weak evidence: the ids stay apart, and the
// candidates say how they differ.
TEST_F(CompetitionMergeTest, EqualLinkTextsStayApart) {
  write("a/1.md", issue(1,
                        "<p>新しい<a href=\"https://www.kaggle.com/c/playground-a\">Playground "
                        "Series</a>が始まりました。</p>"));
  write("a/2.md", issue(2,
                        "<p>新しい<a href=\"https://www.kaggle.com/c/playground-b\">Playground "
                        "Series</a>が始まりました。</p>"));
  index();
  const Result both = run("competition 'playground series'");
  EXPECT_EQ(both.status, 2);
  EXPECT_EQ(both.err,
            "kn: 'playground series' names 2 competitions; say which:\n"
            "  Kaggle  playground-a  Playground Series  (#1 .. #1, 1 mentions)\n"
            "  Kaggle  playground-b  Playground Series  (#2 .. #2, 1 mentions)\n");
}

// An entry that links both presents them as two contests: never merged.
TEST_F(CompetitionMergeTest, AnEntryLinkingBothKeepsThemApart) {
  write("a/1.md", issue(1,
                        "<p>Kaggle「<a href=\"https://www.kaggle.com/c/track-a\">Data "
                        "Challenge</a>」と「<a href=\"https://www.kaggle.com/c/track-b\">Data "
                        "Challenge</a>」が始まりました。</p>"));
  index();
  EXPECT_EQ(
      run("list --competition --format tsv").out,
      "Kaggle\tData Challenge\thttps://www.kaggle.com/competitions/track-a\t1\t\t1\t\t1\t0\t\n"
      "Kaggle\tData Challenge\thttps://www.kaggle.com/competitions/track-b\t1\t\t1\t\t1\t0\t\n");
}

}  // namespace
