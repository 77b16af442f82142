#include "facts.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <map>
#include <string>

#include "kn/error.hpp"
#include "kn/issue.hpp"

namespace kn::detail {

namespace {

// Stored: a kind's code is its place in kSectionKinds, plus one. The codes
// are on disk in entry_facts, so they are pinned here.
constexpr std::uint8_t code_of(SectionKind kind) { return static_cast<std::uint8_t>(kind) + 1; }
static_assert(code_of(SectionKind::news) == 1 && code_of(SectionKind::competitions) == 2 &&
              code_of(SectionKind::news_and_competitions) == 3 && code_of(SectionKind::pr) == 4 &&
              code_of(SectionKind::announcement) == 5 && code_of(SectionKind::datasets) == 6 &&
              code_of(SectionKind::articles) == 7 && code_of(SectionKind::errata) == 8 &&
              code_of(SectionKind::others) == 9 && code_of(SectionKind::other) == 10 &&
              code_of(SectionKind::links) == 11 && kSectionKinds.size() == 11);

// One row of entry_facts: the blobs, as stored.
struct Chunk {
  std::string kinds, numbers, dates;
};

std::string blob(const Statement& row, int column) {
  const std::span<const unsigned char> bytes = row.column_blob(column);
  return std::string(bytes.begin(), bytes.end());
}

Chunk read_chunk(Statement& read, std::int64_t chunk) {
  Chunk out;
  {
    const Statement::Use use = read.use();
    read.bind(1, chunk);
    if (read.step()) out = {blob(read, 0), blob(read, 1), blob(read, 2)};
  }
  out.kinds.resize(kFactsPerChunk, '\0');
  out.numbers.resize(4 * kFactsPerChunk, '\0');
  out.dates.resize(4 * kFactsPerChunk, '\0');
  return out;
}

void put32(std::string& packed, std::size_t at, std::int32_t value) {
  const auto bits = static_cast<std::uint32_t>(value);
  for (std::size_t byte = 0; byte < 4; ++byte) {
    packed[4 * at + byte] = static_cast<char>((bits >> (8 * byte)) & 0xFF);
  }
}

std::int32_t get32(const unsigned char* packed, int at) {
  const unsigned char* b = packed + 4 * at;
  return static_cast<std::int32_t>(
      static_cast<std::uint32_t>(b[0]) | (static_cast<std::uint32_t>(b[1]) << 8) |
      (static_cast<std::uint32_t>(b[2]) << 16) | (static_cast<std::uint32_t>(b[3]) << 24));
}

// The blob in column of row, as bytes, with how many units of size it holds.
const unsigned char* units(const Statement& row, int column, int size, int& count) {
  const std::span<const unsigned char> blob = row.column_blob(column);
  count = static_cast<int>(blob.size()) / size;
  return blob.data();
}

}  // namespace

std::uint8_t kind_code(std::string_view section_kind) {
  const std::optional<SectionKind> kind = section_kind_named(section_kind);
  return kind ? code_of(*kind) : kOtherKind;
}

std::int32_t date_code(const std::optional<std::string_view>& date) {
  const std::optional<Date> parsed = date ? Date::parse(*date) : std::nullopt;
  return parsed ? parsed->year * 10000 + parsed->month * 100 + parsed->day : 0;
}

void load_entry_facts(Database& db, EntryFacts& facts) {
  Statement state(db, "SELECT indexed_up_to FROM fts_state");
  const std::int64_t up_to = state.step() ? state.column_int(0) : 0;
  if (up_to <= facts.up_to) return;
  // The last chunk first: it sizes the arrays once. Chunks beyond the last
  // indexed entry are nobody's facts (a damaged or crafted database) and
  // would size the arrays by a stored number: they are left out (kn check
  // names them).
  Statement rows(db,
                 "SELECT chunk, kinds, numbers, dates FROM entry_facts WHERE chunk >= ?1 AND "
                 "chunk <= min(?2, (SELECT coalesce(max(id), 0) FROM entries)) / ?3 "
                 "ORDER BY chunk DESC");
  rows.bind(1, facts.up_to / kFactsPerChunk);
  rows.bind(2, up_to);
  rows.bind(3, kFactsPerChunk);
  while (rows.step()) {
    const std::int64_t chunk = rows.column_int(0);
    if (chunk < 0 || chunk > INT32_MAX / kFactsPerChunk) continue;
    int n = 0, n_numbers = 0, n_dates = 0;
    const unsigned char* kinds = units(rows, 1, 1, n);
    const unsigned char* numbers = units(rows, 2, 4, n_numbers);
    const unsigned char* dates = units(rows, 3, 4, n_dates);
    n = std::min({n, n_numbers, n_dates, static_cast<int>(kFactsPerChunk)});
    if (n <= 0) continue;
    const auto first = static_cast<std::size_t>(chunk * kFactsPerChunk);
    const std::size_t end = first + static_cast<std::size_t>(kFactsPerChunk);
    if (facts.kind.size() < end) {
      facts.kind.resize(end, 0);
      facts.number.resize(end, 0);
      facts.date.resize(end, 0);
    }
    std::memcpy(facts.kind.data() + first, kinds, static_cast<std::size_t>(n));
    if constexpr (std::endian::native == std::endian::little) {
      // The stored order: copied whole (a tenth of the instructions).
      std::memcpy(facts.number.data() + first, numbers, 4 * static_cast<std::size_t>(n));
      std::memcpy(facts.date.data() + first, dates, 4 * static_cast<std::size_t>(n));
    } else {
      for (int k = 0; k < n; ++k) {
        facts.number[first + static_cast<std::size_t>(k)] = get32(numbers, k);
        facts.date[first + static_cast<std::size_t>(k)] = get32(dates, k);
      }
    }
  }
  facts.up_to = up_to;
}

namespace {

// The rows of entry_facts being changed, each read when first touched and
// written back by write().
class ChunkEdit {
 public:
  explicit ChunkEdit(Database& db)
      : db_(db), read_(db, "SELECT kinds, numbers, dates FROM entry_facts WHERE chunk = ?1") {}

