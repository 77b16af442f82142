#include "grammar.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <optional>

#include "kn/error.hpp"
#include "util/edit_distance.hpp"

namespace kn::detail {

namespace {

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const CommandSpec& command : command_line()) names.push_back(command.name);
  return names;
}

std::vector<std::string> option_names(const CommandSpec& command) {
  std::vector<std::string> names;
  for (const OptionSpec& option : command.options) names.push_back(option.name);
  return names;
}

bool is_global(std::string_view name) {
  return std::any_of(std::begin(kGlobalOptions), std::end(kGlobalOptions),
                     [&](Opt global) { return name_of(global) == name; });
}

bool looks_like_option(std::string_view arg) { return arg.size() > 1 && arg.front() == '-'; }

class Reader {
 public:
  explicit Reader(const std::vector<std::string>& args) : args_(args) {}

  Invocation run() {
    read_before_command();
    if (!inv_.command) return std::move(inv_);
    read_after_command();
    apply_globals();
    if (inv_.command->name == "help" && !inv_.help) resolve_help();
    return std::move(inv_);
  }

 private:
  // Up to the command word: --help, --version and the global options.
  void read_before_command() {
    while (next_ < args_.size()) {
      const std::string& arg = args_[next_];
      if (arg == name_of(Opt::help) || arg == "-h") {
        inv_.help = true, ++next_;
      } else if (arg == name_of(Opt::version)) {
        inv_.version = true, ++next_;
      } else if (looks_like_option(arg)) {
        const auto [name, value] = split_option(arg);
        if (!is_global(name)) throw before_command(name);
        ++next_;
        globals_.emplace_back(
            name, value ? *value : take_value(name, name == name_of(Opt::db) ? "FILE" : "WORD"));
      } else {
        command(arg);
        ++next_;
        return;
      }
    }
  }

  void command(const std::string& word) {
    inv_.command = find_command(word);
    if (!inv_.command) {
      throw Error(fmt::format("{}: no such command{} (kn {} lists them)", word,
                              did_you_mean(word, command_names()), name_of(Opt::help)));
    }
  }

  // An option before the command: where it belongs, if a command takes it.
  Error before_command(std::string_view name) const {
    const CommandSpec* command = nullptr;
    for (std::size_t k = next_; k < args_.size() && !command; ++k) {
      if (!looks_like_option(args_[k])) command = find_command(args_[k]);
    }
    if (command && find_option(*command, name)) {
      return Error(
          fmt::format("{}: options go after the command: kn {} {} ...; only {} and {} may "
                      "stand before it",
                      name, command->name, name, name_of(Opt::db), name_of(Opt::color)));
    }
    return Error(
        fmt::format("{}: no such option before a command (only {} and {} may stand there; kn {})",
                    name, name_of(Opt::db), name_of(Opt::color), name_of(Opt::help)));
  }

  void read_after_command() {
    while (next_ < args_.size()) {
      const std::string& arg = args_[next_++];
      if (arg == "--") {
        while (next_ < args_.size()) inv_.operands.push_back(args_[next_++]);
      } else if (arg == name_of(Opt::help) || arg == "-h") {
        inv_.help = true;
      } else if (arg.starts_with("--")) {
        long_option(arg);
      } else if (looks_like_option(arg)) {
        short_options(arg);
      } else {
        inv_.operands.push_back(arg);
      }
    }
  }

  void long_option(const std::string& arg) {
    const auto [name, value] = split_option(arg);
    const OptionSpec* option = find_option(*inv_.command, name);
    if (!option) {
      throw Error(fmt::format("{}: kn {} has no such option{} (kn {} {})", name, inv_.command->name,
                              did_you_mean(name, option_names(*inv_.command)), inv_.command->name,
                              name_of(Opt::help)));
    }
    if (!option->takes_value()) {
      if (value) throw Error(fmt::format("{}: takes no value", name));
      add(*option, "");
      return;
    }
    add(*option, value ? *value : take_value(name, option->value_name));
  }

