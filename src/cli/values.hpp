// The values options take, read and checked in kn's words: choices, counts,
// sizes, and which options may go together.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "grammar.hpp"

namespace kn::detail {

// Returns the option's value among its choices (spec.hpp), or fallback when
// it is not given. Letter case does not matter for --platform.
std::string choice_value(const Invocation& inv, Opt option, std::string fallback);
// Returns value as one of the option's choices (as the definition writes it).
std::string checked_choice(const Invocation& inv, Opt option, const std::string& value);

// Returns a count (--limit, --offset): digits only, at most 2^62.
std::int64_t count_value(const Invocation& inv, Opt option, std::int64_t fallback);

// Returns a size with an optional unit: 1000, 64KiB, 2M (powers of 1024).
std::uint64_t size_value(const Invocation& inv, Opt option, std::uint64_t fallback);

// Throws "kn: OPTION does not apply REASON" when option is given.
void refuse(const Invocation& inv, Opt option, std::string_view reason);

// Throws unless the command got exactly or at most so many operands.
void require_operands(const Invocation& inv, std::size_t at_least, std::size_t at_most);

}  // namespace kn::detail
