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

constexpr const char* kQueryHelp = R"(Query language:
  word            entries holding the word; Japanese needs no quoting: 画像認識
  a b             both (AND may be written)
  a OR b          either
  -a, NOT a       without a (a query starting with -a needs NOT a, or -- first)
  "a phrase"      these words in this order
  pre*            words starting with pre
  ( ... )         grouping
  section:KIND    news, competitions, news_and_competitions, pr, announcement,
                  datasets, articles, errata, others, other, links (cards, embeds);
                  news and competitions include news_and_competitions
  issue:66        issue:60..90
  date:2021-03..2021-06   since:2022   until:2021-06 (YYYY, YYYY-MM, YYYY-MM-DD)
  domain:github.com       the entry's URL or a link in it, subdomains too
  in:title        search only titles (or body, comment; in:title,comment)

Output: a listing on a terminal; otherwise (or --format tsv) one hit per line:
  issue, date, section, kind, title, url, snippet (tab-separated).
Exit status: 0 when something matched, 1 when nothing did, 2 on error.

Examples:
  kn search PyTorch
  kn search 解法 --format tsv | cut -f5 | sort -u
  kn search '"data augmentation"' section:competitions since:2022
  kn search 画像 OR 動画 --sort -date --limit 5
  kn search domain:github.com --urls)";

void add_search(CLI::App& app, kn::SearchCommandOptions& options) {
  CLI::App* cmd = app.add_subcommand("search", "Find entries: kn search WORDS... [FILTERS]");
  cmd->footer(kQueryHelp);
  // Every word of the query comes through as an extra, in order, so that
  // "-word" reaches the query language instead of the option parser.
  cmd->allow_extras();
  add_db_option(cmd, options.db);
  cmd->add_option("--section", options.sections, "Only this section (as section:); repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--issue", options.issues, "Only issue 66, or 60..90; repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--since", options.since, "From this date: YYYY, YYYY-MM or YYYY-MM-DD");
  cmd->add_option("--until", options.until, "Up to this date (inclusive)");
  cmd->add_option("--domain", options.domains, "Only entries citing this domain; repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--format", options.format, "tsv or json (JSON Lines)");
  cmd->add_option("--color", options.color, "auto, always or never (NO_COLOR is respected)");
  cmd->add_option("--sort", options.sort, "rank (default), date (oldest first) or -date");
  cmd->add_option("--limit", options.limit, "At most this many hits (default 20, 0: all)");
  cmd->add_option("--offset", options.offset, "Skip this many hits first");
  cmd->add_flag("--count", options.count, "Print only the number of hits");
  cmd->add_flag("--urls", options.urls, "Print only the distinct URLs, one per line");
  cmd->add_flag("--explain", options.explain, "Show how the query is understood; run nothing");
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
  app.allow_extras();  // words after "--" land here; search takes them
  kn::ParseOptions parse;
  add_parse(app, parse);
  kn::IndexCommandOptions index;
  add_index(app, index);
  kn::SearchCommandOptions search;
  add_search(app, search);
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
    const std::vector<std::string> stray = app.remaining();
    if (CLI::App* cmd = app.get_subcommand("search"); cmd->parsed()) {
      std::vector<std::string> words = cmd->remaining();
      words.insert(words.end(), stray.begin(), stray.end());
      for (const std::string& word : words) {
        if (word.starts_with("--") && word.size() > 2 && stray.empty()) {
          throw kn::Error(fmt::format("unknown option '{}' (see kn search --help)", word));
        }
        search.words.push_back(word);
      }
      return kn::run_search(search);
    }
    if (const std::vector<std::string> all = app.remaining(true); !all.empty()) {
      throw kn::Error(fmt::format("unexpected argument '{}' (see kn --help)", all[0]));
    }
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
