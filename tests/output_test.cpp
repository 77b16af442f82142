#include "kn/output.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

kn::Issue sample() {
  kn::Issue issue;
  issue.source = "seeds/x.txt";
  issue.number = 66;
  issue.title = "Weekly Kaggle News #66";
  issue.url = "https://e.com/66";
  issue.date = kn::Date{2021, 3, 19};
  issue.date_estimated = true;
  issue.sections = {
      {kn::SectionKind::news, "News", {{"Colab \"Pro\"", {{"Colab", "https://colab.com"}}}}},
      {kn::SectionKind::other, "", {{"a", {}}, {"b", {}}}},
  };
  issue.cards = {{"T",
                  "https://t.com/a",
                  "t.com",
                  "https://img/1.png?1",
                  "blurb",
                  "comment",
                  {{"l", "https://l.com"}}},
                 {"U", "https://u.com", "u.com", std::nullopt, "", "", {}}};
  issue.embeds = {{"https://youtu.be/x", "video", {}}};
  return issue;
}

TEST(Output, IssueJson) {
  EXPECT_EQ(kn::issue_json(sample()),
            R"({"source":"seeds/x.txt","number":66,"title":"Weekly Kaggle News #66",)"
            R"("url":"https://e.com/66","date":"2021-03-19","date_estimated":true,)"
            R"("sections":[{"kind":"news","heading":"News","items":[{"text":"Colab \"Pro\"",)"
            R"("links":[{"text":"Colab","url":"https://colab.com"}]}]},)"
            R"({"kind":"other","heading":"","items":[{"text":"a","links":[]},)"
            R"({"text":"b","links":[]}]}],)"
            R"("cards":[{"title":"T","url":"https://t.com/a","domain":"t.com",)"
            R"("image":"https://img/1.png?1","blurb":"blurb","comment":"comment",)"
            R"("links":[{"text":"l","url":"https://l.com"}]},)"
            R"({"title":"U","url":"https://u.com","domain":"u.com","image":null,"blurb":"",)"
            R"("comment":"","links":[]}],)"
            R"("embeds":[{"url":"https://youtu.be/x","comment":"video","links":[]}]})");
}

TEST(Output, IssueJsonWithoutDate) {
  kn::Issue issue;
  issue.number = 1;
  EXPECT_EQ(kn::issue_json(issue),
            R"({"source":"","number":1,"title":"","url":"","date":null,"date_estimated":false,)"
            R"("sections":[],"cards":[],"embeds":[]})");
}

TEST(Output, IssueSummary) {
  EXPECT_EQ(kn::issue_summary(sample()),
            "seeds/x.txt\n"
            "  #66 Weekly Kaggle News #66, 2021-03-19 (estimated)\n"
            "  https://e.com/66\n"
            "  news                   News                     1 item\n"
            "  other                  (no heading)             2 items\n"
            "  2 cards, 1 embed\n");
}

TEST(Output, PrintableDropsControlCharacters) {
  EXPECT_EQ(kn::printable("a\x1b[31mred\x07\r\n\tb\x7f\u0085\u009bc日本\u00a0é"),
            "a[31mredbc日本\u00a0é");
  kn::Issue issue = sample();
  issue.title = "Evil \x1b]0;pwned\x07 #66";
  issue.sections.clear();
  EXPECT_EQ(kn::issue_summary(issue).substr(0, 41), "seeds/x.txt\n  #66 Evil ]0;pwned #66, 2021");
}

}  // namespace
