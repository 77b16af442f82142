#include "kn/commands.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <optional>

#include "kn/browse.hpp"
#include "kn/error.hpp"
#include "kn/extract.hpp"
#include "kn/index.hpp"
#include "kn/json.hpp"
#include "kn/output.hpp"
#include "kn/query.hpp"
#include "kn/store.hpp"
#include "kn/terminal.hpp"
#include "kn/url.hpp"

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
        if (parsed > 0) write_stdout("\n");
        write_stdout(issue_summary(issue));
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
      if (k) write_stdout("\n");
      write_stdout(hit_for_terminal(hits[k], width, color));
    }
  }
  return hits.empty() ? kExitNoResults : kExitOk;
}

namespace {

enum class Format { table, tsv, json, markdown };

Format output_format(const OutputOptions& output, bool markdown_allowed) {
  if (output.format.empty()) return stdout_is_terminal() ? Format::table : Format::tsv;
  if (output.format == "tsv") return Format::tsv;
  if (output.format == "json") return Format::json;
  if (output.format == "md" && markdown_allowed) return Format::markdown;
  throw Error(fmt::format("--format: '{}' is not {}", output.format,
                          markdown_allowed ? "md or json" : "tsv or json"));
}

ListFilters list_filters(const ListOptions& options) {
  ListFilters filters;
  Filters dates;
  try {
    if (!options.since.empty()) add_since_filter(dates, options.since);
    if (!options.until.empty()) add_until_filter(dates, options.until);
  } catch (const QueryError& e) {
    throw Error(e.what());
  }
  filters.since = dates.since;
  filters.until = dates.until;
  filters.platform = options.platform;
  filters.domain = options.domain;
  return filters;
}

std::string issue_cell(const IssueRef& ref) {
  return fmt::format("#{} {}", ref.number, ref.date.value_or(""));
}

// Prints rows as the format says: a table with header, TSV, or JSON Lines
// made by to_json.
// shrink: the column of the table to cut first when it is too wide.
template <typename Row, typename Cells, typename ToJson>
int print_rows(const std::vector<Row>& rows, Format format, bool color,
               const std::vector<std::string>& header, std::size_t shrink, Cells cells,
               ToJson to_json) {
  if (format == Format::json) {
    for (const Row& row : rows) {
      JsonWriter json;
      to_json(json, row);
      write_stdout(json.str() + '\n');
    }
  } else if (format == Format::tsv) {
    for (const Row& row : rows) write_stdout(tsv_row(cells(row)));
  } else if (!rows.empty()) {
    std::vector<std::vector<std::string>> table;
    for (const Row& row : rows) table.push_back(cells(row));
    write_stdout(table_for_terminal(header, table, terminal_width(), color, shrink));
  }
  return rows.empty() ? kExitNoResults : kExitOk;
}

void date_value(JsonWriter& json, const char* key, const std::optional<std::string>& date) {
  json.key(key).nullable(date);
}

}  // namespace

