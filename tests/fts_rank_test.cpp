// kn_bm25 ranks exactly as FTS5's bm25, from the sizes it keeps.
#include <gtest/gtest.h>

#include <algorithm>

#include "archive_fixture.hpp"
#include "store/fts/rank.hpp"
#include "store/internal.hpp"
#include "test_support.hpp"

namespace {

class FtsRankTest : public kn::testing::ArchiveTest {};

TEST_F(FtsRankTest, ScoresAreFts5sBm25ForEveryMatch) {
  kn::Database& db = kn::detail::database(*store_);
  // The store loads the sizes for its own searches; run one first.
  store_->search(kn::parse_query("PyTorch"), {});
  int rows = 0;
  for (const char* match : {"\"pytorch\"", "\"解法\"", "\"kaggle\" AND \"コン\" \"ンペ\"", "\"画\"",
                            "\"data\" + \"augmentation\""}) {
    kn::Statement scores(db,
                         "SELECT bm25(entries_fts, 1.0, 1.0, 4.0), kn_bm25(entries_fts, 1.0, "
                         "1.0, 4.0) FROM entries_fts WHERE entries_fts MATCH ?1");
    scores.bind(1, match);
    while (scores.step()) {
      ++rows;
      EXPECT_DOUBLE_EQ(sqlite3_column_double(scores.handle(), 0),
                       sqlite3_column_double(scores.handle(), 1))
          << match;
    }
  }
  EXPECT_GT(rows, 50);
}

// kn_phrase_scan's scores are kn_bm25's to the last bit, row for row; it
// declines a query of two phrases and is not called when nothing matches.
TEST_F(FtsRankTest, PhraseScanScoresEachMatchAsKnBm25) {
  kn::Database& db = kn::detail::database(*store_);
  store_->search(kn::parse_query("PyTorch"), {});
  const auto scan = [&](const char* match) {
    kn::detail::PhraseScan out;
    out.weights = {1.0, 1.0, 4.0};
    kn::Statement statement(db,
                            "SELECT kn_phrase_scan(entries_fts, ?2) FROM entries_fts WHERE "
                            "entries_fts MATCH ?1 LIMIT 1");
    statement.bind(1, match);
    sqlite3_bind_pointer(statement.handle(), 2, &out, kn::detail::kPhraseScanType, nullptr);
    statement.step();
    return out;
  };
  for (const char* match : {"\"pytorch\"", "\"解法\"", "\"コン\" + \"ンペ\"", "\"画\"", "\"画\"*",
                            "\"data\" + \"science\""}) {
    const kn::detail::PhraseScan out = scan(match);
    EXPECT_TRUE(out.ran && out.one_phrase) << match;
    std::vector<std::pair<std::int64_t, double>> want, got;
    kn::Statement scores(db,
                         "SELECT rowid, kn_bm25(entries_fts, 1.0, 1.0, 4.0) FROM entries_fts "
                         "WHERE entries_fts MATCH ?1");
    scores.bind(1, match);
    while (scores.step()) {
      want.emplace_back(scores.column_int(0), sqlite3_column_double(scores.handle(), 1));
    }
    for (const auto& row : out.rows) got.emplace_back(row.rowid, row.score);
    EXPECT_GT(want.size(), 2u) << match;
    EXPECT_EQ(got, want) << match;
  }
  const kn::detail::PhraseScan two = scan("\"kaggle\" AND \"pytorch\"");
  EXPECT_TRUE(two.ran);
  EXPECT_FALSE(two.one_phrase);
  EXPECT_TRUE(two.rows.empty());
  EXPECT_FALSE(scan("\"zzqqxx\"").ran);
}

TEST_F(FtsRankTest, SizesMatchTheIndexAndCheckSaysSo) {
  const kn::CheckResult result = store_->check();
  EXPECT_EQ(result.problem_count(), 0u);
  kn::Database& db = kn::detail::database(*store_);
  db.exec("UPDATE entry_sizes SET sizes = zeroblob(2048) WHERE chunk = 0");
  const kn::CheckResult broken = store_->check();
  EXPECT_GT(broken.problem_count(), 0u);
  EXPECT_NE(broken.problems().front().find("ranked as 0 tokens, the full-text index holds"),
            std::string::npos)
      << broken.problems().front();
  kn::detail::record_entry_sizes(db, 0);  // what sync_index writes, again
  EXPECT_EQ(store_->check().problem_count(), 0u);
}

// Each row of entry_sizes lands at its chunk's place, a short one
// leaving the rest of its chunk unknown (0), the array sized by the last.
TEST(EntrySizes, ChunksAreReadIntoTheirPlaces) {
  kn::testing::TempDir dir;
  kn::Store store(dir / "kn.db", kn::Store::Access::read_write);
  kn::Database& db = kn::detail::database(store);
  // The last entry is 2049, in chunk 2; chunk 2097151 lies beyond it (a
  // crafted row once sized the array to 4 GB) and is left out.
  db.exec(
      "INSERT INTO issues (id, number, title, url, date_estimated, source, hash, size, mtime_ns, "
      "indexed_at, items, cards, embeds) VALUES (1, 1, 't', 'u', 0, 's', 'h', 0, 0, '', 0, 0, 1); "
      "INSERT INTO entries (id, issue_id, position, section_kind, section_heading, kind, title, "
      "body, comment) VALUES (2049, 1, 0, 'links', '', 'embed', '', '', ''); "
      "INSERT INTO entry_sizes (chunk, sizes) VALUES (0, x'0100ff00'), (2, x'05000201'), "
      "(2097151, x'0100')");
  kn::detail::EntrySizes sizes;
  kn::detail::load_entry_sizes(db, sizes);
  ASSERT_EQ(sizes.tokens.size(), 3u * 1024);
  EXPECT_EQ(sizes.tokens[0], 1);
  EXPECT_EQ(sizes.tokens[1], 255);
  EXPECT_EQ(sizes.tokens[2], 0);
  EXPECT_EQ(sizes.tokens[1024], 0);
  EXPECT_EQ(sizes.tokens[2048], 5);
  EXPECT_EQ(sizes.tokens[2049], 258);
  EXPECT_EQ(std::count(sizes.tokens.begin(), sizes.tokens.end(), 0), 3 * 1024 - 4);
}

}  // namespace
