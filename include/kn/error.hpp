// Errors the user sees and the exit codes that go with them.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kn {

// Exit codes, as grep uses them.
enum ExitCode : int { kExitOk = 0, kExitNoResults = 1, kExitError = 2 };

// A problem the user can act on. what() is the whole message without the
// "kn: " prefix, e.g. "seeds/x.txt: empty file"; exit_code() is what the
// process ends with when nothing catches it on the way to the top.
// details are lines printed after it, as they are (the candidates of an
// ambiguous name, say).
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message, int exit_code = kExitError,
                 std::vector<std::string> details = {})
      : std::runtime_error(message), exit_code_(exit_code), details_(std::move(details)) {}
  int exit_code() const { return exit_code_; }
  const std::vector<std::string>& details() const { return details_; }

 private:
  int exit_code_;
  std::vector<std::string> details_;
};

// A query the user cannot run, with what is wrong and where (the column,
// counted in characters from 1). Printed as "kn: query: <what>".
class QueryError : public Error {
 public:
  using Error::Error;
};

// Prints an error as "kn: <message>" on stderr, then each detail line; the
// one place that does.
void print_error(std::string_view message, const std::vector<std::string>& details = {});

// Counts and prints problems with single inputs, so a command can carry on
// with the other files and still exit with kExitError at the end.
class Diagnostics {
 public:
  // How many failures are named one by one; the rest are counted.
  static constexpr int kNamedAtMost = 20;

  // Counts a file that failed, and names it with reason while fewer than
  // kNamedAtMost were named.
  void file_error(std::string_view path, std::string_view reason);
  // Says a problem with an input that is no failure; it is not counted.
  void warning(std::string_view path, std::string_view what);
  // Prints "and N more files failed" when more failed than were named.
  void say_unnamed() const;
  int failures() const { return failures_; }

 private:
  int failures_ = 0;
};

}  // namespace kn
