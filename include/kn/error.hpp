// Errors the user sees and the exit codes that go with them.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace kn {

// Exit codes, as grep uses them.
enum ExitCode : int { kExitOk = 0, kExitNoResults = 1, kExitError = 2 };

// A problem the user can act on. what() is the whole message without the
// "kn: " prefix, e.g. "seeds/x.txt: empty file".
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The one place that prints errors: "kn: <message>" on stderr.
void print_error(std::string_view message);

// Counts and prints problems with single inputs, so a command can carry on
// with the other files and still exit with kExitError at the end.
class Diagnostics {
 public:
  void file_error(std::string_view path, std::string_view reason);
  int failures() const { return failures_; }

 private:
  int failures_ = 0;
};

}  // namespace kn
