#include "story.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <set>

#include "kn/error.hpp"
#include "model/competition.hpp"
#include "model/writeup.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

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

std::vector<std::string> candidate_lines(const std::vector<const CompetitionRow*>& rows) {
  std::vector<std::string> lines;
  for (const CompetitionRow* row : rows) {
    // What tells apart competitions of one name: their ids, when they were
    // mentioned and how often.
    const auto when = [](const IssueRef& ref) {
      return fmt::format("#{}{}", ref.number, ref.date ? " " + *ref.date : "");
    };
    lines.push_back(fmt::format("  {}  {}  {}  ({} .. {}, {} mentions)", row->platform,
                                slug_of(*row), row->name, when(row->first), when(row->last),
                                row->mentions));
  }
  return lines;
}

}  // namespace

std::string slug_of(const CompetitionRow& row) { return std::string(competition_slug(row.url)); }

CompetitionRow find_competition(const std::vector<CompetitionRow>& rows, std::string_view query) {
  const std::string key = folded(query);
  if (key.empty()) throw Error("competition: say which (a slug, a URL or words of its name)");
  const std::optional<CompetitionLink> link = competition_of(collapse_whitespace(query));
  // An id is one competition (a contest linked under several answers to
  // each); a name or a nickname may be several.
  std::vector<const CompetitionRow*> found;
  for (const CompetitionRow& row : rows) {
    const bool by_url = std::any_of(row.urls.begin(), row.urls.end(), [&](const std::string& url) {
      return (link && link->url == url) || ascii_lower(competition_slug(url)) == key ||
             ascii_lower(competition_key(row.platform, url)) == key;
    });
    if (by_url) return row;
    if (folded(row.name) == key ||
        std::any_of(row.aliases.begin(), row.aliases.end(),
                    [&](const std::string& alias) { return folded(alias) == key; })) {
      found.push_back(&row);
    }
  }
  if (found.size() == 1) return *found[0];
  if (found.size() > 1) {
    throw Error(fmt::format("'{}' names {} competitions; say which:", query, found.size()),
                kExitError, candidate_lines(found));
  }
  const std::vector<std::string> words = words_of(query);
  for (const CompetitionRow& row : rows) {
    std::string name = folded(row.name) + " " + ascii_lower(row.platform);
    for (const std::string& url : row.urls) {
      name += " " + ascii_lower(competition_slug(url));
    }
    for (const std::string& alias : row.aliases) name += " " + folded(alias);
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

std::vector<StoryEntry> competition_story(Store& store, const CompetitionRow& competition) {
  std::vector<StoryEntry> story = entries_linking_to(store, competition.urls);
  const auto own = [&](const std::string& url) {
    return std::find(competition.urls.begin(), competition.urls.end(), url) !=
           competition.urls.end();
  };
  for (StoryEntry& entry : story) {
    // Links are judged before the links to the competition's own page
    // leave the list: they count as links of their sentence.
    std::vector<Link> links;
    for (const StoryLink& link : entry.links) links.push_back({link.text, link.url});
    const std::vector<bool> writeups = writeup_links(entry.kind, entry.text, links);
    for (std::size_t k = 0; k < entry.links.size(); ++k) entry.links[k].writeup = writeups[k];
    entry.writeup = is_writeup_entry(entry.kind, entry.title, entry.text, "", links);
    std::erase_if(entry.links, [&](const StoryLink& link) {
      const auto same = competition_of(link.url);
      return same && own(same->url) && same->page == CompetitionPage::front;
    });
  }
  return story;
}

FoundCompetition find_competition(Store& store, std::string_view query) {
  const std::vector<CompetitionRow> rows = list_competitions(store, {});
  try {
    return {find_competition(rows, query), {}};
  } catch (const Error& e) {
    if (e.exit_code() != kExitNoResults) throw;
    // Nothing is called that: the entries that say it tell which one.
    std::vector<Hit> hits;
    try {
      hits = store.search(parse_query(query), {SortOrder::rank, 0, 0, HitText::none});
    } catch (const Error&) {
      throw e;  // words kn cannot search for: nothing to go by
    }
    // Each entry counts once for each competition it links to; a contest
    // linked under several ids is each of their keys.
    std::map<std::string, std::size_t> row_by_key;
    for (std::size_t k = 0; k < rows.size(); ++k) {
      for (const std::string& url : rows[k].urls) {
        row_by_key.emplace(competition_key(rows[k].platform, url), k);
      }
    }
    std::map<std::size_t, int> linking;  // row -> entries
    int saying = 0;
    for (const Hit& hit : hits) {
      std::set<std::size_t> linked;
      for (const std::string& key : hit.competitions) {
        if (const auto row = row_by_key.find(key); row != row_by_key.end()) {
          linked.insert(row->second);
        }
      }
      if (linked.empty()) continue;
      ++saying;
      for (const std::size_t row : linked) ++linking[row];
    }
    if (linking.empty()) throw;
    std::vector<std::pair<int, std::size_t>> ranked;  // -entries, row
    for (const auto& [row, entries] : linking) ranked.emplace_back(-entries, row);
    std::sort(ranked.begin(), ranked.end());
    const int most = -ranked.front().first;
    if (3 * most >= 2 * saying) {
      return {rows[ranked.front().second],
              fmt::format("{} of the {} entries saying it link to", most, saying)};
    }
    std::vector<std::string> lines;
    for (std::size_t k = 0; k < ranked.size() && k < 5; ++k) {
      std::string line = candidate_lines({&rows[ranked[k].second]}).front();
      line.pop_back();  // the line's ")": the count joins what it says
      lines.push_back(line +
                      fmt::format("; linked by {} of the {} entries)", -ranked[k].first, saying));
    }
    throw Error(fmt::format("no competition is called '{}'; the {} entries saying it link to "
                            "{} competitions; say which:",
                            query, saying, ranked.size()),
                kExitError, lines);
  }
}

std::vector<std::int64_t> competition_ids(Store& store, std::string_view query) {
  const FoundCompetition found = find_competition(store, query);
  // A filter narrows a search silently: it never goes by a guess.
  if (!found.evidence.empty()) {
    throw Error(fmt::format("no competition is called '{}' ({} this one); say it by its name "
                            "or slug:",
                            query, found.evidence),
                kExitError, candidate_lines({&found.row}));
  }
  return found.row.ids;
}

Query resolve_competition_filters(Store& store, const Query& query) {
  if (query.competitions.empty()) return query;
  Query resolved = query;
  for (const std::string& words : query.competitions) {
    try {
      for (const std::int64_t id : competition_ids(store, words)) {
        resolved.filters.competition_ids.push_back(id);
      }
    } catch (const Error& e) {
      throw Error(fmt::format("competition: {}", e.what()),
                  e.exit_code() == kExitNoResults ? kExitError : e.exit_code(), e.details());
    }
  }
  resolved.competitions.clear();
  return resolved;
}

}  // namespace kn
