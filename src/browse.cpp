#include "kn/browse.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

#include "kn/error.hpp"

namespace kn {

namespace {

// "AND i.date >= ? AND i.date <= ?" for the filters that are set, binding
// from index `next` on.
std::string date_clause(const ListFilters& f) {
  std::string sql;
  if (f.since) sql += " AND i.date >= :since";
  if (f.until) sql += " AND i.date <= :until";
  return sql;
}

constexpr const char* kDomainIds =
    "SELECT id FROM domains WHERE rkey = :key OR (rkey > :key || '.' AND rkey < :key || '/')";

void bind_named(Statement& statement, const char* name, const std::string& value) {
  const int index = sqlite3_bind_parameter_index(statement.handle(), name);
  if (index > 0) statement.bind(index, value);
}

void bind_filters(Statement& statement, const ListFilters& f) {
  if (f.since) bind_named(statement, ":since", *f.since);
  if (f.until) bind_named(statement, ":until", *f.until);
  if (!f.domain.empty()) bind_named(statement, ":key", domain_key(f.domain));
  if (!f.platform.empty()) bind_named(statement, ":platform", f.platform);
}

IssueRef issue_ref(const Statement& row, int number_column) {
  return {static_cast<int>(row.column_int(number_column)),
          row.column_optional_text(number_column + 1)};
}

// The text used most often; on a tie, the one seen first.
std::string most_used(const std::vector<std::string>& texts) {
  std::unordered_map<std::string, int> counts;
  std::string best;
  int best_count = 0;
  for (const std::string& text : texts) {
    if (text.empty()) continue;
    const int count = ++counts[text];
    if (count > best_count) best = text, best_count = count;
  }
  return best;
}

// A page title such as "RANZCR CLiP ... Challenge | Kaggle" without the
// site's name.
std::string without_site(std::string title, const std::string& platform) {
  for (const char* separator : {" | ", " - ", " – ", " — "}) {
    const std::string suffix = separator + platform;
    if (title.size() > suffix.size() && title.ends_with(suffix)) {
      title.resize(title.size() - suffix.size());
    }
  }
  return title;
}

std::string last_segment(const std::string& url) { return url.substr(url.find_last_of('/') + 1); }

}  // namespace

std::vector<CompetitionRow> list_competitions(Store& store, const ListFilters& filters,
                                              bool by_mentions) {
  // The issues in the date range, oldest first (undated last): a mention's
  // time is the rank of its issue here.
  std::vector<std::pair<std::int64_t, IssueRef>> issues;
  {
    Statement rows(store.db(),
                   "SELECT i.id, i.number, i.date FROM issues i WHERE 1" + date_clause(filters));
    bind_filters(rows, filters);
    while (rows.step()) issues.emplace_back(rows.column_int(0), issue_ref(rows, 1));
  }
  std::sort(issues.begin(), issues.end(), [](const auto& a, const auto& b) {
    const IssueRef &x = a.second, &y = b.second;
    if (x.date.has_value() != y.date.has_value()) return x.date.has_value();
    return x.date != y.date ? x.date < y.date : x.number < y.number;
  });
  std::unordered_map<std::int64_t, int> time_of;
  for (std::size_t k = 0; k < issues.size(); ++k) {
    time_of.emplace(issues[k].first, static_cast<int>(k));
  }

  struct Use {
    int count = 0;
    std::pair<int, std::int64_t> first;  // time and entry
  };
  struct Seen {
    CompetitionRow row;
    int first = -1, last = -1;  // times
    std::vector<std::int64_t> entries;
    // Text -> how it was used, by quality, best first.
    std::array<std::map<std::string, Use, std::less<>>, 3> texts;
  };
  std::unordered_map<std::int64_t, Seen> seen;
  {
    Statement competitions(
        store.db(),
        "SELECT id, platform, url FROM competitions" +
            std::string(filters.platform.empty() ? ""
                                                 : " WHERE lower(platform) = lower(:platform)"));
    bind_filters(competitions, filters);
    while (competitions.step()) {
      Seen& s = seen[competitions.column_int(0)];
      s.row.platform = competitions.column_text(1);
      s.row.url = competitions.column_text(2);
    }
  }
  // The mentions in the table's own order: one pass, no sort, no join.
  Statement rows(store.db(),
                 "SELECT competition_id, issue_id, entry_id, text, quality FROM mentions");
  while (rows.step()) {
    const auto found = seen.find(rows.column_int(0));
    if (found == seen.end()) continue;  // another platform
    const auto time = time_of.find(rows.column_int(1));
    if (time == time_of.end()) continue;  // out of the date range
    Seen& s = found->second;
    const int when = time->second;
    if (s.first < 0 || when < s.first) s.first = when;
    s.last = std::max(s.last, when);
    const std::int64_t entry = rows.column_int(2);
    s.entries.push_back(entry);
    const std::int64_t quality = rows.column_int(4);
    const std::string_view text = rows.column_text(3);
    if (text.empty() || quality < 0 || quality > 2) continue;
    auto& texts = s.texts[static_cast<std::size_t>(quality)];
    auto use = texts.find(text);
    if (use == texts.end()) use = texts.emplace(text, Use{0, {when, entry}}).first;
    ++use->second.count;
    use->second.first = std::min(use->second.first, std::pair(when, entry));
  }

  std::vector<CompetitionRow> out;
  for (auto& [id, s] : seen) {
    if (s.first < 0) continue;  // not mentioned (in the range)
    CompetitionRow& row = out.emplace_back(std::move(s.row));
    row.first = issues[static_cast<std::size_t>(s.first)].second;
    row.last = issues[static_cast<std::size_t>(s.last)].second;
    std::sort(s.entries.begin(), s.entries.end());
    row.mentions =
        static_cast<int>(std::unique(s.entries.begin(), s.entries.end()) - s.entries.begin());
    // The text used most often; on a tie, the one used first.
    for (const auto& candidates : s.texts) {
      const auto best =
          std::min_element(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
            if (a.second.count != b.second.count) return a.second.count > b.second.count;
            return a.second.first < b.second.first;
          });
      if (best != candidates.end()) {
        row.name = without_site(best->first, row.platform);
        break;
      }
    }
    if (row.name.empty()) row.name = last_segment(row.url);
  }
  const auto first_key = [](const CompetitionRow& r) {
    return std::tuple(!r.first.date.has_value(), r.first.date, r.first.number, r.name, r.url);
  };
  std::sort(out.begin(), out.end(), [&](const CompetitionRow& a, const CompetitionRow& b) {
    if (by_mentions && a.mentions != b.mentions) return a.mentions > b.mentions;
    return first_key(a) < first_key(b);
  });
  return out;
}

