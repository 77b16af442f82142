#include "help.hpp"

#include <CLI/CLI.hpp>

namespace kn::detail {

namespace {

void describe(CLI::App& app, const CommandSpec& spec) {
  CLI::App* cmd = app.add_subcommand(spec.name, spec.summary);
  cmd->footer(spec.footer);
  if (!spec.operands.empty()) {
    std::string name = spec.operands;
    name.erase(std::remove_if(name.begin(), name.end(),
                              [](char c) { return c == '[' || c == ']' || c == '.'; }),
               name.end());
    CLI::Option* operand = cmd->add_option(name, spec.operand_help);
    if (spec.operands.find("...") != std::string::npos) operand->expected(-1);
    if (spec.operands_required) operand->required();
  }
  for (const OptionSpec& option : spec.options) {
    const std::string names =
        option.short_name.empty() ? option.name : option.short_name + "," + option.name;
    if (option.takes_value()) {
      cmd->add_option(names, option.help)->type_name(option.value_name);
    } else {
      cmd->add_flag(names, option.help);
    }
  }
}

}  // namespace

std::string help_text(const CommandSpec* command) {
  CLI::App app{"kn: index and search newsletter archives", "kn"};
  app.set_version_flag(std::string(name_of(Opt::version)), kVersionLine);
  app.footer(std::string(main_footer()));
  for (const CommandSpec& spec : command_line()) describe(app, spec);
  if (!command) return app.help();
  // CLI11 names a subcommand alone in its usage line ("Usage: search
  // [OPTIONS] [WORDS]"): the line is written from the definition instead.
  std::string text = app.get_subcommand(command->name)->help();
  const std::size_t at = text.find("Usage: ");
  if (at != std::string::npos) {
    const std::size_t end = text.find('\n', at);
    text.replace(at, end - at,
                 "Usage: kn " + command->name + (command->options.empty() ? "" : " [OPTIONS]") +
                     (command->operands.empty() ? "" : " " + command->operands));
  }
  return text;
}

}  // namespace kn::detail
