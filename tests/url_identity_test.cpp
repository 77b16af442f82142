// Which addresses are one page for matching (model/url_identity.hpp).
#include "model/url_identity.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using kn::url_identity;

// Every form Kaggle has given a competition's front page is one page.
TEST(UrlIdentity, ACompetitionsFrontPageInEveryForm) {
  for (const char* url : {
           "https://www.kaggle.com/c/Foo-Bar",
           "https://www.kaggle.com/c/foo-bar/",
           "http://kaggle.com/c/foo-bar?utm_source=revue",
           "https://www.kaggle.com/competitions/foo-bar",
           "https://www.kaggle.com/competitions/foo-bar/overview",
           "https://www.kaggle.com/c/foo-bar/overview/",
           "https://www.kaggle.com/competitions/FOO-BAR#top",
       }) {
    EXPECT_EQ(url_identity(url), "kaggle.com/competitions/foo-bar") << url;
  }
  EXPECT_EQ(url_identity("https://signate.jp/competitions/580/"), "signate.jp/competitions/580");
}

// A sub-page is that page in either form, and never the front page.
TEST(UrlIdentity, ASubPageIsItsOwnPage) {
  const std::string discussion = "kaggle.com/competitions/foo/discussion/123";
  EXPECT_EQ(url_identity("https://www.kaggle.com/c/foo/discussion/123"), discussion);
  EXPECT_EQ(url_identity("https://www.kaggle.com/competitions/Foo/discussion/123/"), discussion);
  EXPECT_EQ(url_identity("https://www.kaggle.com/c/foo/discussion/123#456"), discussion);
  EXPECT_EQ(url_identity("https://www.kaggle.com/competitions/foo/overview/timeline"),
            "kaggle.com/competitions/foo/overview/timeline");
  EXPECT_EQ(url_identity("https://www.kaggle.com/c/foo/data?select=a.csv"),
            "kaggle.com/competitions/foo/data?select=a.csv");
  EXPECT_EQ(url_identity("https://signate.jp/competitions/580/data"),
            "signate.jp/competitions/580/data");
}

// One YouTube video, whatever its form and other parameters.
TEST(UrlIdentity, AYouTubeVideoInEveryForm) {
  for (const char* url : {
           "https://www.youtube.com/watch?v=a-B_9",
           "https://www.youtube.com/watch?feature=youtu.be&v=a-B_9",
           "https://m.youtube.com/watch?v=a-B_9&t=42s",
           "https://youtu.be/a-B_9",
           "https://youtu.be/a-B_9?t=3",
           "https://www.youtube.com/embed/a-B_9?start=3",
           "https://www.youtube-nocookie.com/embed/a-B_9",
           "https://www.youtube.com/shorts/a-B_9",
           "https://www.youtube.com/live/a-B_9",
       }) {
    EXPECT_EQ(url_identity(url), "youtube.com/watch?v=a-B_9") << url;
  }
  // Other pages of the site, and a parameter that only ends like v, keep
  // their own keys.
  EXPECT_EQ(url_identity("https://www.youtube.com/playlist?list=PL1"),
            "youtube.com/playlist?list=PL1");
  EXPECT_EQ(url_identity("https://www.youtube.com/user/kaggledotcom/videos"),
            "youtube.com/user/kaggledotcom/videos");
  EXPECT_EQ(url_identity("https://www.youtube.com/watch?dev=1"), "youtube.com/watch?dev=1");
  EXPECT_EQ(url_identity("https://notyoutube.com/watch?v=a"), "notyoutube.com/watch?v=a");
}

// Anything else is its url_key(): scheme, www., utm_ parameters, the
// fragment and a final '/' do not matter; the path's case does.
TEST(UrlIdentity, OtherAddressesAreTheirUrlKeys) {
  EXPECT_EQ(url_identity("https://www.GitHub.com/A/b/?utm_source=x#readme"), "github.com/A/b");
  EXPECT_EQ(url_identity("http://github.com/A/b"), "github.com/A/b");
  EXPECT_EQ(url_identity("https://www.kaggle.com/code/x/y"), "kaggle.com/code/x/y");
  EXPECT_EQ(url_identity("not a url"), "");
}

}  // namespace
