#include "kn/issue.hpp"

#include <fmt/core.h>

#include <array>
#include <charconv>
#include <chrono>
#include <utility>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace kn {

std::string Date::to_string() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto number = [&](std::size_t pos, std::size_t len, int& out) {
    const char* first = text.data() + pos;
    const auto [end, ec] = std::from_chars(first, first + len, out);
    return ec == std::errc() && end == first + len;
  };
  Date d;
  if (!number(0, 4, d.year) || !number(5, 2, d.month) || !number(8, 2, d.day)) return std::nullopt;
  if (d.year < 1000) return std::nullopt;  // 0000-01-01 dates nothing
  const std::chrono::year_month_day ymd{std::chrono::year(d.year),
                                        std::chrono::month(static_cast<unsigned>(d.month)),
                                        std::chrono::day(static_cast<unsigned>(d.day))};
  if (!ymd.ok()) return std::nullopt;
  return d;
}

Date Date::from_unix_seconds(long long seconds) {
  using namespace std::chrono;
  const sys_days day = floor<days>(sys_seconds(std::chrono::seconds(seconds)));
  const year_month_day ymd(day);
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

namespace {

// Headings as the newsletter spells them, lower-cased with single spaces.
constexpr std::array<std::pair<std::string_view, SectionKind>, 17> kHeadings{{
    {"news", SectionKind::news},
    {"competitions", SectionKind::competitions},
    {"competition", SectionKind::competitions},
    {"news & competitions", SectionKind::news_and_competitions},
    {"news and competitions", SectionKind::news_and_competitions},
    {"pr", SectionKind::pr},
    {"announcement", SectionKind::announcement},
    {"announcements", SectionKind::announcement},
    {"dataset", SectionKind::datasets},
    {"datasets", SectionKind::datasets},
    {"article", SectionKind::articles},
    {"articles", SectionKind::articles},
    {"errata", SectionKind::errata},
    {"eratta", SectionKind::errata},
    {"erratum", SectionKind::errata},
    {"others", SectionKind::others},
    {"other", SectionKind::others},
}};

}  // namespace

// The table is in the enum's order: a kind's name is at its place.
static_assert([] {
  for (std::size_t i = 0; i < kSectionKinds.size(); ++i) {
    if (static_cast<std::size_t>(kSectionKinds[i].first) != i) return false;
  }
  return true;
}());

constexpr std::array<std::string_view, 3> kEntryKindNames{"item", "card", "embed"};

std::string_view to_string(SectionKind kind) {
  const auto at = static_cast<std::size_t>(kind);
  return at < kSectionKinds.size() ? kSectionKinds[at].second : "other";
}

std::string section_kind_list() {
  std::string out;
  for (const auto& [kind, name] : kSectionKinds) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

std::string_view to_string(EntryKind kind) {
  return kEntryKindNames[static_cast<std::size_t>(kind)];
}

std::optional<EntryKind> entry_kind_named(std::string_view name) {
  for (std::size_t i = 0; i < kEntryKindNames.size(); ++i) {
    if (kEntryKindNames[i] == name) return static_cast<EntryKind>(i);
  }
  return std::nullopt;
}

std::optional<SectionKind> section_kind_named(std::string_view name) {
  for (const auto& [kind, kind_name] : kSectionKinds) {
    if (kind_name == name) return kind;
  }
  return std::nullopt;
}

std::optional<SectionKind> known_section_kind(std::string_view heading) {
  std::string key = ascii_lower(collapse_whitespace(heading));
  if (key.ends_with(':')) key.pop_back();
  // "News&Competitions" and "News & Competitions" are one heading.
  if (const auto amp = key.find('&'); amp != std::string::npos) {
    std::string spaced = key.substr(0, amp);
    while (!spaced.empty() && spaced.back() == ' ') spaced.pop_back();
    std::string_view rest = std::string_view(key).substr(amp + 1);
    while (rest.starts_with(' ')) rest.remove_prefix(1);
    key = spaced + " & " + std::string(rest);
  }
  for (const auto& [name, kind] : kHeadings) {
    if (key == name) return kind;
  }
  return std::nullopt;
}

std::vector<Link> EntryAt::links() const {
  std::vector<Link> out;
  if (card) {
    out.push_back({card->title, card->url});
    out.insert(out.end(), card->links.begin(), card->links.end());
  } else if (embed) {
    out.push_back({"", embed->url});
    out.insert(out.end(), embed->links.begin(), embed->links.end());
  } else if (item) {
    out = item->links;
  }
  return out;
}

std::optional<EntryAt> entry_at(const Issue& issue, int place) {
  if (place < 1) return std::nullopt;
  auto left = static_cast<std::size_t>(place - 1);
  for (const Section& section : issue.sections) {
    if (left < section.items.size()) {
      return EntryAt{EntryKind::item, &section, &section.items[left], nullptr, nullptr};
    }
    left -= section.items.size();
  }
  if (left < issue.cards.size()) {
    return EntryAt{EntryKind::card, nullptr, nullptr, &issue.cards[left], nullptr};
  }
  left -= issue.cards.size();
  if (left < issue.embeds.size()) {
    return EntryAt{EntryKind::embed, nullptr, nullptr, nullptr, &issue.embeds[left]};
  }
  return std::nullopt;
}

}  // namespace kn
