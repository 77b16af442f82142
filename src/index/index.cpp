#include "kn/index.hpp"

#include <fmt/core.h>
#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <unordered_set>

#include "extract/issue_header.hpp"
#include "kn/extract.hpp"
#include "util/text_encoding.hpp"
#include "workers.hpp"

namespace kn {

namespace {

using Clock = std::chrono::steady_clock;

// A batch commits after this many files or this much time, whichever first:
// large enough for FTS5 to merge well, small enough that a kill loses little
// and a concurrent indexer waits little.
constexpr int kBatchFiles = 500;
constexpr auto kBatchTime = std::chrono::milliseconds(1000);

// Files read and parsed ahead of the writer, by count and by bytes: enough
// to keep the workers busy, little enough that memory stays small whatever
// the files (a parsed file takes about 18 times its size).
constexpr std::size_t kWindowFiles = 32;
constexpr std::uint64_t kWindowBytes = 2 << 20;

// One file to read and parse off the writer's thread.
struct Job {
  InputFile input;
  std::string source;      // the absolute path issues are stored under
  std::string known_hash;  // what the store had from this path when planned
  std::uint64_t max_size = 0, planned_size = 0;

  // Filled in by a worker.
  bool done = false;
  std::string error;       // why the file could not be read or parsed
  std::string note;        // how its text was read, when the user should know
  bool not_issue = false;  // it does not begin like an issue at all
  std::string hash;
  std::uint64_t bytes = 0;
  FileStamp stamp;
  std::optional<Issue> issue;  // none when the content is known_hash's

  void run() {
    error.clear();
    note.clear();
    not_issue = false;
    issue.reset();
    try {
      const std::string content = read_file(input.path, max_size, &stamp);
      bytes = content.size();
      hash = content_hash(content);
      if (hash != known_hash) {
        const DecodedText decoded = decode_text(content);
        note = decoding_note(decoded);
        issue = extract_issue(decoded.text, source);
      }
    } catch (const NotAnIssue& e) {
      error = e.what();
      not_issue = true;
    } catch (const Error& e) {
      error = e.what();
    } catch (const std::exception& e) {
      error = fmt::format("internal error: {}", e.what());
    }
  }
};

unsigned worker_count() { return std::max(1u, std::thread::hardware_concurrency()); }

bool under(const std::string& path, const std::string& root) {
  return path == root ||
         (path.starts_with(root) && (root.ends_with('/') || path[root.size()] == '/'));
}

class Indexer {
 public:
  Indexer(Store& store, const IndexOptions& options, Diagnostics& diag,
          const IndexProgress& progress)
      : store_(store), options_(options), diag_(diag), progress_(progress) {}

  // Files are read and parsed by the workers while this thread writes the
  // ones before them, in order. Problems with a file are reported and
  // counted; problems with the store (a full disk) end the run.
  void index(const std::vector<InputFile>& files) {
    detail::Workers<Job> workers(worker_count());
    std::deque<std::shared_ptr<Job>> window;
    std::uint64_t window_bytes = 0;
    for (const InputFile& input : files) {
      begin_batch();
      auto job = plan(input);
      if (!job) continue;
      // Make room first: a file larger than the byte window waits until
      // it is alone in flight.
      while (!window.empty() &&
             (window.size() >= kWindowFiles || window_bytes + job->planned_size > kWindowBytes)) {
        window_bytes -= window.front()->planned_size;
        write_first(workers, window);
      }
      workers.submit(job);
      window_bytes += job->planned_size;
      window.push_back(std::move(job));
    }
    while (!window.empty()) write_first(workers, window);
  }

  // Removes the issues stale_issues() names (--prune).
  void prune(const Inputs& inputs);
  // Names them in the report instead, unless a path of the run held no
  // issue file (a disk not mounted would name every issue).
  void report_stale(const Inputs& inputs);

  // An issue still indexed from a file under the run's paths that the run
  // did not index, and what became of its file ("is gone").
  struct Stale {
    StoredIssue issue;
    std::string why;
  };
  // Returns the issues --prune would remove.
  std::vector<Stale> stale_issues(const Inputs& inputs) const;

  IndexReport finish() {
    commit();
    return report_;
  }

