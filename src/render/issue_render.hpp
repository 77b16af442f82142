// An issue for people: a summary (kn parse) or a page to read on a
// terminal (kn show).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "kn/issue.hpp"
#include "terminal.hpp"

namespace kn {

// Returns a few lines for a terminal: number, date, sections with their item
// counts, cards and embeds.
std::string issue_summary(const Issue& issue);

// Returns an issue to read in a terminal, with the corrections later issues
// made to it: wrapped to render.width by the rules of the text
// (line_break.hpp), URLs whole and, with render.hyperlinks, links.
std::string issue_for_terminal(const Issue& issue, const std::vector<Correction>& corrections,
                               const Rendering& render);

}  // namespace kn
