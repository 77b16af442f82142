#include "kn/index.hpp"

#include <fmt/core.h>

#include <chrono>
#include <filesystem>
#include <optional>

#include "kn/extract.hpp"

namespace kn {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A batch commits after this many files or this much time, whichever first:
// large enough for FTS5 to merge well, small enough that a kill loses little
// and a concurrent indexer waits little.
constexpr int kBatchFiles = 500;
constexpr auto kBatchTime = std::chrono::milliseconds(1000);

// The name an issue is stored under: absolute, so it means the same file
// whatever directory kn runs from.
std::string source_name(const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  return ec ? path : absolute.lexically_normal().string();
}

class Indexer {
 public:
  Indexer(Store& store, const IndexOptions& options, Diagnostics& diag)
      : store_(store), options_(options), diag_(diag) {}

  // Returns the bytes the file had. Problems with the file are reported and
  // counted; problems with the store (a full disk) end the run.
  std::uint64_t index(const std::string& path) {
    ++report_.files;
    begin_batch();
    return index_file(path, source_name(path));
  }

  void prune() {
    for (const StoredIssue& issue : store_.issues()) {
      std::error_code ec;
      if (fs::exists(issue.source, ec) || ec) continue;
      begin_batch();
      store_.remove_issue(issue.id);
      ++report_.pruned;
      report_.notes.push_back(
          fmt::format("pruned #{} {} ({} is gone)", issue.number, issue.url, issue.source));
    }
  }

  IndexReport finish() {
    commit();
    return report_;
  }

 private:
  std::uint64_t index_file(const std::string& path, const std::string& source) {
    const std::optional<StoredIssue> known = store_.find_by_source(source);
    if (known) {
      if (const auto stamp = stat_file(path); stamp && *stamp == known->stamp) {
        ++report_.unchanged;
        return static_cast<std::uint64_t>(stamp->size);
      }
    }
    FileStamp stamp;
    std::string bytes;
    try {
      bytes = read_file(path, options_.max_size, &stamp);
    } catch (const Error& e) {
      return failed(path, e, 0);
    }
    const std::string hash = content_hash(bytes);
    if (known && known->hash == hash) {  // touched, not changed
      store_.touch(known->id, stamp);
      ++report_.unchanged;
      return bytes.size();
    }
    Issue issue;
    try {
      issue = extract_issue(bytes, source);
    } catch (const Error& e) {
      return failed(path, e, bytes.size());
    }
    const std::optional<StoredIssue> same_url = store_.find_by_url(issue.url);
    std::error_code ec;
    if (same_url && same_url->hash == hash && same_url->source != source &&
        fs::exists(same_url->source, ec)) {
      ++report_.unchanged;  // a copy of a file already indexed
      return bytes.size();
    }

    Savepoint savepoint(store_.db());
    store_.put_issue(issue, hash, stamp);
    savepoint.release();
    if (same_url) {
      ++report_.updated;
      if (same_url->source != source) {
        report_.notes.push_back(fmt::format("moved #{} {} to {} (was {})", issue.number, issue.url,
                                            source, same_url->source));
      }
    } else if (known) {
      ++report_.updated;
    } else {
      ++report_.added;
    }
    ++batch_writes_;
    return bytes.size();
  }

  std::uint64_t failed(const std::string& path, const Error& e, std::uint64_t bytes) {
    ++report_.failed;
    diag_.file_error(path, e.what());
    return bytes;
  }

  void begin_batch() {
    if (batch_ && (batch_writes_ >= kBatchFiles || Clock::now() - batch_start_ >= kBatchTime)) {
      commit();
    }
    if (!batch_) {
      batch_.emplace(store_.db());
      batch_start_ = Clock::now();
      batch_writes_ = 0;
    }
  }

  void commit() {
    if (batch_) batch_->commit();
    batch_.reset();
  }

  Store& store_;
  const IndexOptions& options_;
  Diagnostics& diag_;
  IndexReport report_;
  std::optional<Transaction> batch_;
  Clock::time_point batch_start_;
  int batch_writes_ = 0;
};

}  // namespace

IndexReport index_files(Store& store, const std::vector<std::string>& files,
                        const IndexOptions& options, Diagnostics& diag,
                        const IndexProgress& progress) {
  Indexer indexer(store, options, diag);
  for (const std::string& path : files) {
    const std::uint64_t bytes = indexer.index(path);
    if (progress) progress(bytes);
  }
  if (options.prune) indexer.prune();
  return indexer.finish();
}

}  // namespace kn
