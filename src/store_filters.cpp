#include "store_internal.hpp"

namespace kn::detail {

void bind_all(Statement& statement, const std::vector<Value>& values, int first) {
  for (std::size_t k = 0; k < values.size(); ++k) {
    const int index = static_cast<int>(k) + first;
    if (const auto* n = std::get_if<std::int64_t>(&values[k])) {
      statement.bind(index, *n);
    } else {
      statement.bind(index, std::get<std::string>(values[k]));
    }
  }
}

std::string domain_ids_sql(const std::vector<std::string>& domains, std::vector<Value>& values) {
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

std::string date_sql(const Filters& filters, std::vector<Value>& values) {
  std::string sql;
  if (filters.since) {
    sql += " AND i.date >= ?";
    values.emplace_back(*filters.since);
  }
  if (filters.until) {
    sql += " AND i.date <= ?";
    values.emplace_back(*filters.until);
  }
  return sql;
}

}  // namespace kn::detail
