#include "entry_lookup.hpp"

#include <fmt/core.h>

#include "kn/error.hpp"
#include "store/issue_load.hpp"

namespace kn {

FoundEntry find_entry(Store& store, const EntryRef& ref) {
  FoundEntry found;
  found.ref = ref;
  found.issues = load_issues(store, ref.issue);
  const std::string name = ref.to_string();
  const std::size_t count = found.issues.size();
  if (count == 0) {
    throw Error(fmt::format("{}: no issue #{} in {}", name, ref.issue, store.path()),
                kExitNoResults);
  }
  if (ref.copy == 0 && count > 1) {
    throw Error(
        fmt::format("{}: {} issues have number {}: say {}/1 to {}/{} (kn show {} lists them)", name,
                    count, ref.issue, name, name, count, ref.issue));
  }
  if (ref.copy > static_cast<int>(count)) {
    throw Error(fmt::format("{}: there {} {} issue{} numbered {}", name, count == 1 ? "is" : "are",
                            count, count == 1 ? "" : "s", ref.issue),
                kExitNoResults);
  }
  found.index = ref.copy > 0 ? static_cast<std::size_t>(ref.copy - 1) : 0;
  if (!entry_at(found.issue(), ref.place)) {
    throw Error(fmt::format("{}: issue #{} has no entry {} (kn show {} lists them)", name,
                            ref.issue, ref.place, ref.issue),
                kExitNoResults);
  }
  return found;
}

}  // namespace kn
