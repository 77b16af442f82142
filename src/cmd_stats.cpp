#include <fmt/core.h>
#include <fmt/ranges.h>

#include "command_output.hpp"
#include "kn/commands.hpp"
#include "kn/stats.hpp"

namespace kn {

using detail::date_value;

namespace {

std::string dimension_name(Dimension dimension) {
  switch (dimension) {
    case Dimension::month: return "month";
    case Dimension::year: return "year";
    case Dimension::section: return "section";
    case Dimension::domain: return "domain";
    case Dimension::platform: return "platform";
  }
  return {};
}

int print_breakdown(Store& store, Dimension dimension, const StatsRequest& request) {
  const Breakdown breakdown = archive_breakdown(store, dimension);
  const std::string by = dimension_name(dimension);
  std::vector<std::string> header{by};
  header.insert(header.end(), breakdown.columns.begin(), breakdown.columns.end());
  return detail::print_rows(
      breakdown.rows, request.format, request.color, header, 0,
      [](const auto& row) {
        std::vector<std::string> cells{row.first};
        for (const std::int64_t v : row.second) cells.push_back(std::to_string(v));
        return cells;
      },
      [&](JsonWriter& json, const auto& row) {
        json.begin_object().key(by).value(row.first);
        for (std::size_t k = 0; k < breakdown.columns.size(); ++k) {
          json.key(breakdown.columns[k]).value(row.second[k]);
        }
        json.end_object();
      });
}

void print_stats_json(const Stats& stats) {
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
  detail::write_stdout(json.str() + '\n');
}

std::string joined(const std::vector<Count>& counts) {
  std::vector<std::string> parts;
  for (const Count& c : counts) parts.push_back(fmt::format("{} {}", c.key, c.value));
  return fmt::format("{}", fmt::join(parts, ", "));
}

void print_stats(const Stats& stats, const StatsRequest& request) {
  const std::vector<std::vector<std::string>> rows{
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
  if (request.format == Format::tsv) {
    for (const auto& row : rows) detail::write_stdout(tsv_row(row));
  } else {
    detail::write_stdout(
        table_for_terminal({"archive", ""}, rows, terminal_width(), request.color));
  }
}

}  // namespace

int run_stats(const StatsRequest& request) {
  Store store(request.db, Store::Access::read_only);
  if (request.by) return print_breakdown(store, *request.by, request);
  const Stats stats = archive_stats(store);
  if (request.format == Format::json) {
    print_stats_json(stats);
  } else {
    print_stats(stats, request);
  }
  return kExitOk;
}

}  // namespace kn
