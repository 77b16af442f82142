// The command line's definition, in one place: every command, its options,
// the values they take and their help. The parser (grammar.cpp), the help
// (through CLI11), the man page and the shell completions are all written
// from it, so none can fall out of step with another.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kn {

namespace detail {
struct Invocation;
}

// Every option of kn, for code to name it through the type system: a
// misspelt option does not compile. kOptionNames spells each as typed, in
// the enum's order; the table below is the only place options are spelt.
enum class Opt : std::uint8_t {
  bom,
  by,
  color,
  competition,
  competitions,
  count,
  db,
  domain,
  domains,
  dry_run,
  exclude,
  explain,
  force,
  format,
  header,
  help,
  hyperlinks,
  issue,
  issues,
  json,
  limit,
  link,
  links,
  max_size,
  no_pager,
  null,
  offset,
  platform,
  prune,
  quiet,
  rebuild,
  section,
  since,
  solutions,
  sort,
  until,
  urls,
  version,
  width,
};

inline constexpr std::array<std::string_view, 39> kOptionNames{
    "--bom",      "--by",      "--color",   "--competition", "--competitions", "--count",
    "--db",       "--domain",  "--domains", "--dry-run",     "--exclude",      "--explain",
    "--force",    "--format",  "--header",  "--help",        "--hyperlinks",   "--issue",
    "--issues",   "--json",    "--limit",   "--link",        "--links",        "--max-size",
    "--no-pager", "--null",    "--offset",  "--platform",    "--prune",        "--quiet",
    "--rebuild",  "--section", "--since",   "--solutions",   "--sort",         "--until",
    "--urls",     "--version", "--width",
};
static_assert(kOptionNames.size() == static_cast<std::size_t>(Opt::width) + 1);

// Returns the option as typed: name_of(Opt::dry_run) is "--dry-run".
constexpr std::string_view name_of(Opt option) {
  return kOptionNames[static_cast<std::size_t>(option)];
}

// What an option or a command's operands take, for checking and for
// completing them in a shell.
enum class ValueKind {
  none,         // a flag
  text,         // a word, a query, a pattern
  number,       // a whole number
  size,         // 64MiB, 2M, 1000
  choice,       // one of choices
  section,      // a section kind, or a heading's spelling of one
  path,         // a file or a directory
  database,     // the database file
  issue,        // an issue's number
  competition,  // a competition's slug, URL or name words
  command,      // a command of kn
};

struct OptionSpec {
  std::string name{};        // "--limit"
  std::string short_name{};  // "-q", or ""
  ValueKind kind = ValueKind::none;
  std::string value_name{};            // "N", "FILE", "FORMAT"
  std::vector<std::string> choices{};  // for ValueKind::choice
  std::string help{};
  bool repeatable = false;
  bool takes_value() const { return kind != ValueKind::none; }
};

struct CommandSpec {
  std::string name{}, summary{};
  std::string operands{};  // "WORDS...", "FILE|DIR...", "N", "" for none
  std::string operand_help{};
  ValueKind operand_kind = ValueKind::none;
  std::vector<std::string> operand_choices{};
  bool operands_required = false;
  std::vector<OptionSpec> options{};
  std::string footer{};  // examples and notes for --help
  // Reads the command's request from what was typed, runs it and returns
  // the exit status; null for help, which the command line answers itself.
  int (*run)(const detail::Invocation&) = nullptr;
};

// Options that may also stand before the command (kn --db x.db search ...).
inline constexpr Opt kGlobalOptions[] = {Opt::db, Opt::color};

// Returns every command, in the order kn --help lists them.
const std::vector<CommandSpec>& command_line();

const CommandSpec* find_command(std::string_view name);
// Returns the option of command named name (long or short), or nullptr.
const OptionSpec* find_option(const CommandSpec& command, std::string_view name);

// Returns what kn --help says after the commands: the grammar, and examples.
std::string_view main_footer();

}  // namespace kn
