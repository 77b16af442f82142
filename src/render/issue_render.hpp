// An issue for people: a summary (kn parse) or a page to read on a
// terminal (kn show).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "kn/hit.hpp"
#include "kn/issue.hpp"
#include "terminal.hpp"

namespace kn {

// Returns a few lines for a terminal: number, date, sections with their item
// counts, cards and embeds.
std::string issue_summary(const Issue& issue);

// Returns an issue to read in a terminal, with the corrections later issues
// made to it: wrapped to render.width by the rules of the text
// (line_break.hpp), URLs whole and, with render.hyperlinks, links. Each
// entry starts with its reference (EntryRef); copy is the issue's place
// among those of its number, 0 when it is the only one.
std::string issue_for_terminal(const Issue& issue, int copy,
                               const std::vector<Correction>& corrections, const Rendering& render);

// Returns one entry of an issue whole, for kn show REF: where it is
// (reference, date, section, kind; the issue's number and title), its
// text, then every link numbered from 1 with its text, domain and URL.
std::string entry_for_terminal(const Issue& issue, const EntryAt& entry, const EntryRef& ref,
                               const Rendering& render);

}  // namespace kn
