// kn: index and search newsletter archives. This file only wires the
// command line to the commands.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <exception>

#include "kn/commands.hpp"
#include "kn/error.hpp"

namespace {

void add_parse(CLI::App& app, kn::ParseOptions& options) {
  CLI::App* cmd = app.add_subcommand("parse", "Extract issue files and print what they contain");
  cmd->footer("Example:\n  kn parse seeds/\n  kn parse --json seeds/ | jq .title");
  cmd->add_option("paths", options.paths, "Issue files or directories (read recursively)")
      ->required();
  cmd->add_flag("--json", options.json, "Print one JSON object per issue (JSON Lines)");
  cmd->add_option("--max-size", options.max_size, "Refuse files larger than this (default 64MiB)")
      ->transform(CLI::AsSizeValue(false));
}

void add_db_option(CLI::App* cmd, std::string& db) {
  cmd->add_option("--db", db, "Database file (default: $KN_DB, else $XDG_DATA_HOME/kn/kn.db)");
}

void add_index(CLI::App& app, kn::IndexCommandOptions& options) {
  CLI::App* cmd = app.add_subcommand("index", "Add new and changed issue files to the database");
  cmd->footer(
      "Examples:\n  kn index seeds/\n  find archive -name '*.md' -print0 | kn index -0 -\n"
      "  kn index --prune --dry-run archive/");
  cmd->add_option("paths", options.paths, "Issue files or directories; - reads paths from stdin")
      ->required();
  add_db_option(cmd, options.db);
  cmd->add_flag("-0,--null", options.null_separated, "Paths on stdin end with NUL, not newline");
  cmd->add_flag("--prune", options.prune, "Remove issues whose source file no longer exists");
  cmd->add_flag("-n,--dry-run", options.dry_run, "Report what would change without writing");
  cmd->add_flag("-q,--quiet", options.quiet, "Print no summary");
  cmd->add_flag("--json", options.json, "Print the summary as one JSON object");
  cmd->add_option("--max-size", options.max_size, "Refuse files larger than this (default 64MiB)")
      ->transform(CLI::AsSizeValue(false));
}

void add_check(CLI::App& app, kn::CheckOptions& options) {
  CLI::App* cmd = app.add_subcommand("check", "Verify the database and its full-text index");
  cmd->footer("Example:\n  kn check --db archive.db");
  add_db_option(cmd, options.db);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kn: index and search newsletter archives", "kn"};
  app.set_version_flag("--version", KN_VERSION);
  app.require_subcommand(1);
  kn::ParseOptions parse;
  add_parse(app, parse);
  kn::IndexCommandOptions index;
  add_index(app, index);
  kn::CheckOptions check;
  add_check(app, check);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    const std::vector<std::string> rest = app.remaining();
    const bool unknown_command = app.get_subcommands().empty() && !rest.empty();
    kn::print_error(unknown_command ? fmt::format("unknown command '{}' (see kn --help)", rest[0])
                                    : fmt::format("{} (see kn --help)", e.what()));
    return kn::kExitError;
  }

  try {
    if (app.got_subcommand("parse")) return kn::run_parse(parse);
    if (app.got_subcommand("index")) return kn::run_index(index);
    if (app.got_subcommand("check")) return kn::run_check(check);
    return kn::kExitError;
  } catch (const kn::Error& e) {
    kn::print_error(e.what());
  } catch (const std::exception& e) {
    kn::print_error(fmt::format("internal error: {}", e.what()));
  }
  return kn::kExitError;
}
