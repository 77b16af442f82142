#include <fmt/core.h>

#include <chrono>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>

#include "command_output.hpp"
#include "kn/commands.hpp"
#include "kn/index.hpp"
#include "kn/progress.hpp"
#include "kn/sanitize.hpp"

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

std::uint64_t total_size(const std::vector<std::string>& files) {
  std::uint64_t total = 0;
  for (const std::string& file : files) {
    if (const auto stamp = stat_file(file)) total += static_cast<std::uint64_t>(stamp->size);
  }
  return total;
}

void print_summary(const IndexReport& report, const IndexRequest& request, double seconds) {
  if (request.json) {
    JsonWriter json;
    json.begin_object().key("files").value(report.files).key("new").value(report.added);
    json.key("updated").value(report.updated).key("unchanged").value(report.unchanged);
    json.key("failed").value(report.failed).key("pruned").value(report.pruned);
    json.key("dry_run").value(request.dry_run).key("seconds").value(seconds).end_object();
    detail::write_stdout(json.str() + '\n');
    return;
  }
  for (const std::string& note : report.notes) detail::write_stdout(printable(note) + '\n');
  std::string line = fmt::format("{} {} file{}: {} new, {} updated, {} unchanged, {} failed",
                                 request.dry_run ? "would index" : "indexed", report.files,
                                 report.files == 1 ? "" : "s", report.added, report.updated,
                                 report.unchanged, report.failed);
  if (request.prune) line += fmt::format(", {} pruned", report.pruned);
  detail::write_stdout(fmt::format("{} ({:.2f} s)\n", line, seconds));
}

}  // namespace

int run_index(const IndexRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  Diagnostics diag;
  const std::vector<std::string> files =
      expand_paths(input_paths(request.paths, request.null_separated), diag);
  const int missing_paths = diag.failures();

  // A dry run writes into a throwaway copy, so it reports exactly what a
  // real run would do.
  std::unique_ptr<Store> store =
      request.dry_run ? Store::scratch_copy_of(request.db)
                      : std::make_unique<Store>(request.db, Store::Access::read_write);
  std::optional<Progress> progress;
  if (!request.quiet && Progress::wanted()) progress.emplace(files.size(), total_size(files));
  IndexReport report =
      index_files(*store, files, {request.prune, request.max_size}, diag, [&](std::uint64_t bytes) {
        if (progress) progress->advance(bytes);
      });
  progress.reset();
  store->checkpoint();
  report.files += missing_paths;
  report.failed += missing_paths;

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!request.quiet) print_summary(report, request, seconds);
  return diag.failures() > 0 ? kExitError : kExitOk;
}

}  // namespace kn
