#include "kn/cli.hpp"

#include <fmt/format.h>

#include <exception>
#include <string>
#include <vector>

#include "grammar.hpp"
#include "help.hpp"
#include "kn/error.hpp"
#include "render/pager.hpp"

namespace kn {

namespace {

using namespace detail;

int dispatch(const Invocation& inv) {
  if (inv.version) {
    write_stdout(std::string(kVersionLine) + "\n");
    return kExitOk;
  }
  if (inv.help || !inv.command) {
    write_stdout(help_text(inv.command));
    return inv.help || inv.version ? kExitOk : kExitError;
  }
  if (!inv.command->run) throw Error(fmt::format("{}: no such command", inv.command->name));
  return inv.command->run(inv);
}

}  // namespace

int run_cli(int argc, char** argv) {
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    const Invocation inv = read_command_line(args);
    if (!inv.command && !inv.help && !inv.version) {
      throw Error(
          fmt::format("say a command: kn COMMAND ... (kn {} lists them)", name_of(Opt::help)));
    }
    const int status = dispatch(inv);
    finish_stdout();
    return status;
  } catch (const StdoutClosed&) {
    if (const auto pager = abandon_stdout()) {
      print_error(*pager);
      return kExitError;
    }
    return kExitOk;  // the reader has what it wanted
  } catch (const QueryError& e) {
    abandon_stdout();
    print_error(fmt::format("query: {}", e.what()));
    return e.exit_code();
  } catch (const Error& e) {
    abandon_stdout();
    print_error(e.what(), e.details());
    return e.exit_code();
  } catch (const std::exception& e) {
    abandon_stdout();
    print_error(fmt::format("internal error: {}", e.what()));
  }
  return kExitError;
}

}  // namespace kn
