// Nicknames: what the archive says readers call a competition (通称, a
// 「…コンペ」 by its link, a card's title), found by kn competition and the
// competition: filter; and the archive's words as a last resort, said aloud.
#include "extract/nickname.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kn_binary.hpp"
#include "synthetic_issue.hpp"

namespace {

using kn::Link;
using kn::testing::Result;

const std::string kPressure = "https://www.kaggle.com/c/ventilator-pressure-prediction";
const std::string kBirds = "https://www.kaggle.com/c/birdsong-recognition";
const std::string kWheat = "https://www.kaggle.com/c/global-wheat-detection";

// The nicknames links[index] gives its competition.
std::vector<std::string> nicknames(const std::string& text, const std::vector<Link>& links,
                                   std::size_t index = 0) {
  const kn::Paragraph paragraph(text, links);
  std::vector<std::string> out;
  for (const kn::Nickname& nickname : kn::paragraph_nicknames(paragraph)) {
    if (nickname.competition == kn::competition_of(links[index].url)->url) {
      out.push_back(nickname.name);
    }
  }
  return out;
}

using Names = std::vector<std::string>;

TEST(Nickname, AfterTsushoInEachForm) {
  const std::vector<Link> pressure{{"Google Brain - Ventilator Pressure Prediction", kPressure}};
  EXPECT_EQ(nicknames("Kaggle「Google Brain - Ventilator Pressure Prediction(通称: 圧力コンペ)」"
                      "が終わりました。",
                      pressure),
            Names{"圧力コンペ"});
  EXPECT_EQ(nicknames("Google Brain - Ventilator Pressure Prediction（通称：圧力コンペ）が終わり"
                      "ました。",
                      pressure),
            Names{"圧力コンペ"});
  EXPECT_EQ(nicknames("Google Brain - Ventilator Pressure Prediction（通称圧力コンペ）の解法です。",
                      pressure),
            Names{"圧力コンペ"});
  EXPECT_EQ(nicknames("Google Brain - Ventilator Pressure Predictionは通称「圧力コンペ」と呼ばれ"
                      "ます。",
                      pressure),
            Names{"圧力コンペ"});
  // 通称 names the competition before it, not the one after.
  const std::vector<Link> two{{"Cornell Birdcall Identification", kBirds},
                              {"Global Wheat Detection", kWheat}};
  const std::string text =
      "Cornell Birdcall Identification(通称：鳥コンペ)とGlobal Wheat Detectionが終わりました。";
  EXPECT_EQ(nicknames(text, two, 0), Names{"鳥コンペ"});
  EXPECT_EQ(nicknames(text, two, 1), Names{});
}

TEST(Nickname, ABracketedKonpeByOneCompetitionsLink) {
  // Holding the link, or before it in the sentence.
  EXPECT_EQ(nicknames("Kaggle「鳥コンペ」の振り返りです。", {{"鳥コンペ", kBirds}}),
            Names{"鳥コンペ"});
  EXPECT_EQ(nicknames("「小麦コンペ」ことGlobal Wheat Detectionが終わりました。",
                      {{"Global Wheat Detection", kWheat}}),
            Names{"小麦コンペ"});
  // Before links to two competitions: neither's.
  EXPECT_EQ(
      nicknames("「画像コンペ」としてGlobal Wheat DetectionとCornell Birdcall "
                "Identificationが終わりました。",
                {{"Global Wheat Detection", kWheat}, {"Cornell Birdcall Identification", kBirds}}),
      Names{});
  // コンペ alone, or a 「」 that does not end in コンペ, is no nickname.
  EXPECT_EQ(nicknames("「コンペ」が終わりました: Global Wheat Detection。",
                      {{"Global Wheat Detection", kWheat}}),
            Names{});
}

TEST(Nickname, ACardTitlesLeadingKonpe) {
  EXPECT_EQ(kn::nickname_from_title("鳥コンペ反省会"), "鳥コンペ");
  EXPECT_EQ(kn::nickname_from_title("SIGNATE 鰹節コンペ2nd Place Solution"), "鰹節コンペ");
  EXPECT_EQ(kn::nickname_from_title("Kaggle H&Mコンペ振り返り"), "H&Mコンペ");
  EXPECT_EQ(
      kn::nickname_from_title("実務でレコメンドをやっているのでKaggle H&Mコンペに参加しました"),
      "");
  EXPECT_EQ(kn::nickname_from_title("Kaggleのコンペで勝つ方法"), "");
  EXPECT_EQ(kn::nickname_from_title("コンペ反省会"), "");
  EXPECT_EQ(kn::nickname_from_title("Birdcall Identification"), "");
}

using kn::testing::card;
using kn::testing::issue;

class NicknameCommandTest : public kn::testing::KnTest {
 protected:
  void SetUp() override {
    write("a/1.md",
          issue(1, "<p>Kaggle「<a href=\"" + kPressure +
                       "\">Google Brain - Ventilator Pressure Prediction</a>」(通称: 圧力コンペ)"
                       "が始まりました。</p>"
                       "<p>Kaggle「<a href=\"" +
                       kBirds +
                       "\">Cornell Birdcall Identification</a>」が始まりました。</p>"
                       "<p>Kaggle「<a href=\"" +
                       kWheat + "\">Global Wheat Detection</a>」が始まりました。</p>"));
    write("a/2.md",
          issue(2,
                "<p>「画像コンペ」として<a href=\"" + kWheat +
                    "\">Global Wheat Detection</a>"
                    "の解法が公開されました。</p>"
                    "<p>「画像コンペ」として<a href=\"" +
                    kBirds + "\">Cornell Birdcall Identification</a>の解法も公開されました。</p>",
                card("鳥コンペ反省会", "https://connpass.com/event/1/",
                     "<a href=\"" + kBirds +
                         "\">Cornell Birdcall Identification</a>の反省会です。")));
    write("a/3.md", issue(3, "<p>麦の穂を数える<a href=\"" + kWheat +
                                 "\">Global Wheat Detection</a>"
                                 "は麦の画像の課題でした。</p><p>麦の穂の解説<a href=\"" +
                                 kWheat +
                                 "\">記事</a>も出ました。</p>"
                                 "<p>麦の穂の別の話題も<a href=\"" +
                                 kBirds + "\">ここ</a>にあります。</p>"));
    db_ = (dir_ / "kn.db").string();
    ASSERT_EQ(kn("index -q --db '" + db_ + "' '" + (dir_ / "a").string() + "'").status, 0);
  }
  Result run(const std::string& args) { return kn(args + " --db '" + db_ + "'"); }
  std::string db_;
};

// Each competition's nicknames, in kn list --competition's aliases.
TEST_F(NicknameCommandTest, ListShowsNicknamesButNotSharedPhrases) {
  // Mentioned first in one issue, they are in name order. A link to a
  // competition's front page is no write-up: the card of 鳥コンペ反省会 is.
  EXPECT_EQ(run("list --competition --format tsv").out,
            "Kaggle\tCornell Birdcall Identification\t"
            "https://www.kaggle.com/competitions/birdsong-recognition\t1\t\t3\t\t4\t1\t鳥コンペ\n"
            "Kaggle\tGlobal Wheat Detection\t"
            "https://www.kaggle.com/competitions/global-wheat-detection\t1\t\t3\t\t4\t0\t\n"
            "Kaggle\tGoogle Brain - Ventilator Pressure Prediction\t"
            "https://www.kaggle.com/competitions/ventilator-pressure-prediction\t1\t\t1\t\t1\t0\t"
            "圧力コンペ\n");
  EXPECT_NE(run("list --competition --format json").out.find(R"("aliases":["鳥コンペ"])"),
            std::string::npos);
}

// A nickname finds its competition as a name does: kn competition, the
// competition: filter and --competition.
TEST_F(NicknameCommandTest, ANicknameFindsItsCompetition) {
  const Result story = run("competition 圧力コンペ --format tsv");
  EXPECT_EQ(story.status, 0) << story.err;
  EXPECT_EQ(story.err, "");
  EXPECT_EQ(story.out.substr(0, 2), "1\t");
  EXPECT_EQ(run("search --count competition:鳥コンペ").out, "4\n");
  EXPECT_EQ(run("search --count --competition 鳥コンペ").out, "4\n");
  // A shared phrase is nobody's nickname: its words decide, and here they
  // do not (one entry each).
  const Result shared = run("competition 画像コンペ");
  EXPECT_EQ(shared.status, 2);
  EXPECT_EQ(shared.err,
            "kn: no competition is called '画像コンペ'; the 2 entries saying it link to 2 "
            "competitions; say which:\n"
            "  Kaggle  birdsong-recognition  Cornell Birdcall Identification  (#1 .. #3, 4 "
            "mentions; linked by 1 of the 2 entries)\n"
            "  Kaggle  global-wheat-detection  Global Wheat Detection  (#1 .. #3, 4 mentions; "
            "linked by 1 of the 2 entries)\n");
}

// With no name or nickname, the entries saying the words decide when 2/3
// of them link to one competition, and kn says so; the filter never
// guesses.
TEST_F(NicknameCommandTest, TheArchivesWordsDecideAloud) {
  const Result guessed = run("competition 麦の穂 --format tsv");
  EXPECT_EQ(guessed.status, 0);
  EXPECT_EQ(guessed.err,
            "kn: no competition is called '麦の穂'; showing the one that 2 of the 3 entries "
            "saying it link to\n");
  EXPECT_NE(guessed.out.find("global-wheat-detection"), std::string::npos) << guessed.out;
  const Result filter = run("search competition:麦の穂");
  EXPECT_EQ(filter.status, 2);
  EXPECT_EQ(filter.err,
            "kn: competition: no competition is called '麦の穂' (2 of the 3 entries saying "
            "it link to this one); say it by its name or slug:\n"
            "  Kaggle  global-wheat-detection  Global Wheat Detection  (#1 .. #3, 4 mentions)\n");
  const Result none = run("competition 存在しない言葉");
  EXPECT_EQ(none.status, 1);
}

}  // namespace
