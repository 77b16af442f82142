// An issue as JSON, in the documented `kn parse --json` shape.
#pragma once

#include <string>

#include "kn/issue.hpp"
#include "util/json.hpp"

namespace kn {

void write_issue_json(JsonWriter& json, const Issue& issue);
std::string issue_json(const Issue& issue);

}  // namespace kn
