#include "command_output.hpp"

#include <cstdio>

namespace kn::detail {

void write_stdout(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

}  // namespace kn::detail
