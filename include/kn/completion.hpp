// Shell completion scripts, written from the commands and options the
// command line defines, so they never fall out of step with it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kn {

struct OptionSpec {
  std::string name;  // "--db" or "-q"
  std::string description;
  bool takes_value = false;
};

struct CommandSpec {
  std::string name;
  std::string description;
  std::vector<OptionSpec> options;
  bool takes_files = false;  // positional arguments are paths
};

// The completion script for shell ("bash", "zsh" or "fish"). Throws
// kn::Error for another shell.
std::string completion_script(std::string_view shell, const std::vector<CommandSpec>& commands);

}  // namespace kn
