// What the store's files share and nothing else sees: the connection and
// the SQL for filters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kn/filters.hpp"
#include "kn/hit.hpp"
#include "kn/store.hpp"
#include "sqlite/sqlite.hpp"

namespace kn::detail {

struct StoreAccess {
  static Database& db(Store& store) { return *store.db_; }
};

inline Database& database(Store& store) { return StoreAccess::db(store); }

// Returns "SELECT id FROM domains WHERE ..." for the domains and their
// subdomains (one range of the reversed-label key each), adding the values to
// bind in order.
std::string domain_ids_sql(const std::vector<std::string>& domains, std::vector<Value>& values);

// Returns what url_keys rows are found by: FNV-1a of the key. Stored, so it
// never changes without a new schema.
std::int64_t url_key_hash(std::string_view key);

// Returns the filters as " AND ..." conditions on entries e and issues i,
// adding the values to bind in order. section_kind names the column sections
// are compared with.
std::string filter_sql(const Filters& filters, std::vector<Value>& values,
                       std::string_view section_kind = "e.section_kind");

// Which of the issues of its number holds an entry, in kn show N's order
// (by date, no date first, then by id), and how many share the number: two
// columns for a query over issues i, for an EntryRef.
inline constexpr const char* kIssueCopyColumns =
    "(SELECT count(*) FROM issues j WHERE j.number = i.number AND ((j.date IS NULL AND "
    "i.date IS NOT NULL) OR j.date < i.date OR (j.date IS i.date AND j.id <= i.id))), "
    "(SELECT count(*) FROM issues j WHERE j.number = i.number)";

// Reads each hit's links into hit.links and the competitions it links to
// into hit.competitions, and sets hit.url to the link the hit is about:
// among the links the filters ask for (on one of their domains, to one of
// their URLs, an item's write-up links for is:solution; all when none is),
// an item's link that its first match is about (link_at_match; marked_bodies[k] is hit k's body
// with its matches marked, empty when unknown), else the first.
void attach_links(Database& db, std::vector<Hit>& hits,
                  const std::vector<std::string>& marked_bodies, const Filters& filters);

// Returns " AND ..." conditions on issue numbers and dates, for the issues
// table as alias i.
std::string issue_filter_sql(const Filters& filters, std::vector<Value>& values);

// Returns " AND ..." conditions on issue dates, for the issues table as alias
// i.
std::string date_sql(const Filters& filters, std::vector<Value>& values);

}  // namespace kn::detail
