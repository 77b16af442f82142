#include "competition_list.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "extract/competition_name.hpp"
#include "internal.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace kn {

namespace {

// " WHERE lower(platform) IN (...)" for the filters' platforms, or "".
std::string platform_sql(const Filters& filters, std::vector<Value>& values) {
  if (filters.platforms.empty()) return {};
  std::string sql = " WHERE lower(platform) IN (";
  for (std::size_t k = 0; k < filters.platforms.size(); ++k) {
    sql += k ? ", ?" : "?";
    values.emplace_back(ascii_lower(filters.platforms[k]));
  }
  return sql + ")";
}

IssueRef issue_ref(const Statement& row, int number_column) {
  return {static_cast<int>(row.column_int(number_column)),
          row.column_optional_text(number_column + 1)};
}

// The issues in the filters' date range, oldest first (undated last): a
// mention's time is the place of its issue here.
std::vector<std::pair<std::int64_t, IssueRef>> issues_in_range(Database& db,
                                                               const Filters& filters) {
  std::vector<std::pair<std::int64_t, IssueRef>> issues;
  std::vector<Value> values;
  Statement rows(db, "SELECT i.id, i.number, i.date FROM issues i WHERE 1" +
                         detail::date_sql(filters, values));
  bind_all(rows, values);
  while (rows.step()) issues.emplace_back(rows.column_int(0), issue_ref(rows, 1));
  std::sort(issues.begin(), issues.end(), [](const auto& a, const auto& b) {
    const IssueRef &x = a.second, &y = b.second;
    if (x.date.has_value() != y.date.has_value()) return x.date.has_value();
    return x.date != y.date ? x.date < y.date : x.number < y.number;
  });
  return issues;
}

// How a text named a competition: how often, and first when (time, entry).
struct Use {
  int count = 0;
  std::pair<int, std::int64_t> first;
};

// What the mentions in range say of one competition.
struct Seen {
  CompetitionRow row;
  int first = -1, last = -1;  // times
  std::vector<std::int64_t> entries;
  // Text -> how it was used, by rank, best first (competition_name.hpp).
  std::array<std::map<std::string, Use, std::less<>>, kNameRanks> texts;
};

// The competitions of the filters' platforms, by id, with nothing seen yet.
std::unordered_map<std::int64_t, Seen> competitions_on_platforms(Database& db,
                                                                 const Filters& filters) {
  std::unordered_map<std::int64_t, Seen> seen;
  std::vector<Value> platforms;
  Statement competitions(
      db, "SELECT id, platform, url FROM competitions" + platform_sql(filters, platforms));
  bind_all(competitions, platforms);
  while (competitions.step()) {
    Seen& s = seen[competitions.column_int(0)];
    s.row.platform = competitions.column_text(1);
    s.row.url = competitions.column_text(2);
  }
  return seen;
}

// A phrase given as a nickname: to which competitions, by how many entries.
struct Nickname {
  std::unordered_set<std::int64_t> competitions;
  int entries = 0;
};

// Adds what each mention in an issue of time_of says to its competition in
// seen: when it was mentioned, by which entry, and what name it gave; and
// every nickname the archive gives, whatever the range, to nicknames.
void add_mentions(Database& db, const std::unordered_map<std::int64_t, int>& time_of,
                  std::unordered_map<std::int64_t, Seen>& seen,
                  std::map<std::string, Nickname, std::less<>>& nicknames) {
  // The mentions in the table's own order: one pass, no sort, no join.
  Statement rows(db, "SELECT competition_id, issue_id, entry_id, text, quality FROM mentions");
  while (rows.step()) {
    if (rows.column_int(4) == static_cast<int>(NameRank::nickname)) {
      Nickname& nickname = nicknames[std::string(rows.column_text(3))];
      nickname.competitions.insert(rows.column_int(0));
      ++nickname.entries;
      continue;
    }
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
    if (text.empty() || quality < 0 || quality >= kNameRanks) continue;
    auto& texts = s.texts[static_cast<std::size_t>(quality)];
    auto use = texts.find(text);
    if (use == texts.end()) use = texts.emplace(text, Use{0, {when, entry}}).first;
    ++use->second.count;
    use->second.first = std::min(use->second.first, std::pair(when, entry));
  }
}

// The name of the best rank that has one: the text used most often, on a
// tie the one used first; "" when nothing names it.
NameEvidence best_name(const Seen& s) {
  for (std::size_t rank = 0; rank < s.texts.size(); ++rank) {
    const auto& candidates = s.texts[rank];
    const auto best =
        std::min_element(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
          if (a.second.count != b.second.count) return a.second.count > b.second.count;
          return a.second.first < b.second.first;
        });
    if (best != candidates.end()) return {best->first, static_cast<NameRank>(rank)};
  }
  return {};
}