int run_list(const ListOptions& options) {
  const Format format = output_format(options.output, false);
  const bool color = use_color(color_mode(options.output.color));
  const ListFilters filters = list_filters(options);
  Store store(database_path(options.db), Store::Access::read_only);

  if (options.what == "competitions") {
    if (!options.sort.empty() && options.sort != "first" && options.sort != "mentions") {
      throw Error(fmt::format("--sort: '{}' is not first or mentions", options.sort));
    }
    return print_rows(
        list_competitions(store, filters, options.sort == "mentions"), format, color,
        {"platform", "name", "first", "last", "mentions", "url"}, 1,
        [&](const CompetitionRow& r) -> std::vector<std::string> {
          if (format == Format::tsv) {
            return {r.platform,
                    r.name,
                    r.url,
                    std::to_string(r.first.number),
                    r.first.date.value_or(""),
                    std::to_string(r.last.number),
                    r.last.date.value_or(""),
                    std::to_string(r.mentions)};
          }
          return {r.platform,
                  r.name,
                  issue_cell(r.first),
                  issue_cell(r.last),
                  std::to_string(r.mentions),
                  r.url};
        },
        [](JsonWriter& json, const CompetitionRow& r) {
          json.begin_object().key("platform").value(r.platform).key("name").value(r.name);
          json.key("url").value(r.url).key("first_issue").value(r.first.number);
          date_value(json, "first_date", r.first.date);
          json.key("last_issue").value(r.last.number);
          date_value(json, "last_date", r.last.date);
          json.key("mentions").value(r.mentions).end_object();
        });
  }
  if (options.what == "issues") {
    return print_rows(
        list_issues(store, filters), format, color, {"issue", "date", "title", "items", "cards"}, 2,
        [&](const IssueRow& r) -> std::vector<std::string> {
          const std::string date = r.date ? (r.date_estimated ? "~" : "") + *r.date : "";
          if (format == Format::tsv) {
            return {std::to_string(r.number),
                    date,
                    r.title,
                    std::to_string(r.items),
                    std::to_string(r.cards),
                    std::to_string(r.embeds),
                    r.url};
          }
          return {std::to_string(r.number), date, r.title, std::to_string(r.items),
                  std::to_string(r.cards)};
        },
        [](JsonWriter& json, const IssueRow& r) {
          json.begin_object().key("number").value(r.number);
          date_value(json, "date", r.date);
          json.key("date_estimated").value(r.date_estimated).key("title").value(r.title);
          json.key("url").value(r.url).key("source").value(r.source);
          json.key("items").value(r.items).key("cards").value(r.cards);
          json.key("embeds").value(r.embeds).end_object();
        });
  }
  if (options.what == "links") {
    const auto issues_cell = [](const LinkRow& r) {
      std::string out;
      for (const int n : r.issues) out += (out.empty() ? "#" : ", #") + std::to_string(n);
      return out;
    };
    return print_rows(
        list_links(store, filters), format, color, {"cited", "text", "issues", "url"}, 1,
        [&](const LinkRow& r) -> std::vector<std::string> {
          if (format == Format::tsv)
            return {r.url, r.text, std::to_string(r.cited), issues_cell(r)};
          return {std::to_string(r.cited), r.text, issues_cell(r), r.url};
        },
        [](JsonWriter& json, const LinkRow& r) {
          json.begin_object().key("url").value(r.url).key("text").value(r.text);
          json.key("cited").value(r.cited).key("issues").begin_array();
          for (const int n : r.issues) json.value(n);
          json.end_array().end_object();
        });
  }
  if (options.what == "domains") {
    return print_rows(
        list_domains(store, filters), format, color, {"domain", "links", "cards"}, 0,
        [](const DomainRow& r) -> std::vector<std::string> {
          return {r.domain, std::to_string(r.links), std::to_string(r.cards)};
        },
        [](JsonWriter& json, const DomainRow& r) {
          json.begin_object().key("domain").value(r.domain).key("links").value(r.links);
          json.key("cards").value(r.cards).end_object();
        });
  }
  throw Error("say what to list: --competition, --issues, --links or --domains");
}

int run_show(const ShowOptions& options) {
  const Format format = output_format(options.output, true);
  const bool color = use_color(color_mode(options.output.color));
  Store store(database_path(options.db), Store::Access::read_only);
  const std::optional<Issue> issue = load_issue(store, options.number);
  if (!issue) {
    print_error(fmt::format("no issue #{} in {}", options.number, store.db().path()));
    return kExitNoResults;
  }
  const std::vector<Correction> corrections = corrections_of(store, *issue);
  switch (format) {
    case Format::json: write_stdout(issue_json(*issue) + '\n'); break;
    case Format::markdown: write_stdout(issue_markdown(*issue, corrections)); break;
    default:
      write_stdout(issue_for_terminal(*issue, corrections,
                                      stdout_is_terminal() ? terminal_width() : 80, color));
  }
  return kExitOk;
}

