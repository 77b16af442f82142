// The entries that link to one competition, as stored: what
// `kn competition` tells its story from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kn/store.hpp"

namespace kn {

struct StoryLink {
  std::string text, url, domain;
  bool writeup = false;
};

// An entry that links to the competition.
struct StoryEntry {
  int issue = 0;
  EntryRef ref;  // kn show REF prints it whole
  std::optional<std::string> date;
  bool date_estimated = false;
  std::string section, heading;
  EntryKind kind = EntryKind::item;
  std::string title;
  std::string text;              // an item's text, a card's blurb and comment
  std::string url;               // a card's or embed's own; an item's first link
  std::vector<StoryLink> links;  // the entry's links, but those to the competition itself
  bool writeup = false;          // a card or embed that says so, or a link of it that does
};

// Returns every entry that links to the competition at one of urls (one
// contest linked under several ids), oldest first, each once, with all of
// its links in order; nothing is marked a write-up yet.
std::vector<StoryEntry> entries_linking_to(Store& store, const std::vector<std::string>& urls);

}  // namespace kn
