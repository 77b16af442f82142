#include "spec.hpp"

#include <algorithm>

#include "commands/commands.hpp"
#include "completion.hpp"
#include "grammar.hpp"
#include "kn/error.hpp"
#include "kn/query.hpp"
#include "model/competition.hpp"
#include "render/pager.hpp"
#include "requests.hpp"

namespace kn {

namespace {

// What each command runs.
int run_parse_command(const detail::Invocation& inv) {
  return run_parse(detail::parse_request(inv));
}

int run_index_command(const detail::Invocation& inv) {
  return run_index(detail::index_request(inv));
}

int run_search_command(const detail::Invocation& inv) {
  return run_search(detail::search_request(inv));
}

int run_list_command(const detail::Invocation& inv) { return run_list(detail::list_request(inv)); }

int run_competition_command(const detail::Invocation& inv) {
  return run_competition(detail::competition_request(inv));
}

int run_show_command(const detail::Invocation& inv) { return run_show(detail::show_request(inv)); }

int run_stats_command(const detail::Invocation& inv) {
  return run_stats(detail::stats_request(inv));
}

int run_export_command(const detail::Invocation& inv) {
  return run_export(detail::export_request(inv));
}

int run_check_command(const detail::Invocation& inv) {
  return run_check(detail::check_request(inv));
}

int run_open_command(const detail::Invocation& inv) { return run_open(detail::open_request(inv)); }

int run_sqlite_extension_command(const detail::Invocation&) { return run_sqlite_extension(); }

int run_completion_command(const detail::Invocation& inv) {
  detail::write_stdout(completion_script(detail::completion_shell(inv), command_line()));
  return kExitOk;
}

OptionSpec flag(Opt name, std::string help, std::string short_name = {}) {
  return {.name = std::string(name_of(name)),
          .short_name = std::move(short_name),
          .help = std::move(help)};
}

OptionSpec value(Opt name, ValueKind kind, std::string value_name, std::string help,
                 bool repeatable = false) {
  return {.name = std::string(name_of(name)),
          .kind = kind,
          .value_name = std::move(value_name),
          .help = std::move(help),
          .repeatable = repeatable};
}

// The choices stand for the value in the help: --format table|tsv|json.
OptionSpec choice(Opt name, std::vector<std::string> choices, std::string help) {
  std::string value_name;
  for (const std::string& c : choices) value_name += (value_name.empty() ? "" : "|") + c;
  return {.name = std::string(name_of(name)),
          .kind = ValueKind::choice,
          .value_name = value_name,
          .choices = std::move(choices),
          .help = std::move(help)};
}

OptionSpec db() {
  return value(Opt::db, ValueKind::database, "FILE",
               "The database (default: $KN_DB, else $XDG_DATA_HOME/kn/kn.db)");
}

OptionSpec color() {
  return choice(Opt::color, {"auto", "always", "never"},
                "Colour: auto (on a terminal, unless NO_COLOR or TERM=dumb), always, never; "
                "in tsv only the matches, never in json");
}

// How a table or listing is drawn for a person.
std::vector<OptionSpec> drawing() {
  return {
      choice(Opt::hyperlinks, {"auto", "always", "never"},
             "Titles and URLs as terminal hyperlinks: auto (on a terminal, unless NO_COLOR, "
             "TERM=dumb or --color never), always, never; in tsv the URL fields, never in json"),
      value(Opt::width, ValueKind::number, "N",
            "Table lines of at most N cells, 20 to 1000 (default: the terminal's, $COLUMNS; 0: no "
            "limit); tsv and json are never wrapped"),
      flag(Opt::no_pager,
           "Never page (default: less -R, $PAGER or $KN_PAGER when taller "
           "than the terminal)")};
}

OptionSpec header() { return flag(Opt::header, "TSV: a first line naming the columns"); }

// options, then the drawing options.
std::vector<OptionSpec> with_drawing(std::vector<OptionSpec> options) {
  for (OptionSpec& option : drawing()) options.push_back(std::move(option));
  return options;
}

OptionSpec max_size() {
  return value(Opt::max_size, ValueKind::size, "SIZE",
               "Refuse larger files (default 4MiB; units B, KiB, MiB, GiB, K, M, G)");
}

OptionSpec since(const char* what) {
  return value(
      Opt::since, ValueKind::text, "DATE",
      std::string(what) + " from this date: YYYY[-MM[-DD]], today, yesterday, 2w (3d, 6m, 1y) ago");
}

OptionSpec until(const char* what) {
  return value(Opt::until, ValueKind::text, "DATE",
               std::string(what) + " up to this date, included");
}

CommandSpec parse() {
  return {.name = "parse",
          .summary = "Extract issue files and print what they contain",
          .operands = "FILE|DIR...",
          .operand_help = "Issue files, and directories to read recursively",
          .operand_kind = ValueKind::path,
          .operands_required = true,
          .options = {flag(Opt::json, "One JSON object per issue (JSON Lines)"), max_size()},
          .footer = "Examples:\n  kn parse seeds/\n  kn parse --json seeds/ | jq .title",
          .run = run_parse_command};
}

CommandSpec index() {
  return {
      .name = "index",
      .summary = "Add new and changed issue files to the database",
      .operands = "PATH...",
      .operand_help = "Issue files and directories; - reads the paths from stdin",
      .operand_kind = ValueKind::path,
      .operands_required = true,
      .options =
          {db(), flag(Opt::null, "Paths on stdin (-) end with NUL, not newline", "-0"),
           value(Opt::exclude, ValueKind::text, "GLOB|PATH",
                 "Leave out files that match (gitignore syntax; also .knignore files), or a "
                 "file or directory named by its path",
                 true),
           flag(Opt::prune, "Remove the issues under PATH... whose file this run did not find"),
           flag(Opt::force, "With --prune: prune even when a PATH holds no file"),
           flag(Opt::dry_run, "Say what a run would change; write nothing", "-n"),
           flag(Opt::rebuild,
                "First make the full-text index, entry sizes and filter facts again from the "
                "stored entries (when kn check finds them damaged); PATH... may then be left out"),
           flag(Opt::quiet, "Print no summary", "-q"),
           flag(Opt::json, "The summary as one JSON object"), max_size()},
      .footer =
          "PATH is a file or a directory (read recursively); - reads paths from stdin.\n\n"
          "Examples:\n  kn index seeds/\n  find archive -name '*.md' -print0 | kn index -0 -\n"
          "  kn index --prune --dry-run archive/\n  kn index --rebuild\n"
          "  kn index -- -odd-name.md",
      .run = run_index_command};
}

CommandSpec search() {
  return {
      .name = "search",
      .summary = "Find entries: kn search WORDS... [FILTERS]",
      .operands = "WORDS...",
      .operand_help = "The query (see the query language below)",
      .operand_kind = ValueKind::text,
      .options = with_drawing(
          {db(),
           value(Opt::section, ValueKind::section, "KIND", "Only this section (as section:)", true),
           value(Opt::issue, ValueKind::text, "N|A..B", "Only issue 66, or 60..90 (as issue:)",
                 true),
           since("Issues"), until("Issues"),
           value(Opt::domain, ValueKind::text, "DOMAIN",
                 "Only entries citing this domain or its subdomains (as domain:)", true),
           value(Opt::competition, ValueKind::competition, "Q",
                 "Only entries linking to this competition: slug, URL or name (as competition:)",
                 true),
           flag(Opt::solutions, "Only write-ups (as is:solution)"),
           choice(Opt::format, {"table", "tsv", "json"},
                  "table (default on a terminal; on a pipe: the same listing), tsv (default on a "
                  "pipe) or json (JSON Lines)"),
           color(),
           choice(Opt::sort, {"rank", "date", "-date"},
                  "rank (default), date (oldest first) or -date (newest first)"),
           value(Opt::limit, ValueKind::number, "N",
                 "At most N hits (default: 20 in a table, all in tsv, json and --urls; 0: all)"),
           value(Opt::offset, ValueKind::number, "N", "Skip the first N hits"),
           flag(Opt::count, "Print only the number of hits"),
           flag(Opt::urls, "Print only the distinct URLs of all hits, in rank order, one per line"),
           flag(Opt::explain, "Show how the query is understood; run nothing"), header()}),
      .footer =
          std::string(query_language_help()) +
          "\nWords that start with '-' are options; to search for -word (leave a word out),\n"
          "write NOT word, or put the query after --: kn search -- -word kaggle\n"
          "\nOutput: a page of 20 hits on a terminal, with a footer saying what it left out;\n"
          "otherwise (or --format tsv) every hit, one per line (--limit N for fewer):\n"
          "  issue, date, section, kind, title, url, snippet, ref, competitions\n"
          "  (tab-separated); ref is the entry's reference, 66.9: kn show 66.9 prints that\n"
          "  entry whole; competitions, those the entry links to (kaggle:ai4code, space-\n"
          "  separated), as kn competition takes them.\n"
          "Exit status: 0 when something matched, 1 when nothing did, 2 on error.\n"
          "\nExamples:\n  kn search PyTorch\n  kn search 解法 --format tsv | cut -f5 | sort -u\n"
          "  kn search '\"data augmentation\"' section:competitions since:2022\n"
          "  kn search 画像 OR 動画 --sort -date --limit 5\n"
          "  kn search is:solution since:2022 自然言語処理\n"
          "  kn search domain:github.com --urls",
      .run = run_search_command};
}

CommandSpec list() {
  std::vector<std::string> platforms = platform_names();
  std::string names;
  for (const std::string& p : platforms) names += (names.empty() ? "" : ", ") + p;
  return {
      .name = "list",
      .summary = "List competitions, issues, links or domains",
      .operands = "[KIND]",
      .operand_help = "competitions, issues, links or domains (as the flags)",
      .operand_kind = ValueKind::choice,
      .operand_choices = {"competitions", "issues", "links", "domains"},
      .options = with_drawing(
          {flag(Opt::competition, "Competitions linked to (KIND competitions)"),
           flag(Opt::competitions, "The same as --competition"),
           flag(Opt::issues, "Issues: number, date, title, counts (KIND issues)"),
           flag(Opt::links, "Distinct URLs cited, most cited first (KIND links)"),
           flag(Opt::domains, "Domains cited, most first (KIND domains)"),
           {.name = std::string(name_of(Opt::platform)),
            .kind = ValueKind::choice,
            .value_name = "NAME",
            .choices = platforms,
            .help = "Competitions of this platform: " + names,
            .repeatable = true},
           value(Opt::domain, ValueKind::text, "DOMAIN", "Links on this domain or its subdomains"),
           since("Mentions"),
           until("Mentions"),
           choice(Opt::sort, {"first", "mentions", "writeups"},
                  "Competitions: by first mention (default), most mentioned or most write-ups "
                  "first"),
           db(),
           choice(Opt::format, {"table", "tsv", "json"}, "table, tsv or json (JSON Lines)"),
           color(),
           header()}),
      .footer =
          "Examples:\n  kn list --competition\n  kn list competitions --platform kaggle --since "
          "2022\n"
          "  kn list --issues\n  kn list --links --domain github.com\n"
          "  kn list --domains --format json",
      .run = run_list_command};
}

CommandSpec show() {
  return {.name = "show",
          .summary = "Show one issue (sections, cards, embeds, corrections) or one entry",
          .operands = "N|REF",
          .operand_help = "An issue's number, or an entry's reference (66.9)",
          .operand_kind = ValueKind::issue,
          .operands_required = true,
          .options = with_drawing(
              {db(),
               choice(Opt::format, {"table", "md", "json"},
                      "table (for reading; on a pipe unwrapped, or at $COLUMNS), md (Markdown) or "
                      "json (as kn parse --json)"),
               color()}),
          .footer =
              "Examples:\n  kn show 66\n  kn show 66.9      # entry 9 of issue 66, with its links\n"
              "  kn show 66 --format md > issue-66.md",
          .run = run_show_command};
}

CommandSpec competition() {
  return {
      .name = "competition",
      .summary = "One competition's story: every entry that links to it, oldest first",
      .operands = "QUERY...",
      .operand_help = "A slug (ai4code), a URL, or words of its name",
      .operand_kind = ValueKind::competition,
      .operands_required = true,
      .options =
          with_drawing({db(), flag(Opt::solutions, "Only the entries that look like write-ups"),
                        choice(Opt::format, {"table", "tsv", "json", "md"},
                               "table (on a terminal), tsv (on a pipe), json (JSON Lines, one "
                               "object per mention) or md (Markdown)"),
                        color(), header()}),
      .footer =
          "An exact slug, URL or name is the match; else the one competition whose name holds\n"
          "every word (several: they are listed, exit 2). Write-ups (解法, 振り返り, solution,\n"
          "1st place, 3位) are marked with ★.\n\n"
          "Examples:\n  kn competition ai4code\n  kn competition NBME --solutions\n"
          "  kn competition https://www.kaggle.com/c/jpx-tokyo-stock-exchange-prediction\n"
          "  kn competition ai4code --format json | jq .url",
      .run = run_competition_command};
}

CommandSpec open() {
  return {.name = "open",
          .summary = "Open an entry's link in a browser",
          .operands = "REF",
          .operand_help = "An entry's reference, as hits give it (66.9)",
          .operand_kind = ValueKind::text,
          .operands_required = true,
          .options = {db(), value(Opt::link, ValueKind::number, "N",
                                  "Open link N, as kn show REF numbers them (default: the first)")},
          .footer =
              "Runs each command of $BROWSER (':'-separated; %s stands for the URL, else it\n"
              "comes last) until one starts, else xdg-open; no shell, http and https only.\n"
              "Prints the command it ran.\n"
              "Examples:\n  kn open 66.9\n  kn open 66.5 --link 2",
          .run = run_open_command};
}

CommandSpec stats() {
  return {
      .name = "stats",
      .summary = "Count what the archive holds",
      .operands = "[QUERY...]",
      .operand_help = "With --by: count the entries that match this query (kn search's language)",
      .operand_kind = ValueKind::text,
      .options = with_drawing(
          {choice(Opt::by, {"month", "year", "section", "domain", "platform"},
                  "Counts per month, year, section, domain or platform, as bars"),
           value(Opt::limit, ValueKind::number, "N", "With --by: the first N rows (0: all)"), db(),
           choice(Opt::format, {"table", "tsv", "json"}, "table, tsv or json"), color(), header()}),
      .footer =
          "On a terminal, --by draws a bar per row; tsv and json give the numbers.\n\n"
          "Examples:\n  kn stats\n  kn stats --by month\n  kn stats --by month Transformer\n"
          "  kn stats --by domain --limit 10\n  kn stats --format json",
      .run = run_stats_command};
}

CommandSpec export_() {
  return {
      .name = "export",
      .summary = "Write the whole archive to stdout",
      .options = {db(),
                  choice(Opt::format, {"jsonl", "csv", "md"},
                         "jsonl (kn parse --json per issue, default), csv (an entry a row) or md"),
                  flag(Opt::bom,
                       "CSV: begin with a UTF-8 byte order mark, so Excel reads Japanese right")},
      .footer =
          "Examples:\n  kn export > archive.jsonl\n  kn export --format csv > entries.csv\n"
          "  kn export --format md > archive.md",
      .run = run_export_command};
}

CommandSpec check() {
  return {.name = "check",
          .summary = "Verify the database and its full-text index",
          .options = {db()},
          .footer = "Example:\n  kn check --db archive.db",
          .run = run_check_command};
}

CommandSpec sqlite_extension() {
  return {.name = "sqlite-extension",
          .summary = "Print the path of kn's tokenizer as an SQLite extension",
          .footer =
              "The sqlite3 shell, Python's sqlite3, sqlite-utils and datasette load it to\n"
              "search kn's database (read-only; the query is FTS5's, not kn's).\n"
              "Example:\n"
              "  sqlite3 -cmd \".load $(kn sqlite-extension)\" ~/.local/share/kn/kn.db",
          .run = run_sqlite_extension_command};
}

CommandSpec completion() {
  return {.name = "completion",
          .summary = "Print a shell completion script",
          .operands = "SHELL",
          .operand_help = "bash, zsh or fish",
          .operand_kind = ValueKind::choice,
          .operand_choices = {"bash", "zsh", "fish"},
          .operands_required = true,
          .footer =
              "Examples:\n  source <(kn completion bash)   # in ~/.bashrc\n"
              "  source <(kn completion zsh)    # in ~/.zshrc\n"
              "  kn completion fish > ~/.config/fish/completions/kn.fish",
          .run = run_completion_command};
}

CommandSpec help() {
  return {.name = "help",
          .summary = "Show the help of kn or of a command",
          .operands = "[COMMAND]",
          .operand_help = "A command of kn",
          .operand_kind = ValueKind::command,
          .footer = "Example:\n  kn help search"};
}

}  // namespace

const std::vector<CommandSpec>& command_line() {
  static const std::vector<CommandSpec> commands{
      parse(),   index(), search(),           list(),       competition(), show(), open(), stats(),
      export_(), check(), sqlite_extension(), completion(), help()};
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
