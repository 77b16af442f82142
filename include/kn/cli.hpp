// kn's command line: what was typed, checked once, into a command's
// request, and the one place that turns errors into messages and exit
// codes.
#pragma once

namespace kn {

// Runs the command argv names; returns the process exit code.
int run_cli(int argc, char** argv);

}  // namespace kn
