#include "rank.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <map>
#include <new>
#include <string>

#include "tokenizer.hpp"

namespace kn::detail {

namespace {

constexpr double kK1 = 1.2, kB = 0.75;  // FTS5's bm25 constants

// One phrase's part of a row's bm25 score: the expression both kn_bm25 and
// the phrase scan compute, so that both give the same doubles.
double bm25_term(double idf, double frequency, double length, double average) {
  return idf * (frequency * (kK1 + 1.0)) / (frequency + kK1 * (1 - kB + kB * length / average));
}

double idf_of(sqlite3_int64 rows, std::int64_t hits) {
  const double idf =
      std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
  return idf <= 0.0 ? 1e-6 : idf;
}

// The mean entry length and the number of rows, as FTS5's bm25 reads them.
int table_stats(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_int64& rows,
                double& average) {
  sqlite3_int64 tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  average = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1;
  return rc;
}

// The current row's instances of a phrase, weighted by their column, read
// from its position list: cheaper than xInstCount, which builds and sorts
// every phrase's instances.
int phrase_frequency(const Fts5ExtensionApi* api, Fts5Context* fts, int phrase,
                     const std::vector<double>& weights, double& frequency) {
  Fts5PhraseIter iter;
  int column = 0, offset = 0;
  const int rc = api->xPhraseFirst(fts, phrase, &iter, &column, &offset);
  for (; rc == SQLITE_OK && column >= 0; api->xPhraseNext(fts, &iter, &column, &offset)) {
    frequency += static_cast<std::size_t>(column) < weights.size()
                     ? weights[static_cast<std::size_t>(column)]
                     : 1.0;
  }
  return rc;
}

// The current row's length in tokens: from sizes, or FTS5's own count for
// an entry sizes does not hold.
int entry_length(const Fts5ExtensionApi* api, Fts5Context* fts, const EntrySizes& sizes,
                 double& length) {
  const sqlite3_int64 rowid = api->xRowid(fts);
  if (rowid >= 0 && static_cast<std::uint64_t>(rowid) < sizes.tokens.size() &&
      sizes.tokens[static_cast<std::size_t>(rowid)] > 0) {
    length = sizes.tokens[static_cast<std::size_t>(rowid)];
    return SQLITE_OK;
  }
  int tokens = 0;
  const int rc = api->xColumnSize(fts, -1, &tokens);
  length = tokens;
  return rc;
}

// What a query's rows share: each phrase's idf and the mean entry length,
// as FTS5's bm25 computes them, and the columns' weights (kn_bm25's
// arguments, the same for every row).
struct QueryData {
  std::vector<double> idf;
  double average = 1;
  std::vector<double> weights;
};

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* hits) {
  ++*static_cast<std::int64_t*>(hits);
  return SQLITE_OK;
}

int query_data(const Fts5ExtensionApi* api, Fts5Context* fts, int n_values, sqlite3_value** values,
               QueryData*& out) {
  out = static_cast<QueryData*>(api->xGetAuxdata(fts, 0));
  if (out) return SQLITE_OK;
  auto* data = new (std::nothrow) QueryData;
  if (!data) return SQLITE_NOMEM;
  try {
    for (int i = 0; i < n_values; ++i) data->weights.push_back(sqlite3_value_double(values[i]));
  } catch (const std::bad_alloc&) {
    delete data;
    return SQLITE_NOMEM;
  }
  sqlite3_int64 rows = 0;
  int rc = table_stats(api, fts, rows, data->average);
  const int phrases = api->xPhraseCount(fts);
  for (int i = 0; rc == SQLITE_OK && i < phrases; ++i) {
    std::int64_t hits = 0;
    rc = api->xQueryPhrase(fts, i, &hits, count_row);
    data->idf.push_back(idf_of(rows, hits));
  }
  if (rc != SQLITE_OK) {
    delete data;
    return rc;
  }
  rc = api->xSetAuxdata(fts, data, [](void* p) { delete static_cast<QueryData*>(p); });
  out = data;
  return rc;
}

void kn_bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int n_values,
             sqlite3_value** values) {
  QueryData* data = nullptr;
  int rc = query_data(api, fts, n_values, values, data);
  // Called once per match: the buffer is reused, not allocated per row.
  thread_local std::vector<double> frequency;
  const std::size_t phrases = data ? data->idf.size() : 0;
  frequency.assign(phrases, 0.0);
  for (std::size_t i = 0; rc == SQLITE_OK && i < phrases; ++i) {
    rc = phrase_frequency(api, fts, static_cast<int>(i), data->weights, frequency[i]);
  }
  double length = 0;
  if (rc == SQLITE_OK) {
    rc = entry_length(api, fts, *static_cast<const EntrySizes*>(api->xUserData(fts)), length);
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  double score = 0;
  for (std::size_t i = 0; i < phrases; ++i) {
    score += bm25_term(data->idf[i], frequency[i], length, data->average);
  }
  sqlite3_result_double(result, -1.0 * score);
}

// A phrase scan under way: the rows keep each match's weighted frequency
// in place of its score, and lengths its length, until the matches are
// counted and the phrase's idf is known.
struct ScanState {
  PhraseScan& out;
  const EntrySizes& sizes;
  std::vector<int> lengths;
};

int scan_row(const Fts5ExtensionApi* api, Fts5Context* fts, void* state) {
  auto& scan = *static_cast<ScanState*>(state);
  double frequency = 0, length = 0;
  int rc = phrase_frequency(api, fts, 0, scan.out.weights, frequency);
  if (rc == SQLITE_OK) rc = entry_length(api, fts, scan.sizes, length);
  if (rc != SQLITE_OK) return rc;
  try {
    scan.out.rows.push_back({api->xRowid(fts), frequency});
    scan.lengths.push_back(static_cast<int>(length));
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

void kn_phrase_scan(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result,
                    int n_values, sqlite3_value** values) {
  auto* out = n_values == 1
                  ? static_cast<PhraseScan*>(sqlite3_value_pointer(values[0], kPhraseScanType))
                  : nullptr;
  if (!out) {
    sqlite3_result_error(result, "kn_phrase_scan: no scan to fill", -1);
    return;
  }
  if (out->ran) return;  // the first row's call did the work
  out->ran = true;
  out->one_phrase = api->xPhraseCount(fts) == 1;
  if (!out->one_phrase) return;
  ScanState scan{*out, *static_cast<const EntrySizes*>(api->xUserData(fts)), {}};
  sqlite3_int64 rows = 0;
  double average = 1;
  int rc = table_stats(api, fts, rows, average);
  if (rc == SQLITE_OK) rc = api->xQueryPhrase(fts, 0, &scan, scan_row);
  if (rc != SQLITE_OK) {
    out->rows.clear();
    sqlite3_result_error_code(result, rc);
    return;
  }
  // As kn_bm25 adds one phrase's term to 0 and negates the sum.
  const double idf = idf_of(rows, static_cast<std::int64_t>(out->rows.size()));
  for (std::size_t i = 0; i < out->rows.size(); ++i) {
    PhraseScan::Row& row = out->rows[i];
    row.score = -1.0 * (0.0 + bm25_term(idf, row.score, scan.lengths[i], average));
  }
}

// The sum of the varints of a docsize blob: the entry's tokens in all
// columns. SQLite's varints: seven bits a byte, the most significant first,
// the high bit set on all but the last (a ninth byte gives all eight).
std::int64_t total_of(const unsigned char* blob, int bytes) {
  std::int64_t total = 0;
  for (int i = 0; i < bytes;) {
    std::uint64_t value = 0;
    for (int n = 0; i < bytes; ++n) {
      const unsigned char byte = blob[i++];
      if (n == 8) {
        value = (value << 8) | byte;
        break;
      }
      value = (value << 7) | (byte & 0x7F);
      if (!(byte & 0x80)) break;
    }
    total += static_cast<std::int64_t>(value);
  }
  return total;
}

}  // namespace

std::uint16_t docsize_tokens(const Statement& row, int column) {
  const std::span<const unsigned char> blob = row.column_blob(column);
  const std::int64_t total = total_of(blob.data(), static_cast<int>(blob.size()));
  return static_cast<std::uint16_t>(std::min<std::int64_t>(total, 0xFFFF));
}

void register_ranking(Database& db, fts5_api* api, const EntrySizes* sizes) {
  auto* user = const_cast<EntrySizes*>(sizes);
  if (api->xCreateFunction(api, "kn_bm25", user, kn_bm25, nullptr) != SQLITE_OK ||
      api->xCreateFunction(api, "kn_phrase_scan", user, kn_phrase_scan, nullptr) != SQLITE_OK) {
    db.fail();
  }
}

void load_entry_sizes(Database& db, EntrySizes& sizes) {
  if (sizes.loaded) return;
  // The last chunk first: it sizes the array once. Chunks beyond the last
  // entry hold nobody's size (a damaged or crafted database) and would size
  // the array by a stored number: they are left out (kn check names them).
  Statement rows(db,
                 "SELECT chunk, sizes FROM entry_sizes WHERE chunk <= (SELECT coalesce(max(id), "
                 "0) FROM entries) / ?1 ORDER BY chunk DESC");
  rows.bind(1, kSizesPerChunk);
  while (rows.step()) {
    const std::int64_t chunk = rows.column_int(0);
    const std::span<const unsigned char> blob = rows.column_blob(1);
    const unsigned char* bytes = blob.data();
    const int n = std::min(static_cast<int>(blob.size() / 2), int{kSizesPerChunk});
    if (chunk < 0 || chunk > (INT32_MAX / kSizesPerChunk) || n <= 0) continue;
    const auto first = static_cast<std::size_t>(chunk * kSizesPerChunk);
    if (sizes.tokens.size() < first + static_cast<std::size_t>(kSizesPerChunk)) {
      sizes.tokens.resize(first + static_cast<std::size_t>(kSizesPerChunk), 0);
    }
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(sizes.tokens.data() + first, bytes, 2 * static_cast<std::size_t>(n));
    } else {
      for (int k = 0; k < n; ++k) {
        sizes.tokens[first + static_cast<std::size_t>(k)] =
            static_cast<std::uint16_t>(bytes[2 * k] | (bytes[2 * k + 1] << 8));
      }
    }
  }
  sizes.loaded = true;
}

void record_entry_sizes(Database& db, std::int64_t after) {
  std::map<std::int64_t, std::string> chunks;  // chunk -> its packed counts
  Statement read(db, "SELECT sizes FROM entry_sizes WHERE chunk = ?1");
  Statement docs(db, "SELECT id, sz FROM entries_fts_docsize WHERE id > ?1 ORDER BY id");
  docs.bind(1, after);
  while (docs.step()) {
    const std::int64_t id = docs.column_int(0);
    const std::int64_t chunk = id / kSizesPerChunk;
    auto [it, fresh] = chunks.try_emplace(chunk);
    if (fresh) {
      const Statement::Use use = read.use();
      read.bind(1, chunk);
      if (read.step()) {
        const std::span<const unsigned char> blob = read.column_blob(0);
        it->second.assign(blob.begin(), blob.end());
      }
      it->second.resize(2 * kSizesPerChunk, '\0');
    }
    const std::uint16_t tokens = docsize_tokens(docs, 1);
    const auto at = static_cast<std::size_t>(2 * (id % kSizesPerChunk));
    it->second[at] = static_cast<char>(tokens & 0xFF);
    it->second[at + 1] = static_cast<char>(tokens >> 8);
  }
  Statement write(db, "INSERT OR REPLACE INTO entry_sizes (chunk, sizes) VALUES (?1, ?2)");
  for (const auto& [chunk, packed] : chunks) {
    write.bind(1, chunk);
    write.bind_blob(2, packed);
    write.run();
  }
}

}  // namespace kn::detail
