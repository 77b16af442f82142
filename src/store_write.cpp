#include <fmt/chrono.h>
#include <fmt/core.h>

#include <chrono>
#include <map>

#include "kn/competition.hpp"
#include "kn/store.hpp"
#include "kn/url.hpp"
#include "store_internal.hpp"

namespace kn {

using detail::kLinksSection;

namespace {

std::string now_utc() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                     std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

}  // namespace

void Store::put_issue(const Issue& issue, std::string_view hash, FileStamp stamp) {
  // A file holds one issue: what this path held before goes if it is another.
  if (const auto previous = find_by_source(issue.source); previous && previous->url != issue.url) {
    remove_issue(previous->id);
  }
  std::size_t items = 0;
  for (const Section& section : issue.sections) items += section.items.size();

  const std::optional<StoredIssue> existing = find_by_url(issue.url);
  Statement& write =
      existing ? statement(update_issue_,
                           "UPDATE issues SET number = ?1, title = ?2, date = ?4, "
                           "date_estimated = ?5, source = ?6, hash = ?7, size = ?8, mtime_ns = ?9, "
                           "indexed_at = ?10, items = ?11, cards = ?12, embeds = ?13 "
                           "WHERE url = ?3")
               : statement(insert_issue_,
                           "INSERT INTO issues (number, title, url, date, date_estimated, source, "
                           "hash, size, mtime_ns, indexed_at, items, cards, embeds) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  write.bind(1, issue.number).bind(2, issue.title).bind(3, issue.url);
  write.bind(4, issue.date ? std::optional(issue.date->to_string()) : std::nullopt);
  write.bind(5, issue.date_estimated ? 1 : 0).bind(6, issue.source).bind(7, hash);
  write.bind(8, stamp.size).bind(9, stamp.mtime_ns).bind(10, now_utc());
  write.bind(11, static_cast<std::int64_t>(items));
  write.bind(12, static_cast<std::int64_t>(issue.cards.size()));
  write.bind(13, static_cast<std::int64_t>(issue.embeds.size()));
  write.run();

  std::int64_t issue_id = 0;
  if (existing) {
    issue_id = existing->id;
    delete_entries(issue_id);
  } else {
    issue_id = sqlite3_last_insert_rowid(db_->handle());
  }
  insert_entries(issue_id, issue);
}

void Store::insert_entries(std::int64_t issue_id, const Issue& issue) {
  Statement& entry = statement(
      insert_entry_,
      "INSERT INTO entries (issue_id, position, section_kind, section_heading, kind, title, url, "
      "domain_id, image, body, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  Statement& link = statement(
      insert_link_,
      "INSERT INTO links (entry_id, position, text, url, domain_id) VALUES (?1, ?2, ?3, ?4, ?5)");
  int position = 0;
  const auto add = [&](std::string_view section_kind, std::string_view heading,
                       std::string_view kind, std::string_view title,
                       const std::optional<std::string>& url,
                       const std::optional<std::string>& image, std::string_view body,
                       std::string_view comment, const std::vector<Link>& links) {
    entry.bind(1, issue_id).bind(2, position++).bind(3, section_kind).bind(4, heading);
    entry.bind(5, kind).bind(6, title).bind(7, url);
    bind_domain(entry, 8, url ? url_domain(*url) : std::string());
    entry.bind(9, image).bind(10, body).bind(11, comment);
    entry.run();
    const std::int64_t entry_id = sqlite3_last_insert_rowid(db_->handle());
    if (url) add_mention(entry_id, issue_id, *url, title, true);
    for (std::size_t i = 0; i < links.size(); ++i) {
      link.bind(1, entry_id).bind(2, static_cast<std::int64_t>(i)).bind(3, links[i].text);
      link.bind(4, links[i].url);
      bind_domain(link, 5, url_domain(links[i].url));
      link.run();
      add_mention(entry_id, issue_id, links[i].url, links[i].text, false);
    }
  };
  for (const Section& section : issue.sections) {
    for (const Item& item : section.items) {
      add(to_string(section.kind), section.heading, "item", "", std::nullopt, std::nullopt,
          item.text, "", item.links);
    }
  }
  for (const Card& card : issue.cards) {
    add(kLinksSection, "", "card", card.title, card.url, card.image, card.blurb, card.comment,
        card.links);
  }
  for (const Embed& embed : issue.embeds) {
    add(kLinksSection, "", "embed", "", embed.url, std::nullopt, "", embed.comment, embed.links);
  }

  std::map<std::string_view, std::int64_t> per_kind;
  for (const Section& section : issue.sections) {
    per_kind[to_string(section.kind)] += static_cast<std::int64_t>(section.items.size());
  }
  per_kind[kLinksSection] += static_cast<std::int64_t>(issue.cards.size() + issue.embeds.size());
  Statement& count =
      statement(insert_section_count_,
                "INSERT INTO issue_sections (issue_id, section_kind, entries) VALUES (?1, ?2, ?3)");
  for (const auto& [kind, entries] : per_kind) {
    if (entries > 0) count.bind(1, issue_id).bind(2, kind).bind(3, entries).run();
  }
}

void Store::bind_domain(Statement& statement, int index, const std::string& domain) {
  if (domain.empty()) {
    statement.bind_null(index);
    return;
  }
  auto cached = domain_ids_.find(domain);
  if (cached == domain_ids_.end()) {
    Statement& upsert =
        this->statement(upsert_domain_,
                        "INSERT INTO domains (name, rkey) VALUES (?1, ?2) "
                        "ON CONFLICT (name) DO UPDATE SET name = name RETURNING id");
    upsert.bind(1, domain).bind(2, domain_key(domain));
    upsert.step();
    cached = domain_ids_.emplace(domain, upsert.column_int(0)).first;
    upsert.reset();
  }
  statement.bind(index, cached->second);
}

void Store::add_mention(std::int64_t entry_id, std::int64_t issue_id, const std::string& url,
                        std::string_view text, bool from_title) {
  const std::optional<CompetitionLink> competition = competition_of(url);
  if (!competition) return;
  auto cached = competition_ids_.find(competition->url);
  if (cached == competition_ids_.end()) {
    Statement& upsert = statement(upsert_competition_,
                                  "INSERT INTO competitions (platform, url) VALUES (?1, ?2) "
                                  "ON CONFLICT (url) DO UPDATE SET url = url RETURNING id");
    upsert.bind(1, competition->platform).bind(2, competition->url);
    upsert.step();
    cached = competition_ids_.emplace(competition->url, upsert.column_int(0)).first;
    upsert.reset();
  }
  std::string name = trim_brackets(text);
  int quality = 0;
  switch (competition->page) {
    case CompetitionPage::front: quality = from_title ? 1 : 0; break;
    case CompetitionPage::other: quality = 2; break;
    case CompetitionPage::discussion: name.clear(); break;
  }
  if (!is_name_text(name, competition->platform)) name.clear();
  statement(insert_mention_,
            "INSERT OR IGNORE INTO mentions (entry_id, issue_id, competition_id, text, quality) "
            "VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind(1, entry_id)
      .bind(2, issue_id)
      .bind(3, cached->second)
      .bind(4, name)
      .bind(5, quality)
      .run();
}

void Store::touch(std::int64_t issue_id, FileStamp stamp) {
  statement(touch_, "UPDATE issues SET size = ?2, mtime_ns = ?3 WHERE id = ?1")
      .bind(1, issue_id)
      .bind(2, stamp.size)
      .bind(3, stamp.mtime_ns)
      .run();
}

std::int64_t Store::indexed_up_to() {
  Statement& state = statement(read_fts_state_, "SELECT indexed_up_to FROM fts_state");
  state.step();
  const std::int64_t up_to = state.column_int(0);
  state.reset();
  return up_to;
}

void Store::delete_entries(std::int64_t issue_id) {
  statement(delete_section_counts_, "DELETE FROM issue_sections WHERE issue_id = ?1")
      .bind(1, issue_id)
      .run();
  // Entries already in the full-text index leave it first, with the values
  // they were indexed with.
  statement(unindex_entries_,
            "INSERT INTO entries_fts (entries_fts, rowid, title, body, comment) "
            "SELECT 'delete', id, title, body, comment FROM entries "
            "WHERE issue_id = ?1 AND id <= ?2")
      .bind(1, issue_id)
      .bind(2, indexed_up_to())
      .run();
  statement(delete_entries_, "DELETE FROM entries WHERE issue_id = ?1").bind(1, issue_id).run();
}

void Store::sync_index() {
  const std::int64_t up_to = indexed_up_to();
  Statement& newest = statement(newest_entry_, "SELECT coalesce(max(id), 0) FROM entries");
  newest.step();
  const std::int64_t last = newest.column_int(0);
  newest.reset();
  if (last <= up_to) return;
  statement(index_entries_,
            "INSERT INTO entries_fts (rowid, title, body, comment) "
            "SELECT id, title, body, comment FROM entries WHERE id > ?1")
      .bind(1, up_to)
      .run();
  statement(write_fts_state_, "UPDATE fts_state SET indexed_up_to = ?1").bind(1, last).run();
}

void Store::remove_issue(std::int64_t issue_id) {
  delete_entries(issue_id);
  statement(delete_issue_, "DELETE FROM issues WHERE id = ?1").bind(1, issue_id).run();
}

}  // namespace kn
