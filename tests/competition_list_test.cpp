#include "store/competition_list.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "archive_fixture.hpp"

namespace {

class CompetitionListTest : public kn::testing::ArchiveTest {};

std::string describe(const kn::CompetitionRow& r) {
  return r.platform + " | " + r.name + " | #" + std::to_string(r.first.number) + " " +
         r.first.date.value_or("") + " | #" + std::to_string(r.last.number) + " | " +
         std::to_string(r.mentions);
}

TEST_F(CompetitionListTest, CompetitionsOfTheSeeds) {
  kn::Filters seeds_era;
  seeds_era.dates = {{"2020-04-01", "2022-03-31"}};
  std::vector<std::string> got;
  for (const auto& row : kn::list_competitions(*store_, seeds_era)) {
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
          "Kaggle | PetFinder.my Adoption Prediction | #72 2021-04-29 | #72 | 1",
          "Nishika | コペルニクス・マスターズ | #72 2021-04-29 | #72 | 1",
          "atmaCup | #11 [初心者歓迎! / 画像編] atmaCup | #84 2021-07-21 | #84 | 2",
          "Kaggle | BirdCLEF 2021 - Birdcall Identification | #84 2021-07-21 | #84 | 1",
          "Kaggle | Jigsaw Rate Severity of Toxic Comments | #117 2022-03-11 | #117 | 1",
      }));
}

TEST_F(CompetitionListTest, CompetitionsAcrossTheArchive) {
  const auto all = kn::list_competitions(*store_, {});
  ASSERT_EQ(all.size(), 42u);
  EXPECT_EQ(describe(all.front()),
            "Kaggle | ASHRAE - Great Energy Predictor III | #1 2019-12-20 | #1 | 1");
  const auto by_mentions = kn::list_competitions(*store_, {}, kn::CompetitionOrder::mentions);
  EXPECT_EQ(describe(by_mentions.front()),
            "Kaggle | NBME - Score Clinical Patient Notes | #127 2022-05-20 | #146 | 3");
  kn::Filters kaggle;
  kaggle.platforms = {"kaggle"};
  EXPECT_EQ(kn::list_competitions(*store_, kaggle).size(), 27u);
  // /competitions/AI4Code and /c/ai4code are one competition.
  kn::Filters late;
  late.dates = {{"2022-11-01", "2022-11-30"}};
  const auto november = kn::list_competitions(*store_, late);
  ASSERT_EQ(november.size(), 3u);
  EXPECT_EQ(
      describe(november[0]),
      "Kaggle | Google AI4Code – Understand Code in Python Notebooks | #152 2022-11-11 | #152 | 2");
}

}  // namespace
