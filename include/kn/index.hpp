// Incremental indexing: issue files into the store, each file atomically.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "kn/error.hpp"
#include "kn/files.hpp"
#include "kn/store.hpp"

namespace kn {

struct IndexOptions {
  bool prune = false;  // remove issues whose source file is gone
  std::uint64_t max_size = kDefaultMaxFileSize;
};

struct IndexReport {
  int files = 0, added = 0, updated = 0, unchanged = 0, failed = 0, pruned = 0;
  // One line per issue that changed files or was pruned, for the summary.
  std::vector<std::string> notes;
};

// Called after each file with the bytes it had, for progress displays.
using IndexProgress = std::function<void(std::uint64_t bytes)>;

// Indexes files into store. A file whose size and mtime are unchanged is not
// read; one whose content hash is unchanged is not parsed. Files are
// committed in batches. A file that cannot be read or parsed goes to diag,
// counts as failed and never affects another; an error of the store (a full
// disk) is thrown, and only the open batch is lost.
IndexReport index_files(Store& store, const std::vector<std::string>& files,
                        const IndexOptions& options, Diagnostics& diag,
                        const IndexProgress& progress = {});

}  // namespace kn
