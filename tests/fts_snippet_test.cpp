// kn_snippet_column names the one column holding a row's matches, so that
// snippet() reads only it; with the tokenizer's replay of recent texts,
// every snippet is still the one snippet(-1) writes.
#include "fts_snippet.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "archive_fixture.hpp"
#include "fts_tokenizer.hpp"
#include "store_internal.hpp"

namespace {

std::vector<std::string> column_strings(kn::Database& db, const std::string& sql,
                                        const char* match) {
  kn::Statement rows(db, sql);
  rows.bind(1, match);
  std::vector<std::string> out;
  while (rows.step()) out.emplace_back(rows.column_text(0));
  return out;
}

class SnippetTable : public ::testing::Test {
 protected:
  void SetUp() override {
    fts5_api* fts5 = kn::detail::fts5_of(db_);
    kn::detail::register_tokenizer(db_, fts5);
    kn::detail::register_snippet_column(db_, fts5);
    db_.exec(
        "CREATE VIRTUAL TABLE t USING fts5(body, comment, title, tokenize = 'kn');"
        "INSERT INTO t (rowid, body, comment, title) VALUES"
        " (1, 'beta first, then alpha', '', 'one'),"
        " (2, 'alpha then, beta first', '', 'two'),"
        " (3, 'gamma', 'delta', 'delta gamma'),"
        " (4, 'zeta', 'epsilon', 'eta'),"
        " (5, '機械学習の解法', '', '学習')");
  }
  std::vector<std::string> snippets(const char* match) {
    return column_strings(db_,
                          "SELECT snippet(t, kn_snippet_column(t), '[', ']', '…', 24) FROM t "
                          "WHERE t MATCH ?1 ORDER BY rowid",
                          match);
  }
  std::vector<std::string> columns(const char* match) {
    return column_strings(db_, "SELECT kn_snippet_column(t) FROM t WHERE t MATCH ?1 ORDER BY rowid",
                          match);
  }
  kn::Database db_{":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE};
};

TEST_F(SnippetTable, ColumnIsTheOneHoldingEveryMatch) {
  EXPECT_EQ(columns("epsilon"), std::vector<std::string>{"1"});
  EXPECT_EQ(columns("eta"), std::vector<std::string>{"2"});
  EXPECT_EQ(columns("beta"), (std::vector<std::string>{"0", "0"}));
  // Matches in two columns: snippet() weighs them all.
  EXPECT_EQ(columns("delta"), std::vector<std::string>{"-1"});
  EXPECT_EQ(columns("gamma"), std::vector<std::string>{"-1"});
  EXPECT_EQ(columns("\"学習\""), std::vector<std::string>{"-1"});
}

// Rows 1 and 2 have texts of one length, their words in other places: a
// replay keyed on anything less than the text would mark row 1's offsets.
TEST_F(SnippetTable, ReplayedTokensAreTheTextsOwn) {
  EXPECT_EQ(snippets("beta"),
            (std::vector<std::string>{"[beta] first, then alpha", "alpha then, [beta] first"}));
  EXPECT_EQ(snippets("alpha"),
            (std::vector<std::string>{"beta first, then [alpha]", "[alpha] then, beta first"}));
  EXPECT_EQ(snippets("epsilon OR zeta"), std::vector<std::string>{"[zeta]"});
  EXPECT_EQ(snippets("\"解法\""), std::vector<std::string>{"機械学習の[解法]"});
  EXPECT_EQ(snippets("\"学習\""), std::vector<std::string>{"機械[学習]の解法"});
}

class SnippetArchive : public kn::testing::ArchiveTest {};

// On real issues, row for row, the same snippet as FTS5's choice among all
// columns.
TEST_F(SnippetArchive, SnippetsAreThoseOfEveryColumn) {
  kn::Database& db = kn::detail::database(*store_);
  std::size_t rows = 0;
  for (const char* match :
       {"\"pytorch\"", "\"解法\"", "\"kaggle\" AND \"コン\" + \"ンペ\"", "\"画\"", "\"画\"*",
        "\"data\" + \"augmentation\"", "\"notebook\" OR \"上位\""}) {
    const auto all =
        column_strings(db,
                       "SELECT snippet(entries_fts, -1, '[', ']', '…', 24) FROM entries_fts "
                       "WHERE entries_fts MATCH ?1 ORDER BY rowid",
                       match);
    const auto chosen = column_strings(
        db,
        "SELECT snippet(entries_fts, kn_snippet_column(entries_fts), '[', ']', '…', 24) "
        "FROM entries_fts WHERE entries_fts MATCH ?1 ORDER BY rowid",
        match);
    EXPECT_EQ(chosen, all) << match;
    rows += all.size();
  }
  EXPECT_GT(rows, 100u);
}

// A lone character is highlighted as the bigram it starts, as when it was
// searched as that bigram's prefix.
TEST_F(SnippetArchive, OneCharacterIsMarkedAsItsPrefixWas) {
  kn::Database& db = kn::detail::database(*store_);
  for (const std::string character : {"画", "解", "の"}) {
    const auto marked = [&](const std::string& match) {
      return column_strings(db,
                            "SELECT snippet(entries_fts, -1, '[', ']', '…', 24) || "
                            "highlight(entries_fts, 2, '[', ']') FROM entries_fts "
                            "WHERE entries_fts MATCH ?1 ORDER BY rowid",
                            match.c_str());
    };
    const auto term = marked("\"" + character + "\"");
    EXPECT_FALSE(term.empty()) << character;
    EXPECT_EQ(term, marked("\"" + character + "\"*")) << character;
  }
}

}  // namespace
