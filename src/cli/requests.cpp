#include "requests.hpp"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <charconv>

#include "kn/error.hpp"
#include "kn/store.hpp"
#include "render/terminal.hpp"
#include "values.hpp"

namespace kn::detail {

namespace {

std::string db_path(const Invocation& inv) {
  return database_path(inv.given(Opt::db) ? std::optional(inv.value(Opt::db)) : std::nullopt);
}

ColorMode color_mode(const Invocation& inv) {
  const std::string mode = choice_value(inv, Opt::color, "auto");
  return mode == "always"  ? ColorMode::always
         : mode == "never" ? ColorMode::never
                           : ColorMode::automatic;
}

// How a table is drawn: for the terminal on stdout, or (a pipe) unwrapped
// unless --width or $COLUMNS says a width; colour and hyperlinks as
// ripgrep's, the pager only on a terminal.
Rendering rendering(const Invocation& inv) {
  const bool terminal = stdout_is_terminal();
  Rendering render;
  render.color = use_color(color_mode(inv));
  // Hyperlinks go where colour would go by itself, unless colour is refused.
  const std::string links = choice_value(inv, Opt::hyperlinks, "auto");
  render.hyperlinks = links == "always" || (links == "auto" && use_color(ColorMode::automatic) &&
                                            color_mode(inv) != ColorMode::never);
  render.width = inv.given(Opt::width) ? static_cast<std::size_t>(count_value(inv, Opt::width, 0))
                 : terminal            ? terminal_width()
                                       : columns_from_environment().value_or(0);
  if (render.width > 0 && render.width < 20) {
    throw Error(fmt::format("{}: {}: too narrow (at least 20, or 0 for no limit)",
                            name_of(Opt::width), render.width));
  }
  if (render.width > kMaxWidth) {
    throw Error(fmt::format("{}: {}: too wide (at most {}, or 0 for no limit)", name_of(Opt::width),
                            render.width, kMaxWidth));
  }
  render.pager = terminal && !inv.given(Opt::no_pager);
  return render;
}

// A table for people on a terminal, else fallback_pipe (TSV); --header only
// with TSV. The drawing options are never refused, so that an alias may
// always say them: a table takes them all; TSV colours matches and links
// URLs but has no width; JSON and Markdown take none of them.
Output output(const Invocation& inv, std::string_view fallback_pipe = "tsv") {
  const std::string name =
      choice_value(inv, Opt::format, stdout_is_terminal() ? "table" : std::string(fallback_pipe));
  Output out;
  if (name != "tsv") {
    refuse(inv, Opt::header, fmt::format("to {} {} (only to tsv)", name_of(Opt::format), name));
  }
  out.format = name == "tsv"    ? Format::tsv
               : name == "json" ? Format::json
               : name == "md"   ? Format::markdown
                                : Format::table;
  out.render = rendering(inv);
  if (out.format != Format::table) {
    out.render.width = 0;
    out.render.pager = false;
  }
  if (out.format != Format::table && out.format != Format::tsv) {
    out.render.color = false;
    out.render.hyperlinks = false;
  }
  out.header = inv.given(Opt::header);
  return out;
}

Filters date_filters(const Invocation& inv) {
  Filters filters;
  // A bad date names the option it came with.
  const auto dated = [&](Opt option, auto add) {
    if (!inv.given(option)) return;
    try {
      add(filters, inv.value(option));
    } catch (const Error& e) {
      throw Error(fmt::format("{}: {}", name_of(option), e.what()));
    }
  };
  dated(Opt::since, add_since_filter);
  dated(Opt::until, add_until_filter);
  return filters;
}

// The operands as one query.
std::string query_text(const Invocation& inv) {
  return fmt::format("{}", fmt::join(inv.operands, " "));
}

// The query of the operands and the filter flags. Throws QueryError for
// one the store could not run, before any other option is read.
QueryInput search_query(const Invocation& inv) {
  Query flags;
  flags.filters = date_filters(inv);
  const auto each = [&](Opt option, auto add) {
    for (const std::string& value : inv.values(option)) {
      try {
        add(value);
      } catch (const Error& e) {
        throw Error(fmt::format("{}: {}", name_of(option), e.what()));
      }
    }
  };
  each(Opt::section, [&](std::string_view v) { add_section_filter(flags.filters, v); });
  each(Opt::issue, [&](std::string_view v) { add_issue_filter(flags.filters, v); });
  each(Opt::domain, [&](std::string_view v) { add_domain_filter(flags.filters, v); });
  each(Opt::competition, [&](std::string_view v) { add_competition_filter(flags, v); });
  flags.filters.writeups = inv.given(Opt::solutions);
  QueryInput input{query_text(inv), flags, parse_query(query_text(inv), flags)};
  fts_expressions(input.parsed);
  return input;
}

SearchRequest::Mode search_mode(const Invocation& inv) {
  std::vector<Opt> modes;
  for (const Opt mode : {Opt::count, Opt::urls, Opt::explain}) {
    if (inv.given(mode)) modes.push_back(mode);
  }
  if (modes.size() > 1) {
    throw Error(fmt::format("{} and {}: say one of them", name_of(modes[0]), name_of(modes[1])));
  }
  if (modes.empty()) return SearchRequest::Mode::hits;
  // The drawing options are ignored: an alias may always say them.
  for (const Opt option : {Opt::format, Opt::header}) {
    refuse(inv, option, fmt::format("with {} (it prints no listing)", name_of(modes[0])));
  }
  if (modes[0] != Opt::urls) {
    for (const Opt option : {Opt::sort, Opt::limit, Opt::offset}) {
      refuse(inv, option, fmt::format("with {}", name_of(modes[0])));
    }
  }
  return modes[0] == Opt::count  ? SearchRequest::Mode::count
         : modes[0] == Opt::urls ? SearchRequest::Mode::urls
                                 : SearchRequest::Mode::explain;
}

ListRequest::Kind list_kind(const Invocation& inv) {
  using Kind = ListRequest::Kind;
  std::vector<std::pair<Kind, std::string>> chosen;
  const std::pair<Opt, Kind> flags[] = {{Opt::competition, Kind::competitions},
                                        {Opt::issues, Kind::issues},
                                        {Opt::links, Kind::links},
                                        {Opt::domains, Kind::domains},
                                        {Opt::competitions, Kind::competitions}};
  for (const auto& [flag, kind] : flags) {
    if (inv.given(flag)) chosen.emplace_back(kind, name_of(flag));
  }
  require_operands(inv, 0, 1);
  if (!inv.operands.empty()) {
    const std::string word = inv.operands[0] == "competition" ? "competitions" : inv.operands[0];
    const std::vector<std::string>& kinds = inv.command->operand_choices;
    const auto found = std::find(kinds.begin(), kinds.end(), word);
    if (found == kinds.end()) {
      throw Error(
          fmt::format("{}: cannot list that: say competitions, issues, links or "
                      "domains{}",
                      word, did_you_mean(word, kinds)));
    }
    chosen.emplace_back(flags[found - kinds.begin()].second, word);
  }
  if (chosen.empty())
    throw Error(fmt::format("list: say what to list: {}, {}, {} or {}", name_of(Opt::competition),
                            name_of(Opt::issues), name_of(Opt::links), name_of(Opt::domains)));
  for (const auto& other : chosen) {
    if (other.first != chosen[0].first) {
      throw Error(
          fmt::format("{} and {}: list one thing at a time", chosen[0].second, other.second));
    }
  }
  return chosen[0].first;
}

}  // namespace

ParseRequest parse_request(const Invocation& inv) {
  require_operands(inv, 1, SIZE_MAX);
  return {inv.operands, inv.given(Opt::json), size_value(inv, Opt::max_size, kDefaultMaxFileSize)};
}

IndexRequest index_request(const Invocation& inv) {
  require_operands(inv, inv.given(Opt::rebuild) ? 0 : 1, SIZE_MAX);
  if (!inv.given(Opt::prune))
    refuse(inv, Opt::force, fmt::format("without {}", name_of(Opt::prune)));
  if (inv.given(Opt::quiet)) refuse(inv, Opt::json, fmt::format("with {}", name_of(Opt::quiet)));
  IndexRequest request;
  request.db = db_path(inv);
  request.paths = inv.operands;
  request.null_separated = inv.given(Opt::null);
  request.exclude = inv.values(Opt::exclude);
  request.prune = inv.given(Opt::prune);
  request.force = inv.given(Opt::force);
  request.dry_run = inv.given(Opt::dry_run);
  request.rebuild = inv.given(Opt::rebuild);
  request.quiet = inv.given(Opt::quiet);
  request.json = inv.given(Opt::json);
  request.max_size = size_value(inv, Opt::max_size, kDefaultMaxFileSize);
  return request;
}

SearchRequest search_request(const Invocation& inv) {
  SearchRequest request;
  request.mode = search_mode(inv);
  request.query = search_query(inv);
  const std::string sort = choice_value(inv, Opt::sort, "rank");
  if (request.mode == SearchRequest::Mode::hits) request.out = output(inv);
  // TSV, JSON and URLs are for programs, which get every hit, as grep gives
  // every line; a table is a page for reading.
  const bool every_hit =
      request.mode == SearchRequest::Mode::urls ||
      (request.mode == SearchRequest::Mode::hits && request.out.format != Format::table);
  request.page = {sort == "rank"   ? SortOrder::rank
                  : sort == "date" ? SortOrder::date
                                   : SortOrder::date_descending,
                  count_value(inv, Opt::limit, every_hit ? 0 : 20),
                  count_value(inv, Opt::offset, 0)};
  request.db = db_path(inv);
  return request;
}

ListRequest list_request(const Invocation& inv) {
  ListRequest request;
  request.kind = list_kind(inv);
  const bool competitions = request.kind == ListRequest::Kind::competitions;
  if (!competitions) {
    const std::string only = fmt::format("to this list (only to {})", name_of(Opt::competition));
    refuse(inv, Opt::platform, only);
    refuse(inv, Opt::sort, only);
  }
  if (request.kind != ListRequest::Kind::links && request.kind != ListRequest::Kind::domains) {
    refuse(inv, Opt::domain,
           fmt::format("to this list (only to {} and {})", name_of(Opt::links),
                       name_of(Opt::domains)));
  }
  request.filters = date_filters(inv);
  for (const std::string& platform : inv.values(Opt::platform)) {
    request.filters.platforms.push_back(checked_choice(inv, Opt::platform, platform));
  }
  if (inv.given(Opt::domain)) add_domain_filter(request.filters, inv.value(Opt::domain));
  const std::string sort = choice_value(inv, Opt::sort, "first");
  request.order = sort == "mentions"   ? CompetitionOrder::mentions
                  : sort == "writeups" ? CompetitionOrder::writeups
                                       : CompetitionOrder::first;
  request.out = output(inv);
  request.db = db_path(inv);
  return request;
}

ShowRequest show_request(const Invocation& inv) {
  require_operands(inv, 1, 1);
  // Hits and listings label an issue #66: that is taken as it is shown.
  const std::string& given = inv.operands[0];
  const std::string word = given.starts_with('#') ? given.substr(1) : given;
  ShowRequest request;
  // A hit's reference, 66.9 (or 66.9/2), names one entry.
  if (std::optional<EntryRef> ref = parse_entry_ref(word)) {
    request.entry = ref;
    request.number = ref->issue;
  } else {
    int number = 0;
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), number);
    if (ec != std::errc() || end != word.data() + word.size() || number < 0 ||
        word.find_first_not_of("0123456789") != std::string::npos) {
      throw Error(fmt::format(
          "{}: not an issue number or an entry's reference (kn show 66, kn show 66.9)", given));
    }
    request.number = number;
  }
  request.out = output(inv, "table");
  request.db = db_path(inv);
  return request;
}

