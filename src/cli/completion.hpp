// Shell completion scripts, written from the command line's definition
// (spec.hpp): commands, options, the values of every choice, files for
// paths and the database, and live values from the database (issue
// numbers for kn show, section: values in a query).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "spec.hpp"

namespace kn {

// Returns the completion script for shell: "bash", "zsh" or "fish".
std::string completion_script(std::string_view shell, const std::vector<CommandSpec>& commands);

}  // namespace kn
