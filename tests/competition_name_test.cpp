#include "extract/competition_name.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using kn::Link;

kn::CompetitionLink kaggle(kn::CompetitionPage page = kn::CompetitionPage::front) {
  return {"Kaggle", "https://www.kaggle.com/competitions/x", page, {}};
}

// The name links[index] gives, and its rank.
std::pair<std::string, int> named(const std::string& text, const std::vector<Link>& links,
                                  std::size_t index = 0,
                                  kn::CompetitionLink competition = kaggle()) {
  const kn::NameEvidence e = kn::name_from_link(text, links, index, competition);
  return {e.name, static_cast<int>(e.rank)};
}

TEST(CompetitionName, TheBracketsThatHoldTheLink) {
  EXPECT_EQ(named("Kaggle「RANZCR CLiP - Catheter」コンペが16日に終わりました。",
                  {{"RANZCR CLiP - Catheter", "u"}}),
            (std::pair<std::string, int>{"RANZCR CLiP - Catheter", 0}));
  EXPECT_EQ(named("「#10 [初心者向] atmaCup」が5〜13日に開催されました。",
                  {{"#10 [初心者向] atmaCup", "u"}}),
            (std::pair<std::string, int>{"#10 [初心者向] atmaCup", 0}));
}

TEST(CompetitionName, APageLinkTakesTheNameOfItsSentence) {
  // A leaderboard, results or solutions link: the 「」 of its sentence.
  EXPECT_EQ(named("「CA × atmaCup 2nd」が終わり、順位表が公開されました。", {{"順位表", "u"}}),
            (std::pair<std::string, int>{"CA × atmaCup 2nd", 1}));
  // What readers call it is a nickname (nickname.hpp), never a name.
  EXPECT_EQ(named("SIGNATE「鰹節コンペ」の最終結果が出ました。", {{"最終結果", "u"}}),
            (std::pair<std::string, int>{"", 0}));
  EXPECT_EQ(named("Kaggle「NBME」の入賞者解法がまとまっています。", {{"入賞者解法", "u"}}),
            (std::pair<std::string, int>{"NBME", 1}));
  EXPECT_EQ(named("詳しくはこちら。", {{"こちら", "u"}}), (std::pair<std::string, int>{"", 0}));
}

TEST(CompetitionName, ASectionLabelJoinsItsParent) {
  EXPECT_EQ(
      named("Kaggle「COVID19 Global Forecasting」のWeek 4が始まりました。", {{"Week 4", "u"}}),
      (std::pair<std::string, int>{"COVID19 Global Forecasting (Week 4)", 1}));
  EXPECT_EQ(
      named("Nishika「生鮮野菜の価格予測」の2022秋の部が始まりました。", {{"2022秋の部", "u"}}),
      (std::pair<std::string, int>{"生鮮野菜の価格予測 2022秋の部", 1}));
  EXPECT_EQ(named("「古文書の文字認識」（行領域認識）が開催中です。", {{"行領域認識", "u"}}),
            (std::pair<std::string, int>{"古文書の文字認識（行領域認識）", 1}));
  // Several labels after one name: each joins it.
  const std::vector<Link> weeks{{"Week 1", "a"}, {"Week 2", "b"}};
  EXPECT_EQ(named("「COVID19 Global Forecasting」のWeek 1、Week 2が続きます。", weeks, 1).first,
            "COVID19 Global Forecasting (Week 2)");
}

TEST(CompetitionName, LabelsWithoutAParentNameNothing) {
  const std::vector<Link> tracks{{"男子", "https://www.kaggle.com/c/mens-march-mania-2022"},
                                 {"女子", "https://www.kaggle.com/c/womens-march-mania-2022"}};
  const std::string text = "大学バスケットボールの勝敗予測コンペ（男子、女子）が始まりました。";
  EXPECT_EQ(named(text, tracks, 0).first, "");
  EXPECT_EQ(named(text, tracks, 1).first, "");
  EXPECT_EQ(
      kn::readable_slug("https://www.kaggle.com/competitions/mens-march-mania-2022", "Kaggle"),
      "Mens March Mania 2022");
  EXPECT_EQ(kn::readable_slug("https://www.nishika.com/competitions/15", "Nishika"), "Nishika 15");
}

