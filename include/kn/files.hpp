// Finding and reading issue files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kn/error.hpp"

namespace kn {

// The largest file read unless --max-size says otherwise: 160 times the
// largest real issue (25 KB). A file holding one word through 60 MB took
// 6 s and 440 MB to index and 4 to 7 s and 640 to 860 MB for every search
// that hit it; at 4 MiB, well under a second and 100 MB.
inline constexpr std::uint64_t kDefaultMaxFileSize = 4ull << 20;

// A file to read, and how it was found.
struct InputFile {
  std::string path;
  bool walked = false;  // found in a directory, not named on the command line
};

// What the paths given on a command line stand for.
struct Inputs {
  std::vector<InputFile> files;
  std::vector<std::string> roots;        // each path given, absolute
  std::vector<std::string> empty_roots;  // given directories that held no file
  std::vector<std::string> missing;      // given paths that do not exist
  std::vector<std::string> excluded;     // files and directories left out, absolute
};

// Returns the files named by paths: a file as given; a directory's regular
// files, recursively, in sorted order, skipping hidden files and directories,
// anything that is not a regular file (FIFOs, devices, sockets), kn's own
// database files, and what the exclude patterns or a .knignore file in the
// walk leave out (ignore.hpp). A path that cannot be read is reported to diag
// and left out.
Inputs find_inputs(const std::vector<std::string>& paths, const std::vector<std::string>& exclude,
                   Diagnostics& diag);

// Returns find_inputs(paths, {}, diag) as paths only.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, Diagnostics& diag);

// Returns path made absolute and normal, so that it names the same file from
// any working directory ("a/../b" is "/cwd/b").
std::string absolute_path(const std::string& path);

// What a file looked like when it was read; equal stamps mean unchanged.
struct FileStamp {
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

// Returns the stamp of the file at path, or nullopt when it cannot be
// stat'ed.
std::optional<FileStamp> stat_file(const std::string& path);

// Returns the whole content of a regular file of at most max_size bytes, and
// its stamp when stamp is given. Throws kn::Error with the reason (no path)
// otherwise.
std::string read_file(const std::string& path, std::uint64_t max_size, FileStamp* stamp = nullptr);

// Returns a 64-bit FNV-1a hash of bytes as 16 hex digits: enough to tell
// whether a file changed.
std::string content_hash(std::string_view bytes);

}  // namespace kn
