// Issues rebuilt from the store as they were indexed.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "kn/issue.hpp"
#include "kn/store.hpp"

namespace kn {

// The issue with that number as it was indexed, and the corrections later
// issues make to it; nullopt when there is none.
std::optional<Issue> load_issue(Store& store, int number);
std::vector<Correction> corrections_of(Store& store, const Issue& issue);

// Every issue in number order, for export: each is passed to visit as soon
// as it is read, so memory does not grow with the archive.
void for_each_issue(Store& store, const std::function<void(const Issue&)>& visit);

}  // namespace kn
