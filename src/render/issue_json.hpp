// An issue as JSON, in the documented `kn parse --json` shape.
#pragma once

#include <string>

#include "kn/hit.hpp"
#include "kn/issue.hpp"
#include "util/json.hpp"

namespace kn {

void write_issue_json(JsonWriter& json, const Issue& issue);
std::string issue_json(const Issue& issue);

// Returns one entry as a JSON object, for kn show REF --format json: ref,
// issue, source, date, section, heading, kind, title, url, text (an
// item's), blurb and comment (a card's; an embed's comment), and links
// (text, url, domain), numbered from 1 in this order by kn open --link.
std::string entry_json(const Issue& issue, const EntryAt& entry, const EntryRef& ref);

}  // namespace kn
