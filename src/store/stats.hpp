// Counts of what the archive holds: `kn stats`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kn/store.hpp"

namespace kn {

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

// What `kn stats --by` counts per value of.
enum class Dimension { month, year, section, domain, platform };

// Counts per value of one dimension: month and year (issues, entries and
// cards of each period, as three counts), section, domain, platform.
struct Breakdown {
  std::vector<std::string> columns;  // names of the counts
  std::vector<std::pair<std::string, std::vector<std::int64_t>>> rows;
};
Breakdown archive_breakdown(Store& store, Dimension dimension);

}  // namespace kn
