#include "kn/filters.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "dates.hpp"
#include "kn/error.hpp"
#include "kn/issue.hpp"
#include "model/url_identity.hpp"
#include "util/text.hpp"
#include "util/url.hpp"

namespace kn {

namespace {

using detail::DateRole;
using detail::require_date;

// The dates in both a and b; since > until when there are none.
DateRange intersection(const DateRange& a, const DateRange& b) {
  return {std::max(a.since, b.since), a.until.empty()   ? b.until
                                      : b.until.empty() ? a.until
                                                        : std::min(a.until, b.until)};
}

bool holds_a_date(const DateRange& range) {
  return range.until.empty() || range.since <= range.until;
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
  return sections.empty() && issues.empty() && dates.empty() && domains.empty() &&
         columns.empty() && platforms.empty() && urls.empty() && competition_ids.empty() &&
         !writeups;
}

void add_section_filter(Filters& filters, std::string_view value) {
  // A kind's own name first ("other" is a kind, while a heading "Other" is
  // others), then the headings' spellings ("News & Competitions", "Eratta").
  std::optional<SectionKind> kind = section_kind_named(ascii_lower(value));
  if (!kind) kind = known_section_kind(value);
  if (!kind) {
    throw Error(fmt::format("unknown section '{}' (sections: {})", value, section_kind_list()));
  }
  add_once(filters.sections, std::string(to_string(*kind)));
  // The combined section counts as news and as competitions.
  if (kind == SectionKind::news || kind == SectionKind::competitions) {
    add_once(filters.sections, std::string(to_string(SectionKind::news_and_competitions)));
  }
}

void add_issue_filter(Filters& filters, std::string_view value) {
  const auto [low_text, high_text] = split_range(value);
  const auto low = low_text.empty() ? std::optional(0) : parse_natural(low_text);
  const auto high = high_text.empty() ? std::optional(1 << 30) : parse_natural(high_text);
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
  DateRange range;
  if (!low.empty()) range.since = require_date(low, where, role).first.to_string();
  if (!high.empty()) range.until = require_date(high, where, role).second.to_string();
  narrow_dates(filters, {range});
}

void add_since_filter(Filters& filters, std::string_view value) {
  const Date since = require_date(value, fmt::format("since:{}", value)).first;
  narrow_dates(filters, {DateRange{since.to_string(), ""}});
}

void add_until_filter(Filters& filters, std::string_view value) {
  const Date until = require_date(value, fmt::format("until:{}", value)).second;
  narrow_dates(filters, {DateRange{"", until.to_string()}});
}

void narrow_dates(Filters& filters, const std::vector<DateRange>& alternatives) {
  if (alternatives.empty()) return;
  if (filters.dates.empty()) {
    for (const DateRange& range : alternatives) add_once(filters.dates, range);
    return;
  }
  std::vector<DateRange> kept, empty;
  for (const DateRange& range : filters.dates) {
    for (const DateRange& alternative : alternatives) {
      const DateRange both = intersection(range, alternative);
      add_once(holds_a_date(both) ? kept : empty, both);
    }
  }
  // Ranges that hold no date match nothing; one of them says so.
  if (kept.empty()) kept.push_back(empty.front());
  filters.dates = std::move(kept);
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
      url_identity(value.find("://") != std::string_view::npos ? std::string(value)
                                                               : fmt::format("https://{}", value));
  if (key.empty()) {
    throw Error(
        fmt::format("bad URL '{}' (use url:github.com/x or paste the whole address)", value));
  }
  add_once(filters.urls, key);
}

void add_trait_filter(Filters& filters, std::string_view value) {
  const std::string trait = ascii_lower(value);
  if (trait != "solution" && trait != "writeup" && trait != "write-up") {
    throw Error(fmt::format("unknown is:{} (use is:solution, the write-ups)", value));
  }
  filters.writeups = true;
}

}  // namespace kn
