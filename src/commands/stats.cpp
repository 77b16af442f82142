#include "store/stats.hpp"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "archive_query.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "render/chart.hpp"
#include "render/line_break.hpp"

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

// Which count a chart's bars measure: what its rows are sorted by, or for
// periods (in time order) the entries.
std::size_t measured(Dimension dimension) {
  switch (dimension) {
    case Dimension::month:
    case Dimension::year: return 1;
    case Dimension::domain: return 2;
    case Dimension::section:
    case Dimension::platform: return 0;
  }
  return 0;
}

// The archive's breakdown, or with a query the entries it matches per
// period (every period of the archive, so a gap shows) or section.
Breakdown breakdown_of(Store& store, Dimension dimension, const StatsRequest& request) {
  if (!request.query) return archive_breakdown(store, dimension);
  const Grouping grouping = dimension == Dimension::month  ? Grouping::month
                            : dimension == Dimension::year ? Grouping::year
                                                           : Grouping::section;
  const auto counts = store.count_by(runnable_query(store, *request.query), grouping);
  Breakdown out;
  out.columns = {"hits"};
  if (grouping == Grouping::section) {
    for (const auto& [key, n] : counts) out.rows.push_back({key, {n}});
    return out;
  }
  std::map<std::string, std::int64_t> hits(counts.begin(), counts.end());
  for (const auto& row : archive_breakdown(store, dimension).rows) {
    const auto found = hits.find(row.first);
    out.rows.push_back({row.first, {found == hits.end() ? 0 : found->second}});
  }
  return out;
}

int print_breakdown(Store& store, Dimension dimension, const StatsRequest& request) {
  Breakdown breakdown = breakdown_of(store, dimension, request);
  const std::size_t all = breakdown.rows.size();
  if (request.limit > 0 && all > static_cast<std::size_t>(request.limit)) {
    breakdown.rows.resize(static_cast<std::size_t>(request.limit));
  }
  const std::string by = dimension_name(dimension);
  const Output& out = request.out;
  if (out.format == Format::table) {
    std::vector<ChartRow> rows;
    for (const auto& [label, values] : breakdown.rows) rows.push_back({label, values});
    const std::size_t measure = request.query ? 0 : measured(dimension);
    detail::write_stdout(bar_chart(by, breakdown.columns, measure, rows, out.render));
    const std::string footer =
        detail::left_out_footer(0, breakdown.rows.size(), static_cast<std::int64_t>(all), "rows");
    if (!footer.empty()) detail::write_stdout(detail::footer_lines(footer, out.render));
    return rows.empty() ? kExitNoResults : kExitOk;
  }
  std::vector<std::string> header{by};
  header.insert(header.end(), breakdown.columns.begin(), breakdown.columns.end());
  return detail::print_rows(
      breakdown.rows, out, {{}, header},
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
  if (request.out.format == Format::tsv) {
    if (request.out.header) detail::write_stdout(tsv_row({"what", "count"}));
    for (const auto& row : rows) detail::write_stdout(tsv_row(row));
    return;
  }
  // A label, and its value wrapped beside it.
  const Rendering& render = request.out.render;
  std::size_t label_width = 0;
  for (const auto& row : rows) label_width = std::max(label_width, row[0].size());
  const std::size_t room = render.width > label_width + 12 ? render.width - label_width - 2 : 0;
  std::string out;
  for (const auto& row : rows) {
    const std::vector<std::string> lines = wrap_text(row[1], room);
    for (std::size_t k = 0; k < lines.size(); ++k) {
      const std::string label = k ? "" : row[0];
      out += paint(label, style::kDim, render.color) +
             std::string(label_width - label.size() + 2, ' ') + lines[k] + '\n';
    }
  }
  detail::write_stdout(out);
}

}  // namespace

int run_stats(const StatsRequest& request) {
  Store store(request.db, Store::Access::read_only);
  if (request.out.render.pager && request.out.format == Format::table) detail::page_output();
  if (request.by) return print_breakdown(store, *request.by, request);
  const Stats stats = archive_stats(store);
  if (request.out.format == Format::json) {
    print_stats_json(stats);
  } else {
    print_stats(stats, request);
  }
  return kExitOk;
}

}  // namespace kn
