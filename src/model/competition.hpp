// Competitions recognized by their URL on the platforms the newsletter
// follows. One table (kPlatforms in competition.cpp) says how each
// platform spells a competition's address; add a row to add a platform.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kn {

// Which page of a competition a link is to: its front page, another of its
// pages, or a discussion (whose link text is a post's title, not the
// competition's name).
enum class CompetitionPage { front, other, discussion };

struct CompetitionLink {
  std::string platform;  // "Kaggle", "SIGNATE", ...
  std::string url;       // canonical: the same for every page of the competition
  CompetitionPage page = CompetitionPage::front;
  std::string subpage;  // the path after the identifier, no final '/'; "" for the front page
};

// Returns the platforms kn recognizes, each once, as they are written
// ("Kaggle").
std::vector<std::string> platform_names();

// Returns the competition url belongs to, or nullopt.
std::optional<CompetitionLink> competition_of(std::string_view url);

// Returns the identifier a competition's canonical url ends with, its slug:
// "ai4code", "580".
std::string_view competition_slug(std::string_view url);

// Returns a competition's short name, platform:slug, the platform's name
// in lower case: "kaggle:ai4code", "signate:580". kn competition takes it
// back.
std::string competition_key(std::string_view platform, std::string_view url);

// Returns text without the Japanese quotation brackets around it.
std::string trim_brackets(std::string_view text);

}  // namespace kn
