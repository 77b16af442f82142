#include "store/stats.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "archive_fixture.hpp"

namespace {

class StatsTest : public kn::testing::ArchiveTest {};

TEST_F(StatsTest, CountsOfTheArchive) {
  const kn::Stats stats = kn::archive_stats(*store_);
  EXPECT_EQ(stats.issues, 14);
  EXPECT_EQ(stats.first_date, "2019-12-20");
  EXPECT_EQ(stats.last_date, "2022-12-30");
  EXPECT_EQ(stats.entries, 158);
  EXPECT_EQ(stats.items, 57);
  EXPECT_EQ(stats.cards, 96);
  EXPECT_EQ(stats.embeds, 5);
  EXPECT_EQ(stats.links, 178);
  EXPECT_EQ(stats.domains, 111);  // "http://Preferred Networks" has no host
  EXPECT_EQ(stats.competitions, 42);
  ASSERT_FALSE(stats.sections.empty());
  EXPECT_EQ(stats.sections[0].key, "links");
  EXPECT_EQ(stats.sections[0].value, 101);
  EXPECT_GT(stats.database_bytes, 0);

  const kn::Breakdown years = kn::archive_breakdown(*store_, kn::Dimension::year);
  EXPECT_EQ(years.columns, (std::vector<std::string>{"issues", "entries", "cards"}));
  ASSERT_EQ(years.rows.size(), 4u);
  EXPECT_EQ(years.rows[0].first, "2019");
  EXPECT_EQ(years.rows[0].second, (std::vector<std::int64_t>{1, 8, 3}));
  const kn::Breakdown platforms = kn::archive_breakdown(*store_, kn::Dimension::platform);
  EXPECT_EQ(platforms.rows[0].first, "Kaggle");
  EXPECT_EQ(platforms.rows[0].second[0], 27);
}

}  // namespace
