// kn_snippet writes the snippet FTS5's snippet() writes, row for row, in
// time linear in a row's matches; with the tokenizer's replay of recent
// texts, every snippet is still the text's own.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "archive_fixture.hpp"
#include "store/fts/snippet.hpp"
#include "store/fts/tokenizer.hpp"
#include "store/internal.hpp"

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
    kn::detail::register_snippet(db_, fts5);
    db_.exec(
        "CREATE VIRTUAL TABLE t USING fts5(body, comment, title, tokenize = 'kn');"
        "INSERT INTO t (rowid, body, comment, title) VALUES"
        " (1, 'beta first, then alpha', '', 'one'),"
        " (2, 'alpha then, beta first', '', 'two'),"
        " (3, 'gamma', 'delta', 'delta gamma'),"
        " (4, 'zeta', 'epsilon', 'eta'),"
        " (5, '機械学習の解法', '', '学習')");
  }
  std::vector<std::string> snippets(const char* match, const char* function = "kn_snippet") {
    return column_strings(db_,
                          std::string("SELECT ") + function +
                              "(t, -1, '[', ']', '…', 24) FROM t WHERE t MATCH ?1 ORDER BY rowid",
                          match);
  }
  kn::Database db_{":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE};
};

TEST_F(SnippetTable, TheSnippetOfTheBestWindowInAnyColumn) {
  EXPECT_EQ(snippets("epsilon"), std::vector<std::string>{"[epsilon]"});
  EXPECT_EQ(snippets("delta"), std::vector<std::string>{"[delta]"});
  EXPECT_EQ(snippets("delta gamma"), std::vector<std::string>{"[delta] [gamma]"});
  for (const char* match :
       {"epsilon", "eta", "beta", "delta", "gamma", "\"学習\"", "zeta OR eta"}) {
    EXPECT_EQ(snippets(match), snippets(match, "snippet")) << match;
  }
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

// On real issues, row for row, the snippet FTS5's snippet() writes: one
// word, phrases, prefixes, lone characters, AND, OR, NOT and columns.
TEST_F(SnippetArchive, SnippetsAreThoseOfFts5) {
  kn::Database& db = kn::detail::database(*store_);
  std::size_t rows = 0;
  for (const char* match :
       {"\"pytorch\"", "\"解法\"", "\"kaggle\" AND \"コン\" + \"ンペ\"", "\"画\"", "\"画\"*",
        "\"data\" + \"augmentation\"", "\"notebook\" OR \"上位\"", "\"the\"", "\"の\"",
        "\"kaggle\" NOT \"コン\"", "\"コン\" + \"ンペ\" OR \"解法\" OR \"kaggle\"", "\"a\"*",
        "{title comment} : \"kaggle\"", "\"機械\" + \"械学\" + \"学習\" AND \"の\""}) {
    const auto theirs =
        column_strings(db,
                       "SELECT snippet(entries_fts, -1, '[', ']', '…', 24) FROM entries_fts "
                       "WHERE entries_fts MATCH ?1 ORDER BY rowid",
                       match);
    const auto ours = column_strings(db,
                                     "SELECT kn_snippet(entries_fts, -1, '[', ']', '…', 24) FROM "
                                     "entries_fts WHERE entries_fts MATCH ?1 ORDER BY rowid",
                                     match);
    EXPECT_EQ(ours, theirs) << match;
    rows += theirs.size();
    for (const char* column : {"0", "1", "2"}) {
      const std::string marked = std::string("(entries_fts, ") + column +
                                 ", '[', ']') FROM "
                                 "entries_fts WHERE entries_fts MATCH ?1 ORDER BY rowid";
      EXPECT_EQ(column_strings(db, "SELECT kn_highlight" + marked, match),
                column_strings(db, "SELECT highlight" + marked, match))
          << match << " in column " << column;
    }
  }
  EXPECT_EQ(rows, 549u);
}

// An entry holding a word a thousand times, with sentences between: the
// same snippet as FTS5's, whose cost grows with the square of the matches.
TEST_F(SnippetTable, ManyMatchesInOneEntry) {
  std::string body;
  for (int k = 0; k < 999; ++k) {
    body += k % 7 == 0 ? "alpha beta. " : k % 3 == 0 ? "gamma: alpha " : "beta alpha gamma ";
  }
  kn::Statement insert(db_, "INSERT INTO t (rowid, body, comment, title) VALUES (9, ?1, '', '')");
  insert.bind(1, body).run();
  for (const char* match : {"alpha", "beta", "alpha beta", "gamma OR beta", "\"alpha beta\""}) {
    EXPECT_EQ(snippets(match), snippets(match, "snippet")) << match;
    const std::string marked = "(t, 0, '[', ']') FROM t WHERE t MATCH ?1 ORDER BY rowid";
    EXPECT_EQ(column_strings(db_, "SELECT kn_highlight" + marked, match),
              column_strings(db_, "SELECT highlight" + marked, match))
        << match;
  }
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
