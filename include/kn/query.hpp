// Query translation: what users type into safe FTS5 expressions and filters.
//
//   word           entries holding the word (Japanese: the substring)
//   a b            both (AND is implied; AND may be written)
//   a OR b         either
//   -a, NOT a      without a
//   "a phrase"     the words in this order
//   pre*           words starting with "pre"
//   ( ... )        grouping
//   section:news issue:60..90 date:2021-03..2021-06 since:2022 until:2022-06
//   domain:github.com in:title
//
// User text never reaches FTS5 as syntax: every term is tokenized by kn's
// tokenizer and written as a quoted FTS5 phrase.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kn {

// term as one FTS5 phrase: quoted (so no character of it is FTS5 syntax),
// with a trailing * when its last token must match as a prefix (a lone
// Japanese character that may begin a longer run). "" when term has no
// token at all.
std::string fts5_phrase(std::string_view term);

// Restrictions on the entries a query may return. Values of one kind are
// alternatives (section:news section:pr is either); kinds combine with AND.
struct Filters {
  std::vector<std::string> sections;        // section kinds, expanded
  std::vector<std::pair<int, int>> issues;  // inclusive number ranges
  std::optional<std::string> since, until;  // inclusive YYYY-MM-DD
  std::vector<std::string> domains;         // host names; subdomains match too
  std::vector<std::string> columns;         // title, body, comment; empty: all

  bool empty() const;
};

// Each adds the filter a --section, --issue, ... flag or a "name:value" term
// gives. They throw QueryError for a value that means nothing.
void add_section_filter(Filters& filters, std::string_view value);
void add_issue_filter(Filters& filters, std::string_view value);
void add_date_filter(Filters& filters, std::string_view value);  // YYYY[-MM[-DD]][..]
void add_since_filter(Filters& filters, std::string_view value);
void add_until_filter(Filters& filters, std::string_view value);
void add_domain_filter(Filters& filters, std::string_view value);
void add_column_filter(Filters& filters, std::string_view value);

// A query the user cannot run, with what is wrong and where.
class QueryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Query {
  // The FTS5 expression entries must match; "" for a query of filters (and
  // exclusions) only.
  std::string match;
  // An FTS5 expression for entries to leave out when the query is only
  // negative (-word): there is nothing for FTS5 to subtract it from.
  std::string exclude;
  Filters filters;
  // How the query was understood, for --explain.
  std::string explanation;
};

// Parses text (and adds the filters already given as flags). Throws
// QueryError for a query that cannot be run, naming the problem and its
// column (counted in characters from 1).
Query parse_query(std::string_view text, Filters filters = {});

}  // namespace kn
