// Options named through the type system: the table of their spellings and
// the command table agree, and asking a command for an option it lacks is
// a fault of kn's, not of what was typed.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

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

// The string literals of a C++ source, raw ones (the shell scripts) first.
std::vector<std::string> string_literals(std::string text) {
  std::vector<std::string> out;
  const std::regex raw(R"re(R"(\w*)\(([\s\S]*?)\)\1")re");
  for (std::smatch m; std::regex_search(text, m, raw);) {
    out.push_back(m[2]);
    text = m.prefix().str() + m.suffix().str();
  }
  const std::regex plain(R"re("((?:[^"\\\n]|\\.)*)")re");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), plain);
       it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1]);
  }
  return out;
}

// Messages of the layers below the command line advise options in prose
// (they cannot see its table), and the shell scripts hold some: a renamed
// option must not leave one of them naming an option kn no longer has.
TEST(CliOptions, EveryOptionTheSourcesNameExists) {
  const std::set<std::string> known(kn::kOptionNames.begin(), kn::kOptionNames.end());
  const std::regex option(R"((^|[^-\w])(--[a-z][a-z-]*[a-z]))");
  std::set<std::string> named;
  for (const auto& entry : std::filesystem::recursive_directory_iterator("src")) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    for (const std::string& literal :
         string_literals({std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()})) {
      for (auto it = std::sregex_iterator(literal.begin(), literal.end(), option);
           it != std::sregex_iterator(); ++it) {
        const std::string name = (*it)[2];
        named.insert(name);
        EXPECT_TRUE(known.contains(name)) << entry.path() << ": " << name;
      }
    }
  }
  // The scan finds what it must: advice below the command line, a script.
  EXPECT_TRUE(named.contains("--max-size"));
  EXPECT_TRUE(named.contains("--no-pager"));
  EXPECT_TRUE(named.contains("--db"));
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
