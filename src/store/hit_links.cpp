#include <algorithm>
#include <unordered_map>

#include "internal.hpp"
#include "model/competition.hpp"
#include "model/link_at_match.hpp"
#include "model/url_identity.hpp"
#include "model/writeup.hpp"
#include "util/url.hpp"

namespace kn::detail {

namespace {

// Tells whether link is one the filters ask for: on one of their domains
// and to one of their URLs, where they name any.
bool wanted(const Link& link, const Filters& filters) {
  const std::string domain = url_domain(link.url);
  const bool on_domains =
      filters.domains.empty() ||
      std::any_of(filters.domains.begin(), filters.domains.end(),
                  [&](const std::string& wanted) { return on_domain(domain, wanted); });
  return on_domains &&
         (filters.urls.empty() || std::find(filters.urls.begin(), filters.urls.end(),
                                            url_identity(link.url)) != filters.urls.end());
}

// The ids of hits [from, to) as "?, ?, ..." bound from index 1 on.
std::string id_list(std::size_t from, std::size_t to) {
  std::string ids;
  for (std::size_t k = from; k < to; ++k) ids += ids.empty() ? "?" : ", ?";
  return ids;
}

// A marked text with its marks dropped, and where its first match lies in
// it: [begin, end), begin npos when it has none.
struct FirstMatch {
  std::string text;
  std::size_t begin = std::string::npos, end = std::string::npos;
};

FirstMatch first_match(const std::string& marked) {
  FirstMatch out;
  for (const char c : marked) {
    if (c == kSnippetStart && out.begin == std::string::npos) out.begin = out.text.size();
    if (c == kSnippetEnd && out.end == std::string::npos) out.end = out.text.size();
    if (c != kSnippetStart && c != kSnippetEnd) out.text += c;
  }
  if (out.end == std::string::npos || out.end < out.begin) out.end = out.begin;
  return out;
}

}  // namespace

void attach_links(Database& db, std::vector<Hit>& hits,
                  const std::vector<std::string>& marked_bodies, const Filters& filters) {
  if (hits.empty()) return;
  // Read in chunks: a pipe gets every hit, and a statement binds a limited
  // number of values (32766 by default, 250000 in Debian's SQLite).
  constexpr std::size_t kChunk = 500;
  std::vector<std::vector<Link>> in_text(hits.size());
  for (std::size_t from = 0; from < hits.size(); from += kChunk) {
    const std::size_t to = std::min(hits.size(), from + kChunk);
    std::unordered_map<std::int64_t, std::size_t> slot;
    for (std::size_t k = from; k < to; ++k) slot.emplace(hits[k].entry_id, k);
    const std::string ids = id_list(from, to);
    Statement rows(db, "SELECT entry_id, text, url FROM links WHERE entry_id IN (" + ids +
                           ") ORDER BY entry_id, position");
    Statement competitions(db,
                           "SELECT DISTINCT m.entry_id, c.platform, c.url, c.id FROM mentions m "
                           "JOIN competitions c ON c.id = m.competition_id WHERE m.entry_id IN (" +
                               ids + ") ORDER BY m.entry_id, c.id");
    int index = 1;
    for (std::size_t k = from; k < to; ++k, ++index) {
      rows.bind(index, hits[k].entry_id);
      competitions.bind(index, hits[k].entry_id);
    }
    while (rows.step()) {
      in_text[slot.at(rows.column_int(0))].push_back(
          {std::string(rows.column_text(1)), std::string(rows.column_text(2))});
    }
    while (competitions.step()) {
      hits[slot.at(competitions.column_int(0))].competitions.push_back(
          competition_key(competitions.column_text(1), competitions.column_text(2)));
    }
  }
  for (std::size_t k = 0; k < hits.size(); ++k) {
    Hit& hit = hits[k];
    hit.links.clear();
    if (hit.kind == EntryKind::card) hit.links.push_back({first_match(hit.title).text, hit.url});
    if (hit.kind == EntryKind::embed) hit.links.push_back({"", hit.url});
    hit.links.insert(hit.links.end(), in_text[k].begin(), in_text[k].end());
    // Asked for write-ups, an item is about its write-up links; a card or
    // an embed is one as a whole.
    const std::vector<bool> writeups =
        filters.writeups && hit.kind == EntryKind::item
            ? writeup_links(hit.kind, first_match(hit.body).text, hit.links)
            : std::vector<bool>(hit.links.size(), true);
    std::vector<Link> candidates;
    for (std::size_t l = 0; l < hit.links.size(); ++l) {
      if (writeups[l] && wanted(hit.links[l], filters)) candidates.push_back(hit.links[l]);
    }
    if (candidates.empty()) continue;  // none asked for: the entry's own URL stays
    hit.url = candidates.front().url;
    if (hit.kind != EntryKind::item || candidates.size() < 2 || k >= marked_bodies.size() ||
        marked_bodies[k].empty()) {
      continue;
    }
    const FirstMatch match = first_match(marked_bodies[k]);
    if (match.begin == std::string::npos) continue;
    if (const auto chosen = link_at_match(match.text, match.begin, match.end, candidates)) {
      hit.url = candidates[*chosen].url;
    }
  }
}

}  // namespace kn::detail
