// kn's help, as CLI11 writes it from the command line's definition.
#pragma once

#include <string>

#include "spec.hpp"

namespace kn::detail {

// Returns the text of kn --help (command: nullptr) or of kn COMMAND --help.
std::string help_text(const CommandSpec* command);

}  // namespace kn::detail