// A row of the list with what merging needs: its entries (sorted), its
// first and last times, and whether its name comes from strong evidence:
// a 「」, a card's title or a nickname, never a link's text or a slug.
struct Listed {
  CompetitionRow row;
  std::vector<std::int64_t> entries;
  int first = 0, last = 0;
  bool strong = false;
};

bool shares_an_entry(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b) {
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) return true;
    a[i] < b[j] ? ++i : ++j;
  }
  return false;
}

// Folds into one row the competitions of one platform whose names, both
// from strong evidence, are equal but for case and spaces, unless an entry
// links to both (it presents them as two contests). The most mentioned
// comes first; its URL and id stand for all.
std::vector<Listed> merged(std::vector<Listed> listed) {
  std::sort(listed.begin(), listed.end(), [](const Listed& a, const Listed& b) {
    return std::tuple(-a.row.mentions, a.row.url) < std::tuple(-b.row.mentions, b.row.url);
  });
  std::vector<Listed> out;
  std::map<std::string, std::vector<std::size_t>> by_name;  // strong names -> rows of out
  for (Listed& one : listed) {
    const std::string key =
        one.row.platform + '\n' + ascii_lower(collapse_whitespace(one.row.name));
    Listed* into = nullptr;
    if (one.strong) {
      for (const std::size_t k : by_name[key]) {
        if (!shares_an_entry(out[k].entries, one.entries)) into = &out[k];
        if (into) break;
      }
    }
    if (!into) {
      if (one.strong) by_name[key].push_back(out.size());
      out.push_back(std::move(one));
      continue;
    }
    CompetitionRow& row = into->row;
    row.ids.insert(row.ids.end(), one.row.ids.begin(), one.row.ids.end());
    row.urls.insert(row.urls.end(), one.row.urls.begin(), one.row.urls.end());
    for (std::string& alias : one.row.aliases) {
      if (std::find(row.aliases.begin(), row.aliases.end(), alias) == row.aliases.end()) {
        row.aliases.push_back(std::move(alias));
      }
    }
    std::vector<std::int64_t> entries;
    std::set_union(into->entries.begin(), into->entries.end(), one.entries.begin(),
                   one.entries.end(), std::back_inserter(entries));
    into->entries = std::move(entries);
    row.mentions = static_cast<int>(into->entries.size());
    row.writeups += one.row.writeups;  // no entry is in both
    if (one.first < into->first) {
      into->first = one.first;
      row.first = one.row.first;
    }
    if (one.last > into->last) {
      into->last = one.last;
      row.last = one.row.last;
    }
  }
  return out;
}

}  // namespace

