#include "kn/filters.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <ctime>

#include "kn/error.hpp"
#include "kn/issue.hpp"
#include "kn/text.hpp"
#include "kn/url.hpp"
#include "kn/utf8.hpp"

namespace kn {

namespace {

std::optional<int> parse_int(std::string_view s) {
  int value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty() || value < 0) {
    return std::nullopt;
  }
  return value;
}

// The local date, or KN_TODAY (YYYY-MM-DD) where tests fix the clock.
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
    const auto n = parse_int(std::string_view(name).substr(0, name.size() - 1));
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

// How a date is read: alone (date:2w is the last two weeks), or as one end
// of a range (since:2w and date:2w.. start two weeks ago).
enum class DateRole { whole, end };

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
  const auto year = parse_int(text.substr(0, 4));
  if (!year || text.size() < 4 || *year < 1000) return std::nullopt;
  if (text.size() == 4) return std::pair{Date{*year, 1, 1}, Date{*year, 12, 31}};
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  const auto month = parse_int(text.substr(5, 2));
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  for (int last = 31; last >= 28; --last) {
    if (Date::parse(Date{*year, *month, last}.to_string())) {
      return std::pair{Date{*year, *month, 1}, Date{*year, *month, last}};
    }
  }
  return std::nullopt;
}

std::pair<Date, Date> require_date(std::string_view text, std::string_view filter,
                                   DateRole role = DateRole::end) {
  const auto span = date_span(text, role);
  if (!span) {
    throw Error(fmt::format("bad date '{}' in {} ({})", text, filter,
                            "dates are YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday or 7d, 2w, 3m, "
                            "1y ago"));
  }
  return *span;
}

void narrow_since(Filters& filters, const Date& date) {
  const std::string s = date.to_string();
  if (!filters.since || *filters.since < s) filters.since = s;
}

void narrow_until(Filters& filters, const Date& date) {
  const std::string s = date.to_string();
  if (!filters.until || *filters.until > s) filters.until = s;
}

// "A..B", "A..", "..B" or "A": the two ends, empty when open.
std::pair<std::string_view, std::string_view> split_range(std::string_view value) {
  const std::size_t dots = value.find("..");
  if (dots == std::string_view::npos) return {value, value};
  return {value.substr(0, dots), value.substr(dots + 2)};
}

template <typename T>
void add_once(std::vector<T>& values, T value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) {
    values.push_back(std::move(value));
  }
}

}  // namespace

bool Filters::empty() const {
  return sections.empty() && issues.empty() && !since && !until && domains.empty() &&
         columns.empty() && platforms.empty() && urls.empty() && competitions.empty() &&
         competition_ids.empty();
}

void add_section_filter(Filters& filters, std::string_view value) {
  const std::string name = ascii_lower(value);
  std::vector<std::string> kinds;
  if (name == "links" || name == "other") {
    kinds = {name};
  } else if (const auto kind = known_section_kind(value)) {
    kinds = {std::string(to_string(*kind))};
  } else if (name == "news_and_competitions") {
    kinds = {name};
  } else {
    throw Error(fmt::format("unknown section '{}' (sections: {})", value, kSectionNames));
  }
  // The combined section counts as news and as competitions.
  if (kinds[0] == "news" || kinds[0] == "competitions") kinds.push_back("news_and_competitions");
  for (std::string& kind : kinds) add_once(filters.sections, std::move(kind));
}

void add_issue_filter(Filters& filters, std::string_view value) {
  const auto [low_text, high_text] = split_range(value);
  const auto low = low_text.empty() ? std::optional(0) : parse_int(low_text);
  const auto high = high_text.empty() ? std::optional(1 << 30) : parse_int(high_text);
  if (!low || !high || (low_text.empty() && high_text.empty())) {
    throw Error(fmt::format("bad issue number '{}' (use issue:66 or issue:60..90)", value));
  }
  filters.issues.emplace_back(std::min(*low, *high), std::max(*low, *high));
}

void add_date_filter(Filters& filters, std::string_view value) {
  const auto [low, high] = split_range(value);
  if (low.empty() && high.empty()) {
    throw Error(fmt::format("bad date range '{}' (use date:2021-03..2021-06)", value));
  }
  const std::string where = fmt::format("date:{}", value);
  const DateRole role = low == high ? DateRole::whole : DateRole::end;
  if (!low.empty()) narrow_since(filters, require_date(low, where, role).first);
  if (!high.empty()) narrow_until(filters, require_date(high, where, role).second);
}

void add_since_filter(Filters& filters, std::string_view value) {
  narrow_since(filters, require_date(value, fmt::format("since:{}", value)).first);
}

void add_until_filter(Filters& filters, std::string_view value) {
  narrow_until(filters, require_date(value, fmt::format("until:{}", value)).second);
}

void add_competition_filter(Filters& filters, std::string_view value) {
  const std::string words = collapse_whitespace(value);
  if (words.empty()) throw Error("competition: needs a slug, URL or name (competition:ai4code)");
  filters.competitions.push_back(words);
}

void add_domain_filter(Filters& filters, std::string_view value) {
  std::string domain = value.find("://") != std::string_view::npos
                           ? url_domain(value)
                           : url_domain(fmt::format("http://{}", value));
  if (domain.empty() || domain.find_first_of(" \"'") != std::string::npos) {
    throw Error(fmt::format("bad domain '{}' (use domain:github.com)", value));
  }
  filters.domains.push_back(std::move(domain));
}

void add_column_filter(Filters& filters, std::string_view value) {
  std::string names(value);
  std::replace(names.begin(), names.end(), '|', ',');
  for (const std::string_view piece : split(names, ',')) {
    const std::string column = ascii_lower(piece);
    if (column != "title" && column != "body" && column != "comment") {
      throw Error(
          fmt::format("unknown column '{}' in in:{} (use title, body or comment)", column, value));
    }
    add_once(filters.columns, column);
  }
}

void add_url_filter(Filters& filters, std::string_view value) {
  const std::string key =
      url_key(value.find("://") != std::string_view::npos ? std::string(value)
                                                          : fmt::format("https://{}", value));
  if (key.empty()) {
    throw Error(
        fmt::format("bad URL '{}' (use url:github.com/x or paste the whole address)", value));
  }
  add_once(filters.urls, key);
}

std::string describe(const Filters& f) {
  std::string out;
  const auto line = [&](std::string_view name, const std::string& value) {
    out += fmt::format("  {}: {}\n", name, value);
  };
  if (!f.sections.empty()) line("section", fmt::format("{}", fmt::join(f.sections, ", ")));
  if (!f.issues.empty()) {
    std::vector<std::string> ranges;
    for (const auto& [low, high] : f.issues) {
      ranges.push_back(low == high ? fmt::format("{}", low) : fmt::format("{}..{}", low, high));
    }
    line("issue", fmt::format("{}", fmt::join(ranges, ", ")));
  }
  if (f.since || f.until) line("date", f.since.value_or("") + ".." + f.until.value_or(""));
  if (!f.domains.empty()) {
    line("domain", fmt::format("{} (and subdomains)", fmt::join(f.domains, ", ")));
  }
  if (!f.competitions.empty()) {
    line("competition", fmt::format("{} (entries linking to it)", fmt::join(f.competitions, "; ")));
  }
  if (!f.columns.empty()) line("in", fmt::format("{}", fmt::join(f.columns, ", ")));
  if (!f.urls.empty()) line("links to", fmt::format("{}", fmt::join(f.urls, ", ")));
  return out;
}

}  // namespace kn
