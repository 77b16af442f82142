// Entry facts (store_facts.hpp): filters tested in memory find what the
// filters mean, stay true as the store grows, are checked, and come to an
// older database by its upgrade.
#include <fmt/core.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "archive_fixture.hpp"
#include "kn/error.hpp"
#include "kn/extract.hpp"
#include "kn/query.hpp"
#include "sqlite/sqlite.hpp"
#include "store/facts.hpp"
#include "store/internal.hpp"

namespace {

using kn::Store;
using kn::testing::ArchiveTest;
using kn::testing::TempDir;

// What a filter means, read off a hit: the oracle the store must agree with.
bool passes(const kn::Filters& f, const kn::Hit& hit) {
  if (!f.sections.empty() &&
      std::find(f.sections.begin(), f.sections.end(), hit.section) == f.sections.end()) {
    return false;
  }
  if (!f.dates.empty() && !hit.date) return false;
  if (!f.dates.empty() && std::none_of(f.dates.begin(), f.dates.end(), [&](const kn::DateRange& r) {
        return (r.since.empty() || *hit.date >= r.since) &&
               (r.until.empty() || *hit.date <= r.until);
      })) {
    return false;
  }
  return f.issues.empty() || std::any_of(f.issues.begin(), f.issues.end(), [&](const auto& r) {
           return hit.issue >= r.first && hit.issue <= r.second;
         });
}

std::vector<std::int64_t> ids(const std::vector<kn::Hit>& hits) {
  std::vector<std::int64_t> out;
  for (const kn::Hit& hit : hits) out.push_back(hit.entry_id);
  return out;
}

using FactsArchiveTest = ArchiveTest;

// A filtered search ranks as the unfiltered one with the other hits taken
// out, page by page, and counts what it finds; one word, a phrase, a
// prefix and two words (which are ranked another way) alike.
TEST_F(FactsArchiveTest, FilteredResultsAreTheUnfilteredOnesFiltered) {
  const std::vector<std::string> queries = {"解法", "kaggle",      "PyTorch",
                                            "画",   "コンペ 解法", "\"data science\""};
  const std::vector<std::string> filters = {"section:competitions",
                                            "since:2021",
                                            "until:2020-06",
                                            "issue:40..100",
                                            "section:news since:2021-06 until:2022-03",
                                            "until:2020-06 OR since:2022 OR date:2021-03",
                                            "section:links issue:150.."};
  for (const std::string& filter : filters) {
    SCOPED_TRACE(filter);
    const kn::Filters f = kn::parse_query(filter).filters;
    std::size_t found = 0;
    for (const std::string& words : queries) {
      SCOPED_TRACE(words);
      const kn::SearchOptions every{kn::SortOrder::rank, 0, 0};
      const std::vector<kn::Hit> all = store_->search(kn::parse_query(words), every);
      std::vector<std::int64_t> want;
      for (const kn::Hit& hit : all) {
        if (passes(f, hit)) want.push_back(hit.entry_id);
      }
      const kn::Query query = kn::parse_query(words + " " + filter);
      EXPECT_EQ(ids(store_->search(query, every)), want);
      const std::vector<kn::Hit> page = store_->search(query, {kn::SortOrder::rank, 3, 1});
      EXPECT_EQ(ids(page),
                std::vector<std::int64_t>(want.begin() + std::min<std::size_t>(1, want.size()),
                                          want.begin() + std::min<std::size_t>(4, want.size())));
      EXPECT_EQ(store_->count(query), static_cast<std::int64_t>(want.size()));
      found += want.size();
    }
    EXPECT_GT(found, 0u);  // each filter keeps some hits and drops others
    // Without words: as many as a search (in SQL, by date) lists.
    const kn::Query alone = kn::parse_query(filter);
    EXPECT_EQ(store_->count(alone),
              static_cast<std::int64_t>(store_->search(alone, {kn::SortOrder::date, 0, 0}).size()));
  }
}

std::int64_t count(Store& store, const char* sql) {
  kn::Statement statement(kn::detail::database(store), sql);
  statement.step();
  return statement.column_int(0);
}

kn::Issue issue(const std::string& source, int number, const std::string& news,
                const std::string& competitions) {
  return kn::extract_issue(fmt::format("# Weekly Kaggle News #{0}\nhttps://e.com/{0}\n"
                                       "<h2>News</h2><p>{1}</p><h2>Competitions</h2><p>{2}</p>",
                                       number, news, competitions),
                           source);
}

std::vector<std::string> problems(Store& store, const std::string& part) {
  for (const auto& p : store.check().parts) {
    if (p.what == part) return p.problems;
  }
  return {"no part " + part};
}

constexpr const char* kFactsPart = "entry facts for filters match the entries";

// Each row of entry_facts lands at its chunk's place, the arrays sized by
// the last chunk; the entries between are unknown (kind 0).
TEST(EntryFacts, ChunksAreReadIntoTheirPlaces) {
  TempDir dir;
  Store store(dir / "kn.db", Store::Access::read_write);
  kn::Database& db = kn::detail::database(store);
  // The last entry is 2049, in chunk 2; chunk 2097151 lies beyond it (a
  // crafted row once ended in bad_alloc) and is left out.
  db.exec(
      "INSERT INTO issues (id, number, title, url, date_estimated, source, hash, size, mtime_ns, "
      "indexed_at, items, cards, embeds) VALUES (1, 1, 't', 'u', 0, 's', 'h', 0, 0, '', 0, 0, 1); "
      "INSERT INTO entries (id, issue_id, position, section_kind, section_heading, kind, title, "
      "body, comment) VALUES (2049, 1, 0, 'links', '', 'embed', '', '', ''); "
      "INSERT INTO entry_facts (chunk, kinds, numbers, dates) VALUES "
      "(0, x'0102', x'0700000008000000', x'E1333401E2333401'), "
      "(2, x'03', x'2C010000', x'01020304'), (2097151, x'01', x'01000000', x'01000000'); "
      "UPDATE fts_state SET indexed_up_to = 2049");
  kn::detail::EntryFacts facts;
  kn::detail::load_entry_facts(db, facts);
  ASSERT_EQ(facts.kind.size(), 3u * 1024);
  const auto at = [](const auto& values, std::vector<std::size_t> ids) {
    std::vector<std::int64_t> out;
    for (const std::size_t id : ids) out.push_back(values[id]);
    return out;
  };
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(at(facts.kind, {0, 1, 2, 1024, 2048}), (V{1, 2, 0, 0, 3}));
  EXPECT_EQ(at(facts.number, {0, 1, 2048}), (V{7, 8, 300}));
  EXPECT_EQ(at(facts.date, {0, 1, 2048}), (V{20198369, 20198370, 0x04030201}));
  EXPECT_EQ(std::count(facts.kind.begin(), facts.kind.end(), 0), 3 * 1024 - 3);
  EXPECT_EQ(facts.up_to, 2049);
}

// Entries indexed after a store first filtered are filtered too, and an
// issue written again is filtered by its new entries only.
TEST(EntryFacts, FollowTheStoreAsItGrows) {
  TempDir dir;
  Store store(dir / "kn.db", Store::Access::read_write);
  store.put_issue(issue("/1.md", 1, "solution one", "solution two"), "h1", {});
  store.sync_index();
  const kn::Query query = kn::parse_query("solution section:competitions");
  EXPECT_EQ(store.count(query), 1);
  EXPECT_EQ(store.search(query, {}).size(), 1u);
  store.put_issue(issue("/2.md", 2, "solution three", "solution four"), "h2", {});
  store.put_issue(issue("/1.md", 1, "solution one", "nothing here"), "h3", {});
  store.sync_index();
  const std::vector<kn::Hit> hits = store.search(query, {});
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].issue, 2);
  EXPECT_EQ(hits[0].body, "solution four");
  EXPECT_EQ(store.count(query), 1);
  EXPECT_EQ(store.count(kn::parse_query("solution issue:1")), 1);
  // The entries issue 1 had are not counted: its competitions are now
  // "nothing here" alone.
  EXPECT_EQ(store.count(kn::parse_query("section:competitions")), 2);
  EXPECT_EQ(store.count(kn::parse_query("issue:1")), 2);
  EXPECT_TRUE(problems(store, kFactsPart).empty());
}

