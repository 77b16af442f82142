// Options named through the type system: the table of their spellings and
// the command table agree, and asking a command for an option it lacks is
// a fault of kn's, not of what was typed.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>

#include "cli/grammar.hpp"
#include "cli/spec.hpp"
#include "cli/values.hpp"

namespace {

TEST(CliOptions, EveryOptionOfTheCommandTableIsSpeltOnce) {
  std::set<std::string> used;
  for (const kn::CommandSpec& command : kn::command_line()) {
    for (const kn::OptionSpec& option : command.options) {
      EXPECT_NE(std::find(kn::kOptionNames.begin(), kn::kOptionNames.end(), option.name),
                kn::kOptionNames.end())
          << command.name << " " << option.name;
      used.insert(option.name);
    }
  }
  // Every name but those the command line itself answers is some command's.
  used.insert(std::string(kn::name_of(kn::Opt::help)));
  used.insert(std::string(kn::name_of(kn::Opt::version)));
  EXPECT_EQ(used, std::set<std::string>(kn::kOptionNames.begin(), kn::kOptionNames.end()));
  EXPECT_EQ(kn::name_of(kn::Opt::dry_run), "--dry-run");
  EXPECT_EQ(kn::name_of(kn::Opt::max_size), "--max-size");
}

TEST(CliOptions, AChoiceACommandDoesNotHaveIsKnsFault) {
  const kn::detail::Invocation inv = kn::detail::read_command_line({"search", "x"});
  EXPECT_THROW(kn::detail::checked_choice(inv, kn::Opt::by, "month"), std::logic_error);
  EXPECT_EQ(kn::detail::choice_value(inv, kn::Opt::format, "tsv"), "tsv");
  const kn::detail::Invocation sorted =
      kn::detail::read_command_line({"search", "x", "--sort", "-date"});
  EXPECT_EQ(kn::detail::choice_value(sorted, kn::Opt::sort, "rank"), "-date");
}

}  // namespace