OpenRequest open_request(const Invocation& inv) {
  require_operands(inv, 1, 1);
  const std::string& given = inv.operands[0];
  const std::optional<EntryRef> ref = parse_entry_ref(given);
  if (!ref) throw Error(fmt::format("{}: not an entry's reference (kn open 66.9)", given));
  OpenRequest request;
  request.entry = *ref;
  const std::int64_t link = count_value(inv, Opt::link, 0);
  if (inv.given(Opt::link) && link == 0) {
    throw Error(fmt::format("{}: links are numbered from 1", name_of(Opt::link)));
  }
  request.link = static_cast<int>(std::min<std::int64_t>(link, 1 << 30));
  request.db = db_path(inv);
  return request;
}

StatsRequest stats_request(const Invocation& inv) {
  StatsRequest request;
  const std::string by = choice_value(inv, Opt::by, "");
  if (by == "month") request.by = Dimension::month;
  if (by == "year") request.by = Dimension::year;
  if (by == "section") request.by = Dimension::section;
  if (by == "domain") request.by = Dimension::domain;
  if (by == "platform") request.by = Dimension::platform;
  if (!request.by) refuse(inv, Opt::limit, fmt::format("without {}", name_of(Opt::by)));
  if (!inv.operands.empty()) {
    if (!request.by) {
      throw Error(fmt::format("stats: a query is counted per month, year or section: say {} month",
                              name_of(Opt::by)));
    }
    if (by == "domain" || by == "platform") {
      throw Error(fmt::format(
          "{} {}: counts links, not entries; a query is counted {} month, year or section",
          name_of(Opt::by), by, name_of(Opt::by)));
    }
    request.query = search_query(inv);
  }
  request.limit = count_value(inv, Opt::limit, 0);
  request.out = output(inv);
  request.db = db_path(inv);
  return request;
}

