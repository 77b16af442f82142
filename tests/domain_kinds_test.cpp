// Section and entry kinds: one table of names each, from which the filters,
// the query help and the completions take theirs.
#include <gtest/gtest.h>

#include <string>

#include "cli/completion.hpp"
#include "cli/spec.hpp"
#include "kn/filters.hpp"
#include "kn/issue.hpp"
#include "kn/query.hpp"

namespace {

TEST(SectionKinds, NamesRoundTripInTheEnumsOrder) {
  for (std::size_t i = 0; i < kn::kSectionKinds.size(); ++i) {
    const auto [kind, name] = kn::kSectionKinds[i];
    EXPECT_EQ(static_cast<std::size_t>(kind), i);
    EXPECT_EQ(kn::to_string(kind), name);
    EXPECT_EQ(kn::section_kind_named(name), kind);
  }
  EXPECT_EQ(kn::section_kind_named("News"), std::nullopt);
  EXPECT_EQ(kn::section_kind_list(),
            "news, competitions, news_and_competitions, pr, announcement, datasets, articles, "
            "errata, others, other, links");
}

TEST(EntryKinds, NamesRoundTrip) {
  for (const kn::EntryKind kind :
       {kn::EntryKind::item, kn::EntryKind::card, kn::EntryKind::embed}) {
    EXPECT_EQ(kn::entry_kind_named(kn::to_string(kind)), kind);
  }
  EXPECT_EQ(kn::to_string(kn::EntryKind::card), "card");
  EXPECT_EQ(kn::entry_kind_named("Card"), std::nullopt);
}

TEST(SectionKinds, EveryNameIsAFilterTheHelpListsAndCompletionOffers) {
  const std::string help(kn::query_language_help());
  const std::string bash = kn::completion_script("bash", kn::command_line());
  for (const auto& [kind, name] : kn::kSectionKinds) {
    kn::Filters filters;
    kn::add_section_filter(filters, name);
    ASSERT_FALSE(filters.sections.empty()) << name;
    EXPECT_EQ(filters.sections.front(), name);
    EXPECT_NE(help.find(std::string(name) + (kind == kn::SectionKind::links ? " (" : ",")),
              std::string::npos)
        << name;
    EXPECT_NE(bash.find("section:" + std::string(name)), std::string::npos) << name;
  }
  // A heading's spelling is taken too; "other" is a kind, "Other" a heading.
  kn::Filters filters;
  kn::add_section_filter(filters, "News & Competitions");
  kn::add_section_filter(filters, "other");
  EXPECT_EQ(filters.sections, (std::vector<std::string>{"news_and_competitions", "other"}));
}

}  // namespace
