#include "kn/index.hpp"

#include <fmt/core.h>

#include <chrono>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "output.hpp"
#include "render/progress.hpp"
#include "util/sanitize.hpp"

namespace kn {

namespace {

// The paths named on the command line, with "-" replaced by the paths read
// from stdin, one per line (or per NUL with -0).
std::vector<std::string> input_paths(const std::vector<std::string>& args, bool null_separated) {
  std::vector<std::string> paths;
  for (const std::string& arg : args) {
    if (arg != "-") {
      paths.push_back(arg);
      continue;
    }
    const std::string input{std::istreambuf_iterator<char>(std::cin), {}};
    if (!null_separated && input.find('\0') != std::string::npos) {
      throw Error(
          "stdin: the list of paths holds NUL bytes: for NUL-separated paths (find -print0) "
          "say -0");
    }
    const char separator = null_separated ? '\0' : '\n';
    std::size_t start = 0;
    while (start < input.size()) {
      std::size_t end = input.find(separator, start);
      if (end == std::string::npos) end = input.size();
      if (end > start) paths.push_back(input.substr(start, end - start));
      start = end + 1;
    }
  }
  return paths;
}

std::uint64_t total_size(const std::vector<InputFile>& files) {
  std::uint64_t total = 0;
  for (const InputFile& file : files) {
    if (const auto stamp = stat_file(file.path)) total += static_cast<std::uint64_t>(stamp->size);
  }
  return total;
}

void print_summary(const IndexReport& report, const IndexRequest& request, double seconds) {
  if (request.json) {
    JsonWriter json;
    json.begin_object().key("files").value(report.files).key("new").value(report.added);
    json.key("updated").value(report.updated).key("unchanged").value(report.unchanged);
    json.key("failed").value(report.failed).key("skipped").value(report.skipped);
    json.key("duplicates").value(report.duplicates).key("pruned").value(report.pruned);
    json.key("dry_run").value(request.dry_run).key("seconds").value(seconds).end_object();
    detail::write_stdout(json.str() + '\n');
    return;
  }
  for (const std::string& note : report.notes) detail::write_stdout(escaped(note) + '\n');
  std::string line = fmt::format("{} {} file{}: {} new, {} updated, {} unchanged, {} failed",
                                 request.dry_run ? "would index" : "indexed", report.files,
                                 report.files == 1 ? "" : "s", report.added, report.updated,
                                 report.unchanged, report.failed);
  if (report.skipped) line += fmt::format(", {} skipped (not an issue)", report.skipped);
  if (report.duplicates) {
    line += fmt::format(", {} duplicate{}", report.duplicates, report.duplicates == 1 ? "" : "s");
  }
  if (request.prune) line += fmt::format(", {} pruned", report.pruned);
  detail::write_stdout(fmt::format("{} ({:.2f} s)\n", line, seconds));
}

// Names on stderr what the run left out: files skipped as no issue, and
// issues whose file the run did not find, with the remedy.
void say_left_out(const IndexReport& report, Diagnostics& diag) {
  const auto name = [&](const std::vector<std::pair<std::string, std::string>>& items,
                        const auto& say, std::string_view more) {
    const std::size_t named = Diagnostics::kNamedAtMost;
    for (std::size_t k = 0; k < items.size() && k < named; ++k) say(items[k]);
    if (items.size() > named)
      print_error(fmt::format("and {} more {}", items.size() - named, more));
  };
  name(
      report.skipped_files,
      [&](const auto& file) {
        diag.warning(escaped(file.first), fmt::format("skipped, not an issue: {}", file.second));
      },
      "files skipped");
  name(
      report.stale,
      [&](const auto& issue) {
        diag.warning(escaped(issue.first),
                     fmt::format("{}; kn index --prune removes it", escaped(issue.second)));
      },
      "issues still indexed whose file was not found");
}

// Ends a run that wrote: the WAL folded into the database, or a word on
// why it could not be.
void empty_wal(Store& store, const std::string& db, Diagnostics& diag) {
  if (!store.checkpoint()) {
    diag.warning(db,
                 "its -wal file could not be emptied: a reader held an older snapshot for over "
                 "a second; the next kn index empties it");
  }
}

}  // namespace

int run_index(const IndexRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  Diagnostics diag;
  const Inputs inputs =
      find_inputs(input_paths(request.paths, request.null_separated), request.exclude, diag);
  const int missing_paths = diag.failures();

  // A dry run writes into a throwaway copy, so it reports exactly what a
  // real run would do.
  std::unique_ptr<Store> store =
      request.dry_run ? Store::scratch_copy_of(request.db)
                      : std::make_unique<Store>(request.db, Store::Access::read_write);
  if (const auto& upgrade = store->upgraded(); upgrade && !request.quiet) {
    detail::write_stdout(fmt::format(
        "{} {} from schema {} to {}: {} issues {}{}\n",
        request.dry_run ? "would upgrade" : "upgraded", escaped(request.db), upgrade->from_version,
        kSchemaVersion, upgrade->issues,
        upgrade->rebuilt ? "rebuilt from their stored rows" : "kept; ", upgrade->derived));
  }
  if (request.rebuild) {
    const std::int64_t entries = store->rebuild_derived();
    if (!request.quiet) {
      detail::write_stdout(fmt::format(
          "{} the full-text index, entry sizes and filter facts of {} entries from their stored "
          "rows\n",
          request.dry_run ? "would rebuild" : "rebuilt", entries));
    }
    if (request.paths.empty()) {
      empty_wal(*store, request.db, diag);
      return kExitOk;
    }
  }
  std::optional<Progress> progress;
  if (!request.quiet && Progress::wanted()) {
    progress.emplace(inputs.files.size(), total_size(inputs.files));
  }
  const IndexOptions options{request.prune, request.force, request.max_size, request.dry_run};
  IndexReport report = index_files(*store, inputs, options, diag, [&](std::uint64_t bytes) {
    if (progress) progress->advance(bytes);
  });
  progress.reset();
  empty_wal(*store, request.db, diag);
  report.files += missing_paths;
  report.failed += missing_paths;

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  diag.say_unnamed();
  if (!request.quiet) {
    say_left_out(report, diag);
    print_summary(report, request, seconds);
  }
  if (diag.failures() > 0) return kExitError;
  const int indexed = report.added + report.updated + report.unchanged + report.duplicates;
  if (indexed == 0 && !request.paths.empty() && !request.prune) {
    print_error(
        fmt::format("no issue files found: {} file{} read, none begins like an issue "
                    "(# title, then its URL)",
                    report.files, report.files == 1 ? "" : "s"));
    return kExitNoResults;
  }
  return kExitOk;
}

}  // namespace kn
