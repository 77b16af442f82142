#include "model/competition.hpp"

#include <gtest/gtest.h>

#include <string_view>

#include "extract/competition_name.hpp"

namespace {

struct Case {
  std::string_view url, platform, canonical;
  kn::CompetitionPage page;
};

using enum kn::CompetitionPage;

TEST(Competition, RecognizedUrls) {
  const Case cases[] = {
      {"https://www.kaggle.com/c/ranzcr-clip-catheter-line-classification", "Kaggle",
       "https://www.kaggle.com/competitions/ranzcr-clip-catheter-line-classification", front},
      {"https://www.kaggle.com/competitions/AI4Code", "Kaggle",
       "https://www.kaggle.com/competitions/ai4code", front},
      {"https://www.kaggle.com/c/ai4code/overview", "Kaggle",
       "https://www.kaggle.com/competitions/ai4code", front},
      {"https://www.kaggle.com/competitions/AI4Code/overview/timeline", "Kaggle",
       "https://www.kaggle.com/competitions/ai4code", other},
      {"https://kaggle.com/c/x/leaderboard", "Kaggle", "https://www.kaggle.com/competitions/x",
       other},
      {"https://www.kaggle.com/c/x/data?select=train.csv", "Kaggle",
       "https://www.kaggle.com/competitions/x", other},
      {"https://www.kaggle.com/c/petfinder-adoption-prediction/discussion/125436#731014", "Kaggle",
       "https://www.kaggle.com/competitions/petfinder-adoption-prediction", discussion},
      {"https://www.kaggle.com/c/x/discussion", "Kaggle", "https://www.kaggle.com/competitions/x",
       other},
      {"https://signate.jp/competitions/443", "SIGNATE", "https://signate.jp/competitions/443",
       front},
      {"https://www.guruguru.science/competitions/16/", "atmaCup",
       "https://www.guruguru.science/competitions/16", front},
      {"https://www.guruguru.science/competitions/13/discussions", "atmaCup",
       "https://www.guruguru.science/competitions/13", other},
      {"https://www.nishika.com/competitions/37/summary", "Nishika",
       "https://www.nishika.com/competitions/37", front},
      {"https://www.nishika.com/competitions/yasai_2022winter/summary", "Nishika",
       "https://www.nishika.com/competitions/yasai_2022winter", front},
      {"https://solafune.com/ja/competitions/7a1fc5e3-49bd", "Solafune",
       "https://solafune.com/competitions/7a1fc5e3-49bd", front},
      {"https://solafune.com/#/competitions/abc?menu=about", "Solafune",
       "https://solafune.com/competitions/abc", front},
      {"https://comp.probspace.com/competitions/kaokore_status", "ProbSpace",
       "https://comp.probspace.com/competitions/kaokore_status", front},
      {"https://prob.space/competitions/kaokore_status", "ProbSpace",
       "https://comp.probspace.com/competitions/kaokore_status", front},
      {"https://www.drivendata.org/competitions/57/nepal-earthquake/", "DrivenData",
       "https://www.drivendata.org/competitions/57", other},
      {"https://www.aicrowd.com/challenges/neurips-2021", "AIcrowd",
       "https://www.aicrowd.com/challenges/neurips-2021", front},
      {"https://zindi.africa/competitions/x", "Zindi", "https://zindi.africa/competitions/x",
       front},
      // Found by fuzz_url: a canonical URL on a host of its own must be
      // recognized too; the two CodaLab instances number separately.
      {"https://competitions.codalab.org/competitions/20127", "CodaLab",
       "https://competitions.codalab.org/competitions/20127", front},
      {"https://codalab.lisn.upsaclay.fr/competitions/2345#participate", "CodaLab",
       "https://codalab.lisn.upsaclay.fr/competitions/2345", front},
      {"https://www.topcoder.com/challenges/30123", "Topcoder",
       "https://www.topcoder.com/challenges/30123", front},
  };
  for (const Case& c : cases) {
    const auto link = kn::competition_of(c.url);
    ASSERT_TRUE(link.has_value()) << c.url;
    EXPECT_EQ(link->platform, c.platform) << c.url;
    EXPECT_EQ(link->url, c.canonical) << c.url;
    EXPECT_EQ(link->page, c.page) << c.url;
    const auto again = kn::competition_of(link->url);  // the canonical URL is one too
    ASSERT_TRUE(again.has_value()) << link->url;
    EXPECT_EQ(again->url, link->url);
  }
}

TEST(Competition, OtherUrlsAreNoCompetitions) {
  for (const std::string_view url :
       {"https://www.kaggle.com/competitions", "https://www.kaggle.com/c/",
        "https://www.kaggle.com/thirty-days-of-ml", "https://www.kaggle.com/philippsinger",
        "https://www.nishika.com/competitions/ranking", "https://signate.jp/features/tiering",
        "https://notkaggle.com/c/x", "https://kaggle.com.evil.org/c/x", "http://Preferred Networks",
        "https://solafune.com/?utm_campaign=x", "mailto:x@kaggle.com", ""}) {
    EXPECT_FALSE(kn::competition_of(url).has_value()) << url;
  }
}

TEST(Competition, Names) {
  EXPECT_EQ(kn::trim_brackets("「RANZCR CLiP」"), "RANZCR CLiP");
  EXPECT_EQ(kn::trim_brackets("『Kaggle本』"), "Kaggle本");
  EXPECT_EQ(kn::trim_brackets(" 「『x』」 "), "x");
  EXPECT_TRUE(kn::names_something("Kore 2022", "Kaggle"));
  for (const std::string_view generic : {"こちら", "here", "Kaggle", "1", "2, 3", ""}) {
    EXPECT_FALSE(kn::names_something(generic, "Kaggle")) << generic;
  }
}

}  // namespace
