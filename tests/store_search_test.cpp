// Store::search on the indexed seeds: what each kind of query finds.
#include <fmt/core.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "kn/index.hpp"
#include "kn/query.hpp"
#include "kn/store.hpp"
#include "store/internal.hpp"
#include "test_support.hpp"
#include "tokenize/tokenizer.hpp"
#include "util/utf8.hpp"

namespace {

using kn::testing::code_points;
using kn::testing::utf8;

using kn::Store;

class SearchTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new kn::testing::TempDir();
    store_ = new Store(*dir_ / "kn.db", Store::Access::read_write);
    kn::Diagnostics diag;
    kn::index_files(*store_, kn::find_inputs({"seeds"}, {}, diag), {}, diag);
  }
  static void TearDownTestSuite() {
    delete store_;
    delete dir_;
  }

  // "issue/position" of each hit, in order.
  static std::vector<std::string> hits(const std::string& text,
                                       kn::SearchOptions options = {kn::SortOrder::rank, 0, 0},
                                       kn::Filters flags = {}) {
    std::vector<std::string> out;
    kn::Query given;
    given.filters = std::move(flags);
    for (const kn::Hit& hit : store_->search(kn::parse_query(text, std::move(given)), options)) {
      out.push_back(std::to_string(hit.issue) + "/" + std::to_string(hit.position));
    }
    return out;
  }

  // The same, sorted: for queries whose order is not the point.
  static std::vector<std::string> found(const std::string& text, kn::Filters flags = {}) {
    std::vector<std::string> out = hits(text, {kn::SortOrder::rank, 0, 0}, std::move(flags));
    std::sort(out.begin(), out.end());
    return out;
  }

  using V = std::vector<std::string>;
  static kn::testing::TempDir* dir_;
  static Store* store_;
};

kn::testing::TempDir* SearchTest::dir_ = nullptr;
Store* SearchTest::store_ = nullptr;

// A pipe gets every hit, and a hit's links are read for each: more hits
// than a statement can bind (250000 in Debian's SQLite) are read in chunks, every link in its
// hit's place.
TEST_F(SearchTest, LinksOfMoreHitsThanAStatementBinds) {
  std::vector<kn::Hit> all =
      store_->search(kn::parse_query("section:competitions"), {kn::SortOrder::date, 0, 0});
  ASSERT_FALSE(all.empty());
  std::vector<kn::Hit> many(260000);
  for (std::size_t k = 0; k < many.size(); ++k) many[k].entry_id = 1000000 + std::int64_t(k);
  many.insert(many.end(), all.begin(), all.end());
  kn::detail::attach_links(kn::detail::database(*store_), many, {}, {});
  for (std::size_t k = 0; k < all.size(); ++k) {
    EXPECT_EQ(many[260000 + k].links, all[k].links) << all[k].entry_id;
  }
  EXPECT_TRUE(
      std::any_of(all.begin(), all.end(), [](const kn::Hit& h) { return h.links.size() > 1; }));
}

TEST_F(SearchTest, EnglishWordsAndTheirVariants) {
  const V colab{"117/6", "66/0", "84/4", "84/5"};
  EXPECT_EQ(found("Colaboratory"), colab);
  EXPECT_EQ(found("colaboratory"), colab);
  EXPECT_EQ(found("COLABORATORY"), colab);
  EXPECT_EQ(found("ＣｏｌａｂｏｒａｔｏｒＹ"), colab);  // full-width
  const V competition{"117/0", "18/0", "18/7"};
  EXPECT_EQ(found("competition"), competition);  // inflections meet in the stemmer
  EXPECT_EQ(found("competitions"), competition);
}