 private:
  std::shared_ptr<Job> plan(const InputFile& input);
  void write_first(detail::Workers<Job>& workers, std::deque<std::shared_ptr<Job>>& window);
  void write(detail::Workers<Job>& workers, Job& job);
  void write_issue(const Job& job, const std::optional<StoredIssue>& known);
  bool is_duplicate(const Job& job, const StoredIssue& other);
  // "moved", or "would move" in a dry run.
  std::string verb(std::string_view done, std::string_view would) const {
    return std::string(options_.dry_run ? would : done);
  }
  void progress(std::uint64_t bytes) {
    if (progress_) progress_(bytes);
  }
  void begin_batch();
  void commit() {
    if (batch_) batch_->commit();
    batch_.reset();
  }

  Store& store_;
  const IndexOptions& options_;
  Diagnostics& diag_;
  const IndexProgress& progress_;
  IndexReport report_;
  std::unordered_set<std::string> sources_;      // seen in this run
  std::unordered_set<std::string> warned_urls_;  // duplicates reported
  std::optional<Store::Batch> batch_;
  Clock::time_point batch_start_;
  int batch_writes_ = 0;
};

// The job for a file, or none when it is unchanged by size and mtime (or
// named twice).
std::shared_ptr<Job> Indexer::plan(const InputFile& input) {
  ++report_.files;
  std::string source = absolute_path(input.path);
  if (!sources_.insert(source).second) {
    ++report_.unchanged;
    progress(0);
    return nullptr;
  }
  const std::optional<StoredIssue> known = store_.find_by_source(source);
  const std::optional<FileStamp> stamp = stat_file(input.path);
  if (known && stamp && *stamp == known->stamp) {
    ++report_.unchanged;
    progress(static_cast<std::uint64_t>(stamp->size));
    return nullptr;
  }
  auto job = std::make_shared<Job>();
  job->input = input;
  job->source = std::move(source);
  if (known) job->known_hash = known->hash;
  job->max_size = options_.max_size;
  job->planned_size = stamp ? static_cast<std::uint64_t>(stamp->size) : 0;
  return job;
}

void Indexer::write_first(detail::Workers<Job>& workers, std::deque<std::shared_ptr<Job>>& window) {
  write(workers, *window.front());
  const bool large = window.front()->bytes > kWindowBytes;
  window.pop_front();
  // Each worker thread has its own malloc arena: the pages a large file's
  // parse freed there would stay resident and add up across the workers.
  if (large) ::malloc_trim(0);
}

void Indexer::write(detail::Workers<Job>& workers, Job& job) {
  workers.wait(job);
  begin_batch();
  // Decisions rest on the store as it is now: earlier files of this run
  // may have moved issues since this one was planned.
  const std::optional<StoredIssue> known = store_.find_by_source(job.source);
  if (job.error.empty() && !job.issue && (!known || known->hash != job.hash)) {
    job.known_hash.clear();
    job.run();  // the worker skipped parsing on what the store said then
  }
  if (job.not_issue && job.input.walked) {
    ++report_.skipped;  // a README or a picture beside the issues
    report_.skipped_files.emplace_back(job.input.path, job.error);
  } else if (!job.error.empty()) {
    ++report_.failed;
    diag_.file_error(job.input.path, job.error);
  } else if (known && known->hash == job.hash) {
    store_.touch(known->id, job.stamp);  // touched, not changed
    ++report_.unchanged;
  } else {
    if (!job.note.empty()) diag_.warning(job.input.path, job.note);
    write_issue(job, known);
  }
  progress(job.bytes);
}

void Indexer::write_issue(const Job& job, const std::optional<StoredIssue>& known) {
  const Issue& issue = *job.issue;
  const std::optional<StoredIssue> same_url = store_.find_by_url(issue.url);
  const bool elsewhere = same_url && same_url->source != job.source;
  if (elsewhere && is_duplicate(job, *same_url)) return;
  // No savepoint per file: a store error ends the run and rolls back the
  // open batch anyway, and each savepoint's journal went to a temporary
  // file, page by page (three quarters of all the bytes indexing wrote).
  if (const auto detached = store_.put_issue(issue, job.hash, job.stamp)) {
    report_.notes.push_back(fmt::format(
        "{} #{} {}, whose file {} now holds #{} (--prune removes it)", verb("kept", "would keep"),
        detached->number, detached->url, job.source, issue.number));
  }
  if (elsewhere) {
    report_.notes.push_back(fmt::format("{} #{} {} to {} (was {})", verb("moved", "would move"),
                                        issue.number, issue.url, job.source, same_url->source));
  }
  ++(same_url || known ? report_.updated : report_.added);
  ++batch_writes_;
}

// Whether the file at other.source holds the issue other now: unchanged
// since indexed, only touched, or edited (the same URL on line 2).
bool holds(const StoredIssue& other, const std::optional<FileStamp>& now, std::uint64_t max_size) {
  if (other.detached || !now) return false;
  if (*now == other.stamp) return true;
  try {
    const std::string content = read_file(other.source, max_size);
    if (content_hash(content) == other.hash) return true;
    check_encoding(content);
    std::string_view rest = content;
    next_line(rest);
    return parse_url(next_line(rest)) == other.url;
  } catch (const Error&) {
    return false;
  }
}

// Whether the issue of job is already stored from another file that still
// holds it: an identical copy is no news; of two different files, the newer
// one is the issue and the other is reported.
bool Indexer::is_duplicate(const Job& job, const StoredIssue& other) {
  const std::optional<FileStamp> now = stat_file(other.source);
  if (!holds(other, now, options_.max_size)) return false;  // it moved here
  if (other.hash == job.hash) {
    ++report_.unchanged;
    return true;
  }
  // Of two files modified at the same time, the first in path order wins,
  // whichever order the runs met them in.
  const bool same_time = job.stamp.mtime_ns == now->mtime_ns;
  const bool newer =
      same_time ? absolute_path(job.input.path) < other.source : job.stamp.mtime_ns > now->mtime_ns;
  if (warned_urls_.insert(other.url).second) {
    const char* verdict = same_time ? (newer ? "it replaces (same modification time; it comes "
                                               "first in path order)"
                                             : "is kept (same modification time; it comes first "
                                               "in path order)")
                          : newer   ? "it replaces (it is newer)"
                                    : "is newer: kept";
    diag_.warning(job.input.path, fmt::format("holds issue #{} as {} does, which {}",
                                              job.issue->number, other.source, verdict));
  }
  if (newer) return false;
  ++report_.duplicates;
  return true;
}

std::vector<Indexer::Stale> Indexer::stale_issues(const Inputs& inputs) const {
  const auto reason = [&](const std::string& source) -> std::string {
    for (const std::string& excluded : inputs.excluded) {
      if (under(source, excluded)) return "is excluded";
    }
    return stat_file(source) ? "was not found" : "is gone";
  };
  std::vector<Stale> out;
  for (const StoredIssue& issue : store_.issues()) {
    const bool in_roots =
        std::any_of(inputs.roots.begin(), inputs.roots.end(),
                    [&](const std::string& root) { return under(issue.source, root); });
    if (!in_roots || (!issue.detached && sources_.contains(issue.source))) continue;
    out.push_back({issue, issue.detached ? "holds another issue" : reason(issue.source)});
  }
  return out;
}

void Indexer::report_stale(const Inputs& inputs) {
  // A path that holds no issue file at all is not taken as the archive
  // being gone: an unmounted disk would name every issue.
  if (!inputs.missing.empty() || !inputs.empty_roots.empty()) return;
  for (const Stale& stale : stale_issues(inputs)) {
    report_.stale.emplace_back(stale.issue.source,
                               fmt::format("#{} {} is still indexed, but the file {}",
                                           stale.issue.number, stale.issue.url, stale.why));
  }
}

void Indexer::prune(const Inputs& inputs) {
  std::vector<std::string> empty = inputs.missing;
  empty.insert(empty.end(), inputs.empty_roots.begin(), inputs.empty_roots.end());
  if (!empty.empty() && !options_.force) {
    diag_.file_error(empty.front(),
                     "holds no issue files (an archive not mounted?); nothing "
                     "pruned (--prune --force prunes anyway)");
    return;
  }
  for (const Stale& stale : stale_issues(inputs)) {
    begin_batch();
    store_.remove_issue(stale.issue.id);
    ++report_.pruned;
    report_.notes.push_back(fmt::format("{} #{} {} ({} {})", verb("pruned", "would prune"),
                                        stale.issue.number, stale.issue.url, stale.issue.source,
                                        stale.why));
  }
}

void Indexer::begin_batch() {
  if (batch_ && (batch_writes_ >= kBatchFiles || Clock::now() - batch_start_ >= kBatchTime)) {
    commit();
  }
  if (!batch_) {
    batch_.emplace(store_);
    batch_start_ = Clock::now();
    batch_writes_ = 0;
  }
}

}  // namespace

IndexReport index_files(Store& store, const Inputs& inputs, const IndexOptions& options,
                        Diagnostics& diag, const IndexProgress& progress) {
  Indexer indexer(store, options, diag, progress);
  indexer.index(inputs.files);
  if (options.prune) {
    indexer.prune(inputs);
  } else {
    indexer.report_stale(inputs);
  }
  return indexer.finish();
}

}  // namespace kn