int run_stats(const StatsOptions& options) {
  const Format format = output_format(options.output, false);
  const bool color = use_color(color_mode(options.output.color));
  Store store(database_path(options.db), Store::Access::read_only);
  if (!options.by.empty()) {
    const Breakdown breakdown = archive_breakdown(store, options.by);
    std::vector<std::string> header{options.by};
    header.insert(header.end(), breakdown.columns.begin(), breakdown.columns.end());
    return print_rows(
        breakdown.rows, format, color, header, 0,
        [](const auto& row) {
          std::vector<std::string> cells{row.first};
          for (const std::int64_t v : row.second) cells.push_back(std::to_string(v));
          return cells;
        },
        [&](JsonWriter& json, const auto& row) {
          json.begin_object().key(options.by).value(row.first);
          for (std::size_t k = 0; k < breakdown.columns.size(); ++k) {
            json.key(breakdown.columns[k]).value(row.second[k]);
          }
          json.end_object();
        });
  }
  const Stats stats = archive_stats(store);
  if (format == Format::json) {
    JsonWriter json;
    json.begin_object().key("issues").value(stats.issues);
    date_value(json, "first_date", stats.first_date);
    date_value(json, "last_date", stats.last_date);
    json.key("entries").value(stats.entries).key("items").value(stats.items);
    json.key("cards").value(stats.cards).key("embeds").value(stats.embeds);
    json.key("links").value(stats.links).key("domains").value(stats.domains);
    json.key("competitions").value(stats.competitions);
    json.key("sections").begin_object();
    for (const Count& c : stats.sections) json.key(c.key).value(c.value);
    json.end_object().key("platforms").begin_object();
    for (const Count& c : stats.platforms) json.key(c.key).value(c.value);
    json.end_object().key("database_bytes").value(stats.database_bytes).end_object();
    write_stdout(json.str() + '\n');
    return kExitOk;
  }
  const auto joined = [](const std::vector<Count>& counts) {
    std::string out;
    for (const Count& c : counts)
      out += fmt::format("{}{} {}", out.empty() ? "" : ", ", c.key, c.value);
    return out;
  };
  std::vector<std::vector<std::string>> rows{
      {"issues", fmt::format("{} ({} .. {})", stats.issues, stats.first_date.value_or("?"),
                             stats.last_date.value_or("?"))},
      {"entries", fmt::format("{}: {} items, {} cards, {} embeds", stats.entries, stats.items,
                              stats.cards, stats.embeds)},
      {"sections", joined(stats.sections)},
      {"links", fmt::format("{} distinct", stats.links)},
      {"domains", std::to_string(stats.domains)},
      {"competitions", fmt::format("{}: {}", stats.competitions, joined(stats.platforms))},
      {"database", fmt::format("{:.1f} MB", static_cast<double>(stats.database_bytes) / 1e6)},
  };
  if (format == Format::tsv) {
    for (const auto& row : rows) write_stdout(tsv_row(row));
  } else {
    write_stdout(table_for_terminal({"archive", ""}, rows, terminal_width(), color));
  }
  return kExitOk;
}

int run_export(const ExportOptions& options) {
  if (options.format != "jsonl" && options.format != "csv" && options.format != "md") {
    throw Error(fmt::format("--format: '{}' is not jsonl, csv or md", options.format));
  }
  Store store(database_path(options.db), Store::Access::read_only);
  if (options.format == "csv") {
    write_stdout(csv_row({"issue", "date", "date_estimated", "issue_url", "section", "heading",
                          "kind", "title", "url", "domain", "image", "body", "comment", "links"}));
  }
  bool first = true;
  for_each_issue(store, [&](const Issue& issue) {
    if (options.format == "jsonl") {
      write_stdout(issue_json(issue) + '\n');
    } else if (options.format == "md") {
      write_stdout((first ? "" : "\n---\n\n") + issue_markdown(issue, {}));
    } else {
      const std::string date = issue.date ? issue.date->to_string() : "";
      const auto row = [&](std::string_view section, std::string_view heading,
                           std::string_view kind, std::string_view title, std::string_view url,
                           std::string_view domain, std::string_view image, std::string_view body,
                           std::string_view comment, const std::vector<Link>& links) {
        std::string link_cell;
        for (const Link& link : links) link_cell += (link_cell.empty() ? "" : "\n") + link.url;
        write_stdout(
            csv_row({std::to_string(issue.number), date, issue.date_estimated ? "true" : "false",
                     issue.url, std::string(section), std::string(heading), std::string(kind),
                     std::string(title), std::string(url), std::string(domain), std::string(image),
                     std::string(body), std::string(comment), link_cell}));
      };
      for (const Section& section : issue.sections) {
        for (const Item& item : section.items) {
          row(to_string(section.kind), section.heading, "item", "", "", "", "", item.text, "",
              item.links);
        }
      }
      for (const Card& card : issue.cards) {
        row("links", "", "card", card.title, card.url, card.domain, card.image.value_or(""),
            card.blurb, card.comment, card.links);
      }
      for (const Embed& embed : issue.embeds) {
        row("links", "", "embed", "", embed.url, url_domain(embed.url), "", "", embed.comment,
            embed.links);
      }
    }
    first = false;
  });
  return kExitOk;
}

}  // namespace kn
