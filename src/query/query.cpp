#include "kn/query.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <vector>

#include "fts5_translate.hpp"
#include "kn/error.hpp"
#include "kn/issue.hpp"
#include "lexer.hpp"
#include "parser.hpp"
#include "tokenize/tokenizer.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace kn {

namespace {

// The translation of kMaxDepth levels nests at most 25 parentheses.
constexpr int kMaxFts5Depth = 26;

void require_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    if (skip_invalid_utf8(text, i)) {
      throw QueryError(fmt::format("the query is not valid UTF-8 (at column {})",
                                   detail::column_of(text, start)));
    }
  }
}

// For a query that finds nothing: the hint that or, and and not are words
// unless written in capitals, with the query as it was perhaps meant.
std::string operator_hint(std::string_view text) {
  std::string meant(text);
  std::vector<std::string> names;
  for (const detail::Lexeme& lexeme : detail::lex(text)) {
    const std::string word = ascii_lower(lexeme.text);
    if (lexeme.kind != detail::Lex::word || (word != "or" && word != "and" && word != "not")) {
      continue;
    }
    std::string upper = word;
    for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
    meant.replace(lexeme.offset, upper.size(), upper);
    if (std::find(names.begin(), names.end(), upper) == names.end()) names.push_back(upper);
  }
  if (names.empty()) return {};
  const std::string last = names.back();
  names.pop_back();
  if (names.empty()) return fmt::format("no hits; {} is written in capitals: {}", last, meant);
  return fmt::format("no hits; {} and {} are written in capitals: {}", fmt::join(names, ", "), last,
                     meant);
}

}  // namespace

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
  query.no_hits_hint = operator_hint(text);
  return query;
}

namespace {

// The section kinds as the help lists them: wrapped at 65 columns under
// its descriptions, links annotated.
std::string section_kinds_help() {
  constexpr std::size_t kWidth = 65;
  constexpr std::string_view kIndent = "\n                  ";
  std::string out, line;
  for (const auto& [kind, name] : kSectionKinds) {
    std::string word = std::string(name) + (kind == SectionKind::links ? " (cards, embeds);" : ",");
    if (!line.empty() && line.size() + 1 + word.size() > kWidth) {
      out += line + std::string(kIndent);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  return out + line;
}

}  // namespace

std::string_view query_language_help() {
  static const std::string help = fmt::format(R"(Query language:
  word            entries holding the word; Japanese needs no quoting: 画像認識
                  (spaces between Japanese characters do not matter), plurals
                  and 's match too (models: model); C++, C#, .NET are words
  a b             both (AND may be written)
  a OR b          either (operators are written in capitals)
  NOT a           without a; -a says the same after --: kn search -- kaggle -a
  "a phrase"      these words in this order; also “a phrase”, 「フレーズ」, 『…』
  pre*            words starting with pre
  ( ... )         grouping
  section:KIND    {}
                  news and competitions include news_and_competitions
  issue:66        issue:60..90
  date:2021-03..2021-06   since:2022   until:2021-06 (YYYY, YYYY-MM, YYYY-MM-DD)
  since:2w        relative to today: today, yesterday, 7d, 2w, 3m, 1y (ago);
                  date:3m is the last three months
  domain:github.com       the entry's URL or a link in it, subdomains too
  https://...     entries linking to this address (or url:github.com/a/b),
                  whatever its utm_ parameters, scheme or www.
  competition:ai4code     entries linking to the competition: a slug, a URL or
                  its name's words (competition:"jpx tokyo"), as kn competition
  in:title        search only titles (or body, comment; in:title,comment)
)",
                                              section_kinds_help());
  return help;
}

}  // namespace kn
