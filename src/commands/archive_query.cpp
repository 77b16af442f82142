#include "archive_query.hpp"

#include "competitions/story.hpp"
#include "store/lists.hpp"

namespace kn {

Query archive_query(Store& store, const QueryInput& input) {
  // Most queries hold no such word: the parse already made stands.
  if (pasted_domains(input.text).empty()) return input.parsed;
  ParseOptions options;
  options.linked_domain = [&](std::string_view domain) { return links_to_domain(store, domain); };
  return parse_query(input.text, input.flags, options);
}

Query runnable_query(Store& store, const QueryInput& input) {
  return resolve_competition_filters(store, archive_query(store, input));
}

}  // namespace kn
