#include <fmt/core.h>

#include "cli_options.hpp"
#include "kn/query.hpp"

namespace kn::detail {

namespace {

void add_parse(CLI::App& app, ParseRequest& options) {
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

void add_index(CLI::App& app, IndexRequest& options) {
  CLI::App* cmd = app.add_subcommand("index", "Add new and changed issue files to the database");
  cmd->footer(
      "Examples:\n  kn index seeds/\n  find archive -name '*.md' -print0 | kn index -0 -\n"
      "  kn index --prune --dry-run archive/");
  cmd->add_option("paths", options.paths, "Issue files or directories; - reads paths from stdin")
      ->required();
  add_db_option(cmd, options.db);
  cmd->add_flag("-0,--null", options.null_separated, "Paths on stdin end with NUL, not newline");
  cmd->add_option("--exclude", options.exclude,
                  "Leave out files matching this pattern (gitignore syntax); repeatable")
      ->allow_extra_args(false);
  cmd->add_flag("--prune", options.prune,
                "Remove issues whose file this run did not find under the paths given");
  cmd->add_flag("--force", options.force, "With --prune: prune even when a path holds no file");
  cmd->add_flag("-n,--dry-run", options.dry_run, "Report what would change without writing");
  cmd->add_flag("-q,--quiet", options.quiet, "Print no summary");
  cmd->add_flag("--json", options.json, "Print the summary as one JSON object");
  cmd->add_option("--max-size", options.max_size, "Refuse files larger than this (default 64MiB)")
      ->transform(CLI::AsSizeValue(false));
}

// What `kn search --help` prints after the options.
std::string search_footer() {
  return std::string(query_language_help()) + R"(
Output: a listing on a terminal; otherwise (or --format tsv) one hit per line:
  issue, date, section, kind, title, url, snippet (tab-separated).
Exit status: 0 when something matched, 1 when nothing did, 2 on error.

Examples:
  kn search PyTorch
  kn search 解法 --format tsv | cut -f5 | sort -u
  kn search '"data augmentation"' section:competitions since:2022
  kn search 画像 OR 動画 --sort -date --limit 5
  kn search domain:github.com --urls)";
}

void add_search(CLI::App& app, SearchFlags& options) {
  CLI::App* cmd = app.add_subcommand("search", "Find entries: kn search WORDS... [FILTERS]");
  cmd->footer(search_footer());
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
  cmd->add_option("--format", options.output.format, "tsv or json (JSON Lines)");
  cmd->add_option("--color", options.output.color, "auto, always or never (NO_COLOR is respected)");
  cmd->add_option("--sort", options.sort, "rank (default), date (oldest first) or -date");
  cmd->add_option("--limit", options.limit, "At most this many hits (default 20, 0: all)");
  cmd->add_option("--offset", options.offset, "Skip this many hits first");
  cmd->add_flag("--count", options.count, "Print only the number of hits");
  cmd->add_flag("--urls", options.urls, "Print only the distinct URLs, one per line");
  cmd->add_flag("--explain", options.explain, "Show how the query is understood; run nothing");
}

void add_output_options(CLI::App* cmd, OutputFlags& output, const char* formats) {
  cmd->add_option("--format", output.format, formats);
  cmd->add_option("--color", output.color, "auto, always or never (NO_COLOR is respected)");
}

void add_list(CLI::App& app, ListFlags& options) {
  CLI::App* cmd = app.add_subcommand("list", "List competitions, issues, links or domains");
  cmd->footer(
      "Examples:\n  kn list --competition\n  kn list competitions --platform kaggle --since 2022\n"
      "  kn list --issues\n  kn list --links --domain github.com\n  kn list --domains "
      "--format json");
  cmd->add_option("what", options.positional, "competitions, issues, links or domains");
  cmd->add_flag("--competition,--competitions", options.competitions,
                "Competitions linked to: platform, name, first and last mention, mentions");
  cmd->add_flag("--issues", options.issues, "Issues: number, date (~ estimated), title, counts");
  cmd->add_flag("--links", options.links, "Distinct URLs cited, most cited first");
  cmd->add_flag("--domains", options.domains, "Domains cited, with links and cards, most first");
  cmd->add_option("--platform", options.platform, "Competitions of this platform (kaggle, ...)");
  cmd->add_option("--domain", options.domain, "Links on this domain or its subdomains");
  cmd->add_option("--since", options.since, "Mentions from this date: YYYY, YYYY-MM, YYYY-MM-DD");
  cmd->add_option("--until", options.until, "Mentions up to this date (inclusive)");
  cmd->add_option("--sort", options.sort, "Competitions: first (default) or mentions");
  add_db_option(cmd, options.db);
  add_output_options(cmd, options.output, "tsv or json (JSON Lines)");
}

void add_show(CLI::App& app, ShowFlags& options) {
  CLI::App* cmd = app.add_subcommand("show", "Show one issue: sections, cards, embeds");
  cmd->footer("Examples:\n  kn show 66\n  kn show 66 --format md > issue-66.md");
  cmd->add_option("number", options.number, "The issue's number")->required();
  add_db_option(cmd, options.db);
  add_output_options(cmd, options.output, "md (Markdown) or json (as kn parse --json)");
}

void add_stats(CLI::App& app, StatsFlags& options) {
  CLI::App* cmd = app.add_subcommand("stats", "Count what the archive holds");
  cmd->footer("Examples:\n  kn stats\n  kn stats --by month\n  kn stats --format json");
  cmd->add_option("--by", options.by, "Counts per month, year, section, domain or platform");
  add_db_option(cmd, options.db);
  add_output_options(cmd, options.output, "tsv or json");
}

void add_export(CLI::App& app, ExportFlags& options) {
  CLI::App* cmd = app.add_subcommand("export", "Write the whole archive to stdout");
  cmd->footer(
      "Examples:\n  kn export > archive.jsonl\n  kn export --format csv > entries.csv\n"
      "  kn export --format md > archive.md");
  cmd->add_option("--format", options.format,
                  "jsonl (kn parse --json per issue, default), csv (an entry a row) or md");
  add_db_option(cmd, options.db);
}

void add_completion(CLI::App& app, std::string& shell) {
  CLI::App* cmd = app.add_subcommand("completion", "Print a shell completion script");
  cmd->footer(
      "Examples:\n  source <(kn completion bash)   # in ~/.bashrc\n"
      "  source <(kn completion zsh)    # in ~/.zshrc\n"
      "  kn completion fish > ~/.config/fish/completions/kn.fish");
  cmd->add_option("shell", shell, "bash, zsh or fish")->required();
}

void add_check(CLI::App& app, std::string& db) {
  CLI::App* cmd = app.add_subcommand("check", "Verify the database and its full-text index");
  cmd->footer("Example:\n  kn check --db archive.db");
  add_db_option(cmd, db);
}

}  // namespace

void define_commands(CLI::App& app, Flags& flags) {
  add_parse(app, flags.parse);
  add_index(app, flags.index);
  add_search(app, flags.search);
  add_list(app, flags.list);
  add_show(app, flags.show);
  add_stats(app, flags.stats);
  add_export(app, flags.export_);
  add_check(app, flags.check_db);
  add_completion(app, flags.shell);
}

std::vector<CommandSpec> command_specs(CLI::App& app) {
  std::vector<CommandSpec> specs;
  for (CLI::App* cmd : app.get_subcommands([](CLI::App*) { return true; })) {
    CommandSpec& spec = specs.emplace_back();
    spec.name = cmd->get_name();
    spec.description = cmd->get_description();
    for (const CLI::Option* option : cmd->get_options()) {
      if (option == cmd->get_help_ptr()) continue;
      if (option->get_positional()) {
        spec.takes_files = spec.takes_files || option->get_name() == "paths";
        continue;
      }
      const bool takes_value = option->get_expected_min() > 0;
      for (const std::string& name : option->get_lnames()) {
        spec.options.push_back({"--" + name, option->get_description(), takes_value});
      }
      for (const std::string& name : option->get_snames()) {
        spec.options.push_back({"-" + name, option->get_description(), takes_value});
      }
    }
  }
  return specs;
}

}  // namespace kn::detail
