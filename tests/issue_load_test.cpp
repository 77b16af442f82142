#include "store/issue_load.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "archive_fixture.hpp"
#include "kn/extract.hpp"
#include "render/issue_json.hpp"
#include "test_support.hpp"

namespace {

class IssueLoadTest : public kn::testing::ArchiveTest {};

TEST_F(IssueLoadTest, ALoadedIssueIsTheParsedIssue) {
  for (const std::string path :
       {"seeds/000_d809ab5171f926cf.txt", "tests/data/2022-11-11_Weekly Kaggle News #152.md",
        "tests/data/2020-09-18_Weekly Kaggle Issue #40.md"}) {
    kn::Issue parsed = kn::extract_issue(kn::testing::slurp(path), path);
    const auto loaded = kn::load_issues(*store_, parsed.number);
    ASSERT_EQ(loaded.size(), 1u) << path;
    parsed.source = loaded[0].source;  // stored absolute
    EXPECT_EQ(kn::issue_json(loaded[0]), kn::issue_json(parsed)) << path;
  }
  EXPECT_TRUE(kn::load_issues(*store_, 4242).empty());
}

TEST_F(IssueLoadTest, ExportStreamsEveryIssueInOrder) {
  std::vector<int> numbers;
  kn::for_each_issue(*store_, [&](const kn::Issue& issue) { numbers.push_back(issue.number); });
  EXPECT_EQ(numbers,
            (std::vector<int>{1, 7, 18, 40, 53, 66, 72, 84, 117, 122, 127, 146, 152, 159}));
}

TEST_F(IssueLoadTest, CorrectionsFromLaterIssues) {
  kn::Issue issue126;
  issue126.number = 126;
  issue126.url = "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-126-0";
  const auto corrections = kn::corrections_of(*store_, issue126);
  ASSERT_EQ(corrections.size(), 1u);
  EXPECT_EQ(corrections[0].issue, 127);
  EXPECT_EQ(corrections[0].date, "2022-05-20");
  EXPECT_TRUE(corrections[0].text.starts_with("13日配信の「Weekly Kaggle News #126」で"));
  // #152 corrects itself: that is no later issue's correction.
  const auto issue152 = kn::load_issues(*store_, 152);
  EXPECT_TRUE(kn::corrections_of(*store_, issue152.at(0)).empty());
  kn::Issue issue12 = issue126;
  issue12.number = 12;  // "#126" is not "#12"
  EXPECT_TRUE(kn::corrections_of(*store_, issue12).empty());
}

// Export and show claim parse's shape: two sections with one heading stay
// two, and an empty section stays.
TEST(IssueLoad, SectionsKeepTheirShape) {
  kn::testing::TempDir dir;
  kn::Store store(dir / "kn.db", kn::Store::Access::read_write);
  const kn::Issue parsed = kn::extract_issue(
      "# Weekly Kaggle News #5\nhttps://e.com/5\n<h2>News</h2><p>a</p><h2>News</h2><p>b</p>"
      "<h2>PR</h2><h2>Errata</h2><p>c</p>",
      "/x.md");
  ASSERT_EQ(parsed.sections.size(), 4u);
  store.put_issue(parsed, "h", {});
  store.sync_index();
  const auto loaded = kn::load_issues(store, 5);
  ASSERT_EQ(loaded.size(), 1u);
  EXPECT_EQ(kn::issue_json(loaded[0]), kn::issue_json(parsed));
}
}  // namespace
