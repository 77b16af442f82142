#include <fmt/core.h>
#include <fmt/ranges.h>

#include "cli_options.hpp"
#include "kn/terminal.hpp"

namespace kn::detail {

namespace {

SortOrder sort_order(const std::string& sort) {
  if (sort == "rank") return SortOrder::rank;
  if (sort == "date") return SortOrder::date;
  if (sort == "-date") return SortOrder::date_descending;
  throw Error(fmt::format("--sort: '{}' is not rank, date or -date", sort));
}

bool color_on(const std::string& color) {
  if (color == "auto") return use_color(ColorMode::automatic);
  if (color == "always") return use_color(ColorMode::always);
  if (color == "never") return use_color(ColorMode::never);
  throw Error(fmt::format("--color: '{}' is not auto, always or never", color));
}

// "" is a table on a terminal and TSV otherwise; md only where allowed.
Format output_format(const OutputFlags& output, bool markdown_allowed) {
  if (output.format.empty()) return stdout_is_terminal() ? Format::table : Format::tsv;
  if (output.format == "tsv") return Format::tsv;
  if (output.format == "json") return Format::json;
  if (output.format == "md" && markdown_allowed) return Format::markdown;
  throw Error(fmt::format("--format: '{}' is not {}", output.format,
                          markdown_allowed ? "md or json" : "tsv or json"));
}

Query search_query(const SearchFlags& flags) {
  Filters filters;
  for (const std::string& s : flags.sections) add_section_filter(filters, s);
  for (const std::string& s : flags.issues) add_issue_filter(filters, s);
  for (const std::string& s : flags.domains) add_domain_filter(filters, s);
  if (!flags.since.empty()) add_since_filter(filters, flags.since);
  if (!flags.until.empty()) add_until_filter(filters, flags.until);
  return parse_query(fmt::format("{}", fmt::join(flags.words, " ")), std::move(filters));
}

ListRequest::Kind list_kind(const ListFlags& flags) {
  using Kind = ListRequest::Kind;
  std::vector<Kind> chosen;
  if (flags.competitions) chosen.push_back(Kind::competitions);
  if (flags.issues) chosen.push_back(Kind::issues);
  if (flags.links) chosen.push_back(Kind::links);
  if (flags.domains) chosen.push_back(Kind::domains);
  if (!flags.positional.empty()) {
    const std::string& what = flags.positional;
    if (what == "competition" || what == "competitions") {
      chosen.push_back(Kind::competitions);
    } else if (what == "issues") {
      chosen.push_back(Kind::issues);
    } else if (what == "links") {
      chosen.push_back(Kind::links);
    } else if (what == "domains") {
      chosen.push_back(Kind::domains);
    } else {
      throw Error(
          fmt::format("cannot list '{}': say competitions, issues, links or domains", what));
    }
  }
  if (chosen.empty()) {
    throw Error("say what to list: --competition, --issues, --links or --domains");
  }
  if (chosen.size() > 1 && chosen[0] != chosen[1]) {
    throw Error("list one thing at a time: --competition, --issues, --links or --domains");
  }
  return chosen[0];
}

}  // namespace

SearchRequest search_request(const SearchFlags& flags) {
  SearchRequest request;
  request.query = search_query(flags);
  if (flags.explain) {
    request.mode = SearchRequest::Mode::explain;
    return request;
  }
  request.page = {sort_order(flags.sort), flags.limit, flags.offset};
  request.color = color_on(flags.output.color);
  if (!flags.output.format.empty() && flags.output.format != "tsv" &&
      flags.output.format != "json") {
    throw Error(fmt::format("--format: '{}' is not tsv or json", flags.output.format));
  }
  request.format = output_format(flags.output, false);
  request.mode = flags.count  ? SearchRequest::Mode::count
                 : flags.urls ? SearchRequest::Mode::urls
                              : SearchRequest::Mode::hits;
  request.db = database_path(flags.db);
  return request;
}

ListRequest list_request(const ListFlags& flags) {
  ListRequest request;
  request.format = output_format(flags.output, false);
  request.color = color_on(flags.output.color);
  if (!flags.since.empty()) add_since_filter(request.filters, flags.since);
  if (!flags.until.empty()) add_until_filter(request.filters, flags.until);
  if (!flags.platform.empty()) request.filters.platforms.push_back(flags.platform);
  if (!flags.domain.empty()) request.filters.domains.push_back(flags.domain);
  request.db = database_path(flags.db);
  request.kind = list_kind(flags);
  if (request.kind == ListRequest::Kind::competitions) {
    if (!flags.sort.empty() && flags.sort != "first" && flags.sort != "mentions") {
      throw Error(fmt::format("--sort: '{}' is not first or mentions", flags.sort));
    }
    request.by_mentions = flags.sort == "mentions";
  }
  return request;
}

ShowRequest show_request(const ShowFlags& flags) {
  ShowRequest request;
  request.format = output_format(flags.output, true);
  request.color = color_on(flags.output.color);
  request.db = database_path(flags.db);
  request.number = flags.number;
  request.width = stdout_is_terminal() ? terminal_width() : 80;
  return request;
}

StatsRequest stats_request(const StatsFlags& flags) {
  StatsRequest request;
  request.format = output_format(flags.output, false);
  request.color = color_on(flags.output.color);
  request.db = database_path(flags.db);
  if (flags.by.empty()) return request;
  if (flags.by == "month") {
    request.by = Dimension::month;
  } else if (flags.by == "year") {
    request.by = Dimension::year;
  } else if (flags.by == "section") {
    request.by = Dimension::section;
  } else if (flags.by == "domain") {
    request.by = Dimension::domain;
  } else if (flags.by == "platform") {
    request.by = Dimension::platform;
  } else {
    throw Error(
        fmt::format("--by: '{}' is not month, year, section, domain or platform", flags.by));
  }
  return request;
}

ExportRequest export_request(const ExportFlags& flags) {
  ExportRequest request;
  if (flags.format == "jsonl") {
    request.format = Format::json;
  } else if (flags.format == "csv") {
    request.format = Format::csv;
  } else if (flags.format == "md") {
    request.format = Format::markdown;
  } else {
    throw Error(fmt::format("--format: '{}' is not jsonl, csv or md", flags.format));
  }
  request.db = database_path(flags.db);
  return request;
}

}  // namespace kn::detail
