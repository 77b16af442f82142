// The one policy for what kn prints of untrusted text (issue files, paths,
// queries), whatever the output:
//
//   stored text   C0 and C1 control characters are dropped at extraction
//                 (tab, line feed and carriage return are white space and
//                 collapse to a space), so no stored field carries them
//   terminal, TSV printable(): a tab, line feed or carriage return is a
//                 space; other controls, bidi overrides and invisible
//                 characters removed; invalid UTF-8 shown as U+FFFD
//   CSV           printable_keeping_lines(): the same, line breaks kept
//   hyperlinks    the target percent-encoded (terminal.hpp), http(s) only
//   JSON          every string escaped by the JSON writer, which writes
//                 each hidden character (is_hidden_character) as \uXXXX;
//                 paths, which may be any bytes, through escaped()
//   messages      everything kn writes to stderr goes through escaped()
#pragma once

#include <string>
#include <string_view>

namespace kn {

// Tells whether printable() removes the character: a control (C0, DEL, C1), a
// bidirectional override or isolate, or an invisible character.
bool is_hidden_character(char32_t cp);

// Returns text with C0 and C1 control characters removed, but tab, line feed
// and carriage return (white space to the extractor), and each invalid UTF-8
// sequence replaced by U+FFFD.
std::string without_controls(std::string_view text);

// Returns text safe to print on a terminal: tab, line feed and carriage
// return as spaces, no other control characters (C0, DEL, C1), no
// bidirectional overrides or isolates (U+202A..U+202E, U+2066..U+2069,
// U+200E, U+200F, U+061C) and no invisible characters (U+200B, U+200C,
// U+2060, U+FEFF, U+180E; the zero-width joiner stays, emoji need it).
// Invalid UTF-8 becomes U+FFFD, so a lone byte 0x9B (CSI) never passes.
std::string printable(std::string_view text);

// Returns printable(text), but with line breaks are kept (for CSV cells).
std::string printable_keeping_lines(std::string_view text);

// Returns any bytes as printable UTF-8, losslessly: a backslash is doubled, a
// byte that is not part of valid UTF-8 and a C0 control or DEL is written
// \xHH, and a C1 control or a character printable() removes \uHHHH. For paths
// in messages and JSON.
std::string escaped(std::string_view bytes);

}  // namespace kn