  // -q, -0, -qn; anything else that starts with '-' is no word of kn's.
  void short_options(const std::string& arg) {
    std::vector<const OptionSpec*> flags;
    for (std::size_t k = 1; k < arg.size(); ++k) {
      const OptionSpec* option = find_option(*inv_.command, std::string{'-', arg[k]});
      if (!option || option->takes_value()) {
        flags.clear();
        break;
      }
      flags.push_back(option);
    }
    if (flags.empty()) throw unknown_short(arg);
    for (const OptionSpec* option : flags) add(*option, "");
  }

  Error unknown_short(const std::string& arg) const {
    const std::string& name = inv_.command->name;
    if (name == "search") {
      const std::string word = arg.substr(1);
      return Error(fmt::format(
          "{}: not an option of kn search; to leave out the word '{}', write NOT {} (or put "
          "the query after --: kn search -- {})",
          arg, word, word, arg));
    }
    const std::string operand_hint =
        inv_.command->operand_kind == ValueKind::path
            ? fmt::format("; a path that starts with '-' goes after --: kn {} -- {}", name, arg)
            : "";
    // No "did you mean" for one letter: every other letter is as near.
    return Error(fmt::format("{}: kn {} has no such option{}", arg, name, operand_hint));
  }

  static std::pair<std::string, std::optional<std::string>> split_option(const std::string& arg) {
    const std::size_t equals = arg.find('=');
    if (equals == std::string::npos || !arg.starts_with("--")) return {arg, std::nullopt};
    return {arg.substr(0, equals), arg.substr(equals + 1)};
  }

  // The next argument, the option's value; an option of the command's
  // there means the value was left out.
  std::string take_value(std::string_view name, std::string_view what) {
    const bool option_next = next_ < args_.size() && inv_.command &&
                             args_[next_].starts_with("--") &&
                             find_option(*inv_.command, split_option(args_[next_]).first);
    if (next_ >= args_.size() || option_next) {
      throw Error(fmt::format("{}: needs a value ({})", name, what));
    }
    return args_[next_++];
  }

  void add(const OptionSpec& option, std::string value) {
    auto& values = inv_.options[option.name];
    if (!values.empty() && option.takes_value() && !option.repeatable) {
      throw Error(fmt::format("{}: given twice; say it once", option.name));
    }
    values.push_back(std::move(value));
  }

  // --db and --color before the command belong to it, if it takes them.
  void apply_globals() {
    for (const auto& [name, value] : globals_) {
      const OptionSpec* option = find_option(*inv_.command, name);
      if (!option) {
        throw Error(fmt::format("{}: kn {} takes no {} option", name, inv_.command->name, name));
      }
      add(*option, value);
    }
  }

  // kn help [COMMAND] is kn [COMMAND] --help.
  void resolve_help() {
    if (!inv_.options.empty() || inv_.operands.size() > 1) {
      throw Error("help: say one command at most: kn help COMMAND");
    }
    inv_.help = true;
    inv_.command = nullptr;
    if (!inv_.operands.empty()) command(inv_.operands[0]);
    inv_.operands.clear();
  }

  const std::vector<std::string>& args_;
  std::size_t next_ = 0;
  Invocation inv_;
  std::vector<std::pair<std::string, std::string>> globals_;
};

}  // namespace

std::string Invocation::value(Opt option, std::string fallback) const {
  const auto found = options.find(name_of(option));
  return found == options.end() || found->second.empty() ? fallback : found->second.back();
}

const std::vector<std::string>& Invocation::values(Opt option) const {
  static const std::vector<std::string> kNone;
  const auto found = options.find(name_of(option));
  return found == options.end() ? kNone : found->second;
}

Invocation read_command_line(const std::vector<std::string>& args) { return Reader(args).run(); }

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string near = nearest(word, candidates);
  return near.empty() ? "" : fmt::format("; did you mean {}?", near);
}

}  // namespace kn::detail