TEST_F(SearchTest, PrefixPhraseOrNotAndGroups) {
  EXPECT_EQ(found("Optim*"), V({"72/8"}));
  EXPECT_EQ(found("\"Data Parallel\""), V({"84/11"}));
  EXPECT_EQ(found("\"Parallel Data\""), V());
  EXPECT_EQ(found("TPU OR JAX"), V({"66/7", "72/6"}));
  EXPECT_EQ(found("PyTorch"), V({"117/4", "66/10", "66/11", "72/5", "72/6", "72/8", "84/11", "84/2",
                                 "84/3", "84/5"}));
  EXPECT_EQ(found("PyTorch -Lightning"), V({"117/4", "72/6", "72/8", "84/11", "84/2", "84/3"}));
  EXPECT_EQ(found("PyTorch NOT Lightning"), found("PyTorch -Lightning"));
  EXPECT_EQ(found("(TPU OR GPU) 勉強会"), V({"66/7"}));
}

TEST_F(SearchTest, JapaneseSubstrings) {
  EXPECT_EQ(found("鰹"), V({"66/9"}));  // one character
  EXPECT_EQ(found("解法"), V({"117/5", "66/2", "66/5", "66/9", "84/13", "84/7", "84/8"}));
  EXPECT_EQ(found("ニューラル"), V({"66/16", "84/13"}));  // five
  EXPECT_EQ(found("ﾆｭｰﾗﾙ"), V({"66/16", "84/13"}));       // half-width
  EXPECT_EQ(found("PyTorch 実装"), V({"66/10"}));         // mixed
  EXPECT_EQ(found("PyTorchの実装"), V({"66/10"}));        // one phrase, as written there
  EXPECT_EQ(found("実装PyTorch"), V());
}

// A lone character is a term of its own, indexed at every bigram it starts
// (tokenizer.hpp): it finds what its prefix finds, ranked the same.
TEST_F(SearchTest, OneCharacterFindsWhatItsPrefixFinds) {
  const auto ranked = [](const kn::Query& query) {
    std::vector<std::pair<std::int64_t, double>> out;
    for (const kn::Hit& hit : store_->search(query, {kn::SortOrder::rank, 0, 0})) {
      out.emplace_back(hit.entry_id, hit.score);
    }
    return out;
  };
  for (const std::string character : {"解", "法", "の", "画", "ー", "鰹"}) {
    const kn::Query term = kn::parse_query(character);
    ASSERT_EQ(kn::fts_expressions(term).match, "\"" + character + "\"");
    const kn::Query prefix = kn::parse_query(character + "*");
    ASSERT_EQ(kn::fts_expressions(prefix).match, "\"" + character + "\"*");
    const auto hits = ranked(term);
    EXPECT_FALSE(hits.empty()) << character;
    EXPECT_EQ(hits, ranked(prefix)) << character;
  }
  EXPECT_EQ(found("法"), found("解法 OR 法*"));
}

TEST_F(SearchTest, SectionFilters) {
  EXPECT_EQ(found("解法 section:competitions"), V({"66/2", "66/5"}));
  EXPECT_EQ(found("解法 section:links"), V({"117/5", "66/9", "84/13", "84/7", "84/8"}));
  kn::Filters news;
  kn::add_section_filter(news, "news");
  EXPECT_EQ(found("Colaboratory", news), V({"66/0"}));
  EXPECT_EQ(found("section:news"), V({"117/0", "18/0", "18/1", "18/2", "66/0", "72/0", "84/0"}));
}

TEST_F(SearchTest, IssueAndDateFilters) {
  EXPECT_EQ(found("PyTorch issue:66"), V({"66/10", "66/11"}));
  EXPECT_EQ(found("PyTorch issue:70..90"),
            V({"72/5", "72/6", "72/8", "84/11", "84/2", "84/3", "84/5"}));
  EXPECT_EQ(found("PyTorch date:2021-03..2021-06"), V({"66/10", "66/11", "72/5", "72/6", "72/8"}));
  EXPECT_EQ(found("PyTorch since:2022"), V({"117/4"}));
  EXPECT_EQ(found("section:news until:2020"), V({"18/0", "18/1", "18/2"}));
}

