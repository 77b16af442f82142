// One competition's story: finding it by what a person types, and every
// entry that links to it, launch to write-ups (`kn competition`).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kn/competition_list.hpp"
#include "kn/store.hpp"

namespace kn {

// The competition query means: an exact slug, URL (any page of it) or name
// is the match; else the one whose name (or slug) holds every word. Throws
// kn::Error: no competition matches (exit 1), or several do (exit 2, the
// candidates as details: platform, slug, name).
CompetitionRow find_competition(const std::vector<CompetitionRow>& rows, std::string_view query);

// The last part of a competition's canonical URL: "ai4code".
std::string slug_of(const CompetitionRow& row);

// Whether a title or link text announces a write-up: 解法, 振り返り,
// solution, writeup, 1st place, 3位 (not 順位表).
bool is_writeup(std::string_view text);

struct StoryLink {
  std::string text, url, domain;
  bool writeup = false;
};

// An entry that links to the competition.
struct StoryEntry {
  int issue = 0;
  std::optional<std::string> date;
  bool date_estimated = false;
  std::string section, heading, kind, title;
  std::string text;              // an item's text, a card's blurb and comment
  std::string url;               // a card's or embed's own; an item's first link
  std::vector<StoryLink> links;  // the entry's links, but those to the competition itself
  bool writeup = false;          // a card or embed that says so, or a link of it that does
};

// Every entry that links to the competition at url, oldest first.
std::vector<StoryEntry> competition_story(Store& store, const std::string& url);

// The ids of the competitions query means (as find_competition), for the
// competition: filter of a search.
std::int64_t competition_id(Store& store, std::string_view query);

}  // namespace kn
