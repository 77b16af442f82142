#include "dates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>

#include "kn/error.hpp"
#include "util/text.hpp"

namespace kn::detail {

Date today() {
  if (const char* fixed = std::getenv("KN_TODAY")) {
    if (const auto date = Date::parse(fixed)) return *date;
    throw Error(fmt::format("KN_TODAY: bad date '{}' (use YYYY-MM-DD)", fixed));
  }
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

namespace {

namespace chrono = std::chrono;

Date to_date(const chrono::year_month_day& ymd) {
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// A day relative to today: today, yesterday, or N days, weeks, months or
// years ago ("7d", "2w", "3m", "1y"). ago is set for the N forms. A month
// back from March 31 is the last day of February.
struct RelativeDate {
  Date day;
  bool ago = false;
};

std::optional<RelativeDate> relative_date(std::string_view text) {
  const std::string name = ascii_lower(text);
  int count = 0;
  char unit = 'd';
  if (name == "yesterday") {
    count = 1;
  } else if (name != "today") {
    unit = name.empty() ? '?' : name.back();
    const std::size_t at = std::string_view("dwmy").find(unit);
    // At most some 10,000 years back, where chrono's years still count.
    constexpr int kMost[] = {3'650'000, 520'000, 120'000, 10'000};
    const auto n = parse_natural(std::string_view(name).substr(0, name.size() - 1));
    if (at == std::string_view::npos || !n || *n > kMost[at]) return std::nullopt;
    count = *n;
  }
  const Date now = today();
  const chrono::year_month_day ymd{chrono::year(now.year), chrono::month(now.month),
                                   chrono::day(now.day)};
  chrono::year_month_day back = ymd;
  if (unit == 'd' || unit == 'w') {
    back = chrono::sys_days(ymd) - chrono::days(count * (unit == 'w' ? 7 : 1));
  } else {
    const chrono::year_month ym = chrono::year_month(ymd.year(), ymd.month()) -
                                  (unit == 'm' ? chrono::months(count) : chrono::years(count));
    const chrono::year_month_day_last last{ym.year(), chrono::month_day_last(ym.month())};
    back = {ym.year(), ym.month(), std::min(ymd.day(), last.day())};
  }
  if (!back.ok() || back.year() < chrono::year(1000)) return std::nullopt;
  return RelativeDate{to_date(back), name != "today" && name != "yesterday"};
}

// The first and last day a date of the form YYYY, YYYY-MM, YYYY-MM-DD or
// a relative date covers, or nullopt.
std::optional<std::pair<Date, Date>> date_span(std::string_view text, DateRole role) {
  if (const auto relative = relative_date(text)) {
    const bool since_then = role == DateRole::whole && relative->ago;
    return std::pair{relative->day, since_then ? today() : relative->day};
  }
  if (text.size() == 10) {
    const auto day = Date::parse(text);
    if (!day) return std::nullopt;
    return std::pair{*day, *day};
  }
  const auto year = parse_natural(text.substr(0, 4));
  if (!year || text.size() < 4 || *year < 1000) return std::nullopt;
  if (text.size() == 4) return std::pair{Date{*year, 1, 1}, Date{*year, 12, 31}};
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  const auto month = parse_natural(text.substr(5, 2));
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  for (int last = 31; last >= 28; --last) {
    if (Date::parse(Date{*year, *month, last}.to_string())) {
      return std::pair{Date{*year, *month, 1}, Date{*year, *month, last}};
    }
  }
  return std::nullopt;
}

}  // namespace

std::pair<Date, Date> require_date(std::string_view text, std::string_view filter, DateRole role) {
  const auto span = date_span(text, role);
  if (!span) {
    throw Error(fmt::format("bad date '{}' in {} ({})", text, filter,
                            "dates are YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday or 7d, 2w, 3m, "
                            "1y ago"));
  }
  return *span;
}

}  // namespace kn::detail