std::vector<IssueRow> list_issues(Store& store, const ListFilters& filters) {
  Statement rows(store.db(),
                 "SELECT number, date, date_estimated, title, url, source, items, cards, embeds "
                 "FROM issues i WHERE 1" +
                     date_clause(filters) + " ORDER BY number, date");
  bind_filters(rows, filters);
  std::vector<IssueRow> out;
  while (rows.step()) {
    out.push_back({static_cast<int>(rows.column_int(0)), rows.column_optional_text(1),
                   rows.column_int(2) != 0, std::string(rows.column_text(3)),
                   std::string(rows.column_text(4)), std::string(rows.column_text(5)),
                   static_cast<int>(rows.column_int(6)), static_cast<int>(rows.column_int(7)),
                   static_cast<int>(rows.column_int(8))});
  }
  return out;
}

namespace {

// Every citation: a link in an entry, or a card's own URL, with its text,
// issue and domain, under the filters.
std::string citations_sql(const ListFilters& filters) {
  std::string sql =
      "SELECT c.url, c.text, i.number, c.domain_id, c.is_card FROM ("
      "SELECT l.url AS url, l.text AS text, e.issue_id AS issue_id, l.domain_id AS domain_id, "
      "0 AS is_card FROM links l JOIN entries e ON e.id = l.entry_id "
      "UNION ALL SELECT url, title, issue_id, domain_id, 1 FROM entries WHERE kind = 'card'"
      ") c JOIN issues i ON i.id = c.issue_id WHERE 1" +
      date_clause(filters);
  if (!filters.domain.empty()) sql += std::string(" AND c.domain_id IN (") + kDomainIds + ")";
  return sql;
}

}  // namespace

std::vector<LinkRow> list_links(Store& store, const ListFilters& filters) {
  Statement rows(store.db(), citations_sql(filters) + " ORDER BY i.number");
  bind_filters(rows, filters);
  std::map<std::string, std::pair<LinkRow, std::vector<std::string>>> by_url;
  while (rows.step()) {
    auto& [row, texts] = by_url[std::string(rows.column_text(0))];
    ++row.cited;
    texts.emplace_back(rows.column_text(1));
    const int issue = static_cast<int>(rows.column_int(2));
    if (std::find(row.issues.begin(), row.issues.end(), issue) == row.issues.end()) {
      row.issues.push_back(issue);
    }
  }
  std::vector<LinkRow> out;
  out.reserve(by_url.size());
  for (auto& [url, entry] : by_url) {
    auto& [row, texts] = entry;
    row.url = url;
    row.text = most_used(texts);
    out.push_back(std::move(row));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const LinkRow& a, const LinkRow& b) { return a.cited > b.cited; });
  return out;
}

