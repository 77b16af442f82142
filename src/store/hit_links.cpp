#include <algorithm>
#include <unordered_map>

#include "internal.hpp"
#include "model/link_at_match.hpp"
#include "util/url.hpp"

namespace kn::detail {

namespace {

// Tells whether url's domain is one of domains or a subdomain of one.
bool on_any(const std::string& url, const std::vector<std::string>& domains) {
  const std::string domain = url_domain(url);
  return std::any_of(domains.begin(), domains.end(),
                     [&](const std::string& wanted) { return on_domain(domain, wanted); });
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
                  const std::vector<std::string>& marked_bodies,
                  const std::vector<std::string>& domains) {
  if (hits.empty()) return;
  // Read in chunks: a pipe gets every hit, and a statement binds a limited
  // number of values (32766 by default, 250000 in Debian's SQLite).
  constexpr std::size_t kChunk = 500;
  std::vector<std::vector<Link>> in_text(hits.size());
  for (std::size_t from = 0; from < hits.size(); from += kChunk) {
    const std::size_t to = std::min(hits.size(), from + kChunk);
    std::unordered_map<std::int64_t, std::size_t> slot;
    std::string ids;
    for (std::size_t k = from; k < to; ++k) {
      slot.emplace(hits[k].entry_id, k);
      ids += ids.empty() ? "?" : ", ?";
    }
    Statement rows(db, "SELECT entry_id, text, url FROM links WHERE entry_id IN (" + ids +
                           ") ORDER BY entry_id, position");
    int index = 1;
    for (std::size_t k = from; k < to; ++k) rows.bind(index++, hits[k].entry_id);
    while (rows.step()) {
      in_text[slot.at(rows.column_int(0))].push_back(
          {std::string(rows.column_text(1)), std::string(rows.column_text(2))});
    }
  }
  for (std::size_t k = 0; k < hits.size(); ++k) {
    Hit& hit = hits[k];
    hit.links.clear();
    if (hit.kind == EntryKind::card) hit.links.push_back({first_match(hit.title).text, hit.url});
    if (hit.kind == EntryKind::embed) hit.links.push_back({"", hit.url});
    hit.links.insert(hit.links.end(), in_text[k].begin(), in_text[k].end());
    std::vector<Link> candidates;
    for (const Link& link : hit.links) {
      if (domains.empty() || on_any(link.url, domains)) candidates.push_back(link);
    }
    if (candidates.empty()) continue;  // nothing on the domains: the entry's own URL stays
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
