#include "kn/competition_story.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kn/error.hpp"

namespace {

kn::CompetitionRow row(std::string platform, std::string name, std::string url) {
  kn::CompetitionRow r;
  r.platform = std::move(platform);
  r.name = std::move(name);
  r.url = std::move(url);
  return r;
}

const std::vector<kn::CompetitionRow> kRows{
    row("Kaggle", "Google AI4Code – Understand Code in Python Notebooks",
        "https://www.kaggle.com/competitions/ai4code"),
    row("Kaggle", "NBME - Score Clinical Patient Notes",
        "https://www.kaggle.com/competitions/nbme-score-clinical-patient-notes"),
    row("Kaggle", "RSNA 2022 Cervical Spine Fracture Detection",
        "https://www.kaggle.com/competitions/rsna-2022-cervical-spine-fracture-detection"),
    row("Kaggle", "RSNA-STR Pulmonary Embolism Detection",
        "https://www.kaggle.com/competitions/rsna-str-pulmonary-embolism-detection"),
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
                  "Spine Fracture Detection",
                  "  Kaggle  rsna-str-pulmonary-embolism-detection  RSNA-STR Pulmonary Embolism "
                  "Detection"}));
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
}

}  // namespace
