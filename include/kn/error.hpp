// Errors the user sees and the exit codes that go with them.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace kn {

// Exit codes, as grep uses them.
enum ExitCode : int { kExitOk = 0, kExitNoResults = 1, kExitError = 2 };

// A problem the user can act on. what() is the whole message without the
// "kn: " prefix, e.g. "seeds/x.txt: empty file"; exit_code() is what the
// process ends with when nothing catches it on the way to the top.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message, int exit_code = kExitError)
      : std::runtime_error(message), exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

// A query the user cannot run, with what is wrong and where (the column,
// counted in characters from 1). Printed as "kn: query: <what>".
class QueryError : public Error {
 public:
  using Error::Error;
};

// The one place that prints errors: "kn: <message>" on stderr.
void print_error(std::string_view message);

// Counts and prints problems with single inputs, so a command can carry on
// with the other files and still exit with kExitError at the end.
class Diagnostics {
 public:
  void file_error(std::string_view path, std::string_view reason);
  // A problem with an input that is no failure: said, but not counted.
  void warning(std::string_view path, std::string_view what);
  int failures() const { return failures_; }

 private:
  int failures_ = 0;
};

}  // namespace kn
