// kn: index and search newsletter archives. This file only wires the
// command line to the commands.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <exception>

#include "kn/commands.hpp"
#include "kn/completion.hpp"
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

void add_output_options(CLI::App* cmd, kn::OutputOptions& output, const char* formats) {
  cmd->add_option("--format", output.format, formats);
  cmd->add_option("--color", output.color, "auto, always or never (NO_COLOR is respected)");
}

// `kn list --competition` and `kn list competitions` say the same.
struct ListChoice {
  bool competitions = false, issues = false, links = false, domains = false;
  std::string positional;
};

void add_list(CLI::App& app, kn::ListOptions& options, ListChoice& choice) {
  CLI::App* cmd = app.add_subcommand("list", "List competitions, issues, links or domains");
  cmd->footer(
      "Examples:\n  kn list --competition\n  kn list competitions --platform kaggle --since 2022\n"
      "  kn list --issues\n  kn list --links --domain github.com\n  kn list --domains "
      "--format json");
  cmd->add_option("what", choice.positional, "competitions, issues, links or domains");
  cmd->add_flag("--competition,--competitions", choice.competitions,
                "Competitions linked to: platform, name, first and last mention, mentions");
  cmd->add_flag("--issues", choice.issues, "Issues: number, date (~ estimated), title, counts");
  cmd->add_flag("--links", choice.links, "Distinct URLs cited, most cited first");
  cmd->add_flag("--domains", choice.domains, "Domains cited, with links and cards, most first");
  cmd->add_option("--platform", options.platform, "Competitions of this platform (kaggle, ...)");
  cmd->add_option("--domain", options.domain, "Links on this domain or its subdomains");
  cmd->add_option("--since", options.since, "Mentions from this date: YYYY, YYYY-MM, YYYY-MM-DD");
  cmd->add_option("--until", options.until, "Mentions up to this date (inclusive)");
  cmd->add_option("--sort", options.sort, "Competitions: first (default) or mentions");
  add_db_option(cmd, options.db);
  add_output_options(cmd, options.output, "tsv or json (JSON Lines)");
}

std::string list_what(const ListChoice& choice) {
  std::vector<std::string> chosen;
  if (choice.competitions) chosen.push_back("competitions");
  if (choice.issues) chosen.push_back("issues");
  if (choice.links) chosen.push_back("links");
  if (choice.domains) chosen.push_back("domains");
  if (!choice.positional.empty()) {
    std::string what = choice.positional == "competition" ? "competitions" : choice.positional;
    if (what != "competitions" && what != "issues" && what != "links" && what != "domains") {
      throw kn::Error(fmt::format("cannot list '{}': say competitions, issues, links or domains",
                                  choice.positional));
    }
    chosen.push_back(what);
  }
  if (chosen.size() > 1 && chosen[0] != chosen[1]) {
    throw kn::Error("list one thing at a time: --competition, --issues, --links or --domains");
  }
  return chosen.empty() ? "" : chosen[0];
}

void add_show(CLI::App& app, kn::ShowOptions& options) {
  CLI::App* cmd = app.add_subcommand("show", "Show one issue: sections, cards, embeds");
  cmd->footer("Examples:\n  kn show 66\n  kn show 66 --format md > issue-66.md");
  cmd->add_option("number", options.number, "The issue's number")->required();
  add_db_option(cmd, options.db);
  add_output_options(cmd, options.output, "md (Markdown) or json (as kn parse --json)");
}

void add_stats(CLI::App& app, kn::StatsOptions& options) {
  CLI::App* cmd = app.add_subcommand("stats", "Count what the archive holds");
  cmd->footer("Examples:\n  kn stats\n  kn stats --by month\n  kn stats --format json");
  cmd->add_option("--by", options.by, "Counts per month, year, section, domain or platform");
  add_db_option(cmd, options.db);
  add_output_options(cmd, options.output, "tsv or json");
}

void add_export(CLI::App& app, kn::ExportOptions& options) {
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

// What the completion scripts need to know of the command line.
std::vector<kn::CommandSpec> command_specs(CLI::App& app) {
  std::vector<kn::CommandSpec> specs;
  for (CLI::App* cmd : app.get_subcommands([](CLI::App*) { return true; })) {
    kn::CommandSpec& spec = specs.emplace_back();
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

void add_check(CLI::App& app, kn::CheckOptions& options) {
  CLI::App* cmd = app.add_subcommand("check", "Verify the database and its full-text index");
  cmd->footer("Example:\n  kn check --db archive.db");
  add_db_option(cmd, options.db);
}

}  // namespace

int main(int argc, char** argv) {
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
  kn::ParseOptions parse;
  add_parse(app, parse);
  kn::IndexCommandOptions index;
  add_index(app, index);
  kn::SearchCommandOptions search;
  add_search(app, search);
  kn::ListOptions list;
  ListChoice list_choice;
  add_list(app, list, list_choice);
  kn::ShowOptions show;
  add_show(app, show);
  kn::StatsOptions stats;
  add_stats(app, stats);
  kn::ExportOptions export_options;
  add_export(app, export_options);
  kn::CheckOptions check;
  add_check(app, check);
  std::string shell;
  add_completion(app, shell);

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
    if (app.got_subcommand("list")) {
      list.what = list_what(list_choice);
      return kn::run_list(list);
    }
    if (app.got_subcommand("show")) return kn::run_show(show);
    if (app.got_subcommand("stats")) return kn::run_stats(stats);
    if (app.got_subcommand("export")) return kn::run_export(export_options);
    if (app.got_subcommand("completion")) {
      const std::string script = kn::completion_script(shell, command_specs(app));
      std::fwrite(script.data(), 1, script.size(), stdout);
      return kn::kExitOk;
    }
    return kn::kExitError;
  } catch (const kn::Error& e) {
    kn::print_error(e.what());
  } catch (const std::exception& e) {
    kn::print_error(fmt::format("internal error: {}", e.what()));
  }
  return kn::kExitError;
}
