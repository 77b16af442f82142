#include "store_facts.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <string_view>

#include "kn/error.hpp"
#include "store_internal.hpp"

namespace kn::detail {

namespace {

// Stored: a kind's code is its place here, plus one. New kinds go at the end.
constexpr std::array<std::string_view, 11> kKinds = {
    "news",     "competitions", "news_and_competitions",
    "pr",       "announcement", "datasets",
    "articles", "errata",       "others",
    "other",    "links"};

// One row of entry_facts being rewritten.
struct Chunk {
  std::string issues, kinds;
};

Chunk read_chunk(Statement& read, std::int64_t chunk) {
  Chunk out;
  read.bind(1, chunk);
  if (read.step()) {
    const auto blob = [&](int column) {
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(read.handle(), column));
      return std::string(bytes ? bytes : "",
                         static_cast<std::size_t>(sqlite3_column_bytes(read.handle(), column)));
    };
    out.issues = blob(0);
    out.kinds = blob(1);
  }
  read.reset();
  out.issues.resize(4 * kFactsPerChunk, '\0');
  out.kinds.resize(kFactsPerChunk, '\0');
  return out;
}

}  // namespace

std::uint8_t kind_code(std::string_view section_kind) {
  const auto* it = std::find(kKinds.begin(), kKinds.end(), section_kind);
  return it == kKinds.end() ? 0 : static_cast<std::uint8_t>(it - kKinds.begin() + 1);
}

void load_entry_facts(Database& db, EntryFacts& facts) {
  Statement state(db, "SELECT indexed_up_to FROM fts_state");
  const std::int64_t up_to = state.step() ? state.column_int(0) : 0;
  if (up_to <= facts.up_to) return;
  Statement rows(db,
                 "SELECT chunk, issues, kinds FROM entry_facts WHERE chunk >= ?1 ORDER BY chunk");
  rows.bind(1, facts.up_to / kFactsPerChunk);
  while (rows.step()) {
    const std::int64_t chunk = rows.column_int(0);
    if (chunk < 0 || chunk > INT32_MAX / kFactsPerChunk) continue;
    const auto* issues = static_cast<const unsigned char*>(sqlite3_column_blob(rows.handle(), 1));
    const int n_issues = sqlite3_column_bytes(rows.handle(), 1) / 4;
    const auto* kinds = static_cast<const unsigned char*>(sqlite3_column_blob(rows.handle(), 2));
    const int n_kinds = sqlite3_column_bytes(rows.handle(), 2);
    const auto first = static_cast<std::size_t>(chunk * kFactsPerChunk);
    const std::size_t end = first + static_cast<std::size_t>(kFactsPerChunk);
    if (facts.issue.size() < end) {
      facts.issue.resize(end, 0);
      facts.kind.resize(end, 0);
    }
    for (int k = 0; k < n_issues && k < kFactsPerChunk && k < n_kinds; ++k) {
      const unsigned char* b = issues + 4 * k;
      facts.issue[first + static_cast<std::size_t>(k)] =
          static_cast<std::uint32_t>(b[0] | (b[1] << 8) | (b[2] << 16)) |
          (static_cast<std::uint32_t>(b[3]) << 24);
      facts.kind[first + static_cast<std::size_t>(k)] = kinds[k];
    }
  }
  facts.up_to = up_to;
}

void record_entry_facts(Database& db, std::int64_t after) {
  std::map<std::int64_t, Chunk> chunks;
  Statement read(db, "SELECT issues, kinds FROM entry_facts WHERE chunk = ?1");
  Statement entries(db, "SELECT id, issue_id, section_kind FROM entries WHERE id > ?1 ORDER BY id");
  entries.bind(1, after);
  while (entries.step()) {
    const std::int64_t id = entries.column_int(0), issue = entries.column_int(1);
    if (issue <= 0 || issue > UINT32_MAX) {
      throw Error(fmt::format("entry {}: issue id {} does not fit the entry facts", id, issue));
    }
    const std::int64_t chunk = id / kFactsPerChunk;
    auto it = chunks.find(chunk);
    if (it == chunks.end()) it = chunks.emplace(chunk, read_chunk(read, chunk)).first;
    const auto at = static_cast<std::size_t>(id % kFactsPerChunk);
    for (int byte = 0; byte < 4; ++byte) {
      it->second.issues[4 * at + static_cast<std::size_t>(byte)] =
          static_cast<char>((issue >> (8 * byte)) & 0xFF);
    }
    it->second.kinds[at] = static_cast<char>(kind_code(entries.column_text(2)));
  }
  Statement write(db,
                  "INSERT OR REPLACE INTO entry_facts (chunk, issues, kinds) VALUES (?1, ?2, ?3)");
  for (const auto& [chunk, packed] : chunks) {
    write.bind(1, chunk);
    sqlite3_bind_blob(write.handle(), 2, packed.issues.data(),
                      static_cast<int>(packed.issues.size()), SQLITE_TRANSIENT);
    sqlite3_bind_blob(write.handle(), 3, packed.kinds.data(), static_cast<int>(packed.kinds.size()),
                      SQLITE_TRANSIENT);
    write.run();
  }
}

std::optional<FactFilter> FactFilter::of(Database& db, EntryFacts& facts, const Filters& filters,
                                         Filters& rest) {
  rest = filters;
  FactFilter filter(facts);
  bool any = false;
  const bool known = std::all_of(filters.sections.begin(), filters.sections.end(),
                                 [](const std::string& kind) { return kind_code(kind) != 0; });
  if (!filters.sections.empty() && known) {
    filter.kinds_.assign(256, false);
    for (const std::string& kind : filters.sections) filter.kinds_[kind_code(kind)] = true;
    rest.sections.clear();
    any = true;
  }
  if (!filters.issues.empty() || filters.since || filters.until) {
    std::vector<Value> values;
    Statement issues(db, "SELECT i.id FROM issues i WHERE 1" + issue_filter_sql(filters, values));
    bind_all(issues, values);
    while (issues.step()) {
      const std::int64_t id = issues.column_int(0);
      if (id <= 0 || id > UINT32_MAX) continue;  // no entry's facts name it
      if (filter.issues_.size() <= static_cast<std::uint64_t>(id)) {
        filter.issues_.resize(static_cast<std::size_t>(id) + 1, false);
      }
      filter.issues_[static_cast<std::size_t>(id)] = true;
    }
    filter.by_issue_ = true;
    rest.issues.clear();
    rest.since.reset();
    rest.until.reset();
    any = true;
  }
  if (!any) return std::nullopt;
  load_entry_facts(db, facts);
  return filter;
}

}  // namespace kn::detail
