// Finding and reading issue files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kn/error.hpp"

namespace kn {

inline constexpr std::uint64_t kDefaultMaxFileSize = 64ull << 20;

// The files named by paths: a file as given; a directory's regular files,
// recursively, in sorted order, skipping hidden files and directories and
// anything that is not a regular file (FIFOs, devices, sockets). A path that
// cannot be read is reported to diag and left out.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, Diagnostics& diag);

// What a file looked like when it was read; equal stamps mean unchanged.
struct FileStamp {
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

// The stamp of the file at path, or nullopt when it cannot be stat'ed.
std::optional<FileStamp> stat_file(const std::string& path);

// The whole content of a regular file of at most max_size bytes, and its
// stamp when stamp is given. Throws kn::Error with the reason (no path)
// otherwise.
std::string read_file(const std::string& path, std::uint64_t max_size, FileStamp* stamp = nullptr);

// A 64-bit FNV-1a hash of bytes as 16 hex digits: enough to tell whether a
// file changed.
std::string content_hash(std::string_view bytes);

}  // namespace kn
