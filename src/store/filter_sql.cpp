#include <fmt/format.h>

#include <algorithm>

#include "internal.hpp"
#include "util/json.hpp"

namespace kn::detail {

namespace {

// Up to this many values of a filter are spelled out as OR terms, which
// use the indexes; more are read from a JSON array, since SQLite refuses
// an expression nested 1,000 deep ("Expression tree is too large").
constexpr std::size_t kSpelledOut = 16;

// ranges sorted, overlapping and adjacent ones merged.
std::vector<std::pair<int, int>> merged(std::vector<std::pair<int, int>> ranges) {
  std::sort(ranges.begin(), ranges.end());
  std::vector<std::pair<int, int>> out;
  for (const auto& [low, high] : ranges) {
    if (!out.empty() && low <= out.back().second + 1) {
      out.back().second = std::max(out.back().second, high);
    } else {
      out.emplace_back(low, high);
    }
  }
  return out;
}

std::string issues_sql(const std::vector<std::pair<int, int>>& issues, std::vector<Value>& values) {
  const std::vector<std::pair<int, int>> ranges = merged(issues);
  if (ranges.size() > kSpelledOut) {
    JsonWriter json;
    json.begin_array();
    for (const auto& [low, high] : ranges) json.begin_array().value(low).value(high).end_array();
    json.end_array();
    values.emplace_back(json.take());
    return " AND EXISTS (SELECT 1 FROM json_each(?) r WHERE i.number BETWEEN r.value ->> 0 AND "
           "r.value ->> 1)";
  }
  std::string sql = " AND (";
  for (std::size_t k = 0; k < ranges.size(); ++k) {
    sql += k ? " OR i.number BETWEEN ? AND ?" : "i.number BETWEEN ? AND ?";
    values.emplace_back(std::int64_t{ranges[k].first});
    values.emplace_back(std::int64_t{ranges[k].second});
  }
  return sql + ")";
}

}  // namespace

std::string domain_ids_sql(const std::vector<std::string>& domains, std::vector<Value>& values) {
  if (domains.size() > kSpelledOut) {
    JsonWriter json;
    json.begin_array();
    for (const std::string& domain : domains) json.value(domain_key(domain));
    json.end_array();
    values.emplace_back(json.take());
    return "SELECT d.id FROM domains d, json_each(?) k WHERE d.rkey = k.value OR "
           "(d.rkey > k.value || '.' AND d.rkey < k.value || '/')";
  }
  std::string sql = "SELECT id FROM domains WHERE";
  for (std::size_t k = 0; k < domains.size(); ++k) {
    sql += k ? " OR" : "";
    sql += " rkey = ? OR (rkey > ? AND rkey < ?)";
    const std::string key = domain_key(domains[k]);
    values.emplace_back(key);
    values.emplace_back(key + ".");
    values.emplace_back(key + "/");  // '/' follows '.'
  }
  return sql;
}

std::int64_t url_key_hash(std::string_view key) {
  std::uint64_t hash = 0xcbf29ce484222325;  // FNV-1a
  for (const char c : key) {
    hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3;
  }
  return static_cast<std::int64_t>(hash);
}

std::string filter_sql(const Filters& f, std::vector<Value>& values,
                       std::string_view section_kind) {
  std::string q;
  if (!f.sections.empty()) {
    q += fmt::format(" AND {} IN (", section_kind);
    for (std::size_t k = 0; k < f.sections.size(); ++k) {
      q += k ? ", ?" : "?";
      values.emplace_back(f.sections[k]);
    }
    q += ")";
  }
  q += issue_filter_sql(f, values);
  // Addresses, as competitions, are alternatives like every other kind: an
  // entry links to one of them.
  if (!f.urls.empty()) {
    std::string keys;
    for (std::size_t k = 0; k < f.urls.size(); ++k)
      keys += k ? " OR (hash = ? AND key = ?)" : "(hash = ? AND key = ?)";
    const std::string ids = "(SELECT id FROM url_keys WHERE " + keys + ")";
    q += fmt::format(
        " AND (e.url_key_id IN {0} OR e.id IN (SELECT entry_id FROM links WHERE "
        "url_key_id IN {0}))",
        ids);
    for (int twice = 0; twice < 2; ++twice) {
      for (const std::string& key : f.urls) {
        values.emplace_back(url_key_hash(key));
        values.emplace_back(key);
      }
    }
  }
  if (!f.competition_ids.empty()) {
    std::string ids;
    for (const std::int64_t id : f.competition_ids) {
      ids += ids.empty() ? "?" : ", ?";
      values.emplace_back(id);
    }
    q += " AND e.id IN (SELECT entry_id FROM mentions WHERE competition_id IN (" + ids + "))";
  }
  // Not by entries_writeup: a page walks issues newest first and stops at
  // its last hit, where the index would hand over every write-up to sort.
  if (f.writeups) q += " AND +e.writeup = 1";
  if (!f.domains.empty()) {
    q += " AND (e.domain_id IN (" + domain_ids_sql(f.domains, values) + ")";
    q += " OR e.id IN (SELECT entry_id FROM links WHERE domain_id IN (" +
         domain_ids_sql(f.domains, values) + ")))";
  }
  return q;
}

std::string issue_filter_sql(const Filters& filters, std::vector<Value>& values) {
  std::string sql = filters.issues.empty() ? "" : issues_sql(filters.issues, values);
  return sql + date_sql(filters, values);
}

std::string date_sql(const Filters& filters, std::vector<Value>& values) {
  std::vector<std::string> ranges;
  for (const DateRange& range : filters.dates) {
    std::vector<std::string> ends;
    if (!range.since.empty()) {
      ends.push_back("i.date >= ?");
      values.emplace_back(range.since);
    }
    if (!range.until.empty()) {
      ends.push_back("i.date <= ?");
      values.emplace_back(range.until);
    }
    // An issue without a date lies in no range, open or not.
    if (ends.empty()) ends.push_back("i.date IS NOT NULL");
    ranges.push_back(fmt::format("{}", fmt::join(ends, " AND ")));
  }
  if (ranges.empty()) return "";
  if (ranges.size() == 1) return " AND " + ranges[0];
  return fmt::format(" AND (({}))", fmt::join(ranges, ") OR ("));
}

}  // namespace kn::detail
