// The dates filters take: YYYY, YYYY-MM, YYYY-MM-DD, and days relative
// to today (today, yesterday, 7d, 2w, 3m, 1y).
#pragma once

#include <string_view>
#include <utility>

#include "kn/issue.hpp"

namespace kn::detail {

// Returns the local date, or KN_TODAY (YYYY-MM-DD) where tests fix the clock.
// Throws kn::Error for a KN_TODAY that is not a date.
Date today();

// How a date is read: alone (date:2w is the last two weeks), or as one end
// of a range (since:2w and date:2w.. start two weeks ago).
enum class DateRole { whole, end };

// Returns the first and last day text covers, read in role. Throws kn::Error
// naming filter (as "since:2w") when text is not a date.
std::pair<Date, Date> require_date(std::string_view text, std::string_view filter,
                                   DateRole role = DateRole::end);

}  // namespace kn::detail
