// Browsing the store: competitions, issues, links and domains, one issue
// rebuilt, and counts of the whole archive.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kn/issue.hpp"
#include "kn/store.hpp"

namespace kn {

// Which issues a list looks at, by date (inclusive YYYY-MM-DD), and the
// platform or domain it is about ("" for any).
struct ListFilters {
  std::optional<std::string> since, until;
  std::string platform;
  std::string domain;
};

struct IssueRef {
  int number = 0;
  std::optional<std::string> date;
};

struct CompetitionRow {
  std::string platform, name, url;
  IssueRef first, last;
  int mentions = 0;  // entries linking to it
};

// Every competition the entries link to, in order of first mention (or, with
// by_mentions, most mentioned first).
std::vector<CompetitionRow> list_competitions(Store& store, const ListFilters& filters,
                                              bool by_mentions);

struct IssueRow {
  int number = 0;
  std::optional<std::string> date;
  bool date_estimated = false;
  std::string title, url, source;
  int items = 0, cards = 0, embeds = 0;
};

std::vector<IssueRow> list_issues(Store& store, const ListFilters& filters);

struct LinkRow {
  std::string url, text;  // text: the one used most often
  int cited = 0;          // links and cards pointing there
  std::vector<int> issues;
};

// Distinct URLs cited by links and cards, most cited first.
std::vector<LinkRow> list_links(Store& store, const ListFilters& filters);

struct DomainRow {
  std::string domain;
  int links = 0, cards = 0;
};

// Domains with the links and cards citing them, most first.
std::vector<DomainRow> list_domains(Store& store, const ListFilters& filters);

// A correction that a later issue's errata section makes to an issue.
struct Correction {
  int issue = 0;  // the issue that corrects
  std::optional<std::string> date;
  std::string text;
};

// The issue with that number as it was indexed, and the corrections later
// issues make to it; nullopt when there is none.
std::optional<Issue> load_issue(Store& store, int number);
std::vector<Correction> corrections_of(Store& store, const Issue& issue);

// Every issue in number order, for export: each is passed to visit as soon
// as it is read, so memory does not grow with the archive.
void for_each_issue(Store& store, const std::function<void(const Issue&)>& visit);

struct Count {
  std::string key;
  std::int64_t value = 0;
};

struct Stats {
  std::int64_t issues = 0, entries = 0, items = 0, cards = 0, embeds = 0, links = 0, domains = 0,
               competitions = 0, database_bytes = 0;
  std::optional<std::string> first_date, last_date;
  std::vector<Count> sections;   // entries by section kind
  std::vector<Count> platforms;  // competitions by platform
};

Stats archive_stats(Store& store);

// Counts per value of one dimension: "month" and "year" (issues, entries
// and cards of each period, as three counts), "section", "domain",
// "platform". Throws kn::Error for another dimension.
struct Breakdown {
  std::vector<std::string> columns;  // names of the counts
  std::vector<std::pair<std::string, std::vector<std::int64_t>>> rows;
};
Breakdown archive_breakdown(Store& store, const std::string& dimension);

}  // namespace kn
