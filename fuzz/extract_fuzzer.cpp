// Bytes as an issue file: extraction either gives an issue or a kn::Error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "kn/error.hpp"
#include "kn/extract.hpp"
#include "render/issue_json.hpp"
#include "render/issue_render.hpp"
#include "util/sanitize.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const kn::Issue issue = kn::extract_issue(bytes, "2021-03-19_fuzz.md");
    kn::issue_json(issue);
    kn::issue_summary(issue);
  } catch (const kn::Error&) {
  }
  return 0;
}