TEST_F(SearchTest, DomainFilters) {
  EXPECT_EQ(found("domain:github.io"), V({"66/10", "66/15", "72/2", "84/6"}));  // subdomains
  EXPECT_EQ(found("PyTorch domain:medium.com"), V({"66/11", "84/2"}));
  EXPECT_EQ(found("domain:kaggle.com section:competitions"), V({"66/1"}));
  EXPECT_EQ(found("domain:kaggle.com section:news"), V({"72/0", "84/0"}));
  EXPECT_EQ(found("domain:aggle.com"), V());  // a suffix that is no domain
}

TEST_F(SearchTest, ColumnFilters) {
  EXPECT_EQ(found("PyTorch in:title"),
            V({"117/4", "66/10", "66/11", "72/5", "72/8", "84/2", "84/3", "84/5"}));
  EXPECT_EQ(found("PyTorch in:comment"), found("PyTorch in:comment,comment"));
}

TEST_F(SearchTest, OnlyNegativeTerms) {
  EXPECT_EQ(found("-Kaggle section:news"), V({"18/1", "66/0"}));
}

TEST_F(SearchTest, ControlCharactersInAQueryRunCleanly) {
  EXPECT_EQ(found(std::string("PyTorch \"Data\0Parallel\"", 23)), V({"84/11"}));
}

// Found by fuzz_query: FTS5's parser stack overflowed on deep queries. Any
// query the translator accepts must run.
TEST_F(SearchTest, EveryQueryDeepEnoughToPassRuns) {
  const std::vector<std::pair<std::string, std::string>> shapes{
      {"PyTorch (Lightning OR (x -(y OR ", ")))"},
      {"(", ")"},
      {"a (b -(c OR ", "))"},
      {"a OR (b c -(d OR ", "))"}};
  for (const auto& [open, close] : shapes) {
    std::string query = "PyTorch";
    int ran = 0;
    for (int level = 0; level < 16; ++level) {
      query = open + query + close;
      try {
        found(query);
        ++ran;
      } catch (const kn::QueryError& e) {
        EXPECT_TRUE(std::string(e.what()).starts_with("query nested too deeply")) << e.what();
      }
    }
    EXPECT_GT(ran, 2) << open;
  }
}

TEST_F(SearchTest, RankingPutsTitlesFirst) {
  const V ranked = hits("PyTorch");
  ASSERT_EQ(ranked.size(), 10u);
  EXPECT_EQ(ranked[0], "84/2");  // "PyTorch" three times in its title
}

TEST_F(SearchTest, SortOrdersLimitAndOffset) {
  EXPECT_EQ(hits("section:news", {kn::SortOrder::date}),
            V({"18/0", "18/1", "18/2", "66/0", "72/0", "84/0", "117/0"}));
  EXPECT_EQ(hits("section:news", {kn::SortOrder::date_descending}),
            V({"117/0", "84/0", "72/0", "66/0", "18/0", "18/1", "18/2"}));
  EXPECT_EQ(hits("section:news", {kn::SortOrder::rank}),
            hits("section:news", {kn::SortOrder::date_descending}));
  EXPECT_EQ(hits("section:news", {kn::SortOrder::date, 2, 3}), V({"66/0", "72/0"}));
  EXPECT_EQ(hits("section:news", {kn::SortOrder::date, 0, 5}), V({"84/0", "117/0"}));
  EXPECT_EQ(store_->count(kn::parse_query("PyTorch")), 10);
  EXPECT_EQ(store_->count(kn::parse_query("section:news")), 7);
}

// --count answers filter-only queries from the per-issue section counts and
// the rest from the entries: either way, the number of hits.
// Whatever the page asked for, no arithmetic overflows (UBSan checks it in
// the sanitizer build).
TEST_F(SearchTest, PagesPastTheEndAreEmpty) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  for (const auto sort : {kn::SortOrder::rank, kn::SortOrder::date}) {
    EXPECT_TRUE(store_->search(kn::parse_query("PyTorch"), {sort, 20, kMax}).empty());
    EXPECT_TRUE(store_->search(kn::parse_query("PyTorch"), {sort, kMax, kMax}).empty());
    EXPECT_EQ(store_->search(kn::parse_query("PyTorch"), {sort, kMax, 0}).size(), 10u);
    EXPECT_EQ(store_->search(kn::parse_query("PyTorch"), {sort, 3, -5}).size(), 3u);
  }
}

