#include "kn/completion.hpp"

#include <fmt/core.h>

#include "kn/error.hpp"

namespace kn {

namespace {

// text inside single quotes, for any of the three shells.
std::string quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string bash(const std::vector<CommandSpec>& commands) {
  std::string names, cases;
  for (const CommandSpec& command : commands) {
    names += (names.empty() ? "" : " ") + command.name;
    std::string options = "--help";
    for (const OptionSpec& option : command.options) options += " " + option.name;
    cases += fmt::format("    {}) opts={}; files={} ;;\n", command.name, quoted(options),
                         command.takes_files ? 1 : 0);
  }
  return fmt::format(R"(# bash completion for kn. Load it with: source <(kn completion bash)
_kn() {{
  local cur=${{COMP_WORDS[COMP_CWORD]}} cmd="" opts="" files=0 i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${{COMP_WORDS[i]}} in -*) ;; *) cmd=${{COMP_WORDS[i]}}; break ;; esac
  done
  case $cmd in
    "") COMPREPLY=($(compgen -W {} -- "$cur")); return ;;
{}  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif ((files)); then
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}}
complete -o filenames -F _kn kn
)",
                     quoted(names), cases);
}

// A description inside zsh's _arguments spec, where []: are syntax.
std::string zsh_text(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '[') c = '(';
    if (c == ']') c = ')';
    if (c == ':') c = ' ';
  }
  return out;
}

std::string zsh(const std::vector<CommandSpec>& commands) {
  std::string names, cases;
  for (const CommandSpec& command : commands) {
    names += "    " + quoted(command.name + ":" + zsh_text(command.description)) + "\n";
    std::string arguments;
    for (const OptionSpec& option : command.options) {
      arguments += " \\\n        " + quoted(option.name + "[" + zsh_text(option.description) + "]" +
                                            (option.takes_value ? ":value:" : ""));
    }
    if (command.takes_files) arguments += " \\\n        '*:file:_files'";
    cases += fmt::format("    {}) _arguments{} ;;\n", command.name, arguments);
  }
  return fmt::format(R"(#compdef kn
# zsh completion for kn. Load it with: source <(kn completion zsh)
_kn() {{
  local -a commands
  commands=(
{}  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  shift words
  (( CURRENT-- ))
  case $words[1] in
{}  esac
}}
compdef _kn kn
)",
                     names, cases);
}

std::string fish(const std::vector<CommandSpec>& commands) {
  std::string out = "# fish completion for kn. Load it with: kn completion fish | source\n";
  out += "complete -c kn -f\n";
  for (const CommandSpec& command : commands) {
    out += fmt::format("complete -c kn -n __fish_use_subcommand -a {} -d {}\n", command.name,
                       quoted(command.description));
    const std::string when = fmt::format("-n '__fish_seen_subcommand_from {}'", command.name);
    if (command.takes_files) out += fmt::format("complete -c kn {} -F\n", when);
    for (const OptionSpec& option : command.options) {
      const bool is_long = option.name.starts_with("--");
      out += fmt::format("complete -c kn {} {} {}{} -d {}\n", when, is_long ? "-l" : "-s",
                         option.name.substr(is_long ? 2 : 1), option.takes_value ? " -r" : "",
                         quoted(option.description));
    }
  }
  return out;
}

}  // namespace

std::string completion_script(std::string_view shell, const std::vector<CommandSpec>& commands) {
  if (shell == "bash") return bash(commands);
  if (shell == "zsh") return zsh(commands);
  if (shell == "fish") return fish(commands);
  throw Error(fmt::format("no completion for '{}': say bash, zsh or fish", shell));
}

}  // namespace kn
