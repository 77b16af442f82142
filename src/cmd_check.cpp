#include <fmt/core.h>

#include "command_output.hpp"
#include "kn/commands.hpp"
#include "kn/sanitize.hpp"

namespace kn {

int run_check(const CheckRequest& request) {
  Store(request.db, Store::Access::read_only);  // refuses a missing or foreign file
  // Read-write only because FTS5's integrity check is a write.
  Store store(request.db, Store::Access::read_write);
  const CheckResult result = store.check();
  for (const std::string& checked : result.checked) {
    detail::write_stdout(fmt::format("checked: {}\n", checked));
  }
  if (!result.problems.empty()) {
    throw Error(fmt::format("{}: {}", request.db, printable(result.problems.front())));
  }
  detail::write_stdout(fmt::format("{}: sound\n", request.db));
  return kExitOk;
}

}  // namespace kn
