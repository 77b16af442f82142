// kn's help, as CLI11 writes it from the command line's definition.
#pragma once

#include <string>

#include "spec.hpp"

namespace kn::detail {

// The line kn --version prints. It names kn as the newsletter archive
// indexer, since other programs are called kn too (the Knative CLI).
inline constexpr const char* kVersionLine = "kn " KN_VERSION ", the newsletter archive indexer";

// Returns the text of kn --help (command: nullptr) or of kn COMMAND --help.
std::string help_text(const CommandSpec* command);

}  // namespace kn::detail