// Facts read inside a batch that rolls back are forgotten: its entry ids
// are given again, to other entries.
TEST(EntryFacts, ARollbackForgetsTheFactsItsBatchHeld) {
  TempDir dir;
  Store store(dir / "kn.db", Store::Access::read_write);
  store.put_issue(issue("/1.md", 1, "solution one", "solution two"), "h1", {});
  store.sync_index();
  const auto one_section = [](int number, const char* heading, const char* text) {
    return kn::extract_issue(fmt::format("# Weekly Kaggle News #{0}\nhttps://e.com/{0}\n"
                                         "<h2>{1}</h2><p>{2}</p>",
                                         number, heading, text),
                             fmt::format("/{}.md", number));
  };
  {
    Store::Batch batch(store);
    store.put_issue(one_section(2, "Competitions", "solution three"), "h2", {});
    store.sync_index();
    EXPECT_EQ(store.count(kn::parse_query("solution section:competitions")), 2);
  }
  store.put_issue(one_section(3, "News", "solution four"), "h3", {});
  store.sync_index();
  EXPECT_EQ(store.count(kn::parse_query("solution section:competitions")), 1);
  const std::vector<kn::Hit> news = store.search(kn::parse_query("solution section:news"), {});
  ASSERT_EQ(news.size(), 2u);
  EXPECT_EQ(news[0].body, "solution four");
}

