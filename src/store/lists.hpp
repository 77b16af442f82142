// Lists of what the store holds: issues, the URLs cited and their domains.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kn/filters.hpp"
#include "kn/store.hpp"

namespace kn {

struct IssueRow {
  int number = 0;
  std::optional<std::string> date;
  bool date_estimated = false;
  std::string title, url, source;
  int items = 0, cards = 0, embeds = 0;
};

// Issues in number order, within the filters' dates.
std::vector<IssueRow> list_issues(Store& store, const Filters& filters);

struct LinkRow {
  std::string url, text;  // text: the one used most often
  int cited = 0;          // links and cards pointing there
  std::vector<int> issues;
};

// Returns the distinct URLs cited by links and cards, most cited first,
// within the filters' dates and domains.
std::vector<LinkRow> list_links(Store& store, const Filters& filters);

struct DomainRow {
  std::string domain;
  int links = 0, cards = 0;
};

// Domains with the links and cards citing them, most first.
std::vector<DomainRow> list_domains(Store& store, const Filters& filters);

// Tells whether an entry or a link of the archive is on domain exactly (a
// name as url_domain() gives it: no www.).
bool links_to_domain(Store& store, std::string_view domain);

// Returns the words of the full-text index made of Latin letters alone
// (as the tokenizer keeps them: lower case, plurals stemmed) that are
// shortest to longest bytes long, for a "did you mean".
std::vector<std::string> latin_index_terms(Store& store, std::size_t shortest, std::size_t longest);

}  // namespace kn
