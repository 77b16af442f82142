// The entry an entry reference names, for kn show REF and kn open.
#pragma once

#include <cstddef>
#include <vector>

#include "kn/hit.hpp"
#include "kn/issue.hpp"
#include "kn/store.hpp"

namespace kn {

// The issues of a reference's number and which of them holds the entry.
struct FoundEntry {
  std::vector<Issue> issues;
  std::size_t index = 0;  // into issues
  EntryRef ref;

  const Issue& issue() const { return issues[index]; }
  // Returns the entry; it points into issues.
  EntryAt entry() const { return *entry_at(issues[index], ref.place); }
};

// Returns the entry ref names. Throws kn::Error, with the exit status 1
// when no such issue or entry is indexed, and 2 when several issues share
// the number and ref does not say which (the message lists the choices).
FoundEntry find_entry(Store& store, const EntryRef& ref);

}  // namespace kn