  // The chunk holding entry id, and id's place in it.
  Chunk& of(std::int64_t id, std::size_t& at) {
    const std::int64_t chunk = id / kFactsPerChunk;
    auto it = chunks_.find(chunk);
    if (it == chunks_.end()) it = chunks_.emplace(chunk, read_chunk(read_, chunk)).first;
    at = static_cast<std::size_t>(id % kFactsPerChunk);
    return it->second;
  }

  void write() {
    Statement write(db_,
                    "INSERT OR REPLACE INTO entry_facts (chunk, kinds, numbers, dates) "
                    "VALUES (?1, ?2, ?3, ?4)");
    for (const auto& [chunk, packed] : chunks_) {
      write.bind(1, chunk);
      int column = 2;
      for (const std::string* part : {&packed.kinds, &packed.numbers, &packed.dates}) {
        write.bind_blob(column++, *part);
      }
      write.run();
    }
  }

 private:
  Database& db_;
  Statement read_;
  std::map<std::int64_t, Chunk> chunks_;
};

}  // namespace

void record_entry_facts(Database& db, std::int64_t after) {
  ChunkEdit edit(db);
  Statement entries(db,
                    "SELECT e.id, e.section_kind, i.number, i.date FROM entries e JOIN issues i "
                    "ON i.id = e.issue_id WHERE e.id > ?1 ORDER BY e.id");
  entries.bind(1, after);
  while (entries.step()) {
    const std::int64_t id = entries.column_int(0), number = entries.column_int(2);
    if (number < INT32_MIN || number > INT32_MAX) {
      throw Error(
          fmt::format("entry {}: issue number {} does not fit the entry facts", id, number));
    }
    std::size_t at = 0;
    Chunk& chunk = edit.of(id, at);
    chunk.kinds[at] = static_cast<char>(kind_code(entries.column_text(1)));
    put32(chunk.numbers, at, static_cast<std::int32_t>(number));
    put32(chunk.dates, at, date_code(entries.column_optional_text(3)));
  }
  edit.write();
}

void forget_entry_facts(Database& db, std::int64_t issue_id, std::int64_t up_to) {
  ChunkEdit edit(db);
  Statement entries(db, "SELECT id FROM entries WHERE issue_id = ?1 AND id <= ?2");
  entries.bind(1, issue_id).bind(2, up_to);
  while (entries.step()) {
    std::size_t at = 0;
    Chunk& chunk = edit.of(entries.column_int(0), at);
    chunk.kinds[at] = 0;
    put32(chunk.numbers, at, 0);
    put32(chunk.dates, at, 0);
  }
  edit.write();
}

std::int64_t FactFilter::count() const {
  const std::int64_t last =
      std::min<std::int64_t>(facts_->up_to, static_cast<std::int64_t>(facts_->kind.size()) - 1);
  std::int64_t passed = 0;
  for (std::int64_t id = 1; id <= last; ++id) passed += passes(id) ? 1 : 0;
  return passed;
}

std::optional<FactFilter> FactFilter::of(Database& db, EntryFacts& facts, const Filters& filters,
                                         Filters& rest) {
  rest = filters;
  FactFilter filter(facts);
  bool any = false;
  const bool known =
      std::all_of(filters.sections.begin(), filters.sections.end(),
                  [](const std::string& kind) { return kind_code(kind) != kOtherKind; });
  if (!filters.sections.empty() && known) {
    filter.kinds_.assign(256, false);
    for (const std::string& kind : filters.sections) filter.kinds_[kind_code(kind)] = true;
    rest.sections.clear();
    any = true;
  }
  if (!filters.issues.empty()) {
    filter.numbers_ = filters.issues;
    rest.issues.clear();
    any = true;
  }
  // Dates as YYYYMMDD compare as the stored text does.
  std::vector<std::pair<std::int32_t, std::int32_t>> dates;
  for (const DateRange& range : filters.dates) {
    const std::int32_t since = range.since.empty() ? 0 : date_code(range.since);
    const std::int32_t until = range.until.empty() ? INT32_MAX : date_code(range.until);
    if ((!range.since.empty() && since == 0) || (!range.until.empty() && until == 0)) break;
    dates.emplace_back(since, until);
  }
  if (!filters.dates.empty() && dates.size() == filters.dates.size()) {
    filter.dates_ = std::move(dates);
    rest.dates.clear();
    any = true;
  }
  if (!any) return std::nullopt;
  load_entry_facts(db, facts);
  return filter;
}

}  // namespace kn::detail
