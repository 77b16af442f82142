// An issue for people: a summary (kn parse) or a page to read on a
// terminal (kn show).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "kn/issue.hpp"

namespace kn {

// A few lines for a terminal: number, date, sections with their item
// counts, cards and embeds.
std::string issue_summary(const Issue& issue);

// An issue to read in a terminal (wrapped to width), with the corrections
// later issues made to it.
std::string issue_for_terminal(const Issue& issue, const std::vector<Correction>& corrections,
                               std::size_t width, bool color);

}  // namespace kn
