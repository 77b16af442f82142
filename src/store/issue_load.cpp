#include "issue_load.hpp"

#include <fmt/core.h>

#include <unordered_map>

#include "internal.hpp"

namespace kn {

namespace {

std::unordered_map<std::int64_t, std::vector<Link>> read_links(Database& db, std::int64_t issue) {
  std::unordered_map<std::int64_t, std::vector<Link>> links;
  Statement rows(db,
                 "SELECT l.entry_id, l.text, l.url FROM links l JOIN entries e ON "
                 "e.id = l.entry_id WHERE e.issue_id = ?1 ORDER BY l.entry_id, l.position");
  rows.bind(1, issue);
  while (rows.step()) {
    links[rows.column_int(0)].push_back(
        {std::string(rows.column_text(1)), std::string(rows.column_text(2))});
  }
  return links;
}

void read_sections(Database& db, std::int64_t id, Issue& issue) {
  Statement rows(db, "SELECT kind, heading FROM sections WHERE issue_id = ?1 ORDER BY position");
  rows.bind(1, id);
  while (rows.step()) {
    issue.sections.push_back({section_kind_named(rows.column_text(0)).value_or(SectionKind::other),
                              std::string(rows.column_text(1)),
                              {}});
  }
}

void read_entries(Database& db, std::int64_t id, Issue& issue) {
  auto links = read_links(db, id);
  Statement rows(db,
                 "SELECT e.id, e.section, e.kind, e.title, e.url, d.name, e.image, e.body, "
                 "e.comment FROM entries e LEFT JOIN domains d ON d.id = e.domain_id "
                 "WHERE e.issue_id = ?1 ORDER BY e.position");
  rows.bind(1, id);
  while (rows.step()) {
    std::vector<Link> entry_links = std::move(links[rows.column_int(0)]);
    const std::optional<EntryKind> kind = entry_kind_named(rows.column_text(2));
    const auto text = [&](int column) { return std::string(rows.column_text(column)); };
    if (kind == EntryKind::item) {
      const auto section = static_cast<std::size_t>(rows.column_int(1));
      if (section >= issue.sections.size()) issue.sections.resize(section + 1);
      issue.sections[section].items.push_back({text(7), std::move(entry_links)});
    } else if (kind == EntryKind::card) {
      issue.cards.push_back({text(3), text(4), text(5), rows.column_optional_text(6), text(7),
                             text(8), std::move(entry_links)});
    } else {
      issue.embeds.push_back({text(4), text(8), std::move(entry_links)});
    }
  }
}

Issue read_issue(Store& store, Statement& row) {
  Issue issue;
  const std::int64_t id = row.column_int(0);
  issue.number = static_cast<int>(row.column_int(1));
  issue.title = row.column_text(2);
  issue.url = row.column_text(3);
  if (const auto date = row.column_optional_text(4)) issue.date = Date::parse(*date);
  issue.date_estimated = row.column_int(5) != 0;
  issue.source = row.column_text(6);
  read_sections(detail::database(store), id, issue);
  read_entries(detail::database(store), id, issue);
  return issue;
}

constexpr const char* kIssueRow =
    "SELECT id, number, title, url, date, date_estimated, source FROM issues";

}  // namespace

std::vector<Issue> load_issues(Store& store, int number) {
  Statement rows(detail::database(store),
                 std::string(kIssueRow) + " WHERE number = ?1 ORDER BY date, id");
  rows.bind(1, number);
  std::vector<Issue> out;
  while (rows.step()) out.push_back(read_issue(store, rows));
  return out;
}

void for_each_issue(Store& store, const std::function<void(const Issue&)>& visit) {
  Statement rows(detail::database(store), std::string(kIssueRow) + " ORDER BY number, id");
  while (rows.step()) visit(read_issue(store, rows));
}

std::vector<Correction> corrections_of(Store& store, const Issue& issue) {
  Statement rows(detail::database(store),
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

}  // namespace kn