std::vector<DomainRow> list_domains(Store& store, const ListFilters& filters) {
  Statement rows(store.db(), "SELECT d.name, sum(c.is_card = 0), sum(c.is_card) FROM (" +
                                 citations_sql(filters) +
                                 ") c JOIN domains d ON d.id = c.domain_id GROUP BY d.id "
                                 "ORDER BY count(*) DESC, d.name");
  bind_filters(rows, filters);
  std::vector<DomainRow> out;
  while (rows.step()) {
    out.push_back({std::string(rows.column_text(0)), static_cast<int>(rows.column_int(1)),
                   static_cast<int>(rows.column_int(2))});
  }
  return out;
}

namespace {

Issue read_issue(Store& store, Statement& row) {
  Issue issue;
  const std::int64_t id = row.column_int(0);
  issue.number = static_cast<int>(row.column_int(1));
  issue.title = row.column_text(2);
  issue.url = row.column_text(3);
  if (const auto date = row.column_optional_text(4)) issue.date = Date::parse(*date);
  issue.date_estimated = row.column_int(5) != 0;
  issue.source = row.column_text(6);

  std::unordered_map<std::int64_t, std::vector<Link>> links;
  Statement link_rows(store.db(),
                      "SELECT l.entry_id, l.text, l.url FROM links l JOIN entries e ON "
                      "e.id = l.entry_id WHERE e.issue_id = ?1 ORDER BY l.entry_id, l.position");
  link_rows.bind(1, id);
  while (link_rows.step()) {
    links[link_rows.column_int(0)].push_back(
        {std::string(link_rows.column_text(1)), std::string(link_rows.column_text(2))});
  }

  Statement entries(store.db(),
                    "SELECT e.id, e.section_kind, e.section_heading, e.kind, e.title, e.url, "
                    "d.name, e.image, e.body, e.comment FROM entries e LEFT JOIN domains d ON "
                    "d.id = e.domain_id WHERE e.issue_id = ?1 ORDER BY e.position");
  entries.bind(1, id);
  while (entries.step()) {
    std::vector<Link> entry_links = std::move(links[entries.column_int(0)]);
    const std::string_view kind = entries.column_text(3);
    if (kind == "item") {
      const std::string_view section_kind = entries.column_text(1);
      const std::string_view heading = entries.column_text(2);
      if (issue.sections.empty() || to_string(issue.sections.back().kind) != section_kind ||
          issue.sections.back().heading != heading) {
        issue.sections.push_back({section_kind_named(section_kind).value_or(SectionKind::other),
                                  std::string(heading),
                                  {}});
      }
      issue.sections.back().items.push_back(
          {std::string(entries.column_text(8)), std::move(entry_links)});
    } else if (kind == "card") {
      issue.cards.push_back({std::string(entries.column_text(4)),
                             std::string(entries.column_text(5)),
                             std::string(entries.column_text(6)), entries.column_optional_text(7),
                             std::string(entries.column_text(8)),
                             std::string(entries.column_text(9)), std::move(entry_links)});
    } else {
      issue.embeds.push_back({std::string(entries.column_text(5)),
                              std::string(entries.column_text(9)), std::move(entry_links)});
    }
  }
  return issue;
}

constexpr const char* kIssueRow =
    "SELECT id, number, title, url, date, date_estimated, source FROM issues";

}  // namespace

std::optional<Issue> load_issue(Store& store, int number) {
  Statement row(store.db(), std::string(kIssueRow) + " WHERE number = ?1 ORDER BY id LIMIT 1");
  row.bind(1, number);
  if (!row.step()) return std::nullopt;
  return read_issue(store, row);
}

void for_each_issue(Store& store, const std::function<void(const Issue&)>& visit) {
  Statement rows(store.db(), std::string(kIssueRow) + " ORDER BY number, id");
  while (rows.step()) visit(read_issue(store, rows));
}