// A fact that is wrong is named by kn check.
TEST(EntryFacts, CheckNamesAWrongFact) {
  TempDir dir;
  Store store(dir / "kn.db", Store::Access::read_write);
  store.put_issue(issue("/1.md", 1, "solution one", "solution two"), "h1", {});
  store.sync_index();
  kn::detail::database(store).exec("UPDATE entry_facts SET numbers = zeroblob(4096)");
  EXPECT_EQ(problems(store, kFactsPart),
            (std::vector<std::string>{
                "entry 1: filtered as section code 1, issue #0, date 0; it is in news, #1, no date",
                "entry 2: filtered as section code 2, issue #0, date 0; it is in competitions, #1, "
                "no date"}));
  kn::detail::database(store).exec(
      "UPDATE entry_facts SET kinds = X'00010205' || zeroblob(1020), numbers = X'00000000' || "
      "X'01000000' || X'01000000' || zeroblob(4084)");
  EXPECT_EQ(problems(store, kFactsPart),
            (std::vector<std::string>{"entry 3: has filter facts, but no such entry is indexed"}));
}

// Rows of entry_sizes and entry_facts beyond the last entry are named.
TEST(EntryFacts, CheckNamesChunksBeyondTheLastEntry) {
  TempDir dir;
  Store store(dir / "kn.db", Store::Access::read_write);
  store.put_issue(issue("/1.md", 1, "solution one", "solution two"), "h1", {});
  store.sync_index();
  kn::detail::database(store).exec(
      "INSERT INTO entry_facts (chunk, kinds, numbers, dates) VALUES (2097151, x'01', "
      "x'01000000', x'01000000'); INSERT INTO entry_sizes (chunk, sizes) VALUES (5, x'0100')");
  EXPECT_EQ(problems(store, kFactsPart),
            (std::vector<std::string>{
                "entry_facts chunk 2097151: lies beyond the last entry (2); no entry has it"}));
  EXPECT_EQ(problems(store, "entry sizes for ranking match the full-text index"),
            (std::vector<std::string>{
                "entry_sizes chunk 5: lies beyond the last entry (2); no entry has it"}));
}

// Schema 3 had no entry facts: kn index adds them from the stored entries,
// and says it upgraded.
TEST(EntryFacts, UpgradeFromSchema3DerivesThemFromTheEntries) {
  TempDir dir;
  const std::string path = dir / "kn.db";
  {
    Store store(path, Store::Access::read_write);
    store.put_issue(issue("/1.md", 1, "solution one", "solution two"), "h1", {});
    store.put_issue(issue("/2.md", 2, "solution three", "solution four"), "h2", {});
    store.sync_index();
    kn::detail::database(store).exec(
        "DROP TABLE entry_facts; DROP INDEX entries_writeup; ALTER TABLE entries DROP COLUMN "
        "writeup; PRAGMA user_version = 3");
  }
  try {
    Store reader(path, Store::Access::read_only);
    ADD_FAILURE() << "opened a schema-3 database to read";
  } catch (const kn::Error& e) {
    EXPECT_EQ(std::string(e.what()),
              path + ": made by an older kn (schema 3); 'kn index DIR' upgrades it");
  }
  Store store(path, Store::Access::read_write);
  ASSERT_TRUE(store.upgraded().has_value());
  EXPECT_EQ(store.upgraded()->from_version, 3);
  EXPECT_EQ(store.upgraded()->issues, 2);
  EXPECT_FALSE(store.upgraded()->rebuilt);
  EXPECT_EQ(count(store, "PRAGMA user_version"), kn::kSchemaVersion);
  EXPECT_TRUE(problems(store, kFactsPart).empty());
  const std::vector<kn::Hit> hits =
      store.search(kn::parse_query("solution section:competitions issue:2"), {});
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].body, "solution four");
}

}  // namespace
