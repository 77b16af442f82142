// The commands behind the command line. Each returns the process exit code
// (kExitOk, kExitNoResults, kExitError) and throws kn::Error for problems
// that stop it as a whole.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kn/files.hpp"

namespace kn {

struct ParseOptions {
  std::vector<std::string> paths;
  bool json = false;
  std::uint64_t max_size = kDefaultMaxFileSize;
};

// kn parse: extract each file and print its summary or JSON line.
int run_parse(const ParseOptions& options);

}  // namespace kn