std::vector<Correction> corrections_of(Store& store, const Issue& issue) {
  Statement rows(store.db(),
                 "SELECT i.number, i.date, e.body, EXISTS (SELECT 1 FROM links l WHERE "
                 "l.entry_id = e.id AND l.url = ?2) FROM entries e JOIN issues i ON "
                 "i.id = e.issue_id WHERE e.section_kind = 'errata' AND i.url <> ?2 AND "
                 "i.number > ?1 ORDER BY i.number, e.position");
  rows.bind(1, issue.number).bind(2, issue.url);
  // An erratum names the issue it corrects by link, or as "#N" in its text.
  const std::string tag = fmt::format("#{}", issue.number);
  const auto names_issue = [&](std::string_view text) {
    for (std::size_t at = text.find(tag); at != std::string_view::npos;
         at = text.find(tag, at + 1)) {
      const std::size_t after = at + tag.size();
      if (after == text.size() || text[after] < '0' || text[after] > '9') return true;
    }
    return false;
  };
  std::vector<Correction> out;
  while (rows.step()) {
    if (rows.column_int(3) || names_issue(rows.column_text(2))) {
      out.push_back({static_cast<int>(rows.column_int(0)), rows.column_optional_text(1),
                     std::string(rows.column_text(2))});
    }
  }
  return out;
}

namespace {

std::int64_t single(Store& store, const char* sql) {
  Statement statement(store.db(), sql);
  statement.step();
  return statement.column_int(0);
}

std::vector<Count> counts(Store& store, const char* sql) {
  Statement statement(store.db(), sql);
  std::vector<Count> out;
  while (statement.step()) {
    out.push_back({std::string(statement.column_text(0)), statement.column_int(1)});
  }
  return out;
}

}  // namespace

Stats archive_stats(Store& store) {
  Stats stats;
  Statement issues(store.db(),
                   "SELECT count(*), min(date), max(date), total(items), total(cards), "
                   "total(embeds) FROM issues");
  issues.step();
  stats.issues = issues.column_int(0);
  stats.first_date = issues.column_optional_text(1);
  stats.last_date = issues.column_optional_text(2);
  stats.items = issues.column_int(3);
  stats.cards = issues.column_int(4);
  stats.embeds = issues.column_int(5);
  stats.entries = stats.items + stats.cards + stats.embeds;
  stats.sections = counts(store,
                          "SELECT section_kind, sum(entries) FROM issue_sections "
                          "GROUP BY section_kind ORDER BY sum(entries) DESC, section_kind");
  stats.links = single(store, "SELECT count(*) FROM link_urls");
  stats.domains = single(store,
                         "SELECT count(*) FROM domains d WHERE EXISTS (SELECT 1 FROM links "
                         "WHERE domain_id = d.id) OR EXISTS (SELECT 1 FROM entries WHERE "
                         "domain_id = d.id)");
  stats.platforms = counts(store,
                           "SELECT c.platform, count(DISTINCT c.id) FROM competitions c WHERE "
                           "EXISTS (SELECT 1 FROM mentions WHERE competition_id = c.id) "
                           "GROUP BY c.platform ORDER BY count(DISTINCT c.id) DESC, c.platform");
  for (const Count& platform : stats.platforms) stats.competitions += platform.value;
  stats.database_bytes =
      single(store, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size");
  return stats;
}

Breakdown archive_breakdown(Store& store, const std::string& dimension) {
  std::string sql;
  Breakdown out;
  if (dimension == "month" || dimension == "year") {
    const int length = dimension == "month" ? 7 : 4;
    sql = fmt::format(
        "SELECT coalesce(substr(date, 1, {}), '(no date)'), count(*), "
        "total(items + cards + embeds), total(cards) FROM issues GROUP BY 1 ORDER BY 1",
        length);
    out.columns = {"issues", "entries", "cards"};
  } else if (dimension == "section") {
    sql = "SELECT section_kind, sum(entries) FROM issue_sections GROUP BY 1 ORDER BY 2 DESC, 1";
    out.columns = {"entries"};
  } else if (dimension == "domain") {
    for (const DomainRow& row : list_domains(store, {})) {
      out.rows.push_back({row.domain, {row.links, row.cards}});
    }
    out.columns = {"links", "cards"};
    return out;
  } else if (dimension == "platform") {
    sql =
        "SELECT c.platform, count(DISTINCT c.id), count(DISTINCT m.entry_id) FROM competitions "
        "c JOIN mentions m ON m.competition_id = c.id GROUP BY 1 ORDER BY 2 DESC, 1";
    out.columns = {"competitions", "mentions"};
  } else {
    throw Error(
        fmt::format("--by: '{}' is not month, year, section, domain or platform", dimension));
  }
  Statement rows(store.db(), sql);
  while (rows.step()) {
    std::vector<std::int64_t> values;
    for (std::size_t k = 0; k < out.columns.size(); ++k) {
      values.push_back(rows.column_int(static_cast<int>(k) + 1));
    }
    out.rows.emplace_back(std::string(rows.column_text(0)), std::move(values));
  }
  return out;
}

}  // namespace kn