// A thousand issue: or a hundred domain: filters: SQLite refused an
// expression that deep ("Expression tree is too large").
TEST_F(SearchTest, ManyFilterValuesRun) {
  std::string issues, domains;
  for (int n = 1; n <= 1000; n += 2) issues += fmt::format("issue:{} ", n);
  issues += "issue:18 issue:66 issue:72 issue:84 ";  // with #117, every seed
  for (int n = 0; n < 100; ++n) domains += fmt::format("domain:d{}.example ", n);
  EXPECT_EQ(store_->count(kn::parse_query(issues + "PyTorch")), 10);
  EXPECT_EQ(store_->count(kn::parse_query(issues)), 61);
  EXPECT_EQ(store_->count(kn::parse_query(domains + "domain:github.com")),
            store_->count(kn::parse_query("domain:github.com")));
  EXPECT_EQ(store_->search(kn::parse_query(issues + "PyTorch"), {}).size(), 10u);
}

TEST_F(SearchTest, CountsEqualTheHits) {
  for (const std::string query :
       {"section:news", "section:competitions section:links since:2021", "issue:66..84",
        "until:2021-01", "section:links issue:66", "domain:github.com", "-kaggle section:news",
        "kaggle", "kaggle section:competitions"}) {
    EXPECT_EQ(store_->count(kn::parse_query(query)), static_cast<std::int64_t>(hits(query).size()))
        << query;
  }
  EXPECT_EQ(store_->count(kn::parse_query("section:competitions")), 11);
  EXPECT_EQ(store_->count(kn::parse_query("issue:9999")), 0);
}

TEST_F(SearchTest, HitsCarryWhatTheListingShows) {
  const std::vector<kn::Hit> found =
      store_->search(kn::parse_query("鰹"), {kn::SortOrder::rank, 1, 0});
  ASSERT_EQ(found.size(), 1u);
  const kn::Hit& hit = found[0];
  EXPECT_EQ(hit.issue, 66);
  EXPECT_EQ(hit.date, "2021-03-19");
  EXPECT_TRUE(hit.date_estimated);
  EXPECT_EQ(hit.section, "links");
  EXPECT_EQ(hit.kind, kn::EntryKind::card);
  EXPECT_EQ(hit.title, "SIGNATE 鰹節コン\u30D8\u309A2nd Place Solution");  // as written
  EXPECT_EQ(hit.url, "https://www.slideshare.net/ren4yu/signate-2nd-place-solution");
  // The match is the bigram 鰹節 that the one-character query is a prefix of;
  // title and blurb both hold it, and the snippet comes from the blurb.
  EXPECT_EQ(hit.snippet, "…成」コンペティション（通称\x02鰹節\x03コンペ）2位入賞の解法紹介…");
  EXPECT_LT(hit.score, 0);

  // An item's URL is its first link.
  const std::vector<kn::Hit> item =
      store_->search(kn::parse_query("Colaboratory section:news"), {});
  ASSERT_EQ(item.size(), 1u);
  EXPECT_EQ(item[0].kind, kn::EntryKind::item);
  EXPECT_EQ(item[0].url, "https://colab.research.google.com/signup");
}

