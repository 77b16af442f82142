#include "render/query_explain.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "kn/query.hpp"
#include "kn/store.hpp"

namespace {

std::string explained(std::string_view text) {
  const kn::Query query = kn::parse_query(text);
  return kn::explain_query(query, kn::fts_expressions(query));
}

TEST(QueryExplain, TermsFiltersAndExpressions) {
  EXPECT_EQ(explained("PyTorch 画 -\"deep learning\" section:news"),
            "query:\n"
            "  AND\n"
            "    PyTorch  ->  pytorch\n"
            "    画  ->  画\n"
            "    NOT\n"
            "      \"deep learning\"  ->  deep learning\n"
            "filters:\n"
            "  section: news, news_and_competitions\n"
            "FTS5: ((\"PyTorch\" AND \"画\") NOT \"deep learning\")\n");
  EXPECT_EQ(explained("^ section:pr"),
            "query:\n"
            "  ^  ->  (nothing to search for: ignored)\n"
            "filters:\n"
            "  section: pr\n");
}

// Competition words are explained as typed: explaining opens no database.
TEST(QueryExplain, WhollyNegativeQueriesAndCompetitions) {
  EXPECT_EQ(explained("-kaggle NOT pre* competition:\"jpx  tokyo\" in:title"),
            "query:\n"
            "  AND\n"
            "    NOT\n"
            "      kaggle  ->  kaggle\n"
            "    NOT\n"
            "      pre*  ->  pre*\n"
            "filters:\n"
            "  competition: jpx tokyo (entries linking to it)\n"
            "  in: title\n"
            "FTS5, to leave out: {title} : ((\"kaggle\" OR \"pre\"*))\n");
  EXPECT_EQ(explained("a OR b"),
            "query:\n"
            "  OR\n"
            "    a  ->  a\n"
            "    b  ->  b\n"
            "FTS5: (\"a\" OR \"b\")\n");
}

TEST(QueryExplain, LowerCaseOperatorsAreWords) {
  EXPECT_FALSE(kn::with_capital_operators("a OR b \"or\""));
  const auto meant = kn::with_capital_operators("a or b and not c Or d");
  ASSERT_TRUE(meant);
  EXPECT_EQ(meant->text, "a OR b AND NOT c OR d");
  EXPECT_EQ(meant->operators, (std::vector<std::string>{"OR", "AND", "NOT"}));
}

}  // namespace
