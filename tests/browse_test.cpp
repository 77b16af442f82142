#include "kn/browse.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kn/extract.hpp"
#include "kn/index.hpp"
#include "kn/output.hpp"
#include "test_support.hpp"

namespace {

using kn::Store;

class BrowseTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new kn::testing::TempDir();
    store_ = new Store(*dir_ / "kn.db", Store::Access::read_write);
    kn::Diagnostics diag;
    kn::index_files(*store_, kn::expand_paths({"seeds", "tests/data"}, diag), {}, diag);
  }
  static void TearDownTestSuite() {
    delete store_;
    delete dir_;
  }
  static kn::testing::TempDir* dir_;
  static Store* store_;
};

kn::testing::TempDir* BrowseTest::dir_ = nullptr;
Store* BrowseTest::store_ = nullptr;

std::string describe(const kn::CompetitionRow& r) {
  return r.platform + " | " + r.name + " | #" + std::to_string(r.first.number) + " " +
         r.first.date.value_or("") + " | #" + std::to_string(r.last.number) + " | " +
         std::to_string(r.mentions);
}

TEST_F(BrowseTest, CompetitionsOfTheSeeds) {
  kn::ListFilters seeds_era;
  seeds_era.since = "2020-04-01";
  seeds_era.until = "2022-03-31";
  std::vector<std::string> got;
  for (const auto& row : kn::list_competitions(*store_, seeds_era, false)) {
    got.push_back(describe(row));
  }
  EXPECT_EQ(
      got,
      (std::vector<std::string>{
          "Kaggle | Bengaliコンペ | #18 2020-04-16 | #18 | 1",
          "Kaggle | Cornell Birdcall Identification | #40 2020-09-18 | #40 | 1",
          "Kaggle | Halite by Two Sigma | #40 2020-09-18 | #40 | 2",
          "Kaggle | RSNA-STR Pulmonary Embolism Detection | #40 2020-09-18 | #40 | 1",
          "SIGNATE | 第3回AIエッジコンテスト（アルゴリズムコンテスト②） | #40 2020-09-18 | #40 | 1",
          "atmaCup | #8 [初心者向] atmaCup | #53 2020-12-18 | #53 | 1",
          "Kaggle | CDP - Unlocking Climate Solutions | #53 2020-12-18 | #53 | 1",
          "Kaggle | Freesound General-Purpose Audio Tagging Challenge | #53 2020-12-18 | #53 | 1",
          "Kaggle | Google Research Football with Manchester City F.C. | #53 2020-12-18 | #53 | 1",
          "Kaggle | Mechanisms of Action (MoA) Prediction | #53 2020-12-18 | #53 | 1",
          "Kaggle | Otto Group Product Classification Challenge | #53 2020-12-18 | #53 | 1",
          "Kaggle | RANZCR CLiP - Catheter and Line Position Challenge | #53 2020-12-18 | #66 | 2",
          "atmaCup | #10 [初心者向] atmaCup | #66 2021-03-19 | #66 | 1",
          "SIGNATE | 日本取引所グループ ニュース分析チャレンジ | #66 2021-03-19 | #84 | 2",
          "SIGNATE | 日本取引所グループ ファンダメンタルズ分析チャレンジ | #66 2021-03-19 | #84 | "
          "2",
          "Nishika | Nishikaのプラットフォーム | #72 2021-04-29 | #72 | 1",
          "Kaggle | PetFinder.my Adoption Prediction | #72 2021-04-29 | #72 | 1",
          "atmaCup | #11 [初心者歓迎! / 画像編] atmaCup | #84 2021-07-21 | #84 | 2",
          "Kaggle | BirdCLEF 2021 - Birdcall Identification | #84 2021-07-21 | #84 | 1",
          "Kaggle | Jigsaw Rate Severity of Toxic Comments | #117 2022-03-11 | #117 | 1",
      }));
}

TEST_F(BrowseTest, CompetitionsAcrossTheArchive) {
  const auto all = kn::list_competitions(*store_, {}, false);
  ASSERT_EQ(all.size(), 42u);
  EXPECT_EQ(describe(all.front()),
            "Kaggle | ASHRAE - Great Energy Predictor III | #1 2019-12-20 | #1 | 1");
  const auto by_mentions = kn::list_competitions(*store_, {}, true);
  EXPECT_EQ(describe(by_mentions.front()),
            "Kaggle | NBME - Score Clinical Patient Notes | #127 2022-05-20 | #146 | 3");
  kn::ListFilters kaggle;
  kaggle.platform = "kaggle";
  EXPECT_EQ(kn::list_competitions(*store_, kaggle, false).size(), 27u);
  // /competitions/AI4Code and /c/ai4code are one competition.
  kn::ListFilters late;
  late.since = "2022-11-01";
  late.until = "2022-11-30";
  const auto november = kn::list_competitions(*store_, late, false);
  ASSERT_EQ(november.size(), 3u);
  EXPECT_EQ(
      describe(november[0]),
      "Kaggle | Google AI4Code – Understand Code in Python Notebooks | #152 2022-11-11 | #152 | 2");
}

