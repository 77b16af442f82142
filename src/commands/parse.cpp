#include <string>
#include <vector>

#include "commands.hpp"
#include "kn/extract.hpp"
#include "output.hpp"
#include "render/issue_json.hpp"
#include "render/issue_render.hpp"
#include "util/text_encoding.hpp"

namespace kn {

int run_parse(const ParseRequest& request) {
  Diagnostics diag;
  const std::vector<std::string> files = expand_paths(request.paths, diag);
  int parsed = 0;
  for (const std::string& path : files) {
    try {
      const DecodedText decoded = decode_text(read_file(path, request.max_size));
      const Issue issue = extract_issue(decoded.text, path);
      if (const std::string note = decoding_note(decoded); !note.empty()) {
        diag.warning(path, note);
      }
      if (request.json) {
        detail::write_stdout(issue_json(issue) + '\n');
      } else {
        if (parsed > 0) detail::write_stdout("\n");
        detail::write_stdout(issue_summary(issue));
      }
      ++parsed;
    } catch (const Error& e) {
      diag.file_error(path, e.what());
    }
  }
  diag.say_unnamed();
  if (diag.failures() > 0) return kExitError;
  return parsed > 0 ? kExitOk : kExitNoResults;
}

}  // namespace kn
