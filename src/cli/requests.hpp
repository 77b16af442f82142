// What was typed, checked, as each command's request: every value is
// validated here, once, in kn's words.
#pragma once

#include <string>

#include "commands/commands.hpp"
#include "grammar.hpp"

namespace kn::detail {

ParseRequest parse_request(const Invocation& inv);
IndexRequest index_request(const Invocation& inv);
SearchRequest search_request(const Invocation& inv);
ListRequest list_request(const Invocation& inv);
ShowRequest show_request(const Invocation& inv);
OpenRequest open_request(const Invocation& inv);
StatsRequest stats_request(const Invocation& inv);
CompetitionRequest competition_request(const Invocation& inv);
ExportRequest export_request(const Invocation& inv);
CheckRequest check_request(const Invocation& inv);
std::string completion_shell(const Invocation& inv);

}  // namespace kn::detail