ExportRequest export_request(const Invocation& inv) {
  require_operands(inv, 0, 0);
  const std::string format = choice_value(inv, Opt::format, "jsonl");
  ExportRequest request;
  request.format = format == "csv" ? Format::csv : format == "md" ? Format::markdown : Format::json;
  if (request.format != Format::csv)
    refuse(inv, Opt::bom, fmt::format("to {} {} (only to csv)", name_of(Opt::format), format));
  request.bom = inv.given(Opt::bom);
  request.db = db_path(inv);
  return request;
}

CompetitionRequest competition_request(const Invocation& inv) {
  require_operands(inv, 1, SIZE_MAX);
  CompetitionRequest request;
  request.query = fmt::format("{}", fmt::join(inv.operands, " "));
  request.solutions = inv.given(Opt::solutions);
  request.out = output(inv);
  request.db = db_path(inv);
  return request;
}

CheckRequest check_request(const Invocation& inv) {
  require_operands(inv, 0, 0);
  return {db_path(inv)};
}

std::string completion_shell(const Invocation& inv) {
  require_operands(inv, 1, 1);
  const std::string& shell = inv.operands[0];
  const std::vector<std::string>& shells = inv.command->operand_choices;
  if (std::find(shells.begin(), shells.end(), shell) == shells.end()) {
    throw Error(fmt::format("{}: no completion for that shell: say bash, zsh or fish{}", shell,
                            did_you_mean(shell, shells)));
  }
  return shell;
}

}  // namespace kn::detail
