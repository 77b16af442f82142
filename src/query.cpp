#include "kn/query.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "fts5_translate.hpp"
#include "kn/error.hpp"
#include "kn/tokenizer.hpp"
#include "kn/utf8.hpp"
#include "query_lexer.hpp"
#include "query_parser.hpp"

namespace kn {

namespace {

// The translation of kMaxDepth levels nests at most 25 parentheses.
constexpr int kMaxFts5Depth = 26;

void require_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    if (decode_utf8(text, i) == kReplacementChar && text.substr(start, i - start) != "\uFFFD") {
      throw QueryError(fmt::format("the query is not valid UTF-8 (at column {})",
                                   detail::column_of(text, start)));
    }
  }
}

}  // namespace

std::string fts5_phrase(std::string_view term) {
  return detail::quoted_phrase(term, tokenize(term, TokenizeMode::query));
}

Query parse_query(std::string_view text, Filters filters) {
  require_utf8(text);
  Query query;
  const std::optional<detail::Node> root = detail::parse_tree(text, filters);
  detail::Translation translation;
  if (root) translation = detail::translate(*root, text);
  query.match = std::move(translation.match);
  query.exclude = std::move(translation.exclude);
  if (query.match.empty() && query.exclude.empty() && !filters.columns.empty()) {
    throw QueryError("in: needs words to search for");
  }
  if (query.match.empty() && query.exclude.empty() && filters.empty()) {
    throw QueryError("nothing to search for: give a word, a phrase or a filter");
  }
  if (detail::fts5_depth(query.match) > kMaxFts5Depth ||
      detail::fts5_depth(query.exclude) > kMaxFts5Depth) {
    throw QueryError("query nested too deeply");
  }
  if (!filters.columns.empty()) {
    const std::string columns = fmt::format("{{{}}} : ", fmt::join(filters.columns, " "));
    if (!query.match.empty()) query.match = columns + "(" + query.match + ")";
    if (!query.exclude.empty()) query.exclude = columns + "(" + query.exclude + ")";
  }
  query.explanation =
      "query:\n" + (translation.tree.empty() ? "  (filters only)\n" : translation.tree);
  if (!filters.empty()) query.explanation += "filters:\n" + describe(filters);
  if (!query.match.empty()) query.explanation += "FTS5: " + query.match + "\n";
  if (!query.exclude.empty()) query.explanation += "FTS5, to leave out: " + query.exclude + "\n";
  query.filters = std::move(filters);
  return query;
}

std::string_view query_language_help() {
  return R"(Query language:
  word            entries holding the word; Japanese needs no quoting: 画像認識
  a b             both (AND may be written)
  a OR b          either
  NOT a           without a; -a says the same after --: kn search -- kaggle -a
  "a phrase"      these words in this order
  pre*            words starting with pre
  ( ... )         grouping
  section:KIND    news, competitions, news_and_competitions, pr, announcement,
                  datasets, articles, errata, others, other, links (cards, embeds);
                  news and competitions include news_and_competitions
  issue:66        issue:60..90
  date:2021-03..2021-06   since:2022   until:2021-06 (YYYY, YYYY-MM, YYYY-MM-DD)
  domain:github.com       the entry's URL or a link in it, subdomains too
  in:title        search only titles (or body, comment; in:title,comment)
)";
}

}  // namespace kn
