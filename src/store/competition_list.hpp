// The competitions the archive links to, each with its first and last
// mention: `kn list --competition`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kn/filters.hpp"
#include "kn/store.hpp"

namespace kn {

struct IssueRef {
  int number = 0;
  std::optional<std::string> date;
};

struct CompetitionRow {
  std::int64_t id = 0;
  std::string platform, name, url;
  // One contest linked under several ids (competition_list.cpp says when):
  // every id and URL, the most mentioned first (id and url).
  std::vector<std::int64_t> ids;
  std::vector<std::string> urls;
  IssueRef first, last;
  int mentions = 0;  // entries linking to it
  int writeups = 0;  // of those, the write-ups (is:solution)
  // What readers call it (nickname.hpp), the most used first; a phrase
  // the archive gives two competitions is neither's.
  std::vector<std::string> aliases;
};

// The order of a list of competitions: by first mention, or most mentioned
// first, or most write-ups first (ties by first mention).
enum class CompetitionOrder { first, mentions, writeups };

// Returns every competition the entries link to, in order, restricted by
// the filters' dates (of the mentions) and platforms.
std::vector<CompetitionRow> list_competitions(Store& store, const Filters& filters,
                                              CompetitionOrder order = CompetitionOrder::first);

}  // namespace kn
