#include "kn/index.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_set>

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

// Files read and parsed ahead of the writer: enough to keep the workers
// busy, few enough that memory stays small whatever the corpus.
constexpr std::size_t kWindow = 32;

// The name an issue is stored under: absolute, so it means the same file
// whatever directory kn runs from.
std::string source_name(const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  return ec ? path : absolute.lexically_normal().string();
}

// One file to read and parse off the writer's thread.
struct Job {
  std::string path, source;
  std::optional<StoredIssue> known;  // what the store has from this path
  std::uint64_t max_size = 0;

  // Filled in by a worker.
  bool done = false;
  std::string error;  // why the file could not be read or parsed
  std::string bytes_hash;
  std::uint64_t bytes = 0;
  FileStamp stamp;
  std::optional<Issue> issue;  // none when the content is what is stored

  void run() {
    try {
      const std::string content = read_file(path, max_size, &stamp);
      bytes = content.size();
      bytes_hash = content_hash(content);
      if (!known || known->hash != bytes_hash) issue = extract_issue(content, source);
    } catch (const Error& e) {
      error = e.what();
    } catch (const std::exception& e) {
      error = fmt::format("internal error: {}", e.what());
    }
  }
};

// Worker threads running jobs in the order they come.
class Workers {
 public:
  explicit Workers(unsigned count) {
    for (unsigned k = 0; k < count; ++k) threads_.emplace_back([this] { work(); });
  }
  ~Workers() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  void submit(std::shared_ptr<Job> job) {
    {
      const std::lock_guard lock(mutex_);
      queue_.push_back(std::move(job));
    }
    wake_.notify_one();
  }

  void wait(const Job& job) {
    std::unique_lock lock(mutex_);
    finished_.wait(lock, [&] { return job.done; });
  }

 private:
  void work() {
    while (true) {
      std::shared_ptr<Job> job;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      job->run();
      {
        const std::lock_guard lock(mutex_);
        job->done = true;
      }
      finished_.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_, finished_;
  std::deque<std::shared_ptr<Job>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

unsigned worker_count() { return std::max(1u, std::thread::hardware_concurrency()); }

class Indexer {
 public:
  Indexer(Store& store, const IndexOptions& options, Diagnostics& diag,
          const IndexProgress& progress)
      : store_(store), options_(options), diag_(diag), progress_(progress) {}

  // Files are read and parsed by the workers while this thread writes the
  // ones before them, in order. Problems with a file are reported and
  // counted; problems with the store (a full disk) end the run.
  void index(const std::vector<std::string>& files) {
    Workers workers(worker_count());
    std::deque<std::shared_ptr<Job>> window;
    for (const std::string& path : files) {
      ++report_.files;
      begin_batch();
      auto job = plan(path);
      if (!job) continue;
      workers.submit(job);
      window.push_back(std::move(job));
      while (window.size() >= kWindow) {
        write(workers, *window.front());
        window.pop_front();
      }
    }
    for (; !window.empty(); window.pop_front()) write(workers, *window.front());
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
  // The job for path, or none when it is unchanged by size and mtime (or
  // named twice).
  std::shared_ptr<Job> plan(const std::string& path) {
    std::string source = source_name(path);
    std::optional<StoredIssue> known = store_.find_by_source(source);
    if (!sources_.insert(source).second) {
      done_unchanged(0);
      return nullptr;
    }
    if (known) {
      if (const auto stamp = stat_file(path); stamp && *stamp == known->stamp) {
        done_unchanged(static_cast<std::uint64_t>(stamp->size));
        return nullptr;
      }
    }
    auto job = std::make_shared<Job>();
    job->path = path;
    job->source = std::move(source);
    job->known = std::move(known);
    job->max_size = options_.max_size;
    return job;
  }

  void write(Workers& workers, Job& job) {
    workers.wait(job);
    begin_batch();
    if (!job.error.empty()) {
      ++report_.failed;
      diag_.file_error(job.path, job.error);
    } else if (!job.issue) {  // touched, not changed
      store_.touch(job.known->id, job.stamp);
      ++report_.unchanged;
    } else {
      write_issue(job);
    }
    if (progress_) progress_(job.bytes);
  }

  void write_issue(const Job& job) {
    const Issue& issue = *job.issue;
    const std::optional<StoredIssue> same_url = store_.find_by_url(issue.url);
    std::error_code ec;
    if (same_url && same_url->hash == job.bytes_hash && same_url->source != job.source &&
        fs::exists(same_url->source, ec)) {
      ++report_.unchanged;  // a copy of a file already indexed
      return;
    }
    // No savepoint per file: a store error ends the run and rolls back the
    // open batch anyway, and each savepoint's journal went to a temporary
    // file, page by page (three quarters of all the bytes indexing wrote).
    store_.put_issue(issue, job.bytes_hash, job.stamp);
    if (same_url) {
      ++report_.updated;
      if (same_url->source != job.source) {
        report_.notes.push_back(fmt::format("moved #{} {} to {} (was {})", issue.number, issue.url,
                                            job.source, same_url->source));
      }
    } else if (job.known) {
      ++report_.updated;
    } else {
      ++report_.added;
    }
    ++batch_writes_;
  }

  void done_unchanged(std::uint64_t bytes) {
    ++report_.unchanged;
    if (progress_) progress_(bytes);
  }

  void begin_batch() {
    if (batch_ && (batch_writes_ >= kBatchFiles || Clock::now() - batch_start_ >= kBatchTime)) {
      commit();
    }
    if (!batch_) {
      batch_.emplace(store_);
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
  const IndexProgress& progress_;
  IndexReport report_;
  std::unordered_set<std::string> sources_;  // seen in this run
  std::optional<Store::Batch> batch_;
  Clock::time_point batch_start_;
  int batch_writes_ = 0;
};

}  // namespace

IndexReport index_files(Store& store, const std::vector<std::string>& files,
                        const IndexOptions& options, Diagnostics& diag,
                        const IndexProgress& progress) {
  Indexer indexer(store, options, diag, progress);
  indexer.index(files);
  if (options.prune) indexer.prune();
  return indexer.finish();
}

}  // namespace kn
