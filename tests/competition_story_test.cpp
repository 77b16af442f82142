#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "archive_fixture.hpp"
#include "competitions/story.hpp"
#include "kn/error.hpp"
#include "kn/query.hpp"
#include "model/writeup.hpp"

namespace {

kn::CompetitionRow row(std::string platform, std::string name, std::string url,
                       kn::IssueRef first = {}, kn::IssueRef last = {}, int mentions = 1) {
  kn::CompetitionRow r;
  r.platform = std::move(platform);
  r.name = std::move(name);
  r.url = std::move(url);
  r.urls = {r.url};
  r.first = std::move(first);
  r.last = std::move(last);
  r.mentions = mentions;
  return r;
}

const std::vector<kn::CompetitionRow> kRows{
    row("Kaggle", "Google AI4Code – Understand Code in Python Notebooks",
        "https://www.kaggle.com/competitions/ai4code"),
    row("Kaggle", "NBME - Score Clinical Patient Notes",
        "https://www.kaggle.com/competitions/nbme-score-clinical-patient-notes"),
    row("Kaggle", "RSNA 2022 Cervical Spine Fracture Detection",
        "https://www.kaggle.com/competitions/rsna-2022-cervical-spine-fracture-detection",
        {146, "2022-09-30"}, {152, "2022-11-11"}, 2),
    row("Kaggle", "RSNA-STR Pulmonary Embolism Detection",
        "https://www.kaggle.com/competitions/rsna-str-pulmonary-embolism-detection",
        {40, "2020-09-18"}, {40, std::nullopt}, 1),
};

TEST(CompetitionStory, FindsBySlugUrlNameOrWords) {
  EXPECT_EQ(kn::find_competition(kRows, "ai4code").url, kRows[0].url);
  EXPECT_EQ(kn::find_competition(kRows, "AI4Code").url, kRows[0].url);
  EXPECT_EQ(kn::find_competition(kRows, "https://www.kaggle.com/c/ai4code/leaderboard").url,
            kRows[0].url);
  EXPECT_EQ(kn::find_competition(kRows, "nbme - score clinical patient notes").url, kRows[1].url);
  EXPECT_EQ(kn::find_competition(kRows, "NBME").url, kRows[1].url);
  EXPECT_EQ(kn::find_competition(kRows, "rsna spine").url, kRows[2].url);
}

TEST(CompetitionStory, SeveralMatchesListTheCandidates) {
  try {
    kn::find_competition(kRows, "rsna");
    FAIL();
  } catch (const kn::Error& e) {
    EXPECT_EQ(std::string(e.what()), "'rsna' matches 2 competitions; say which:");
    EXPECT_EQ(e.exit_code(), kn::kExitError);
    EXPECT_EQ(e.details(),
              (std::vector<std::string>{
                  "  Kaggle  rsna-2022-cervical-spine-fracture-detection  RSNA 2022 Cervical "
                  "Spine Fracture Detection  (#146 2022-09-30 .. #152 2022-11-11, 2 mentions)",
                  "  Kaggle  rsna-str-pulmonary-embolism-detection  RSNA-STR Pulmonary Embolism "
                  "Detection  (#40 2020-09-18 .. #40, 1 mentions)"}));
  }
  try {
    kn::find_competition(kRows, "zzz");
    FAIL();
  } catch (const kn::Error& e) {
    EXPECT_EQ(e.exit_code(), kn::kExitNoResults);
  }
}

TEST(CompetitionStory, WriteUps) {
  for (const char* text :
       {"1位解法", "上位解法まとめ", "３位入賞", "十位", "振り返り", "1st place solution",
        "Our 12th place writeup", "Write-up of the 2nd place"}) {
    EXPECT_TRUE(kn::is_writeup(text)) << text;
  }
  for (const char* text : {"順位表", "Leaderboard", "Overview", "スケジュール", "1st", "上位"}) {
    EXPECT_FALSE(kn::is_writeup(text)) << text;
  }
  EXPECT_TRUE(kn::is_writeup("鳥コンペ反省会"));
}

// An item's link is a write-up when its sentence announces one and it is
// the sentence's only link, or a pointer such as discussion; 上位 alone is
// not an announcement.
TEST(CompetitionStory, ItemLinksAreJudgedWithTheirSentence) {
  using Marks = std::vector<bool>;
  const std::vector<kn::Link> two = {{"X", "https://k/c/x"}, {"discussion", "https://k/c/x/d/1"}};
  EXPECT_EQ(kn::item_writeups("「X」が終わりました。1位解法はdiscussionで公開されています。", two),
            (Marks{false, true}));
  // The competition's own link shares a sentence with the pointer.
  EXPECT_EQ(kn::item_writeups("「X」の1位解法はdiscussionで公開されています。", two),
            (Marks{false, true}));
  const std::vector<kn::Link> plain = {{"X", "https://k/c/x"}, {"Y", "https://y/"}};
  EXPECT_EQ(kn::item_writeups("「X」の解法を「Y」が紹介しました。", plain), (Marks{false, false}));
  EXPECT_EQ(kn::item_writeups("「X」が終わりました。上位10%の解法はYにあります。", plain),
            (Marks{false, true}));
  EXPECT_EQ(kn::item_writeups("「X」が終わりました。LB上位の記事はYです。", plain),
            (Marks{false, false}));
  EXPECT_EQ(kn::item_writeups("「X」が終わりました。LB上位の記事はこちら。",
                              {{"X", "https://k/c/x"}, {"こちら", "https://z/"}}),
            (Marks{false, false}));
}

}  // namespace

namespace {

class CompetitionFilter : public kn::testing::ArchiveTest {};

// The store takes competitions by id; the words a reader types are resolved
// above it, once, into the ids of the one competition they mean.
TEST_F(CompetitionFilter, WordsAreResolvedToIdsBeforeTheStore) {
  const kn::Query asked = kn::parse_query("competition:ranzcr");
  EXPECT_THROW(store_->count(asked), std::logic_error);
  const kn::Query resolved = kn::resolve_competition_filters(*store_, asked);
  EXPECT_TRUE(resolved.competitions.empty());
  ASSERT_EQ(resolved.filters.competition_ids.size(), 1u);
  EXPECT_EQ(resolved.filters.competition_ids, kn::competition_ids(*store_, "ranzcr"));
  EXPECT_EQ(store_->count(resolved), 2);
  try {
    kn::resolve_competition_filters(*store_, kn::parse_query("competition:nosuchthing"));
    FAIL() << "no error";
  } catch (const kn::Error& e) {
    EXPECT_STREQ(e.what(),
                 "competition: 'nosuchthing': no competition matches (kn list --competition "
                 "lists them)");
    EXPECT_EQ(e.exit_code(), kn::kExitError);
  }
}

}  // namespace
