#include "kn/cli.hpp"

#include <fmt/core.h>

#include <exception>
#include <string>
#include <vector>

#include "commands/commands.hpp"
#include "completion.hpp"
#include "grammar.hpp"
#include "help.hpp"
#include "kn/error.hpp"
#include "render/pager.hpp"
#include "requests.hpp"

namespace kn {

namespace {

using namespace detail;

int dispatch(const Invocation& inv) {
  if (inv.version) {
    write_stdout("kn " KN_VERSION "\n");
    return kExitOk;
  }
  if (inv.help || !inv.command) {
    write_stdout(help_text(inv.command));
    return inv.help || inv.version ? kExitOk : kExitError;
  }
  const std::string& name = inv.command->name;
  if (name == "parse") return run_parse(parse_request(inv));
  if (name == "index") return run_index(index_request(inv));
  if (name == "search") return run_search(search_request(inv));
  if (name == "list") return run_list(list_request(inv));
  if (name == "competition") return run_competition(competition_request(inv));
  if (name == "show") return run_show(show_request(inv));
  if (name == "stats") return run_stats(stats_request(inv));
  if (name == "export") return run_export(export_request(inv));
  if (name == "check") return run_check(check_request(inv));
  if (name == "completion") {
    write_stdout(completion_script(completion_shell(inv), command_line()));
    return kExitOk;
  }
  throw Error(fmt::format("{}: no such command", name));
}

}  // namespace

int run_cli(int argc, char** argv) {
  try {
    const std::vector<std::string> args(argv + 1, argv + argc);
    const Invocation inv = read_command_line(args);
    if (!inv.command && !inv.help && !inv.version) {
      throw Error("say a command: kn COMMAND ... (kn --help lists them)");
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
