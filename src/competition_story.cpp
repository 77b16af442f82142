#include "kn/competition_story.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstring>

#include "kn/competition.hpp"
#include "kn/error.hpp"
#include "kn/text.hpp"
#include "kn/utf8.hpp"
#include "store_internal.hpp"

namespace kn {

namespace {

std::string folded(std::string_view text) { return ascii_lower(collapse_whitespace(text)); }

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  const std::string spaced = collapse_whitespace(text);  // split() views it
  for (const std::string_view word : split(spaced, ' ')) {
    if (!word.empty()) words.push_back(ascii_lower(word));
  }
  return words;
}

// A numeral (ASCII, full-width or kanji) right before 位: 1位, ３位, 十位.
bool has_rank(std::string_view text) {
  static constexpr std::string_view kRank = "位";
  for (std::size_t at = text.find(kRank); at != std::string_view::npos;
       at = text.find(kRank, at + kRank.size())) {
    if (at == 0) continue;
    std::size_t before = at - 1;
    while (before > 0 && (static_cast<unsigned char>(text[before]) & 0xC0) == 0x80) --before;
    std::size_t i = before;
    const char32_t cp = decode_utf8(text, i);
    if ((cp >= '0' && cp <= '9') || (cp >= U'０' && cp <= U'９') ||
        std::u32string_view(U"一二三四五六七八九十").find(cp) != std::u32string_view::npos) {
      return true;
    }
  }
  return false;
}

bool has_place(const std::string& key) {
  for (const char* ordinal :
       {"1st", "2nd", "3rd", "th place", "st place", "nd place", "rd place"}) {
    const std::size_t at = key.find(ordinal);
    if (at == std::string::npos) continue;
    if (std::string_view(ordinal).find("place") != std::string_view::npos) return true;
    const std::string_view rest = std::string_view(key).substr(at + std::strlen(ordinal));
    if (rest.starts_with(" place") || rest.starts_with("-place") || rest.starts_with(" solution")) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> candidate_lines(const std::vector<const CompetitionRow*>& rows) {
  std::vector<std::string> lines;
  for (const CompetitionRow* row : rows) {
    lines.push_back(fmt::format("  {}  {}  {}", row->platform, slug_of(*row), row->name));
  }
  return lines;
}

}  // namespace

std::string slug_of(const CompetitionRow& row) {
  return row.url.substr(row.url.find_last_of('/') + 1);
}

bool is_writeup(std::string_view text) {
  const std::string key = ascii_lower(text);
  for (const char* word :
       {"解法", "振り返り", "ふりかえり", "solution", "writeup", "write-up", "write up"}) {
    if (key.find(word) != std::string::npos) return true;
  }
  return has_place(key) || has_rank(text);
}

CompetitionRow find_competition(const std::vector<CompetitionRow>& rows, std::string_view query) {
  const std::string key = folded(query);
  if (key.empty()) throw Error("competition: say which (a slug, a URL or words of its name)");
  const std::optional<CompetitionLink> link = competition_of(collapse_whitespace(query));
  for (const CompetitionRow& row : rows) {
    if ((link && link->url == row.url) || ascii_lower(slug_of(row)) == key ||
        folded(row.name) == key) {
      return row;
    }
  }
  const std::vector<std::string> words = words_of(query);
  std::vector<const CompetitionRow*> found;
  for (const CompetitionRow& row : rows) {
    const std::string name =
        folded(row.name) + " " + ascii_lower(slug_of(row)) + " " + ascii_lower(row.platform);
    if (std::all_of(words.begin(), words.end(),
                    [&](const std::string& w) { return name.find(w) != std::string::npos; })) {
      found.push_back(&row);
    }
  }
  if (found.size() == 1) return *found[0];
  if (found.empty()) {
    throw Error(
        fmt::format("'{}': no competition matches (kn list --competition lists them)", query),
        kExitNoResults);
  }
  throw Error(fmt::format("'{}' matches {} competitions; say which:", query, found.size()),
              kExitError, candidate_lines(found));
}

std::vector<StoryEntry> competition_story(Store& store, const std::string& url) {
  Database& db = detail::database(store);
  Statement entries(
      db,
      "SELECT e.id, i.number, i.date, i.date_estimated, e.section_kind, e.section_heading, "
      "e.kind, e.title, coalesce(e.url, (SELECT url FROM links WHERE entry_id = e.id ORDER BY "
      "position LIMIT 1), i.url), e.body, e.comment FROM competitions c JOIN mentions m ON "
      "m.competition_id = c.id JOIN entries e ON e.id = m.entry_id JOIN issues i ON i.id = "
      "e.issue_id WHERE c.url = ?1 GROUP BY e.id ORDER BY i.date IS NULL, i.date, i.number, "
      "e.position");
  Statement links(db,
                  "SELECT l.text, l.url, coalesce(d.name, '') FROM links l LEFT JOIN domains d ON "
                  "d.id = l.domain_id WHERE l.entry_id = ?1 ORDER BY l.position");
  entries.bind(1, url);
  std::vector<StoryEntry> story;
  while (entries.step()) {
    StoryEntry& entry = story.emplace_back();
    entry.issue = static_cast<int>(entries.column_int(1));
    entry.date = entries.column_optional_text(2);
    entry.date_estimated = entries.column_int(3) != 0;
    entry.section = entries.column_text(4);
    entry.heading = entries.column_text(5);
    entry.kind = entries.column_text(6);
    entry.title = entries.column_text(7);
    entry.url = entries.column_text(8);
    const std::string body(entries.column_text(9)), comment(entries.column_text(10));
    entry.text = body.empty() || comment.empty() ? body + comment : body + "\n" + comment;
    // A card or embed is the page it shows: its title, blurb and the
    // editor's comment say what it is. An item is news: its links say.
    entry.writeup = entry.kind != "item" && is_writeup(entry.title + "\n" + entry.text);
    links.bind(1, entries.column_int(0));
    while (links.step()) {
      StoryLink link{std::string(links.column_text(0)), std::string(links.column_text(1)),
                     std::string(links.column_text(2)), false};
      const auto same = competition_of(link.url);
      if (same && same->url == url && same->page == CompetitionPage::front) continue;
      link.writeup = is_writeup(link.text);
      entry.writeup = entry.writeup || link.writeup;
      entry.links.push_back(std::move(link));
    }
    links.reset();
  }
  return story;
}

std::int64_t competition_id(Store& store, std::string_view query) {
  return find_competition(list_competitions(store, {}, false), query).id;
}

}  // namespace kn
