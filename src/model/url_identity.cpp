#include "url_identity.hpp"

#include <optional>

#include "competition.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace kn {

namespace {

// A video id as YouTube writes them: letters, digits, '-' and '_'.
bool is_video_id(std::string_view id) {
  if (id.empty()) return false;
  for (const char c : id) {
    if (!is_ascii_alnum(c) && c != '-' && c != '_') return false;
  }
  return true;
}

// The value of the query parameter name in url ("" when absent).
std::string_view query_value(std::string_view url, std::string_view name) {
  std::string_view query = url.substr(0, url.find('#'));
  const std::size_t mark = query.find('?');
  if (mark == std::string_view::npos) return {};
  query.remove_prefix(mark + 1);
  while (!query.empty()) {
    const std::string_view pair = query.substr(0, query.find('&'));
    if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=') {
      return pair.substr(name.size() + 1);
    }
    query.remove_prefix(std::min(query.size(), pair.size() + 1));
  }
  return {};
}

// The video a YouTube address shows, or nullopt for its other pages
// (channels, playlists, search).
std::optional<std::string> youtube_video(std::string_view url) {
  const UrlParts parts = split_url(url);
  std::string_view path = parts.path, id;
  if (on_domain(parts.host, "youtu.be")) {
    id = path.substr(std::min<std::size_t>(1, path.size()));
  } else if (on_domain(parts.host, "youtube.com") ||
             on_domain(parts.host, "youtube-nocookie.com")) {
    if (path == "/watch" || path == "/watch/") {
      id = query_value(url, "v");
    } else {
      for (const std::string_view prefix : {"/embed/", "/shorts/", "/live/", "/v/"}) {
        if (path.starts_with(prefix)) id = path.substr(prefix.size());
      }
    }
  }
  while (id.ends_with('/')) id.remove_suffix(1);
  if (!is_video_id(id)) return std::nullopt;
  return "youtube.com/watch?v=" + std::string(id);
}

}  // namespace

std::string url_identity(std::string_view url) {
  if (const auto competition = competition_of(url)) {
    if (competition->page == CompetitionPage::front) return url_key(competition->url);
    const std::string_view query = url.substr(0, url.find('#'));
    const std::size_t mark = query.find('?');
    return url_key(competition->url + competition->subpage +
                   std::string(mark == std::string_view::npos ? "" : query.substr(mark)));
  }
  if (auto video = youtube_video(url)) return *video;
  return url_key(url);
}

}  // namespace kn
