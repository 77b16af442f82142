#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "archive_fixture.hpp"
#include "store/lists.hpp"

namespace {

class StoreListsTest : public kn::testing::ArchiveTest {};

TEST_F(StoreListsTest, Issues) {
  const auto issues = kn::list_issues(*store_, {});
  ASSERT_EQ(issues.size(), 14u);
  EXPECT_EQ(issues[0].number, 1);
  EXPECT_EQ(issues[0].items, 5);
  EXPECT_EQ(issues[0].cards, 3);
  EXPECT_EQ(issues[2].number, 18);
  EXPECT_TRUE(issues[2].date_estimated);
  EXPECT_EQ(issues[2].date, "2020-04-16");
  kn::Filters f;
  f.dates = {{"2022-01-01", ""}};
  EXPECT_EQ(kn::list_issues(*store_, f).size(), 6u);
}

TEST_F(StoreListsTest, LinksAndDomains) {
  kn::Filters github;
  github.domains = {"github.com"};
  const auto links = kn::list_links(*store_, github);
  ASSERT_FALSE(links.empty());
  for (const auto& link : links) {
    EXPECT_TRUE(link.url.starts_with("https://github.com/")) << link.url;
  }
  const auto all = kn::list_links(*store_, {});
  EXPECT_EQ(all[0].url, "http://www.recsyschallenge.com/2021/");
  EXPECT_EQ(all[0].text, "RecSys Challenge 2021");
  EXPECT_EQ(all[0].cited, 2);
  EXPECT_EQ(all[0].issues, (std::vector<int>{66, 84}));
  const auto domains = kn::list_domains(*store_, {});
  ASSERT_GE(domains.size(), 3u);
  EXPECT_EQ(domains[0].domain, "kaggle.com");
  EXPECT_EQ(domains[0].links, 51);
  EXPECT_EQ(domains[0].cards, 0);
  EXPECT_EQ(domains[1].domain, "qiita.com");
  EXPECT_EQ(domains[1].links + domains[1].cards, 15);
}

}  // namespace
