// Restrictions on what a search or a list returns: the values of flags such
// as --section and --since, and of "name:value" terms in a query.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kn {

// An inclusive range of issue dates as YYYY-MM-DD; an empty end is open.
struct DateRange {
  std::string since, until;

  // Returns the range as since..until, an open end left empty.
  std::string to_string() const { return since + ".." + until; }
  bool operator==(const DateRange&) const = default;
};

// Values of one kind are alternatives (section:news section:pr is either);
// kinds combine with AND.
struct Filters {
  std::vector<std::string> sections;          // section kinds, expanded
  std::vector<std::pair<int, int>> issues;    // inclusive number ranges
  std::vector<DateRange> dates;               // alternatives; empty: any date
  std::vector<std::string> domains;           // host names; subdomains match too
  std::vector<std::string> columns;           // title, body, comment; empty: all
  std::vector<std::string> platforms;         // competition platforms (lists only)
  std::vector<std::string> urls;              // url_identity()s the entry links to
  std::vector<std::int64_t> competition_ids;  // competitions the entry links to
  bool writeups = false;                      // only write-ups (model/writeup.hpp)

  // Tells whether no filter is set.
  bool empty() const;
};

// Each of these adds the filter a --section, --issue, ... flag or a
// "name:value" term gives. They throw kn::Error for a value that means
// nothing.
void add_section_filter(Filters& filters, std::string_view value);
void add_issue_filter(Filters& filters, std::string_view value);
void add_date_filter(Filters& filters, std::string_view value);  // YYYY[-MM[-DD]][..]
void add_since_filter(Filters& filters, std::string_view value);
void add_until_filter(Filters& filters, std::string_view value);
void add_domain_filter(Filters& filters, std::string_view value);
void add_column_filter(Filters& filters, std::string_view value);
void add_url_filter(Filters& filters, std::string_view value);    // a URL, with or without https://
void add_trait_filter(Filters& filters, std::string_view value);  // is:solution

// Keeps only the dates that lie in one of alternatives as well as in one of
// filters' ranges (each range is intersected with each alternative): what
// "since:A OR until:B" beside other date filters means. An empty list of
// alternatives keeps every date.
void narrow_dates(Filters& filters, const std::vector<DateRange>& alternatives);

}  // namespace kn
