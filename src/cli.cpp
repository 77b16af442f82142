#include "kn/cli.hpp"

#include <fmt/core.h>

#include <cstdio>
#include <exception>

#include "cli_options.hpp"
#include "command_output.hpp"
#include "kn/commands.hpp"
#include "kn/completion.hpp"
#include "kn/error.hpp"

namespace kn {

namespace {

using namespace detail;

// The query of kn search: its own words and what came after "--".
void collect_search_words(CLI::App& app, SearchFlags& flags) {
  const std::vector<std::string> stray = app.remaining();
  std::vector<std::string> words = app.get_subcommand("search")->remaining();
  words.insert(words.end(), stray.begin(), stray.end());
  for (const std::string& word : words) {
    if (word.starts_with("--") && word.size() > 2 && stray.empty()) {
      throw Error(fmt::format("unknown option '{}' (see kn search --help)", word));
    }
    flags.words.push_back(word);
  }
}

int dispatch(CLI::App& app, Flags& flags) {
  if (app.get_subcommand("search")->parsed()) {
    collect_search_words(app, flags.search);
    return run_search(search_request(flags.search));
  }
  if (const std::vector<std::string> all = app.remaining(true); !all.empty()) {
    throw Error(fmt::format("unexpected argument '{}' (see kn --help)", all[0]));
  }
  if (app.got_subcommand("parse")) return run_parse(flags.parse);
  if (app.got_subcommand("index")) {
    flags.index.db = database_path(flags.index.db);
    return run_index(flags.index);
  }
  if (app.got_subcommand("check")) return run_check({database_path(flags.check_db)});
  if (app.got_subcommand("list")) return run_list(list_request(flags.list));
  if (app.got_subcommand("show")) return run_show(show_request(flags.show));
  if (app.got_subcommand("stats")) return run_stats(stats_request(flags.stats));
  if (app.got_subcommand("export")) return run_export(export_request(flags.export_));
  if (app.got_subcommand("completion")) {
    write_stdout(completion_script(flags.shell, command_specs(app)));
    return kExitOk;
  }
  return kExitError;
}

// status, unless stdout cannot be written (help to a full disk).
int finish(int status) {
  try {
    finish_stdout();
  } catch (const StdoutClosed&) {
  } catch (const Error& e) {
    print_error(e.what());
    return kExitError;
  }
  return status;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"kn: index and search newsletter archives", "kn"};
  app.set_version_flag("--version", "kn " KN_VERSION);
  app.footer(
      "Examples:\n"
      "  kn index archive/                  index issue files (again: only what changed)\n"
      "  kn search PyTorch                  ranked hits with snippets\n"
      "  kn search 解法 --format tsv | cut -f5 | sort -u\n"
      "  kn list --competition              every competition the archive links to\n"
      "  kn show 66                         one issue, for reading\n"
      "Run 'kn COMMAND --help' for a command's options.");
  app.require_subcommand(1);
  app.allow_extras();  // words after "--" land here; search takes them
  Flags flags;
  define_commands(app, flags);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return finish(app.exit(e));
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return finish(app.exit(e));  // --help, --version
    const std::vector<std::string> rest = app.remaining();
    const bool unknown_command = app.get_subcommands().empty() && !rest.empty();
    print_error(unknown_command ? fmt::format("unknown command '{}' (see kn --help)", rest[0])
                                : fmt::format("{} (see kn --help)", e.what()));
    return kExitError;
  }

  try {
    const int status = dispatch(app, flags);
    finish_stdout();
    return status;
  } catch (const StdoutClosed&) {
    return kExitOk;  // the reader has what it wanted
  } catch (const QueryError& e) {
    print_error(fmt::format("query: {}", e.what()));
    return e.exit_code();
  } catch (const Error& e) {
    print_error(e.what());
    return e.exit_code();
  } catch (const std::exception& e) {
    print_error(fmt::format("internal error: {}", e.what()));
  }
  return kExitError;
}

}  // namespace kn
