// Reading a file's bytes as text: kn works in UTF-8, and old Japanese
// archives are often in Shift_JIS, EUC-JP or ISO-2022-JP.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kn {

// A file's text in UTF-8, and how it was read.
struct DecodedText {
  std::string text;
  std::string encoding;      // the encoding converted from; "" when read as UTF-8
  std::size_t repaired = 0;  // bytes of invalid UTF-8 that will become U+FFFD
  std::size_t size = 0;      // bytes read
};

// Returns bytes as UTF-8 text. Valid UTF-8 is taken as it is; text with
// ISO-2022-JP's escape sequences (ESC $ B, ESC $ @, ESC ( J) is converted
// from it; other invalid UTF-8 that ICU's charset detector reads as Shift_JIS
// or EUC-JP with a confidence of at least 50 is converted from that. Anything
// else is kept, its invalid sequences counted in repaired (the extractor
// replaces them by U+FFFD). UTF-16 and binary files are kept as they are, for
// the extractor to refuse.
DecodedText decode_text(std::string_view bytes);

// Returns what to tell the user about how the text was read: "read as
// Shift_JIS", or the share of it that was not UTF-8 when over 1 %; ""
// otherwise.
std::string decoding_note(const DecodedText& decoded);

}  // namespace kn
