// How issues are printed: JSON Lines for programs, a summary for people.
#pragma once

#include <string>
#include <string_view>

#include "kn/issue.hpp"
#include "kn/json.hpp"

namespace kn {

// text without control characters (C0, DEL, C1): safe to print on a
// terminal. text must be valid UTF-8.
std::string printable(std::string_view text);

// The issue as one JSON object in the documented `kn parse --json` shape.
void write_issue_json(JsonWriter& json, const Issue& issue);
std::string issue_json(const Issue& issue);

// A few lines for a terminal: number, date, sections with their item
// counts, cards and embeds.
std::string issue_summary(const Issue& issue);

}  // namespace kn
