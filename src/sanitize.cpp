#include "kn/sanitize.hpp"

namespace kn {

// Text from an issue file is untrusted: control characters must not reach a
// terminal, where they could move the cursor or rewrite the title.
std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) continue;
    if (c == 0xC2 && i + 1 < text.size()) {  // U+0080..U+009F, the C1 controls
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) {
        ++i;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::string printable_keeping_lines(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t nl = text.find('\n');; nl = text.find('\n', start)) {
    out += printable(text.substr(start, nl - start));
    if (nl == std::string_view::npos) break;
    out += '\n';
    start = nl + 1;
  }
  return out;
}

}  // namespace kn
