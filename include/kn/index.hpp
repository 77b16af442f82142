// Incremental indexing: issue files into the store, in batches.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "kn/error.hpp"
#include "kn/files.hpp"
#include "kn/store.hpp"

namespace kn {

struct IndexOptions {
  // Remove the issues whose file this run did not find under the roots
  // given (inputs.roots). Refused when a root is missing or holds no file,
  // as an unmounted archive would, unless force.
  bool prune = false, force = false;
  std::uint64_t max_size = kDefaultMaxFileSize;
  bool dry_run = false;  // notes say what a run would do ("would move")
};

struct IndexReport {
  int files = 0, added = 0, updated = 0, unchanged = 0, failed = 0, pruned = 0;
  int skipped = 0;     // found in a directory, but not issue files
  int duplicates = 0;  // another file holds the same issue, newer
  // One line per issue that changed files or was pruned, for the summary.
  std::vector<std::string> notes;
  // Each file skipped as no issue, with why ("line 2 is not the URL").
  std::vector<std::pair<std::string, std::string>> skipped_files;
  // Without --prune: the issues still indexed from a file under the paths
  // of the run that the run did not find (what --prune would remove), each
  // with its source and what to say ("#66 https://... is still indexed,
  // but the file is gone").
  std::vector<std::pair<std::string, std::string>> stale;
};

// Called after each file with the bytes it had, for progress displays.
using IndexProgress = std::function<void(std::uint64_t bytes)>;

// Indexes the files found into store. A file whose size and mtime are
// unchanged is not read; one whose content hash is unchanged is not
// parsed. An issue is identified by its URL; where two files hold one
// issue, the newer file (by mtime) is indexed and the other reported.
// Every decision is made on the store as it is when the file is written.
// A file that cannot be read or parsed goes to diag, counts as failed and
// never affects another; a file found in a directory that is not an issue
// at all is skipped. An error of the store (a full disk) is thrown, and
// only the open batch is lost.
IndexReport index_files(Store& store, const Inputs& inputs, const IndexOptions& options,
                        Diagnostics& diag, const IndexProgress& progress = {});

}  // namespace kn
