#include "kn/commands.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <optional>

#include "kn/error.hpp"
#include "kn/extract.hpp"
#include "kn/index.hpp"
#include "kn/json.hpp"
#include "kn/output.hpp"
#include "kn/query.hpp"
#include "kn/store.hpp"
#include "kn/terminal.hpp"

namespace kn {

namespace {

void write_stdout(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

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

void print_index_summary(const IndexReport& report, const IndexCommandOptions& options,
                         double seconds) {
  if (options.json) {
    JsonWriter json;
    json.begin_object()
        .key("files")
        .value(report.files)
        .key("new")
        .value(report.added)
        .key("updated")
        .value(report.updated)
        .key("unchanged")
        .value(report.unchanged)
        .key("failed")
        .value(report.failed)
        .key("pruned")
        .value(report.pruned)
        .key("dry_run")
        .value(options.dry_run)
        .key("seconds")
        .value(seconds)
        .end_object();
    write_stdout(json.str() + '\n');
    return;
  }
  for (const std::string& note : report.notes) write_stdout(printable(note) + '\n');
  std::string line = fmt::format("{} {} file{}: {} new, {} updated, {} unchanged, {} failed",
                                 options.dry_run ? "would index" : "indexed", report.files,
                                 report.files == 1 ? "" : "s", report.added, report.updated,
                                 report.unchanged, report.failed);
  if (options.prune) line += fmt::format(", {} pruned", report.pruned);
  write_stdout(fmt::format("{} ({:.2f} s)\n", line, seconds));
}

}  // namespace

int run_parse(const ParseOptions& options) {
  Diagnostics diag;
  const std::vector<std::string> files = expand_paths(options.paths, diag);
  int parsed = 0;
  for (const std::string& path : files) {
    try {
      const Issue issue = extract_issue(read_file(path, options.max_size), path);
      if (options.json) {
        write_stdout(issue_json(issue) + '\n');
      } else {
        write_stdout((parsed > 0 ? "\n" : "") + issue_summary(issue));
      }
      ++parsed;
    } catch (const Error& e) {
      diag.file_error(path, e.what());
    }
  }
  if (diag.failures() > 0) return kExitError;
  return parsed > 0 ? kExitOk : kExitNoResults;
}

int run_index(const IndexCommandOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const std::string db_path = database_path(options.db);
  Diagnostics diag;
  const std::vector<std::string> files =
      expand_paths(input_paths(options.paths, options.null_separated), diag);
  const int missing_paths = diag.failures();

  // A dry run writes into a throwaway copy, so it reports exactly what a
  // real run would do.
  std::unique_ptr<Store> store = options.dry_run
                                     ? Store::scratch_copy_of(db_path)
                                     : std::make_unique<Store>(db_path, Store::Access::read_write);
  std::optional<Progress> progress;
  if (!options.quiet && Progress::wanted()) progress.emplace(files.size(), total_size(files));
  IndexReport report =
      index_files(*store, files, {options.prune, options.max_size}, diag, [&](std::uint64_t bytes) {
        if (progress) progress->advance(bytes);
      });
  progress.reset();
  report.files += missing_paths;
  report.failed += missing_paths;

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!options.quiet) print_index_summary(report, options, seconds);
  return diag.failures() > 0 ? kExitError : kExitOk;
}

int run_check(const CheckOptions& options) {
  const std::string db_path = database_path(options.db);
  Store(db_path, Store::Access::read_only);  // refuses a missing or foreign file
  // Read-write only because FTS5's integrity check is phrased as an INSERT.
  Store store(db_path, Store::Access::read_write);
  const CheckResult result = store.check();
  for (const std::string& checked : result.checked)
    write_stdout(fmt::format("checked: {}\n", checked));
  if (!result.problems.empty()) {
    throw Error(fmt::format("{}: {}", db_path, printable(result.problems.front())));
  }
  write_stdout(fmt::format("{}: sound\n", db_path));
  return kExitOk;
}

namespace {

Query search_query(const SearchCommandOptions& options) {
  Filters flags;
  for (const std::string& s : options.sections) add_section_filter(flags, s);
  for (const std::string& s : options.issues) add_issue_filter(flags, s);
  for (const std::string& s : options.domains) add_domain_filter(flags, s);
  if (!options.since.empty()) add_since_filter(flags, options.since);
  if (!options.until.empty()) add_until_filter(flags, options.until);
  std::string text;
  for (const std::string& word : options.words) text += (text.empty() ? "" : " ") + word;
  return parse_query(text, std::move(flags));
}

SortOrder sort_order(const std::string& sort) {
  if (sort == "rank") return SortOrder::rank;
  if (sort == "date") return SortOrder::date;
  if (sort == "-date") return SortOrder::date_descending;
  throw Error(fmt::format("--sort: '{}' is not rank, date or -date", sort));
}

ColorMode color_mode(const std::string& color) {
  if (color == "auto") return ColorMode::automatic;
  if (color == "always") return ColorMode::always;
  if (color == "never") return ColorMode::never;
  throw Error(fmt::format("--color: '{}' is not auto, always or never", color));
}

}  // namespace

int run_search(const SearchCommandOptions& options) {
  Query query;
  try {
    query = search_query(options);
  } catch (const QueryError& e) {
    throw Error(fmt::format("query: {}", e.what()));
  }
  if (options.explain) {
    write_stdout(query.explanation);
    return kExitOk;
  }
  const SortOrder sort = sort_order(options.sort);
  const bool color = use_color(color_mode(options.color));
  if (!options.format.empty() && options.format != "tsv" && options.format != "json") {
    throw Error(fmt::format("--format: '{}' is not tsv or json", options.format));
  }

  Store store(database_path(options.db), Store::Access::read_only);
  if (options.count) {
    const std::int64_t n = store.count(query);
    write_stdout(fmt::format("{}\n", n));
    return n > 0 ? kExitOk : kExitNoResults;
  }
  const std::vector<Hit> hits = store.search(query, {sort, options.limit, options.offset});
  if (options.urls) {
    std::vector<std::string> seen;
    for (const Hit& hit : hits) {
      if (std::find(seen.begin(), seen.end(), hit.url) != seen.end()) continue;
      seen.push_back(hit.url);
      write_stdout(printable(hit.url) + '\n');
    }
  } else if (options.format == "json") {
    for (const Hit& hit : hits) write_stdout(hit_json(hit));
  } else if (options.format == "tsv" || !stdout_is_terminal()) {
    for (const Hit& hit : hits) write_stdout(hit_tsv(hit));
  } else {
    const std::size_t width = terminal_width();
    for (std::size_t k = 0; k < hits.size(); ++k) {
      write_stdout((k ? "\n" : "") + hit_for_terminal(hits[k], width, color));
    }
  }
  return hits.empty() ? kExitNoResults : kExitOk;
}

}  // namespace kn
