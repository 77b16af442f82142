#include "kn/hit_format.hpp"

#include <gtest/gtest.h>

#include <string>

#include "kn/terminal.hpp"

namespace {

kn::Hit sample_hit() {
  kn::Hit hit;
  hit.issue = 66;
  hit.position = 9;
  hit.date = "2021-03-19";
  hit.date_estimated = true;
  hit.section = "links";
  hit.kind = "card";
  hit.title = "SIGNATE 鰹節コンペ\t2nd";
  hit.url = "https://www.slideshare.net/x";
  hit.body = "body";
  hit.snippet = "…SIGNATE \x02鰹節\x03コンペ\n2nd\x1b[2J…";
  hit.score = -1.5;
  return hit;
}

TEST(HitFormat, HitTitle) {
  kn::Hit hit = sample_hit();
  EXPECT_EQ(kn::hit_title(hit), "SIGNATE 鰹節コンペ\t2nd");
  hit.title.clear();
  hit.kind = "item";
  hit.body =
      "Kaggle「RANZCR CLiP - Catheter and Line Position Challenge」コンペが16日に終わりました。";
  EXPECT_EQ(kn::hit_title(hit), "Kaggle「RANZCR CLiP - Catheter and Line P…");  // 40 characters
  hit.kind = "embed";
  hit.comment = "";
  EXPECT_EQ(kn::hit_title(hit), "https://www.slideshare.net/x");
}

TEST(HitFormat, HitTsv) {
  EXPECT_EQ(kn::hit_tsv(sample_hit()),
            "66\t2021-03-19\tlinks\tcard\tSIGNATE 鰹節コンペ 2nd\thttps://www.slideshare.net/x\t"
            "…SIGNATE 鰹節コンペ 2nd[2J…\n");
  kn::Hit plain = sample_hit();
  plain.snippet.clear();  // a query of filters only: the start of the text
  plain.date.reset();
  EXPECT_EQ(kn::hit_tsv(plain),
            "66\t\tlinks\tcard\tSIGNATE 鰹節コンペ 2nd\thttps://www.slideshare.net/x\tbody\n");
}

TEST(HitFormat, HitJson) {
  EXPECT_EQ(kn::hit_json(sample_hit()),
            R"({"issue":66,"date":"2021-03-19","date_estimated":true,"section":"links",)"
            R"("heading":"","kind":"card","title":"SIGNATE 鰹節コンペ\t2nd",)"
            R"("url":"https://www.slideshare.net/x","snippet":"…SIGNATE 鰹節コンペ 2nd[2J…",)"
            R"("score":-1.5})"
            "\n");
}

TEST(HitFormat, HitForTerminal) {
  EXPECT_EQ(kn::hit_for_terminal(sample_hit(), 80, false),
            "#66 ~2021-03-19 links card\n"
            "  SIGNATE 鰹節コンペ2nd\n"
            "  https://www.slideshare.net/x\n"
            "  …SIGNATE 鰹節コンペ 2nd[2J…\n");
  EXPECT_EQ(kn::hit_for_terminal(sample_hit(), 80, true),
            "\033[2m#66 ~2021-03-19 links card\033[0m\n"
            "  \033[1mSIGNATE 鰹節コンペ2nd\033[0m\n"
            "  \033[36mhttps://www.slideshare.net/x\033[0m\n"
            "  …SIGNATE \033[1;31m鰹節\033[0mコンペ 2nd[2J…\n");
}

TEST(HitFormat, HitForANarrowTerminal) {
  kn::Hit hit = sample_hit();
  hit.snippet =
      "機械学習\x02モデル\x03の判断根拠の説明についてのまとめスライドです。とても長い文章が続きます"
      "。";
  // 16 columns: 2 for the indent, 14 for text, wide characters counting 2.
  EXPECT_EQ(kn::hit_for_terminal(hit, 16, false),
            "#66 ~2021-03-19…\n"
            "  SIGNATE 鰹節…\n"
            "  https://www.s…\n"
            "  機械学習モデル\n"
            "  の判断根拠の説\n"
            "  明についての…\n");
  for (const std::size_t width : {16u, 17u, 23u, 40u}) {
    const std::string out = kn::hit_for_terminal(hit, width, true);
    std::size_t start = 0;
    for (std::size_t end = out.find('\n'); end != std::string::npos;
         start = end + 1, end = out.find('\n', start)) {
      std::string line = out.substr(start, end - start);
      for (std::size_t esc; (esc = line.find('\033')) != std::string::npos;) {
        line.erase(esc, line.find('m', esc) - esc + 1);
      }
      EXPECT_LE(kn::display_width(line), width) << line;
    }
  }
}

}  // namespace
