#include "render/issue_json.hpp"

#include <gtest/gtest.h>

#include <string>

#include "sample_issue.hpp"

namespace {

TEST(IssueJson, IssueJson) {
  EXPECT_EQ(kn::issue_json(kn::testing::sample_issue()),
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

TEST(IssueJson, IssueJsonWithoutDate) {
  kn::Issue issue;
  issue.number = 1;
  EXPECT_EQ(kn::issue_json(issue),
            R"({"source":"","number":1,"title":"","url":"","date":null,"date_estimated":false,)"
            R"("sections":[],"cards":[],"embeds":[]})");
}

}  // namespace
