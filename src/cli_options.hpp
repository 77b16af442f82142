// The command line's raw values, as CLI11 fills them in, and the checks
// that turn them into the commands' typed requests (cli_requests.cpp).
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "kn/commands.hpp"
#include "kn/completion.hpp"

namespace kn::detail {

struct OutputFlags {
  std::string format;
  std::string color = "auto";
};

struct SearchFlags {
  std::string db;
  std::vector<std::string> words;  // the query, as typed (joined with spaces)
  std::vector<std::string> sections, issues, domains;
  std::string since, until;
  OutputFlags output;
  std::string sort = "rank";
  std::int64_t limit = 20, offset = 0;
  bool count = false, urls = false, explain = false;
};

struct ListFlags {
  std::string db;
  bool competitions = false, issues = false, links = false, domains = false;
  std::string positional;  // `kn list competitions` says what --competition says
  std::string platform, domain, since, until;
  std::string sort;  // competitions: "first" (default) or "mentions"
  OutputFlags output;
};

struct ShowFlags {
  std::string db;
  int number = 0;
  OutputFlags output;
};

struct StatsFlags {
  std::string db;
  std::string by;
  OutputFlags output;
};

struct ExportFlags {
  std::string db;
  std::string format = "jsonl";
};

struct Flags {
  ParseRequest parse;
  IndexRequest index;
  SearchFlags search;
  ListFlags list;
  ShowFlags show;
  StatsFlags stats;
  ExportFlags export_;
  std::string check_db;
  std::string shell;
};

// Adds every command and its options to app, bound to flags.
void define_commands(CLI::App& app, Flags& flags);

// What the completion scripts need to know of the command line.
std::vector<CommandSpec> command_specs(CLI::App& app);

// The typed requests, checked. Each throws kn::Error for a value that
// means nothing.
SearchRequest search_request(const SearchFlags& flags);
ListRequest list_request(const ListFlags& flags);
ShowRequest show_request(const ShowFlags& flags);
StatsRequest stats_request(const StatsFlags& flags);
ExportRequest export_request(const ExportFlags& flags);

}  // namespace kn::detail
