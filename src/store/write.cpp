#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <map>
#include <stdexcept>

#include "extract/competition_name.hpp"
#include "extract/nickname.hpp"
#include "facts.hpp"
#include "internal.hpp"
#include "kn/store.hpp"
#include "model/competition.hpp"
#include "model/url_identity.hpp"
#include "model/writeup.hpp"
#include "store/fts/rank.hpp"
#include "util/url.hpp"

namespace kn {

namespace {

std::string now_utc() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                     std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

}  // namespace

std::optional<StoredIssue> Store::put_issue(const Issue& issue, std::string_view hash,
                                            FileStamp stamp) {
  // A file holds one issue. What this path held before, if it is another,
  // stays in the store but lets go of the path.
  std::optional<StoredIssue> detached = find_by_source(issue.source);
  if (detached && detached->url != issue.url) {
    statement("UPDATE issues SET detached = 1 WHERE id = ?1").bind(1, detached->id).run();
    detached->detached = true;
  } else {
    detached.reset();
  }
  std::size_t items = 0;
  for (const Section& section : issue.sections) items += section.items.size();

  const std::optional<StoredIssue> existing = find_by_url(issue.url);
  Statement& write =
      existing ? statement(
                     "UPDATE issues SET number = ?1, title = ?2, date = ?4, date_estimated = ?5, "
                     "source = ?6, detached = 0, hash = ?7, size = ?8, mtime_ns = ?9, "
                     "indexed_at = ?10, items = ?11, cards = ?12, embeds = ?13 WHERE url = ?3")
               : statement(
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
    issue_id = db_->last_insert_id();
  }
  insert_entries(issue_id, issue);
  return detached;
}

// One entry as insert_entries writes it.
struct Store::EntryRow {
  std::optional<std::int64_t> section;  // items only
  SectionKind section_kind;
  std::string_view heading;
  EntryKind kind;
  std::string_view title;
  const std::optional<std::string>& url;
  const std::optional<std::string>& image;
  std::string_view body, comment;
  const std::vector<Link>& links;
};

std::int64_t Store::insert_entry(std::int64_t issue_id, int position, const EntryRow& row,
                                 std::int64_t previous_id) {
  Statement& entry = statement(
      "INSERT INTO entries (issue_id, position, section, section_kind, section_heading, kind, "
      "title, url, domain_id, image, body, comment, url_key_id, writeup) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  entry.bind(1, issue_id).bind(2, position);
  if (row.section) {
    entry.bind(3, *row.section);
  } else {
    entry.bind_null(3);
  }
  entry.bind(4, to_string(row.section_kind)).bind(5, row.heading);
  entry.bind(6, to_string(row.kind)).bind(7, row.title);
  entry.bind(8, row.url);
  bind_domain(entry, 9, row.url ? url_domain(*row.url) : std::string());
  entry.bind(10, row.image).bind(11, row.body).bind(12, row.comment);
  bind_url_key(entry, 13, row.url ? url_identity(*row.url) : std::string());
  entry.bind(14,
             std::int64_t{is_writeup_entry(row.kind, row.title, row.body, row.comment, row.links)});
  entry.run();
  const std::int64_t entry_id = db_->last_insert_id();
  if (entry_id <= previous_id) {
    throw std::logic_error(
        fmt::format("entry {} of issue {} has id {}, not above the last one's {}", position,
                    issue_id, entry_id, previous_id));
  }
  Statement& link = statement(
      "INSERT INTO links (entry_id, position, text, url, domain_id, url_key_id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (std::size_t i = 0; i < row.links.size(); ++i) {
    const Link& l = row.links[i];
    link.bind(1, entry_id).bind(2, static_cast<std::int64_t>(i)).bind(3, l.text).bind(4, l.url);
    bind_domain(link, 5, url_domain(l.url));
    bind_url_key(link, 6, url_identity(l.url));
    link.run();
  }
  add_mentions(entry_id, issue_id,
               {row.kind, row.title, row.url ? *row.url : "", row.body, row.comment, row.links});
  return entry_id;
}

void Store::add_mentions(std::int64_t entry_id, std::int64_t issue_id, const MentionSource& entry) {
  // The one competition the entry links to; several: none is "the one".
  std::optional<CompetitionLink> only;
  bool several = false;
  const auto linked = [&](const CompetitionLink& competition) {
    if (!only) {
      only = competition;
    } else if (only->url != competition.url) {
      several = true;
    }
  };
  if (const auto competition = competition_of(entry.url)) {
    const bool discussion = competition->page == CompetitionPage::discussion;
    add_mention(entry_id, issue_id, *competition,
                discussion ? NameEvidence{} : name_from_title(entry.title, *competition));
    linked(*competition);
  }
  // A comment holds a card's or an embed's links, the body an item's.
  const Paragraph paragraph(entry.kind == EntryKind::item ? entry.body : entry.comment,
                            entry.links);
  for (std::size_t i = 0; i < entry.links.size(); ++i) {
    const auto competition = competition_of(entry.links[i].url);
    if (!competition) continue;
    add_mention(entry_id, issue_id, *competition, name_from_link(paragraph, i, *competition));
    linked(*competition);
  }
  for (Nickname& nickname : paragraph_nicknames(paragraph)) {
    // A competition's canonical URL is its own.
    add_mention(entry_id, issue_id, *competition_of(nickname.competition),
                {std::move(nickname.name), NameRank::nickname});
  }
  // A card titled 鳥コンペ反省会 names the one competition it links to.
  if (entry.kind == EntryKind::card && only && !several) {
    std::string nickname = nickname_from_title(entry.title);
    if (!nickname.empty()) {
      add_mention(entry_id, issue_id, *only, {std::move(nickname), NameRank::nickname});
    }
  }
}

void Store::insert_entries(std::int64_t issue_id, const Issue& issue) {
  static const std::optional<std::string> kNone;
  Statement& section_row =
      statement("INSERT INTO sections (issue_id, position, kind, heading) VALUES (?1, ?2, ?3, ?4)");
  int position = 0;
  std::int64_t last_id = 0;
  std::map<std::string_view, std::int64_t> per_kind;
  for (std::size_t s = 0; s < issue.sections.size(); ++s) {
    const Section& section = issue.sections[s];
    const auto index = static_cast<std::int64_t>(s);
    section_row.bind(1, issue_id).bind(2, index).bind(3, to_string(section.kind));
    section_row.bind(4, section.heading).run();
    for (const Item& item : section.items) {
      last_id = insert_entry(issue_id, position++,
                             {index, section.kind, section.heading, EntryKind::item, "", kNone,
                              kNone, item.text, "", item.links},
                             last_id);
    }
    per_kind[to_string(section.kind)] += static_cast<std::int64_t>(section.items.size());
  }
  for (const Card& card : issue.cards) {
    const std::optional<std::string> url = card.url;
    last_id = insert_entry(issue_id, position++,
                           {std::nullopt, SectionKind::links, "", EntryKind::card, card.title, url,
                            card.image, card.blurb, card.comment, card.links},
                           last_id);
  }
  for (const Embed& embed : issue.embeds) {
    const std::optional<std::string> url = embed.url;
    last_id = insert_entry(issue_id, position++,
                           {std::nullopt, SectionKind::links, "", EntryKind::embed, "", url, kNone,
                            "", embed.comment, embed.links},
                           last_id);
  }
  per_kind[to_string(SectionKind::links)] +=
      static_cast<std::int64_t>(issue.cards.size() + issue.embeds.size());
  Statement& count =
      statement("INSERT INTO issue_sections (issue_id, section_kind, entries) VALUES (?1, ?2, ?3)");
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
    Statement& upsert = this->statement(
        "INSERT INTO domains (name, rkey) VALUES (?1, ?2) "
        "ON CONFLICT (name) DO UPDATE SET name = name RETURNING id");
    upsert.bind(1, domain).bind(2, domain_key(domain));
    cached = domain_ids_.emplace(domain, upsert.single_int()).first;
  }
  statement.bind(index, cached->second);
}

// Not cached as domains are: there are about as many keys as links.
void Store::bind_url_key(Statement& statement, int index, const std::string& key) {
  if (key.empty()) {
    statement.bind_null(index);
    return;
  }
  const std::int64_t hash = detail::url_key_hash(key);
  Statement& find = this->statement("SELECT id FROM url_keys WHERE hash = ?1 AND key = ?2");
  const Statement::Use use = find.use();
  find.bind(1, hash).bind(2, key);
  std::int64_t id = 0;
  if (find.step()) {
    id = find.column_int(0);
  } else {
    this->statement("INSERT INTO url_keys (hash, key) VALUES (?1, ?2)")
        .bind(1, hash)
        .bind(2, key)
        .run();
    id = db_->last_insert_id();
  }
  statement.bind(index, id);
}

void Store::add_mention(std::int64_t entry_id, std::int64_t issue_id,
                        const CompetitionLink& competition, const NameEvidence& name) {
  auto cached = competition_ids_.find(competition.url);
  if (cached == competition_ids_.end()) {
    Statement& upsert = statement(
        "INSERT INTO competitions (platform, url) VALUES (?1, ?2) "
        "ON CONFLICT (url) DO UPDATE SET url = url RETURNING id");
    upsert.bind(1, competition.platform).bind(2, competition.url);
    cached = competition_ids_.emplace(competition.url, upsert.single_int()).first;
  }
  statement(
      "INSERT OR IGNORE INTO mentions (entry_id, issue_id, competition_id, text, quality) "
      "VALUES (?1, ?2, ?3, ?4, ?5)")
      .bind(1, entry_id)
      .bind(2, issue_id)
      .bind(3, cached->second)
      .bind(4, name.name)
      .bind(5, static_cast<int>(name.rank))
      .run();
}

void Store::touch(std::int64_t issue_id, FileStamp stamp) {
  statement("UPDATE issues SET size = ?2, mtime_ns = ?3 WHERE id = ?1")
      .bind(1, issue_id)
      .bind(2, stamp.size)
      .bind(3, stamp.mtime_ns)
      .run();
}

std::int64_t Store::indexed_up_to() {
  return statement("SELECT indexed_up_to FROM fts_state").single_int();
}

void Store::delete_entries(std::int64_t issue_id) {
  detail::forget_entry_facts(*db_, issue_id, indexed_up_to());
  *facts_ = {};  // read again, without these entries, when next needed
  statement("DELETE FROM issue_sections WHERE issue_id = ?1").bind(1, issue_id).run();
  statement("DELETE FROM sections WHERE issue_id = ?1").bind(1, issue_id).run();
  // Entries already in the full-text index leave it first, with the values
  // they were indexed with.
  statement(
      "INSERT INTO entries_fts (entries_fts, rowid, title, body, comment) "
      "SELECT 'delete', id, title, body, comment FROM entries "
      "WHERE issue_id = ?1 AND id <= ?2")
      .bind(1, issue_id)
      .bind(2, indexed_up_to())
      .run();
  statement("DELETE FROM entries WHERE issue_id = ?1").bind(1, issue_id).run();
}

void Store::sync_index() {
  const std::int64_t up_to = indexed_up_to();
  const std::int64_t last = statement("SELECT coalesce(max(id), 0) FROM entries").single_int();
  if (last <= up_to) return;
  statement(
      "INSERT INTO entries_fts (rowid, title, body, comment) "
      "SELECT id, title, body, comment FROM entries WHERE id > ?1")
      .bind(1, up_to)
      .run();
  detail::record_entry_sizes(*db_, up_to);
  detail::record_entry_facts(*db_, up_to);
  statement("UPDATE fts_state SET indexed_up_to = ?1").bind(1, last).run();
}

void Store::remove_issue(std::int64_t issue_id) {
  delete_entries(issue_id);
  statement("DELETE FROM issues WHERE id = ?1").bind(1, issue_id).run();
}

}  // namespace kn