std::vector<CompetitionRow> list_competitions(Store& store, const Filters& filters,
                                              CompetitionOrder order) {
  Database& db = detail::database(store);
  const std::vector<std::pair<std::int64_t, IssueRef>> issues = issues_in_range(db, filters);
  std::unordered_map<std::int64_t, int> time_of;
  for (std::size_t k = 0; k < issues.size(); ++k) {
    time_of.emplace(issues[k].first, static_cast<int>(k));
  }
  std::unordered_map<std::int64_t, Seen> seen = competitions_on_platforms(db, filters);
  std::map<std::string, Nickname, std::less<>> nicknames;
  add_mentions(db, time_of, seen, nicknames);
  // A phrase given to two competitions is nobody's nickname; the others
  // go to theirs, the most used first.
  std::unordered_map<std::int64_t, std::vector<std::pair<int, std::string>>> aliases;
  for (const auto& [phrase, nickname] : nicknames) {
    if (nickname.competitions.size() == 1) {
      aliases[*nickname.competitions.begin()].emplace_back(-nickname.entries, phrase);
    }
  }
  // Write-ups are few: their ids once, rather than a join per mention.
  std::unordered_set<std::int64_t> writeups;
  Statement flagged(db, "SELECT id FROM entries WHERE writeup = 1");
  while (flagged.step()) writeups.insert(flagged.column_int(0));
  std::vector<Listed> listed;
  for (auto& [id, s] : seen) {
    if (s.first < 0) continue;  // not mentioned (in the range)
    const NameEvidence name = best_name(s);
    Listed& one = listed.emplace_back();
    CompetitionRow& row = one.row = std::move(s.row);
    row.id = id;
    row.ids = {id};
    row.urls = {row.url};
    row.name = name.name;
    one.strong = !name.name.empty() && name.rank <= NameRank::card_title;
    one.first = s.first;
    one.last = s.last;
    row.first = issues[static_cast<std::size_t>(s.first)].second;
    row.last = issues[static_cast<std::size_t>(s.last)].second;
    std::sort(s.entries.begin(), s.entries.end());
    s.entries.erase(std::unique(s.entries.begin(), s.entries.end()), s.entries.end());
    row.mentions = static_cast<int>(s.entries.size());
    if (auto given = aliases.find(id); given != aliases.end()) {
      std::sort(given->second.begin(), given->second.end());
      for (const auto& [uses, phrase] : given->second) {
        if (ascii_lower(phrase) != ascii_lower(row.name)) row.aliases.push_back(phrase);
      }
    }
    // Nothing names it: what readers call it, else its slug made readable.
    if (row.name.empty() && !row.aliases.empty()) {
      row.name = row.aliases.front();
      row.aliases.erase(row.aliases.begin());
      one.strong = true;
    }
    if (row.name.empty()) row.name = readable_slug(row.url, row.platform);
    row.writeups = static_cast<int>(std::count_if(
        s.entries.begin(), s.entries.end(), [&](std::int64_t e) { return writeups.contains(e); }));
    one.entries = std::move(s.entries);
  }
  std::vector<CompetitionRow> out;
  for (Listed& one : merged(std::move(listed))) out.push_back(std::move(one.row));
  // A phrase given to the ids of one merged contest is that contest's.
  std::unordered_map<std::int64_t, std::size_t> row_of;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (out[k].ids.size() > 1) {
      for (const std::int64_t id : out[k].ids) row_of.emplace(id, k);
    }
  }
  for (const auto& [phrase, nickname] : nicknames) {
    if (nickname.competitions.size() < 2) continue;
    std::unordered_set<std::size_t> rows;
    for (const std::int64_t id : nickname.competitions) {
      const auto found = row_of.find(id);
      rows.insert(found == row_of.end() ? out.size() : found->second);
    }
    if (rows.size() != 1 || *rows.begin() == out.size()) continue;
    CompetitionRow& row = out[*rows.begin()];
    if (ascii_lower(phrase) != ascii_lower(row.name)) row.aliases.push_back(phrase);
  }
  const auto first_key = [](const CompetitionRow& r) {
    return std::tuple(!r.first.date.has_value(), r.first.date, r.first.number, r.name, r.url);
  };
  std::sort(out.begin(), out.end(), [&](const CompetitionRow& a, const CompetitionRow& b) {
    if (order == CompetitionOrder::mentions && a.mentions != b.mentions) {
      return a.mentions > b.mentions;
    }
    if (order == CompetitionOrder::writeups && a.writeups != b.writeups) {
      return a.writeups > b.writeups;
    }
    return first_key(a) < first_key(b);
  });
  return out;
}

}  // namespace kn