// Queries drawn at random from the indexed text find exactly what a scan of
// the normalized text finds: Japanese substrings of 1 to 6 characters, and
// whole Latin words (which the stemmer may also find in other forms).
TEST_F(SearchTest, RandomQueriesMatchABruteForceScan) {
  std::vector<std::pair<std::string, std::string>> entries;  // "issue/position", text
  // Japanese matching reads each column as matchable() says.
  std::vector<std::pair<std::string, std::vector<std::string>>> readable;
  kn::Statement all(kn::detail::database(*store_),
                    "SELECT i.number || '/' || e.position, e.title, e.body, e.comment "
                    "FROM entries e JOIN issues i ON i.id = e.issue_id");
  while (all.step()) {
    std::string text;
    auto& [id, columns] =
        readable.emplace_back(std::string(all.column_text(0)), std::vector<std::string>{});
    for (int k = 1; k <= 3; ++k) {
      const std::string column = kn::normalize(all.column_text(k));
      text += (k > 1 ? "\n" : "") + column;
      columns.push_back(utf8(kn::testing::matchable(code_points(column))));
    }
    entries.emplace_back(id, text);
  }
  const auto scan_japanese = [&](const std::string& query) {
    const std::string needle = utf8(kn::testing::matchable(code_points(query)));
    std::set<std::string> ids;
    for (const auto& [id, columns] : readable) {
      for (const std::string& column : columns) {
        if (column.find(needle) != std::string::npos) ids.insert(id);
      }
    }
    return ids;
  };
  const auto is_word = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  // Entries holding query: as a substring, or as a whole word.
  const auto scan = [&](const std::string& query, bool whole_word) {
    std::set<std::string> ids;
    for (const auto& [id, text] : entries) {
      for (std::size_t pos = text.find(query); pos != std::string::npos;
           pos = text.find(query, pos + 1)) {
        const std::size_t after = pos + query.size();
        // A possessive 's is no word ("kaggle's" is kaggle).
        const bool possessive = query == "s" && pos > 0 &&
                                (text[pos - 1] == '\'' || text.substr(0, pos).ends_with("’"));
        if (!whole_word || (!possessive && (pos == 0 || !is_word(text[pos - 1])) &&
                            (after == text.size() || !is_word(text[after])))) {
          ids.insert(id);
          break;
        }
      }
    }
    return ids;
  };
  const auto search = [&](const std::string& query) {
    const V got = found(query);
    return std::set<std::string>(got.begin(), got.end());
  };

  std::mt19937 random(4242);
  int japanese = 0;
  for (int attempt = 0; attempt < 100000 && japanese < 300; ++attempt) {
    const std::string& text = entries[random() % entries.size()].second;
    std::size_t at = random() % text.size();
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    std::size_t end = at;
    std::u32string piece;
    const std::size_t length = 1 + random() % 6;
    while (end < text.size() && piece.size() < length) piece += kn::decode_utf8(text, end);
    if (!std::all_of(piece.begin(), piece.end(), kn::detail::is_japanese_letter)) continue;
    const std::string query = text.substr(at, end - at);
    ASSERT_EQ(search(query), scan_japanese(query)) << query;
    ++japanese;
  }
  EXPECT_EQ(japanese, 300);

  std::vector<std::string> words;
  for (const auto& [id, text] : entries) {
    for (std::size_t i = 0; i < text.size();) {
      std::size_t j = i;
      while (j < text.size() && is_word(text[j])) ++j;
      if (j > i) words.push_back(text.substr(i, j - i));
      i = j + 1;
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::shuffle(words.begin(), words.end(), random);
  words.resize(300);
  for (const std::string& word : words) {
    const std::set<std::string> got = search(word), want = scan(word, true);
    ASSERT_TRUE(std::includes(got.begin(), got.end(), want.begin(), want.end())) << word;
  }
}

// Every page of a ranked search is the same slice of the full order (bm25,
// then newest first), whatever its size and offset. All fourteen real issues,
// so that common words match hundreds of entries.
TEST(SearchPages, RankedPagesAreSlicesOfTheFullOrder) {
  kn::testing::TempDir dir;
  Store store(dir / "kn.db", Store::Access::read_write);
  kn::Diagnostics diag;
  kn::index_files(store, kn::find_inputs({"seeds", "tests/data"}, {}, diag), {}, diag);
  for (const std::string query : {"の", "し", "ー", "に OR kaggle", "る -data"}) {
    std::vector<std::string> full;
    kn::Statement all(kn::detail::database(store),
                      "SELECT i.number || '/' || e.position FROM entries_fts "
                      "JOIN entries e ON e.id = entries_fts.rowid JOIN issues i ON i.id = "
                      "e.issue_id WHERE entries_fts MATCH ? ORDER BY bm25(entries_fts, 1.0, 1.0, "
                      "4.0), i.date DESC, i.number DESC, e.position");
    all.bind(1, kn::fts_expressions(kn::parse_query(query)).match);
    while (all.step()) full.emplace_back(all.column_text(0));
    ASSERT_GT(full.size(), 100u) << query;
    const auto page = [&](std::int64_t size, std::int64_t offset) {
      std::vector<std::string> out;
      for (const kn::Hit& hit :
           store.search(kn::parse_query(query), {kn::SortOrder::rank, size, offset})) {
        out.push_back(std::to_string(hit.issue) + "/" + std::to_string(hit.position));
      }
      return out;
    };
    EXPECT_EQ(page(0, 0), full) << query;
    for (const std::int64_t size : {1, 5, 20}) {
      for (std::int64_t offset = 0; offset < static_cast<std::int64_t>(full.size()); offset += 9) {
        const auto first = full.begin() + offset;
        const std::vector<std::string> want(
            first, first + std::min<std::int64_t>(size, full.end() - first));
        ASSERT_EQ(page(size, offset), want) << query << " " << size << " " << offset;
      }
    }
  }
}

// A one-phrase query is ranked from a scan of all its matches inside FTS5
// (store/fts/rank.hpp); with a term that matches nothing beside it, the same
// query takes the general path. Both give the same pages, scores and all,
// filtered or not.
TEST(SearchPages, OnePhraseScanAgreesWithTheGeneralPath) {
  kn::testing::TempDir dir;
  Store store(dir / "kn.db", Store::Access::read_write);
  kn::Diagnostics diag;
  kn::index_files(store, kn::find_inputs({"seeds", "tests/data"}, {}, diag), {}, diag);
  const auto page = [&](const std::string& query, std::int64_t size, std::int64_t offset) {
    std::vector<std::pair<std::int64_t, double>> out;
    for (const kn::Hit& hit :
         store.search(kn::parse_query(query), {kn::SortOrder::rank, size, offset})) {
      out.emplace_back(hit.entry_id, hit.score);
    }
    return out;
  };
  for (const std::string query :
       {"kaggle", "コンペ", "の", "\"data science\"", "data*", "解法 section:competitions",
        "の since:2021", "の section:links"}) {
    const std::string general = query + " -zzqqxx";
    ASSERT_EQ(
        kn::fts_expressions(kn::parse_query(general)).match.find("zzqqxx") != std::string::npos,
        true);
    const auto all = page(query, 0, 0);
    ASSERT_GT(all.size(), 3u) << query;
    EXPECT_EQ(all, page(general, 0, 0)) << query;
    for (const std::int64_t size : {1, 7, 20}) {
      for (const std::int64_t offset : {0, 3, 20}) {
        EXPECT_EQ(page(query, size, offset), page(general, size, offset))
            << query << " " << size << " " << offset;
      }
    }
  }
}

// A page whose hits lie thousands of matches apart is read a statement
// per stretch of ids (FTS5 would walk every match between them): each hit
// still gets its own row and snippet. Issues 2, 16 and 29 say "tabular"
// thrice; every issue has a hundred entries that say it once.
TEST(SearchPages, HitsFarApartKeepTheirRowsAndSnippets) {
  kn::testing::TempDir dir;
  for (int n = 1; n <= 30; ++n) {
    std::string body = n == 2 || n == 16 || n == 29 ? "<p>Tabular, tabular, tabular data.</p>" : "";
    for (int i = 0; i < 100; ++i) body += fmt::format("<p>Words {} about tabular data.</p>", i);
    dir.write(fmt::format("issues/2020-01-{:02}_Weekly Kaggle News #{}.md", n, n),
              fmt::format("# Weekly Kaggle News #{}\nhttps://example.com/{}\n<h2>News</h2>{}", n, n,
                          body));
  }
  Store store(dir / "kn.db", Store::Access::read_write);
  kn::Diagnostics diag;
  kn::index_files(store, kn::find_inputs({dir / "issues"}, {}, diag), {}, diag);
  for (const std::string query : {"tabular", "tabular -zzqqxx"}) {
    std::vector<std::string> page;
    for (const kn::Hit& hit : store.search(kn::parse_query(query), {kn::SortOrder::rank, 4, 0})) {
      page.push_back(fmt::format("{}/{} {}", hit.issue, hit.position, hit.snippet));
    }
    EXPECT_EQ(page, (std::vector<std::string>{
                        "29/0 \x02Tabular\x03, \x02tabular\x03, \x02tabular\x03 data.",
                        "16/0 \x02Tabular\x03, \x02tabular\x03, \x02tabular\x03 data.",
                        "2/0 \x02Tabular\x03, \x02tabular\x03, \x02tabular\x03 data.",
                        "30/0 Words 0 about \x02tabular\x03 data."}))
        << query;
  }
}

// A hundred issues with the same text: every hit ties, and ties go newest
// first, page after page.
TEST(SearchTies, TiesGoNewestFirstOnEveryPage) {
  kn::testing::TempDir dir;
  for (int n = 1; n <= 100; ++n) {
    dir.write(
        fmt::format("issues/2020-{:02}-{:02}_Weekly Kaggle News #{}.md", 1 + n % 12, 1 + n / 12, n),
        fmt::format("# Weekly Kaggle News #{}\nhttps://example.com/{}\n"
                    "<h2>News</h2><p>Same words about tabular data.</p>",
                    n, n));
  }
  Store store(dir / "kn.db", Store::Access::read_write);
  kn::Diagnostics diag;
  kn::index_files(store, kn::find_inputs({dir / "issues"}, {}, diag), {}, diag);
  std::vector<int> newest_first;
  kn::Statement order(kn::detail::database(store),
                      "SELECT number FROM issues ORDER BY date DESC, number DESC");
  while (order.step()) newest_first.push_back(static_cast<int>(order.column_int(0)));
  ASSERT_EQ(newest_first.size(), 100u);
  for (std::int64_t offset = 0; offset < 100; offset += 20) {
    std::vector<int> page;
    for (const kn::Hit& hit :
         store.search(kn::parse_query("tabular"), {kn::SortOrder::rank, 20, offset})) {
      page.push_back(hit.issue);
    }
    const auto first = newest_first.begin() + offset;
    EXPECT_EQ(page, std::vector<int>(first, first + 20)) << offset;
  }
}

// A few rows better than a hundred that tie: the few first, then the
// newest of the tied, on every page, as the general path orders them.
// Issue n is dated 2020-(1 + n % 12)-(1 + n / 12): 47, 7 and 87 say
// "tabular" thrice, and 95 is the newest of the rest.
TEST(SearchTies, AFewBetterThenTheNewestOfManyTies) {
  kn::testing::TempDir dir;
  for (int n = 1; n <= 103; ++n) {
    const char* text =
        n % 40 == 7 ? "Tabular, tabular, tabular data." : "Same words about tabular data.";
    dir.write(
        fmt::format("issues/2020-{:02}-{:02}_Weekly Kaggle News #{}.md", 1 + n % 12, 1 + n / 12, n),
        fmt::format("# Weekly Kaggle News #{}\nhttps://example.com/{}\n<h2>News</h2><p>{}</p>", n,
                    n, text));
  }
  Store store(dir / "kn.db", Store::Access::read_write);
  kn::Diagnostics diag;
  kn::index_files(store, kn::find_inputs({dir / "issues"}, {}, diag), {}, diag);
  const auto page = [&](const std::string& query, std::int64_t size, std::int64_t offset) {
    std::vector<int> out;
    for (const kn::Hit& hit :
         store.search(kn::parse_query(query), {kn::SortOrder::rank, size, offset})) {
      out.push_back(hit.issue);
    }
    return out;
  };
  EXPECT_EQ(page("tabular", 4, 0), (std::vector<int>{47, 7, 87, 95}));
  for (const std::int64_t size : {1, 3, 20, 0}) {
    for (const std::int64_t offset : {0, 2, 3, 50}) {
      EXPECT_EQ(page("tabular", size, offset), page("tabular -zzqqxx", size, offset))
          << size << " " << offset;
    }
  }
}

}  // namespace
