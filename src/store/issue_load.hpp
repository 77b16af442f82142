// Issues rebuilt from the store as they were indexed.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "kn/issue.hpp"
#include "kn/store.hpp"

namespace kn {

// Returns the issues with that number as they were indexed (usually one; none
// when there is no such issue), oldest first, and the corrections later
// issues make to one.
std::vector<Issue> load_issues(Store& store, int number);
std::vector<Correction> corrections_of(Store& store, const Issue& issue);

// Returns every issue in number order, for export: each is passed to visit as
// soon as it is read, so memory does not grow with the archive.
void for_each_issue(Store& store, const std::function<void(const Issue&)>& visit);

}  // namespace kn
