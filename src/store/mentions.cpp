#include "mentions.hpp"

#include "internal.hpp"

namespace kn {

std::vector<StoryEntry> entries_linking_to(Store& store, const std::vector<std::string>& urls) {
  Database& db = detail::database(store);
  std::string places;
  for (std::size_t k = 0; k < urls.size(); ++k) places += k ? ", ?" : "?";
  Statement entries(
      db,
      "SELECT e.id, i.number, i.date, i.date_estimated, e.section_kind, e.section_heading, "
      "e.kind, e.title, coalesce(e.url, (SELECT url FROM links WHERE entry_id = e.id ORDER BY "
      "position LIMIT 1), i.url), e.body, e.comment, e.position, " +
          std::string(detail::kIssueCopyColumns) +
          " FROM competitions c JOIN mentions m ON "
          "m.competition_id = c.id JOIN entries e ON e.id = m.entry_id JOIN issues i ON i.id = "
          "e.issue_id WHERE c.url IN (" +
          places + ") GROUP BY e.id ORDER BY i.date IS NULL, i.date, i.number, e.position");
  Statement links(db,
                  "SELECT l.text, l.url, coalesce(d.name, '') FROM links l LEFT JOIN domains d ON "
                  "d.id = l.domain_id WHERE l.entry_id = ?1 ORDER BY l.position");
  for (std::size_t k = 0; k < urls.size(); ++k) entries.bind(static_cast<int>(k) + 1, urls[k]);
  std::vector<StoryEntry> story;
  while (entries.step()) {
    StoryEntry& entry = story.emplace_back();
    entry.issue = static_cast<int>(entries.column_int(1));
    entry.date = entries.column_optional_text(2);
    entry.date_estimated = entries.column_int(3) != 0;
    entry.section = entries.column_text(4);
    entry.heading = entries.column_text(5);
    entry.kind = entry_kind_named(entries.column_text(6)).value_or(EntryKind::item);
    entry.title = entries.column_text(7);
    entry.url = entries.column_text(8);
    const auto copies = entries.column_int(13);
    entry.ref = {entry.issue, static_cast<int>(entries.column_int(11)) + 1,
                 copies > 1 ? static_cast<int>(entries.column_int(12)) : 0};
    const std::string body(entries.column_text(9)), comment(entries.column_text(10));
    entry.text = body.empty() || comment.empty() ? body + comment : body + "\n" + comment;
    const Statement::Use use = links.use();
    links.bind(1, entries.column_int(0));
    while (links.step()) {
      entry.links.push_back({std::string(links.column_text(0)), std::string(links.column_text(1)),
                             std::string(links.column_text(2)), false});
    }
  }
  return story;
}

}  // namespace kn
