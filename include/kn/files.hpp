// Finding and reading issue files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kn/error.hpp"

namespace kn {

inline constexpr std::uint64_t kDefaultMaxFileSize = 64ull << 20;

// The files named by paths: a file as given; a directory's regular files,
// recursively, in sorted order, skipping hidden files and directories and
// anything that is not a regular file (FIFOs, devices, sockets). A path that
// cannot be read is reported to diag and left out.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, Diagnostics& diag);

// The whole content of a regular file of at most max_size bytes. Throws
// kn::Error with the reason (no path) otherwise.
std::string read_file(const std::string& path, std::uint64_t max_size);

}  // namespace kn