TEST(CompetitionName, PhrasesNameNothing) {
  for (const char* phrase :
       {"分析を題材にしたコンペ", "Kaggleコンペの開催経験", "Nishikaのプラットフォーム", "順位表",
        "leaderboard", "2022年3月", "3", "公募", "Kaggle", "鰹節コンペ", "強化学習コンペ",
        "コンペ公募", "Jigsawコンペ"}) {
    EXPECT_FALSE(kn::names_something(phrase, "Kaggle")) << phrase;
  }
  for (const char* name :
       {"Kore 2022", "日本画の登場人物分類", "NBME - Score Clinical Patient Notes",
        "第１回 金融データ活用チャレンジ"}) {
    EXPECT_TRUE(kn::names_something(name, "Kaggle")) << name;
  }
  // A phrase link with a 「」 name in the sentence before: that name, weakly.
  EXPECT_EQ(named("コンテスト「コペルニクス・マスターズ」が始まりました。場としてNishikaのプラット"
                  "フォームが使われます。",
                  {{"Nishikaのプラットフォーム", "u"}}),
            (std::pair<std::string, int>{"コペルニクス・マスターズ", 5}));
}

// A page word's link takes the 「」 of its sentence, but not one that holds
// a link elsewhere: that 「」 names the other link's page.
TEST(CompetitionName, NotTheBracketsOfAnotherLink) {
  EXPECT_EQ(named("「Other Contest」に続き、こちらも始まりました。",
                  {{"Other Contest", "https://www.kaggle.com/c/other"}, {"こちら", "u"}}, 1),
            (std::pair<std::string, int>{"", 0}));
  EXPECT_EQ(named("「This Contest」に続き、こちらも始まりました。",
                  {{"This Contest", "u"}, {"こちら", "u"}}, 1),
            (std::pair<std::string, int>{"This Contest", 1}));
}

TEST(CompetitionName, CardTitlesLoseTheSiteName) {
  const kn::CompetitionLink aicrowd{
      "AIcrowd", "https://www.aicrowd.com/challenges/x", kn::CompetitionPage::front, {}};
  EXPECT_EQ(kn::name_from_title("Food Recognition Benchmark | AIcrowd | Challenges", aicrowd).name,
            "Food Recognition Benchmark");
  EXPECT_EQ(kn::name_from_title("Food Recognition Benchmark | Challenges", aicrowd).name,
            "Food Recognition Benchmark");
  EXPECT_EQ(kn::name_from_title("Data - Challenges of Today", aicrowd).name,
            "Data - Challenges of Today");
  const kn::CompetitionLink signate{
      "SIGNATE", "https://signate.jp/competitions/1", kn::CompetitionPage::front, {}};
  EXPECT_EQ(kn::name_from_title("鰹節 | SIGNATE - Data Science Competition", signate).name, "鰹節");
  EXPECT_EQ(kn::name_from_title("鰹節コンペ | SIGNATE - Data Science Competition", signate).name,
            "");
  // Several Latin words before コンペ are the name.
  EXPECT_EQ(named("Kaggle「Cornell Birdcall Identificationコンペ」が終わりました。",
                  {{"Cornell Birdcall Identificationコンペ", "u"}}),
            (std::pair<std::string, int>{"Cornell Birdcall Identification", 0}));
  EXPECT_EQ(
      kn::name_from_title("TalkingData AdTracking Fraud Detection Challenge | Kaggle", kaggle())
          .name,
      "TalkingData AdTracking Fraud Detection Challenge");
  EXPECT_EQ(kn::name_from_title("NBME - Score Clinical Patient Notes | Kaggle", kaggle()).name,
            "NBME - Score Clinical Patient Notes");  // " - " inside the name stays
  EXPECT_EQ(kn::name_from_title("x", kaggle()).rank, kn::NameRank::card_title);
}

TEST(CompetitionName, PlainLinkTexts) {
  EXPECT_EQ(named("Kore 2022が始まりました。", {{"Kore 2022", "u"}}),
            (std::pair<std::string, int>{"Kore 2022", 3}));
  EXPECT_EQ(named("Kore 2022のデータ", {{"Kore 2022", "u"}}, 0, kaggle(kn::CompetitionPage::other)),
            (std::pair<std::string, int>{"Kore 2022", 4}));
  EXPECT_EQ(named("「A」の議論", {{"議論", "u"}}, 0, kaggle(kn::CompetitionPage::discussion)).first,
            "");
}

}  // namespace
