// kn's stdout: every write checked, and through a pager when the output is
// taller than the terminal.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kn::detail {

// Writes text to stdout. Throws kn::Error ("stdout: No space left on
// device") when the write fails, and StdoutClosed when the reader went
// away (EPIPE, with SIGPIPE ignored), which ends kn quietly.
void write_stdout(std::string_view text);

// Makes output, from here on, wait until it is taller than the terminal; then
// it goes through the pager ($KN_PAGER, else $PAGER, else less -R; empty or
// cat: none), as git's does. Shorter output goes to stdout at the end.
void page_output();

// Flushes and closes stdout, checked like every write (a full disk often
// shows only here), and waits for the pager.
void finish_stdout();

// Sends out what waited for a pager and waits for the pager, without
// checks, after an error or a closed pipe. Returns what to say when the
// pager could not run or failed (then not all was shown).
std::optional<std::string> abandon_stdout();

struct StdoutClosed {};

}  // namespace kn::detail
