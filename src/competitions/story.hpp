// One competition's story: finding it by what a person types, and every
// entry that links to it, launch to write-ups (`kn competition`); and the
// competition: filter of a search, resolved the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kn/query.hpp"
#include "kn/store.hpp"
#include "store/competition_list.hpp"
#include "store/mentions.hpp"

namespace kn {

// Returns the competition query means: an exact slug, platform:slug
// (competition_key()), URL (any page of it) or name is the match; else the
// one whose name (or slug) holds every word.
// Throws kn::Error: no competition matches (exit 1), or several do (exit 2,
// the candidates as details: platform, slug, name).
CompetitionRow find_competition(const std::vector<CompetitionRow>& rows, std::string_view query);

// A competition found by what a person typed.
struct FoundCompetition {
  CompetitionRow row;
  // When it was not found by a name, a nickname or a slug, why it is the
  // one: "5 of the 6 entries saying it link to".
  std::string evidence;
};

// Returns the competition query means in the store's archive, as the rows
// one does; when nothing is called that, the entries holding query's words
// tell: the competition linked by at least 2/3 of those that link any is
// the answer, with the evidence. Else throws kn::Error listing up to 5
// of their competitions (exit 2), or, when none of them links any, as the
// rows one does (exit 1).
FoundCompetition find_competition(Store& store, std::string_view query);

// Returns the last part of a competition's canonical URL: "ai4code".
std::string slug_of(const CompetitionRow& row);

// Returns every entry that links to the competition (at any of its URLs),
// oldest first, with its write-ups marked (model/writeup.hpp) and without
// the links to the competition's own front page.
std::vector<StoryEntry> competition_story(Store& store, const CompetitionRow& competition);

// Returns the ids of the competition query means (as find_competition;
// several for one contest linked under several ids), for the competition:
// filter of a search. Throws kn::Error (exit 2) where find_competition
// would go by the archive's words: a filter never guesses.
std::vector<std::int64_t> competition_ids(Store& store, std::string_view query);

// Returns query with its competition: filters resolved to competitions' ids,
// as the store takes them. Throws kn::Error (exit 2) when one means none or
// several.
Query resolve_competition_filters(Store& store, const Query& query);

}  // namespace kn
