#include <fmt/core.h>

#include <algorithm>

#include "commands.hpp"
#include "output.hpp"
#include "util/sanitize.hpp"

namespace kn {

int run_check(const CheckRequest& request) {
  // Read-only: kn check never writes the database it checks.
  Store store(request.db, Store::Access::read_only);
  const CheckResult result = store.check();
  for (const CheckResult::Part& part : result.parts) {
    std::string line = fmt::format("checked: {}", part.what);
    if (part.skipped) {
      line = fmt::format("not checked: {}: {}", part.what, part.note);
    } else if (part.found > 0) {
      line += fmt::format(": {} problem{}", part.found, part.found == 1 ? "" : "s");
    } else if (!part.note.empty()) {
      line += fmt::format(" ({})", part.note);
    }
    detail::write_stdout(escaped(line) + '\n');
    for (const std::string& problem : part.problems) {
      detail::write_stdout("  " + escaped(problem) + '\n');
    }
    if (part.found > part.problems.size()) {
      detail::write_stdout(fmt::format("  ... and {} more\n", part.found - part.problems.size()));
    }
  }
  if (const std::size_t problems = result.problem_count()) {
    const bool derived = std::any_of(result.parts.begin(), result.parts.end(),
                                     [](const auto& part) { return part.derived && part.found; });
    throw Error(fmt::format("{}: {} problem{} (listed above){}", request.db, problems,
                            problems == 1 ? "" : "s",
                            derived ? "; 'kn index --rebuild' makes the full-text index, entry "
                                      "sizes and filter facts again from the stored entries"
                                    : ""));
  }
  // A part that could not run proves nothing: the database is not called
  // sound.
  const auto skipped = static_cast<std::size_t>(std::count_if(
      result.parts.begin(), result.parts.end(), [](const auto& part) { return part.skipped; }));
  if (skipped > 0) {
    throw Error(fmt::format("{}: not checked whole: {} part{} could not run (listed above)",
                            request.db, skipped, skipped == 1 ? "" : "s"));
  }
  detail::write_stdout(fmt::format("{}: sound\n", escaped(request.db)));
  return kExitOk;
}

}  // namespace kn
