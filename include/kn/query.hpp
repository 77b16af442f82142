// The query language: what users type, parsed into a tree of terms and the
// filters beside it. The language is described once, in
// query_language_help(), which `kn search --help` prints.
//
// A parsed query holds no search syntax: the store compiles it into the
// expressions its full-text index reads (kn/store.hpp).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kn/filters.hpp"

namespace kn {

// One node of a parsed query: a term, or the entries matching all, any or
// none of its children.
struct QueryNode {
  enum class Type { term, all_of, any_of, none_of } type;
  std::string text;        // a term's text, as typed
  bool quoted = false;     // a term typed as a "phrase"
  bool prefix = false;     // a term typed as pre*
  std::size_t column = 0;  // where the node starts, in characters from 1
  std::vector<QueryNode> children;
};

struct Query {
  // The words, phrases and operators; nullopt for a query of filters only.
  std::optional<QueryNode> root;
  Filters filters;
  // Competitions the entries link to, as kn competition takes them (a
  // slug, a URL or the words of a name). They mean nothing to the store:
  // the command that runs the query resolves them into
  // filters.competition_ids and clears them.
  std::vector<std::string> competitions;

  // Tells whether anything besides the words restricts the entries.
  bool has_filters() const { return !filters.empty() || !competitions.empty(); }
};

// What a parse may ask of the archive the query is for.
struct ParseOptions {
  // Tells whether the archive links to a domain (kaggle.com): a word such
  // as kaggle.com/c/x, a dotted host and a path without a scheme, is then
  // a URL, as an address bar shows it. Unset, such words are words.
  std::function<bool(std::string_view domain)> linked_domain;
};

// Parses text into a query holding the filters of flags too. Throws
// QueryError for a query that cannot be parsed, naming the problem and its
// column (counted in characters from 1).
Query parse_query(std::string_view text, Query flags = {}, const ParseOptions& options = {});

// Returns the domains (without www.) of the words of text that are URLs
// without a scheme when the archive links to their domain (ParseOptions),
// each once, in order: what a caller asks its archive before parsing.
std::vector<std::string> pasted_domains(std::string_view text);

// Adds a --competition flag or competition: term's value to query. Throws
// kn::Error for a value without words.
void add_competition_filter(Query& query, std::string_view value);

// The query as it was perhaps meant, for a query that found nothing: or,
// and and not are words unless written in capitals.
struct MeantQuery {
  std::string text;                    // the query with them in capitals
  std::vector<std::string> operators;  // those capitalized, once each
};

// Returns the lower-case operator words of text in capitals; nullopt when it
// has none.
std::optional<MeantQuery> with_capital_operators(std::string_view text);

// Returns the query language as a table of what you type and what it finds.
std::string_view query_language_help();

}  // namespace kn
