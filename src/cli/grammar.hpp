// kn's grammar for what is typed: the command, then its options and
// operands in any order; --db and --color also before the command; an
// argument that starts with '-' is an option, unless it comes after --.
// CLI11 writes the help from the same definition (spec.hpp); the words
// are read here, because CLI11 would take an option before the command,
// or one it does not know, for a search word.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "spec.hpp"

namespace kn::detail {

struct Invocation {
  const CommandSpec* command = nullptr;  // none: kn alone, --help or --version
  bool help = false, version = false;
  // The options given, by long name, with their values in order (flags
  // have an empty value per use).
  std::map<std::string, std::vector<std::string>, std::less<>> options;
  std::vector<std::string> operands;  // the words that are no options, in order
  bool given(Opt option) const { return options.find(name_of(option)) != options.end(); }
  // Returns the option's value (the last one given), or fallback.
  std::string value(Opt option, std::string fallback = {}) const;
  const std::vector<std::string>& values(Opt option) const;
};

// Reads args (without the program's name). Throws kn::Error with a one-line
// message in kn's words for anything it cannot read: an unknown command or
// option (with the nearest known one), a missing value, an option before the
// command that it does not take, an option given twice.
Invocation read_command_line(const std::vector<std::string>& args);

// Returns "; did you mean X?" when a candidate is near word, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace kn::detail
