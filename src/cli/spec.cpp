#include "spec.hpp"

#include <algorithm>

#include "kn/query.hpp"
#include "model/competition.hpp"

namespace kn {

namespace {

OptionSpec flag(std::string name, std::string help, std::string short_name = {}) {
  return {std::move(name), std::move(short_name), ValueKind::none, {}, {}, std::move(help)};
}

OptionSpec value(std::string name, ValueKind kind, std::string value_name, std::string help,
                 bool repeatable = false) {
  return {std::move(name), {}, kind, std::move(value_name), {}, std::move(help), repeatable};
}

// The choices stand for the value in the help: --format table|tsv|json.
OptionSpec choice(std::string name, std::vector<std::string> choices, std::string help) {
  std::string value_name;
  for (const std::string& c : choices) value_name += (value_name.empty() ? "" : "|") + c;
  return {std::move(name), {}, ValueKind::choice, value_name, std::move(choices), std::move(help)};
}

OptionSpec db() {
  return value("--db", ValueKind::database, "FILE",
               "The database (default: $KN_DB, else $XDG_DATA_HOME/kn/kn.db)");
}

OptionSpec color() {
  return choice("--color", {"auto", "always", "never"},
                "Colour: auto (on a terminal, unless NO_COLOR or TERM=dumb), always, never");
}

// How a table or listing is drawn for a person.
std::vector<OptionSpec> drawing() {
  return {
      choice("--hyperlinks", {"auto", "always", "never"},
             "Titles and URLs as terminal hyperlinks: auto (on a terminal, unless NO_COLOR, "
             "TERM=dumb or --color never), always, never"),
      value(
          "--width", ValueKind::number, "N",
          "Lines of at most N cells, 20 to 1000 (default: the terminal's, $COLUMNS; 0: no limit)"),
      flag("--no-pager",
           "Never page (default: less -R, $PAGER or $KN_PAGER when taller "
           "than the terminal)")};
}

OptionSpec header() { return flag("--header", "TSV: a first line naming the columns"); }

// options, then the drawing options.
std::vector<OptionSpec> with_drawing(std::vector<OptionSpec> options) {
  for (OptionSpec& option : drawing()) options.push_back(std::move(option));
  return options;
}

OptionSpec max_size() {
  return value("--max-size", ValueKind::size, "SIZE",
               "Refuse larger files (default 4MiB; units B, KiB, MiB, GiB, K, M, G)");
}

OptionSpec since(const char* what) {
  return value(
      "--since", ValueKind::text, "DATE",
      std::string(what) + " from this date: YYYY[-MM[-DD]], today, yesterday, 2w (3d, 6m, 1y) ago");
}

OptionSpec until(const char* what) {
  return value("--until", ValueKind::text, "DATE",
               std::string(what) + " up to this date, included");
}

CommandSpec parse() {
  return {"parse",
          "Extract issue files and print what they contain",
          "FILE|DIR...",
          "Issue files, and directories to read recursively",
          ValueKind::path,
          {},
          true,
          {flag("--json", "One JSON object per issue (JSON Lines)"), max_size()},
          "Examples:\n  kn parse seeds/\n  kn parse --json seeds/ | jq .title"};
}

CommandSpec index() {
  return {"index",
          "Add new and changed issue files to the database",
          "PATH...",
          "Issue files and directories; - reads the paths from stdin",
          ValueKind::path,
          {},
          true,
          {db(), flag("--null", "Paths on stdin (-) end with NUL, not newline", "-0"),
           value("--exclude", ValueKind::text, "GLOB|PATH",
                 "Leave out files that match (gitignore syntax; also .knignore files), or a "
                 "file or directory named by its path",
                 true),
           flag("--prune", "Remove the issues under PATH... whose file this run did not find"),
           flag("--force", "With --prune: prune even when a PATH holds no file"),
           flag("--dry-run", "Say what a run would change; write nothing", "-n"),
           flag("--rebuild",
                "First make the full-text index, entry sizes and filter facts again from the "
                "stored entries (when kn check finds them damaged); PATH... may then be left out"),
           flag("--quiet", "Print no summary", "-q"),
           flag("--json", "The summary as one JSON object"), max_size()},
          "PATH is a file or a directory (read recursively); - reads paths from stdin.\n\n"
          "Examples:\n  kn index seeds/\n  find archive -name '*.md' -print0 | kn index -0 -\n"
          "  kn index --prune --dry-run archive/\n  kn index --rebuild\n"
          "  kn index -- -odd-name.md"};
}

CommandSpec search() {
  return {
      "search",
      "Find entries: kn search WORDS... [FILTERS]",
      "WORDS...",
      "The query (see the query language below)",
      ValueKind::text,
      {},
      false,
      with_drawing(
          {db(),
           value("--section", ValueKind::text, "KIND", "Only this section (as section:)", true),
           value("--issue", ValueKind::text, "N|A..B", "Only issue 66, or 60..90 (as issue:)",
                 true),
           since("Issues"), until("Issues"),
           value("--domain", ValueKind::text, "DOMAIN",
                 "Only entries citing this domain or its subdomains (as domain:)", true),
           value("--competition", ValueKind::competition, "Q",
                 "Only entries linking to this competition: slug, URL or name (as competition:)",
                 true),
           choice("--format", {"table", "tsv", "json"},
                  "table (default on a terminal; on a pipe: the same listing), tsv (default on a "
                  "pipe) or json (JSON Lines)"),
           color(),
           choice("--sort", {"rank", "date", "-date"},
                  "rank (default), date (oldest first) or -date (newest first)"),
           value("--limit", ValueKind::number, "N", "At most N hits (default 20; 0: all)"),
           value("--offset", ValueKind::number, "N", "Skip the first N hits"),
           flag("--count", "Print only the number of hits"),
           flag("--urls", "Print only the distinct URLs of all hits, in rank order, one per line"),
           flag("--explain", "Show how the query is understood; run nothing"), header()}),
      std::string(query_language_help()) +
          "\nWords that start with '-' are options; to search for -word (leave a word out),\n"
          "write NOT word, or put the query after --: kn search -- -word kaggle\n"
          "\nOutput: a listing on a terminal; otherwise (or --format tsv) one hit per line:\n"
          "  issue, date, section, kind, title, url, snippet (tab-separated).\n"
          "Exit status: 0 when something matched, 1 when nothing did, 2 on error.\n"
          "\nExamples:\n  kn search PyTorch\n  kn search 解法 --format tsv | cut -f5 | sort -u\n"
          "  kn search '\"data augmentation\"' section:competitions since:2022\n"
          "  kn search 画像 OR 動画 --sort -date --limit 5\n"
          "  kn search domain:github.com --urls"};
}

CommandSpec list() {
  std::vector<std::string> platforms = platform_names();
  std::string names;
  for (const std::string& p : platforms) names += (names.empty() ? "" : ", ") + p;
  return {
      "list",
      "List competitions, issues, links or domains",
      "[KIND]",
      "competitions, issues, links or domains (as the flags)",
      ValueKind::choice,
      {"competitions", "issues", "links", "domains"},
      false,
      with_drawing(
          {flag("--competition", "Competitions linked to (KIND competitions)"),
           flag("--issues", "Issues: number, date, title, counts (KIND issues)"),
           flag("--links", "Distinct URLs cited, most cited first (KIND links)"),
           flag("--domains", "Domains cited, most first (KIND domains)"),
           {"--platform",
            {},
            ValueKind::choice,
            "NAME",
            platforms,
            "Competitions of this platform: " + names,
            true},
           value("--domain", ValueKind::text, "DOMAIN", "Links on this domain or its subdomains"),
           since("Mentions"),
           until("Mentions"),
           choice("--sort", {"first", "mentions"},
                  "Competitions: by first mention (default) or most mentioned first"),
           db(),
           choice("--format", {"table", "tsv", "json"}, "table, tsv or json (JSON Lines)"),
           color(),
           header()}),
      "Examples:\n  kn list --competition\n  kn list competitions --platform kaggle --since 2022\n"
      "  kn list --issues\n  kn list --links --domain github.com\n"
      "  kn list --domains --format json"};
}

CommandSpec show() {
  return {"show",
          "Show one issue: sections, cards, embeds and later corrections",
          "N",
          "The issue's number",
          ValueKind::issue,
          {},
          true,
          with_drawing(
              {db(),
               choice("--format", {"table", "md", "json"},
                      "table (for reading; on a pipe unwrapped, or at $COLUMNS), md (Markdown) or "
                      "json (as kn parse --json)"),
               color()}),
          "Examples:\n  kn show 66\n  kn show 66 --format md > issue-66.md"};
}

CommandSpec competition() {
  return {"competition",
          "One competition's story: every entry that links to it, oldest first",
          "QUERY...",
          "A slug (ai4code), a URL, or words of its name",
          ValueKind::competition,
          {},
          true,
          with_drawing({db(), flag("--solutions", "Only the entries that look like write-ups"),
                        choice("--format", {"table", "tsv", "json", "md"},
                               "table (on a terminal), tsv (on a pipe), json (JSON Lines, one "
                               "object per mention) or md (Markdown)"),
                        color(), header()}),
          "An exact slug, URL or name is the match; else the one competition whose name holds\n"
          "every word (several: they are listed, exit 2). Write-ups (解法, 振り返り, solution,\n"
          "1st place, 3位) are marked with ★.\n\n"
          "Examples:\n  kn competition ai4code\n  kn competition NBME --solutions\n"
          "  kn competition https://www.kaggle.com/c/jpx-tokyo-stock-exchange-prediction\n"
          "  kn competition ai4code --format json | jq .url"};
}

CommandSpec stats() {
  return {
      "stats",
      "Count what the archive holds",
      "[QUERY...]",
      "With --by: count the entries that match this query (kn search's language)",
      ValueKind::text,
      {},
      false,
      with_drawing(
          {choice("--by", {"month", "year", "section", "domain", "platform"},
                  "Counts per month, year, section, domain or platform, as bars"),
           value("--limit", ValueKind::number, "N", "With --by: the first N rows (0: all)"), db(),
           choice("--format", {"table", "tsv", "json"}, "table, tsv or json"), color(), header()}),
      "On a terminal, --by draws a bar per row; tsv and json give the numbers.\n\n"
      "Examples:\n  kn stats\n  kn stats --by month\n  kn stats --by month Transformer\n"
      "  kn stats --by domain --limit 10\n  kn stats --format json"};
}

CommandSpec export_() {
  return {"export",
          "Write the whole archive to stdout",
          "",
          "",
          ValueKind::none,
          {},
          false,
          {db(),
           choice("--format", {"jsonl", "csv", "md"},
                  "jsonl (kn parse --json per issue, default), csv (an entry a row) or md"),
           flag("--bom", "CSV: begin with a UTF-8 byte order mark, so Excel reads Japanese right")},
          "Examples:\n  kn export > archive.jsonl\n  kn export --format csv > entries.csv\n"
          "  kn export --format md > archive.md"};
}

CommandSpec check() {
  return {
      "check", "Verify the database and its full-text index", "", "", ValueKind::none, {}, false,
      {db()},  "Example:\n  kn check --db archive.db"};
}

CommandSpec completion() {
  return {"completion",
          "Print a shell completion script",
          "SHELL",
          "bash, zsh or fish",
          ValueKind::choice,
          {"bash", "zsh", "fish"},
          true,
          {},
          "Examples:\n  source <(kn completion bash)   # in ~/.bashrc\n"
          "  source <(kn completion zsh)    # in ~/.zshrc\n"
          "  kn completion fish > ~/.config/fish/completions/kn.fish"};
}

CommandSpec help() {
  return {"help",
          "Show the help of kn or of a command",
          "[COMMAND]",
          "A command of kn",
          ValueKind::command,
          {},
          false,
          {},
          "Example:\n  kn help search"};
}

}  // namespace

const std::vector<CommandSpec>& command_line() {
  static const std::vector<CommandSpec> commands{parse(),       index(),      search(), list(),
                                                 competition(), show(),       stats(),  export_(),
                                                 check(),       completion(), help()};
  return commands;
}

const CommandSpec* find_command(std::string_view name) {
  for (const CommandSpec& command : command_line()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

const OptionSpec* find_option(const CommandSpec& command, std::string_view name) {
  for (const OptionSpec& option : command.options) {
    if (option.name == name || (!option.short_name.empty() && option.short_name == name)) {
      return &option;
    }
  }
  return nullptr;
}

std::string_view main_footer() {
  return "Options stand after the command, anywhere among its words; --db and --color\n"
         "may also stand before it. A word that starts with '-' is an option; after --\n"
         "every word is an operand (a query's -word, a path that starts with '-').\n"
         "\nExamples:\n"
         "  kn index archive/                  index issue files (again: only what changed)\n"
         "  kn search PyTorch                  ranked hits with snippets\n"
         "  kn search 解法 --format tsv | cut -f5 | sort -u\n"
         "  kn list --competition              every competition the archive links to\n"
         "  kn show 66                         one issue, for reading\n"
         "  kn help search                     the query language\n";
}

}  // namespace kn
