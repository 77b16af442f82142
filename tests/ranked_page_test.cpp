// The ranked page against its reference: the plain ORDER BY that FTS5's
// documentation leads a reader to expect. Every fast path of
// store/fts/ranked_page.cpp (the one-phrase scan, kn_bm25 rows, filters in
// memory and in SQL, ties read from memory) must give the same keys in the
// same order, page for page, on the real issues and on an archive that
// holds each issue many times, where every entry ties with its copies.
#include "store/fts/ranked_page.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "competitions/story.hpp"
#include "kn/index.hpp"
#include "kn/query.hpp"
#include "kn/store.hpp"
#include "store/fts_expression.hpp"
#include "store/internal.hpp"
#include "test_support.hpp"

namespace {

using kn::testing::TempDir;
using Ranked = std::vector<std::pair<std::int64_t, double>>;  // entry id, score

// The reference: every match scored by kn_bm25 and sorted by SQLite, ties
// newest first, the filters all in SQL.
Ranked reference(kn::Store& store, const kn::Query& query, std::int64_t limit,
                 std::int64_t offset) {
  const kn::detail::Search search = kn::detail::compile_search(query);
  std::vector<kn::Value> values;
  const std::string conditions = kn::detail::filter_sql(search.filters, values);
  kn::Statement statement(
      kn::detail::database(store),
      fmt::format("SELECT e.id, {} AS score FROM entries_fts JOIN entries e ON e.id = "
                  "entries_fts.rowid JOIN issues i ON i.id = e.issue_id WHERE entries_fts MATCH "
                  "?1{} ORDER BY score, i.date DESC, i.number DESC, e.position LIMIT ? OFFSET ?",
                  kn::detail::rank_function(), conditions));
  statement.bind(1, search.match);
  kn::bind_all(statement, values, 2);
  const int next = static_cast<int>(values.size()) + 2;
  statement.bind(next, limit > 0 ? limit : std::int64_t{-1}).bind(next + 1, offset);
  Ranked out;
  while (statement.step()) out.emplace_back(statement.column_int(0), statement.column_double(1));
  return out;
}

Ranked searched(kn::Store& store, const kn::Query& query, std::int64_t limit, std::int64_t offset) {
  Ranked out;
  for (const kn::Hit& hit :
       store.search(query, {kn::SortOrder::rank, limit, offset, kn::HitText::none})) {
    out.emplace_back(hit.entry_id, hit.score);
  }
  return out;
}

// One word, a phrase, a prefix, a lone CJK character, AND, OR, NOT and
// each filter.
const char* const kQueries[] = {
    "PyTorch",
    "kaggle",
    "コンペ",
    "\"data science\"",
    "optim*",
    "画",
    "解法",
    "PyTorch 実装",
    "kaggle OR pytorch",
    "kaggle -pytorch",
    "コンペ section:competitions",
    "kaggle section:links",
    "kaggle issue:1..60",
    "コンペ since:2021",
    "kaggle until:2021-06",
    "kaggle domain:github.com",
    "kaggle url:kaggle.com/c/google-football",
    "in:title kaggle",
    "コンペ competition:ranzcr",
    "コンペ domain:kaggle.com section:links since:2020",
};

struct Page {
  std::int64_t limit, offset;
};
constexpr Page kPages[] = {{20, 0}, {1, 0}, {7, 3}, {20, 20}, {3, 150}, {0, 0}};

// Compares every query's every page; returns how many pages held a hit.
int compare_pages(kn::Store& store) {
  int filled = 0;
  for (const char* text : kQueries) {
    const kn::Query query = kn::resolve_competition_filters(store, kn::parse_query(text));
    for (const Page& page : kPages) {
      const Ranked want = reference(store, query, page.limit, page.offset);
      EXPECT_EQ(searched(store, query, page.limit, page.offset), want)
          << text << " --limit " << page.limit << " --offset " << page.offset;
      filled += want.empty() ? 0 : 1;
    }
  }
  return filled;
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Writes copies of each source into dir until there are count files, each
// with an issue number and a URL of its own (as bench/gen_corpus --repeat).
void write_copies(const std::filesystem::path& dir, const std::vector<std::string>& sources,
                  int copies) {
  int number = 0;
  for (int copy = 0; copy < copies; ++copy) {
    for (const std::string& source : sources) {
      const std::string file = slurp(source);
      const std::size_t title_end = file.find('\n');
      const std::size_t url_end = file.find('\n', title_end + 1);
      std::string title = file.substr(0, title_end);
      title.erase(title.rfind('#') + 1);
      const std::filesystem::path name = std::filesystem::path(source).filename();
      std::ofstream(
          dir / fmt::format("{} copy {}{}", name.stem().string(), copy, name.extension().string()),
          std::ios::binary)
          << title << ++number << file.substr(title_end, url_end - title_end) << "-copy-" << copy
          << file.substr(url_end);
    }
  }
}

TEST(RankedPage, RealIssuesMatchTheReference) {
  const TempDir dir;
  kn::Store store(dir / "kn.db", kn::Store::Access::read_write);
  kn::Diagnostics diag;
  kn::index_files(store, kn::find_inputs({"seeds", "tests/data"}, {}, diag), {}, diag);
  EXPECT_GT(compare_pages(store), 60);
}

// 66 copies: every entry ties with 65 others, more than the 64 that make
// ranking read the newest from memory.
TEST(RankedPage, RepeatedIssuesMatchTheReference) {
  const TempDir dir;
  const std::filesystem::path in = dir / "in";
  std::filesystem::create_directory(in);
  write_copies(in,
               {"seeds/000_d809ab5171f926cf.txt", "seeds/002_7299b426c7bc8e35.txt",
                "tests/data/2020-12-18_Weekly Kaggle News #53.md",
                "tests/data/2022-04-15_Weekly Kaggle News #122.md"},
               66);
  kn::Store store(dir / "kn.db", kn::Store::Access::read_write);
  kn::Diagnostics diag;
  kn::index_files(store, kn::find_inputs({in.string()}, {}, diag), {}, diag);
  ASSERT_EQ(store.issues().size(), 264u);
  EXPECT_GT(compare_pages(store), 60);
  // The page of PyTorch ends inside a tie of more than 64 rows: the path
  // that reads ties from memory ran.
  const kn::Query pytorch = kn::parse_query("PyTorch");
  const Ranked page = reference(store, pytorch, 20, 0);
  ASSERT_EQ(page.size(), 20u);
  std::int64_t tied = 0;
  for (const auto& [id, score] : reference(store, pytorch, 0, 0))
    tied += score == page.back().second;
  EXPECT_GT(tied, 64);
}

}  // namespace
