#include <fmt/core.h>

#include <filesystem>
#include <system_error>

#include "commands.hpp"
#include "kn/error.hpp"
#include "output.hpp"
#include "util/sanitize.hpp"

namespace kn {

namespace fs = std::filesystem;

int run_sqlite_extension() {
  std::error_code error;
  const fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (error) throw Error(fmt::format("/proc/self/exe: {}", error.message()));
  const fs::path bin = self.parent_path();
  const fs::path places[] = {bin / "lib/kn/libknfts.so", bin.parent_path() / "lib/kn/libknfts.so"};
  for (const fs::path& place : places) {
    if (fs::is_regular_file(place, error)) {
      detail::write_stdout(escaped(place.string()) + '\n');
      return kExitOk;
    }
  }
  throw Error(fmt::format("libknfts.so: not installed beside {} (looked for {} and {})",
                          escaped(self.string()), escaped(places[0].string()),
                          escaped(places[1].string())));
}

}  // namespace kn
