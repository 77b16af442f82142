#include "completion.hpp"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include "kn/error.hpp"
#include "kn/issue.hpp"

namespace kn {

namespace {

// text inside single quotes, for any of the three shells.
std::string quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string words(const std::vector<std::string>& values) {
  return fmt::format("{}", fmt::join(values, " "));
}

// Section kinds, for --section (prefix empty) or "section:" in a query.
std::vector<std::string> section_words(std::string_view prefix = "section:") {
  std::vector<std::string> out;
  for (const auto& [kind, name] : kSectionKinds)
    out.push_back(std::string(prefix) + std::string(name));
  return out;
}

// Only plain identifiers are offered from the database: a completion word
// that a shell could expand would run what an issue file wrote.
constexpr const char* kPlainWords = "grep -xE '[A-Za-z0-9][A-Za-z0-9._-]*'";

// The shell command that prints the issue numbers of the database named on
// the command line (db: the words "--db FILE", or nothing) one a line.
std::string issue_numbers(std::string_view db) {
  return fmt::format("kn list {} {} tsv {} 2>/dev/null | cut -f1 | {}", name_of(Opt::issues),
                     name_of(Opt::format), db, kPlainWords);
}

// The same for the slugs of the competitions (the last part of their URL).
std::string competition_slugs(std::string_view db) {
  return fmt::format("kn list {} {} tsv {} 2>/dev/null | cut -f3 | sed 's|.*/||' | {}",
                     name_of(Opt::competition), name_of(Opt::format), db, kPlainWords);
}

// --- bash ------------------------------------------------------------------

// The bash commands that fill COMPREPLY with the values of this kind. No
// word is ever given to compgen -W, which expands what it is given.
std::string bash_values(ValueKind kind, const std::vector<std::string>& choices) {
  switch (kind) {
    case ValueKind::choice: return "_kn_offer " + words(choices);
    case ValueKind::section: return "_kn_offer " + words(section_words(""));
    case ValueKind::path:
    case ValueKind::database: return "_kn_files";
    case ValueKind::issue:
      return fmt::format("_kn_offer_lines < <({})", issue_numbers("\"${db[@]}\""));
    case ValueKind::competition:
      return fmt::format("_kn_offer_lines < <({})", competition_slugs("\"${db[@]}\""));
    case ValueKind::command: return "_kn_offer \"${commands[@]}\"";
    default: return "COMPREPLY=()";
  }
}

std::string bash(const std::vector<CommandSpec>& commands) {
  std::vector<std::string> names;
  std::string values, options, operands;
  for (const CommandSpec& command : commands) {
    names.push_back(command.name);
    std::vector<std::string> option_names{std::string(name_of(Opt::help))};
    for (const OptionSpec& option : command.options) {
      option_names.push_back(option.name);
      if (!option.short_name.empty()) option_names.push_back(option.short_name);
      if (option.takes_value()) {
        values += fmt::format("    \"{} {}\") {}; return ;;\n", command.name, option.name,
                              bash_values(option.kind, option.choices));
      }
    }
    options += fmt::format("    {}) opts=({}) ;;\n", command.name, words(option_names));
    std::string operand = bash_values(command.operand_kind, command.operand_choices);
    if (command.name == "search") operand = "_kn_offer_in_word " + words(section_words());
    operands += fmt::format("    {}) {} ;;\n", command.name, operand);
  }
  return fmt::format(R"bash(# bash completion for kn. Load it with: source <(kn completion bash)
# Candidates are chosen with [[ ]] and never given to compgen -W, which
# would expand them.
_kn_offer() {{
  local w
  COMPREPLY=()
  for w in "$@"; do [[ $w == "$cur"* ]] && COMPREPLY+=("$w"); done
}}
_kn_offer_lines() {{
  local w
  COMPREPLY=()
  while IFS= read -r w; do [[ $w == "$cur"* ]] && COMPREPLY+=("$w"); done
}}
# File names, quoted as file names (only they: a ':' in other words stays).
_kn_files() {{
  compopt -o filenames 2>/dev/null
  COMPREPLY=($(compgen -f -- "$cur"))
}}
# _kn_offer for words that hold a ':' (section:news), which bash splits
# into several when ':' is in COMP_WORDBREAKS: the whole word is matched,
# and what stands before its last ':' is left out of the candidates.
_kn_offer_in_word() {{
  local cur=${{COMP_LINE:0:COMP_POINT}}
  cur=${{cur##*[[:space:]]}}
  _kn_offer "$@"
  if [[ $COMP_WORDBREAKS == *:* && $cur == *:* ]]; then
    local before=${{cur%"${{cur##*:}}"}}
    COMPREPLY=("${{COMPREPLY[@]#"$before"}}")
  fi
}}
# A word as the shell will read it, quotes and backslashes removed and a
# leading ~/ as $HOME, without expanding anything else.
_kn_dequote() {{
  local w=$1 out="" quote="" c i
  for ((i = 0; i < ${{#w}}; i++)); do
    c=${{w:i:1}}
    if [[ $quote == "'" ]]; then
      if [[ $c == "'" ]]; then quote=""; else out+=$c; fi
    elif [[ $quote == '"' ]]; then
      if [[ $c == '"' ]]; then
        quote=""
      elif [[ $c == '\' && ${{w:i+1:1}} == [\"\\\$\`] ]]; then
        out+=${{w:i+1:1}}; ((i++))
      else
        out+=$c
      fi
    elif [[ $c == "'" || $c == '"' ]]; then
      quote=$c
    elif [[ $c == '\' ]]; then
      out+=${{w:i+1:1}}; ((i++))
    else
      out+=$c
    fi
  done
  [[ $out == "~/"* ]] && out=$HOME/${{out:2}}
  printf '%s' "$out"
}}
_kn() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
  local commands=({}) cmd="" opts=() db=() i
  # --db=FILE: bash makes the '=' a word of its own.
  if [[ $cur == = ]]; then
    cur=""
  elif [[ $prev == = ]]; then
    prev=${{COMP_WORDS[COMP_CWORD-2]}}
  fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${{COMP_WORDS[i]}} in
      --db)
        [[ ${{COMP_WORDS[i+1]}} == = ]] && ((i++))
        ((i + 1 < COMP_CWORD)) && db=(--db "$(_kn_dequote "${{COMP_WORDS[i+1]}}")")
        ((i++)) ;;
      --db=*) db=(--db "$(_kn_dequote "${{COMP_WORDS[i]#--db=}}")") ;;
      --color) [[ ${{COMP_WORDS[i+1]}} == = ]] && ((i++)); ((i++)) ;;
      -*) ;;
      *) [ -z "$cmd" ] && cmd=${{COMP_WORDS[i]}} ;;
    esac
  done
  if [ -z "$cmd" ]; then
    case $prev in
      --db) _kn_files; return ;;
      --color) _kn_offer auto always never; return ;;
    esac
    _kn_offer "${{commands[@]}}" --db --color --help --version
    return
  fi
  case "$cmd $prev" in
{}  esac
  case $cmd in
{}  esac
  if [[ $cur == -* ]]; then
    _kn_offer "${{opts[@]}}"
    return
  fi
  case $cmd in
{}  esac
}}
complete -F _kn kn
)bash",
                     words(names), values, options, operands);
}

// --- zsh -------------------------------------------------------------------

// An _arguments description: '\' and ']' escaped, the text kept whole.
std::string zsh_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\' || c == ']' || c == '[' || c == ':') out += '\\';
    out += c;
  }
  return out;
}

// Returns the words quoted for a zsh array that _describe reads: its ':'
// separates a word from its description, so a word's own is escaped.
std::string described(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& value : values) {
    std::string escaped;
    for (const char c : value) escaped += c == ':' ? std::string("\\:") : std::string(1, c);
    out.push_back("'" + escaped + "'");
  }
  return words(out);
}

std::string zsh_action(ValueKind kind, const std::vector<std::string>& choices) {
  switch (kind) {
    case ValueKind::choice: return fmt::format("({})", words(choices));
    case ValueKind::section: return fmt::format("({})", words(section_words("")));
    case ValueKind::path:
    case ValueKind::database: return "_files";
    case ValueKind::issue: return "_kn_issues";
    case ValueKind::competition: return "_kn_competitions";
    case ValueKind::command: return "_kn_commands";
    default: return " ";
  }
}

std::string zsh_command(const CommandSpec& command) {
  std::string args;
  for (const OptionSpec& option : command.options) {
    std::string spec = option.repeatable ? "*" : "";
    const std::string names = option.short_name.empty()
                                  ? option.name
                                  : fmt::format("{{{},{}}}", option.short_name, option.name);
    spec += names + "[" + zsh_text(option.help) + "]";
    if (option.takes_value()) {
      spec += ":" + zsh_text(option.value_name) + ":" + zsh_action(option.kind, option.choices);
    }
    args += " \\\n        " + quoted(spec);
  }
  if (command.name == "search") {
    args += " \\\n        '*:word:_kn_words'";
  } else if (command.operand_kind != ValueKind::none) {
    const std::string action = zsh_action(command.operand_kind, command.operand_choices);
    args +=
        " \\\n        " + quoted((command.operands.find("...") != std::string::npos ? "*:" : ":") +
                                 std::string("operand:") + action);
  }
  return fmt::format("    {}) _arguments -s{} ;;\n", command.name, args);
}

std::string zsh(const std::vector<CommandSpec>& commands) {
  std::string names, cases;
  for (const CommandSpec& command : commands) {
    names += "    " + quoted(command.name + ":" + command.summary) + "\n";
    cases += zsh_command(command);
  }
  return fmt::format(R"zsh(#compdef kn
# zsh completion for kn. Load it with: source <(kn completion zsh)
_kn_commands() {{
  local -a commands
  commands=(
{}  )
  _describe 'command' commands
}}
_kn_db() {{
  local i
  for ((i = 1; i < ${{#words}}; i++)); do
    [[ $words[i] == --db ]] && {{ print -r -- "--db $words[i+1]"; return }}
  done
}}
_kn_issues() {{
  local db=$(_kn_db)
  local -a issues
  issues=(${{(f)"$({})"}})
  _describe 'issue' issues
}}
_kn_competitions() {{
  local db=$(_kn_db)
  local -a slugs
  slugs=(${{(f)"$({})"}})
  _describe 'competition' slugs
}}
_kn_words() {{
  local -a sections
  sections=({})
  _describe 'filter' sections
}}
_kn() {{
  local i=2
  while [[ $words[i] == --db || $words[i] == --color ]]; do (( i += 2 )); done
  if (( CURRENT <= i )); then
    _kn_commands
    return
  fi
  shift $(( i - 1 )) words
  (( CURRENT -= i - 1 ))
  case $words[1] in
{}  esac
}}
# Autoloaded from $fpath (#compdef above), this file is _kn's body: it
# completes now. Sourced, it registers _kn.
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  _kn "$@"
else
  compdef _kn kn
fi
)zsh",
                     names, issue_numbers("${=db}"), competition_slugs("${=db}"),
                     described(section_words()), cases);
}

// --- fish ------------------------------------------------------------------

std::string fish_values(ValueKind kind, const std::vector<std::string>& choices) {
  switch (kind) {
    case ValueKind::choice: return "-r -f -a " + quoted(words(choices));
    case ValueKind::section: return "-r -f -a " + quoted(words(section_words("")));
    case ValueKind::path:
    case ValueKind::database: return "-r -F";
    case ValueKind::issue: return "-r -f -a " + quoted(fmt::format("({})", "__kn_issues"));
    case ValueKind::competition:
      return "-r -f -a " + quoted(fmt::format("({})", "__kn_competitions"));
    default: return "-r -f";
  }
}

std::string fish(const std::vector<CommandSpec>& commands) {
  std::vector<std::string> names;
  for (const CommandSpec& command : commands) names.push_back(command.name);
  std::string out =
      fmt::format(R"fish(# fish completion for kn. Load it with: kn completion fish | source
function __kn_issues
  set -l db (string match -r -- '--db\s+\S+' (commandline -cp) | string split ' ')
  {}
end
function __kn_competitions
  set -l db (string match -r -- '--db\s+\S+' (commandline -cp) | string split ' ')
  {}
end
complete -c kn -f
complete -c kn -n 'not __fish_seen_subcommand_from {}' -l db -r -F -d 'The database file'
)fish",
                  issue_numbers("$db"), competition_slugs("$db"), words(names));
  for (const CommandSpec& command : commands) {
    out += fmt::format("complete -c kn -n 'not __fish_seen_subcommand_from {}' -a {} -d {}\n",
                       words(names), command.name, quoted(command.summary));
    const std::string when = fmt::format("-n '__fish_seen_subcommand_from {}'", command.name);
    switch (command.operand_kind) {
      case ValueKind::path: out += fmt::format("complete -c kn {} -F\n", when); break;
      case ValueKind::choice:
      case ValueKind::command:
        out += fmt::format(
            "complete -c kn {} -a {}\n", when,
            quoted(words(command.operand_kind == ValueKind::command ? names
                                                                    : command.operand_choices)));
        break;
      case ValueKind::issue:
        out += fmt::format("complete -c kn {} -a '(__kn_issues)'\n", when);
        break;
      case ValueKind::competition:
        out += fmt::format("complete -c kn {} -a '(__kn_competitions)'\n", when);
        break;
      default:
        if (command.name == "search") {
          out += fmt::format("complete -c kn {} -a {}\n", when, quoted(words(section_words())));
        }
    }
    for (const OptionSpec& option : command.options) {
      std::string line = fmt::format("complete -c kn {} -l {}", when, option.name.substr(2));
      if (!option.short_name.empty()) line += " -s " + option.short_name.substr(1);
      if (option.takes_value()) line += " " + fish_values(option.kind, option.choices);
      out += line + " -d " + quoted(option.help) + "\n";
    }
  }
  return out;
}

}  // namespace

std::string completion_script(std::string_view shell, const std::vector<CommandSpec>& commands) {
  if (shell == "bash") return bash(commands);
  if (shell == "zsh") return zsh(commands);
  if (shell == "fish") return fish(commands);
  throw Error(fmt::format("{}: no completion for that shell: say bash, zsh or fish", shell));
}

}  // namespace kn
