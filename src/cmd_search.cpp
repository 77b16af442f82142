#include <fmt/core.h>

#include <algorithm>

#include "command_output.hpp"
#include "kn/commands.hpp"
#include "kn/hit_format.hpp"
#include "kn/sanitize.hpp"

namespace kn {

namespace {

// A hint is for a person: scripts that read stderr get only errors.
void say_why_nothing(const Query& query) {
  if (!query.no_hits_hint.empty() && stderr_is_terminal()) print_error(query.no_hits_hint);
}

}  // namespace

int run_search(const SearchRequest& request) {
  if (request.mode == SearchRequest::Mode::explain) {
    detail::write_stdout(request.query.explanation);
    return kExitOk;
  }
  Store store(request.db, Store::Access::read_only);
  if (request.mode == SearchRequest::Mode::count) {
    const std::int64_t n = store.count(request.query);
    detail::write_stdout(fmt::format("{}\n", n));
    if (n == 0) say_why_nothing(request.query);
    return n > 0 ? kExitOk : kExitNoResults;
  }
  const std::vector<Hit> hits = store.search(request.query, request.page);
  if (request.mode == SearchRequest::Mode::urls) {
    std::vector<std::string> seen;
    for (const Hit& hit : hits) {
      if (std::find(seen.begin(), seen.end(), hit.url) != seen.end()) continue;
      seen.push_back(hit.url);
      detail::write_stdout(printable(hit.url) + '\n');
    }
  } else if (request.format == Format::json) {
    for (const Hit& hit : hits) detail::write_stdout(hit_json(hit));
  } else if (request.format == Format::tsv) {
    for (const Hit& hit : hits) detail::write_stdout(hit_tsv(hit));
  } else {
    const std::size_t width = terminal_width();
    for (std::size_t k = 0; k < hits.size(); ++k) {
      if (k) detail::write_stdout("\n");
      detail::write_stdout(hit_for_terminal(hits[k], width, request.color));
    }
  }
  if (hits.empty()) say_why_nothing(request.query);
  return hits.empty() ? kExitNoResults : kExitOk;
}

}  // namespace kn
