// Bytes as text: tokens have offsets inside the text, in order, and the
// same text always gives the same tokens.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "tokenize/tokenizer.hpp"
#include "util/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = kn::repair_utf8({reinterpret_cast<const char*>(data), size});
  for (const kn::TokenizeMode mode : {kn::TokenizeMode::document, kn::TokenizeMode::query}) {
    const auto tokens = kn::tokenize(text, mode);
    int last_start = 0;
    for (const kn::Token& token : tokens) {
      if (token.text.empty() || token.start < last_start || token.start >= token.end ||
          token.end > static_cast<int>(text.size())) {
        std::abort();
      }
      last_start = token.start;
    }
    if (kn::tokenize(text, mode) != tokens) std::abort();
  }
  kn::normalize(text);
  return 0;
}