TEST_F(BrowseTest, Issues) {
  const auto issues = kn::list_issues(*store_, {});
  ASSERT_EQ(issues.size(), 14u);
  EXPECT_EQ(issues[0].number, 1);
  EXPECT_EQ(issues[0].items, 5);
  EXPECT_EQ(issues[0].cards, 3);
  EXPECT_EQ(issues[2].number, 18);
  EXPECT_TRUE(issues[2].date_estimated);
  EXPECT_EQ(issues[2].date, "2020-04-16");
  kn::ListFilters f;
  f.since = "2022-01-01";
  EXPECT_EQ(kn::list_issues(*store_, f).size(), 6u);
}

TEST_F(BrowseTest, LinksAndDomains) {
  kn::ListFilters github;
  github.domain = "github.com";
  const auto links = kn::list_links(*store_, github);
  ASSERT_FALSE(links.empty());
  for (const auto& link : links) {
    EXPECT_TRUE(link.url.starts_with("https://github.com/")) << link.url;
  }
  const auto all = kn::list_links(*store_, {});
  EXPECT_EQ(all[0].url, "http://www.recsyschallenge.com/2021/");
  EXPECT_EQ(all[0].text, "RecSys Challenge 2021");
  EXPECT_EQ(all[0].cited, 2);
  EXPECT_EQ(all[0].issues, (std::vector<int>{66, 84}));
  const auto domains = kn::list_domains(*store_, {});
  ASSERT_GE(domains.size(), 3u);
  EXPECT_EQ(domains[0].domain, "kaggle.com");
  EXPECT_EQ(domains[0].links, 51);
  EXPECT_EQ(domains[0].cards, 0);
  EXPECT_EQ(domains[1].domain, "qiita.com");
  EXPECT_EQ(domains[1].links + domains[1].cards, 15);
}

TEST_F(BrowseTest, ALoadedIssueIsTheParsedIssue) {
  for (const std::string path :
       {"seeds/000_d809ab5171f926cf.txt", "tests/data/2022-11-11_Weekly Kaggle News #152.md",
        "tests/data/2020-09-18_Weekly Kaggle Issue #40.md"}) {
    kn::Issue parsed = kn::extract_issue(kn::testing::slurp(path), path);
    const auto loaded = kn::load_issue(*store_, parsed.number);
    ASSERT_TRUE(loaded.has_value()) << path;
    parsed.source = loaded->source;  // stored absolute
    EXPECT_EQ(kn::issue_json(*loaded), kn::issue_json(parsed)) << path;
  }
  EXPECT_FALSE(kn::load_issue(*store_, 4242).has_value());
}

TEST_F(BrowseTest, ExportStreamsEveryIssueInOrder) {
  std::vector<int> numbers;
  kn::for_each_issue(*store_, [&](const kn::Issue& issue) { numbers.push_back(issue.number); });
  EXPECT_EQ(numbers,
            (std::vector<int>{1, 7, 18, 40, 53, 66, 72, 84, 117, 122, 127, 146, 152, 159}));
}

TEST_F(BrowseTest, CorrectionsFromLaterIssues) {
  kn::Issue issue126;
  issue126.number = 126;
  issue126.url = "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-126-0";
  const auto corrections = kn::corrections_of(*store_, issue126);
  ASSERT_EQ(corrections.size(), 1u);
  EXPECT_EQ(corrections[0].issue, 127);
  EXPECT_EQ(corrections[0].date, "2022-05-20");
  EXPECT_TRUE(corrections[0].text.starts_with("13日配信の「Weekly Kaggle News #126」で"));
  // #152 corrects itself: that is no later issue's correction.
  const auto issue152 = kn::load_issue(*store_, 152);
  EXPECT_TRUE(kn::corrections_of(*store_, *issue152).empty());
  kn::Issue issue12 = issue126;
  issue12.number = 12;  // "#126" is not "#12"
  EXPECT_TRUE(kn::corrections_of(*store_, issue12).empty());
}

TEST_F(BrowseTest, Stats) {
  const kn::Stats stats = kn::archive_stats(*store_);
  EXPECT_EQ(stats.issues, 14);
  EXPECT_EQ(stats.first_date, "2019-12-20");
  EXPECT_EQ(stats.last_date, "2022-12-30");
  EXPECT_EQ(stats.entries, 158);
  EXPECT_EQ(stats.items, 57);
  EXPECT_EQ(stats.cards, 96);
  EXPECT_EQ(stats.embeds, 5);
  EXPECT_EQ(stats.links, 178);
  EXPECT_EQ(stats.domains, 112);
  EXPECT_EQ(stats.competitions, 42);
  ASSERT_FALSE(stats.sections.empty());
  EXPECT_EQ(stats.sections[0].key, "links");
  EXPECT_EQ(stats.sections[0].value, 101);
  EXPECT_GT(stats.database_bytes, 0);

  const kn::Breakdown years = kn::archive_breakdown(*store_, "year");
  EXPECT_EQ(years.columns, (std::vector<std::string>{"issues", "entries", "cards"}));
  ASSERT_EQ(years.rows.size(), 4u);
  EXPECT_EQ(years.rows[0].first, "2019");
  EXPECT_EQ(years.rows[0].second, (std::vector<std::int64_t>{1, 8, 3}));
  const kn::Breakdown platforms = kn::archive_breakdown(*store_, "platform");
  EXPECT_EQ(platforms.rows[0].first, "Kaggle");
  EXPECT_EQ(platforms.rows[0].second[0], 27);
  EXPECT_THROW(kn::archive_breakdown(*store_, "weekday"), kn::Error);
}

}  // namespace
