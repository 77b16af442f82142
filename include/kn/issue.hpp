// The document model: what one newsletter issue says, independent of where it
// came from (HTML file) or where it goes (store, JSON).
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kn {

struct Date {
  int year = 0, month = 0, day = 0;

  auto operator<=>(const Date&) const = default;
  std::string to_string() const;  // YYYY-MM-DD

  // Returns a real calendar date in the form YYYY-MM-DD from the year 1000
  // on, or nullopt.
  static std::optional<Date> parse(std::string_view text);
  // Returns the UTC day of a Unix time in seconds.
  static Date from_unix_seconds(long long seconds);
};

// Kinds of section: the text sections, named after the headings the
// newsletter uses, and links, where the cards and embeds after the rule are
// filed.
enum class SectionKind : std::uint8_t {
  news,
  competitions,
  news_and_competitions,
  pr,
  announcement,
  datasets,
  articles,
  errata,
  others,
  other,  // a heading kn does not know, or none
  links,
};

// Every section kind and its name, in the enum's order. The one list of
// the names: the store's codes, filters, help and completions derive from
// it. The store keeps codes by this order, so new kinds go at the end.
inline constexpr std::array<std::pair<SectionKind, std::string_view>, 11> kSectionKinds{{
    {SectionKind::news, "news"},
    {SectionKind::competitions, "competitions"},
    {SectionKind::news_and_competitions, "news_and_competitions"},
    {SectionKind::pr, "pr"},
    {SectionKind::announcement, "announcement"},
    {SectionKind::datasets, "datasets"},
    {SectionKind::articles, "articles"},
    {SectionKind::errata, "errata"},
    {SectionKind::others, "others"},
    {SectionKind::other, "other"},
    {SectionKind::links, "links"},
}};

std::string_view to_string(SectionKind kind);
// Returns the kind to_string names name, or nullopt.
std::optional<SectionKind> section_kind_named(std::string_view name);
// Returns the names of every kind, in kSectionKinds' order, joined by ", ".
std::string section_kind_list();
// Returns the kind a heading names (trimmed, case-insensitive; "Eratta" is
// errata), or nullopt when it names none of the known kinds.
std::optional<SectionKind> known_section_kind(std::string_view heading);

// What an entry is: a text section's item, a link card, or an embed.
enum class EntryKind : std::uint8_t { item, card, embed };

// Returns "item", "card" or "embed", the names the store and the output use.
std::string_view to_string(EntryKind kind);
// Returns the kind to_string names name, or nullopt.
std::optional<EntryKind> entry_kind_named(std::string_view name);

struct Link {
  std::string text;
  std::string url;  // canonical
  bool operator==(const Link&) const = default;
};

// One paragraph of a text section.
struct Item {
  std::string text;
  std::vector<Link> links;
};

struct Section {
  SectionKind kind = SectionKind::other;
  std::string heading;
  std::vector<Item> items;
};

// A link card after the rule: the linked page, its description as the page
// gives it (blurb) and the editor's comment on it.
struct Card {
  std::string title;
  std::string url;     // canonical
  std::string domain;  // of url, lower-case, without "www."
  std::optional<std::string> image;
  std::string blurb;
  std::string comment;
  std::vector<Link> links;  // those in the comment
};

// An "[embed URL]" or "[tweet URL]" block and the comment after it.
struct Embed {
  std::string url;  // canonical
  std::string comment;
  std::vector<Link> links;
};

struct Issue {
  std::string source;  // the path it was read from
  int number = 0;
  std::string title;
  std::string url;
  std::optional<Date> date;
  bool date_estimated = false;
  std::vector<Section> sections;
  std::vector<Card> cards;
  std::vector<Embed> embeds;
};

// One entry of an issue, as kn show prints it: an item of a section, a
// card or an embed; the pointers are into the issue.
struct EntryAt {
  EntryKind kind = EntryKind::item;
  const Section* section = nullptr;  // items only
  const Item* item = nullptr;
  const Card* card = nullptr;
  const Embed* embed = nullptr;

  // Returns the entry's links: a card's or embed's own URL first, then
  // those in its text, in order.
  std::vector<Link> links() const;
};

// Returns the entry at place (1-based) in the order kn show prints them
// (the sections' items, then cards, then embeds), or nullopt past the last.
std::optional<EntryAt> entry_at(const Issue& issue, int place);

// A correction that a later issue's errata section makes to an issue.
struct Correction {
  int issue = 0;  // the issue that corrects
  std::optional<std::string> date;
  std::string text;
};

}  // namespace kn
