#include "kn/commands.hpp"

#include <cstdio>

#include "kn/error.hpp"
#include "kn/extract.hpp"
#include "kn/output.hpp"

namespace kn {

namespace {

void write_stdout(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

}  // namespace

int run_parse(const ParseOptions& options) {
  Diagnostics diag;
  const std::vector<std::string> files = expand_paths(options.paths, diag);
  int parsed = 0;
  for (const std::string& path : files) {
    try {
      const Issue issue = extract_issue(read_file(path, options.max_size), path);
      if (options.json) {
        write_stdout(issue_json(issue) + '\n');
      } else {
        write_stdout((parsed > 0 ? "\n" : "") + issue_summary(issue));
      }
      ++parsed;
    } catch (const Error& e) {
      diag.file_error(path, e.what());
    }
  }
  if (diag.failures() > 0) return kExitError;
  return parsed > 0 ? kExitOk : kExitNoResults;
}

}  // namespace kn
