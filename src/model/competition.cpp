#include "competition.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "util/text.hpp"
#include "util/url.hpp"
#include "util/utf8.hpp"

namespace kn {

namespace {

// How a platform writes a competition's address: on host (or a subdomain),
// the path starts with prefix and the next segment identifies the
// competition. The canonical URL is base + identifier.
struct Platform {
  std::string_view name;
  std::string_view host;
  std::string_view prefix;
  std::string_view base;
  bool fold_case = false;    // identifiers compare case-insensitively
  bool in_fragment = false;  // single-page sites keep the path in the fragment
};

constexpr std::array<Platform, 16> kPlatforms{{
    {"Kaggle", "kaggle.com", "/c/", "https://www.kaggle.com/competitions/", true},
    {"Kaggle", "kaggle.com", "/competitions/", "https://www.kaggle.com/competitions/", true},
    {"SIGNATE", "signate.jp", "/competitions/", "https://signate.jp/competitions/"},
    {"atmaCup", "guruguru.science", "/competitions/", "https://www.guruguru.science/competitions/"},
    {"Nishika", "nishika.com", "/competitions/", "https://www.nishika.com/competitions/"},
    {"Solafune", "solafune.com", "/ja/competitions/", "https://solafune.com/competitions/"},
    {"Solafune", "solafune.com", "/competitions/", "https://solafune.com/competitions/"},
    {"Solafune", "solafune.com", "/competitions/", "https://solafune.com/competitions/", false,
     true},
    {"ProbSpace", "prob.space", "/competitions/", "https://comp.probspace.com/competitions/"},
    {"ProbSpace", "probspace.com", "/competitions/", "https://comp.probspace.com/competitions/"},
    {"DrivenData", "drivendata.org", "/competitions/", "https://www.drivendata.org/competitions/"},
    {"AIcrowd", "aicrowd.com", "/challenges/", "https://www.aicrowd.com/challenges/"},
    {"Zindi", "zindi.africa", "/competitions/", "https://zindi.africa/competitions/"},
    {"CodaLab", "codalab.org", "/competitions/", "https://competitions.codalab.org/competitions/"},
    {"CodaLab", "codalab.lisn.upsaclay.fr", "/competitions/",
     "https://codalab.lisn.upsaclay.fr/competitions/"},
    {"Topcoder", "topcoder.com", "/challenges/", "https://www.topcoder.com/challenges/"},
}};

// Listing pages that sit where a competition's identifier would.
constexpr std::array<std::string_view, 8> kNotCompetitions{"ranking", "rankings", "search", "list",
                                                           "all",     "upcoming", "past",   "new"};

// A path segment that can stand in a canonical URL: no white space, control
// characters or the characters that end a path.
bool is_identifier(std::string_view id) {
  return !id.empty() && std::none_of(id.begin(), id.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7F || c == '#' || c == '?' || c == '/' || c == '\\';
  });
}

CompetitionPage page_of(std::string_view rest) {
  if (rest.empty() || rest == "/" || rest == "/overview" || rest == "/summary" ||
      rest == "/overview/" || rest == "/summary/") {
    return CompetitionPage::front;
  }
  // A thread (/discussion/123, /discussions/45), not the list of them.
  for (const std::string_view list : {"/discussion/", "/discussions/"}) {
    const std::size_t at = rest.find(list);
    if (at != std::string_view::npos && at + list.size() < rest.size()) {
      return CompetitionPage::discussion;
    }
  }
  return CompetitionPage::other;
}

}  // namespace

std::vector<std::string> platform_names() {
  std::vector<std::string> names;
  for (const Platform& platform : kPlatforms) {
    if (std::find(names.begin(), names.end(), platform.name) == names.end()) {
      names.emplace_back(platform.name);
    }
  }
  return names;
}

std::optional<CompetitionLink> competition_of(std::string_view url) {
  const UrlParts parts = split_url(url);
  if (parts.host.empty()) return std::nullopt;
  for (const Platform& platform : kPlatforms) {
    if (!on_domain(parts.host, platform.host)) continue;
    std::string_view path = parts.path;
    if (platform.in_fragment) {  // "#/competitions/ID?tab=..." routes inside the page
      path = parts.fragment;
      path = path.substr(0, path.find('?'));
    }
    if (!path.starts_with(platform.prefix)) continue;
    path.remove_prefix(platform.prefix.size());
    const std::size_t end = path.find('/');
    const std::string_view id = path.substr(0, end);
    const std::string_view rest = end == std::string_view::npos ? "" : path.substr(end);
    if (!is_identifier(id) || std::find(kNotCompetitions.begin(), kNotCompetitions.end(),
                                        ascii_lower(id)) != kNotCompetitions.end()) {
      return std::nullopt;
    }
    std::string canonical(platform.base);
    canonical += platform.fold_case ? ascii_lower(id) : std::string(id);
    const CompetitionPage page = page_of(rest);
    std::string_view subpage = page == CompetitionPage::front ? "" : rest;
    while (subpage.ends_with('/')) subpage.remove_suffix(1);
    return CompetitionLink{std::string(platform.name), std::move(canonical), page,
                           std::string(subpage)};
  }
  return std::nullopt;
}

std::string_view competition_slug(std::string_view url) {
  return url.substr(url.find_last_of('/') + 1);
}

std::string competition_key(std::string_view platform, std::string_view url) {
  return ascii_lower(platform) + ":" + std::string(competition_slug(url));
}

std::string trim_brackets(std::string_view raw) {
  const std::string spaced = collapse_whitespace(raw);
  std::string_view text = spaced;
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 2> kBrackets{
      {{"「", "」"}, {"『", "』"}}};
  bool trimmed = true;
  while (trimmed) {
    trimmed = false;
    for (const auto& [open, close] : kBrackets) {
      if (text.starts_with(open)) {
        text.remove_prefix(open.size());
        trimmed = true;
      }
      if (text.ends_with(close)) {
        text.remove_suffix(close.size());
        trimmed = true;
      }
    }
  }
  return collapse_whitespace(text);
}

}  // namespace kn
