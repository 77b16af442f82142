#include "render/hit_format.hpp"

#include <gtest/gtest.h>

#include <string>

#include "render/cells.hpp"
#include "render/terminal.hpp"

namespace {

kn::Hit sample_hit() {
  kn::Hit hit;
  hit.issue = 66;
  hit.position = 9;
  hit.date = "2021-03-19";
  hit.date_estimated = true;
  hit.section = "links";
  hit.kind = kn::EntryKind::card;
  hit.title = "SIGNATE 鰹節コンペ\t2nd";
  hit.url = "https://www.slideshare.net/x";
  hit.body = "body";
  hit.snippet = "…SIGNATE \x02鰹節\x03コンペ\n2nd\x1b[2J…";
  hit.score = -1.5;
  hit.source = "/a/66.md";
  hit.links = {{"a", "https://a.jp/"}};
  return hit;
}

TEST(HitFormat, HitTitleIsTheRealOneOrNone) {
  kn::Hit hit = sample_hit();
  EXPECT_EQ(kn::hit_title(hit), "SIGNATE 鰹節コンペ\t2nd");
  hit.title.clear();
  hit.kind = kn::EntryKind::item;
  hit.body =
      "Kaggle「RANZCR CLiP - Catheter and Line Position Challenge」コンペが16日に終わりました。";
  EXPECT_EQ(kn::hit_title(hit), "");  // never a cut copy of the text
  hit.marked = true;
  hit.title = "a \x02match\x03";
  EXPECT_EQ(kn::hit_title(hit), "a match");
}

TEST(HitFormat, HitTsv) {
  EXPECT_EQ(kn::hit_tsv(sample_hit()),
            "66\t2021-03-19\tlinks\tcard\tSIGNATE 鰹節コンペ 2nd\thttps://www.slideshare.net/x\t"
            "…SIGNATE 鰹節コンペ 2nd[2J…\t66.10\t\n");
  kn::Hit plain = sample_hit();
  plain.snippet.clear();  // a query of filters only: the start of the text
  plain.date.reset();
  EXPECT_EQ(
      kn::hit_tsv(plain),
      "66\t\tlinks\tcard\tSIGNATE 鰹節コンペ 2nd\thttps://www.slideshare.net/x\tbody\t66.10\t\n");
}

TEST(HitFormat, HitJson) {
  EXPECT_EQ(
      kn::hit_json(sample_hit()),
      R"({"issue":66,"ref":"66.10","source":"/a/66.md","date":"2021-03-19","date_estimated":true,"section":"links",)"
      R"("heading":"","kind":"card","title":"SIGNATE 鰹節コンペ\t2nd",)"
      R"("url":"https://www.slideshare.net/x","links":[{"text":"a","url":"https://a.jp/"}],)"
      R"("competitions":[],)"
      R"("snippet":"…SIGNATE 鰹節コンペ 2nd[2J…",)"
      R"("score":-1.5})"
      "\n");
}

kn::Rendering width(std::size_t cells, bool color = false) {
  kn::Rendering render;
  render.width = cells;
  render.color = color;
  return render;
}

TEST(HitFormat, HitForTerminal) {
  EXPECT_EQ(kn::hit_for_terminal(sample_hit(), width(80)),
            "#66.10 ~2021-03-19 links · card\n"
            "  SIGNATE 鰹節コンペ 2nd\n"
            "  https://www.slideshare.net/x\n"
            "  …SIGNATE 鰹節コンペ 2nd[2J…\n");
  EXPECT_EQ(kn::hit_for_terminal(sample_hit(), width(80, true)),
            "\033[2m#66.10 ~2021-03-19 links · card\033[0m\n"
            "  \033[1mSIGNATE 鰹節コンペ 2nd\033[0m\n"
            "  \033[36mhttps://www.slideshare.net/x\033[0m\n"
            "  …SIGNATE \033[1;31m鰹節\033[0mコンペ 2nd[2J…\n");
}

// Every match is highlighted, in the title too; an item shows its heading,
// and its snippet takes the title's line.
TEST(HitFormat, MarkedHitsHighlightTitlesAndEveryMatch) {
  kn::Hit hit = sample_hit();
  hit.marked = true;
  hit.snippet.clear();
  hit.title = "\x02PyTorch\x03 Lightning";
  hit.body = "a \x02PyTorch\x03 b \x02PyTorch\x03";
  EXPECT_EQ(kn::hit_for_terminal(hit, width(80, true)),
            "\033[2m#66.10 ~2021-03-19 links · card\033[0m\n"
            "  \033[1m\033[1;31mPyTorch\033[0m\033[1m Lightning\033[0m\n"
            "  \033[36mhttps://www.slideshare.net/x\033[0m\n"
            "  a \033[1;31mPyTorch\033[0m b \033[1;31mPyTorch\033[0m\n");
  hit.kind = kn::EntryKind::item;
  hit.title.clear();
  hit.heading = "News & Competitions";
  hit.body = std::string(300, 'x') + " \x02GPU\x03 " + std::string(300, 'y');
  const std::string out = kn::hit_for_terminal(hit, width(40));
  EXPECT_EQ(out.substr(0, out.find('\n')), "#66.10 ~2021-03-19 News & Competitions ·");
  EXPECT_NE(out.find("xxx GPU\n"), std::string::npos) << out;  // the window holds the match
}

TEST(HitFormat, HitForANarrowTerminal) {
  kn::Hit hit = sample_hit();
  hit.snippet =
      "機械学習\x02モデル\x03の判断根拠の説明についてのまとめスライドです。とても長い文章が続きます"
      "。";
  EXPECT_EQ(kn::hit_for_terminal(hit, width(20)),
            "#66.10 ~2021-03-19\n"
            "links · card\n"
            "  SIGNATE 鰹節コンペ\n"
            "  2nd\n"
            "https://www.slideshare.net/x\n"  // whole, unindented: wider than the room
            "  機械学習モデルの判\n"
            "  断根拠の説明につい\n"
            "  てのまとめスライ…\n");
  for (const std::size_t cells : {20u, 23u, 40u}) {
    const std::string out = kn::hit_for_terminal(hit, width(cells, true));
    std::size_t start = 0;
    for (std::size_t end = out.find('\n'); end != std::string::npos;
         start = end + 1, end = out.find('\n', start)) {
      std::string line = out.substr(start, end - start);
      for (std::size_t esc; (esc = line.find('\033')) != std::string::npos;) {
        line.erase(esc, line.find('m', esc) - esc + 1);
      }
      if (line.find("https://") == std::string::npos) {
        EXPECT_LE(kn::display_width(line), cells) << line;
      }
    }
  }
}

// References read back as kn prints them; anything else is none.
TEST(EntryRef, ReadsWhatItPrints) {
  EXPECT_EQ(kn::parse_entry_ref("66.9"), (kn::EntryRef{66, 9, 0}));
  EXPECT_EQ(kn::parse_entry_ref("#66.9/2"), (kn::EntryRef{66, 9, 2}));
  EXPECT_EQ(kn::parse_entry_ref("66.9/2")->to_string(), "66.9/2");
  for (const char* bad : {"66", "66.", ".9", "66.0", "66.9/", "66.9/0", "66.9x", "66.-1", "a.1",
                          "66.9/2/3", "66..9", "99999999999.1"}) {
    EXPECT_FALSE(kn::parse_entry_ref(bad)) << bad;
  }
  kn::Hit hit;
  hit.issue = 7;
  hit.position = 0;
  EXPECT_EQ(kn::entry_ref(hit).to_string(), "7.1");
  hit.copy = 2;
  hit.copies = 3;
  EXPECT_EQ(kn::entry_ref(hit).to_string(), "7.1/2");
}

}  // namespace
