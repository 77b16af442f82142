#include <fmt/format.h>

#include "archive_query.hpp"
#include "commands.hpp"
#include "no_hits.hpp"
#include "output.hpp"
#include "render/hit_format.hpp"
#include "render/query_explain.hpp"
#include "util/sanitize.hpp"
#include "util/text.hpp"

namespace kn {

namespace {

// Says why nothing was found (no_hits.hpp), in one line on stderr. It is
// for a person: a script that reads stderr gets only errors (as grep).
void say_why_nothing(Store& store, const SearchRequest& request, const Query& query) {
  if (!stderr_is_terminal()) return;
  // A hint that cannot be worked out is no error: the search found nothing,
  // and says only that.
  std::string why = "no hits";
  try {
    why =
        detail::why_no_hits(store, request.query.text, archive_query(store, request.query), query);
  } catch (const Error&) {
  }
  print_error(why);
}

void print_listing(Store& store, const SearchRequest& request, const Query& query,
                   const std::vector<Hit>& hits) {
  const Rendering& render = request.out.render;
  for (std::size_t k = 0; k < hits.size(); ++k) {
    detail::write_stdout((k ? "\n" : "") + hit_for_terminal(hits[k], render));
  }
  // The page may be all there is: only a full page needs counting.
  const auto limit = static_cast<std::size_t>(request.page.limit);
  if (hits.empty() || (request.page.offset == 0 && (limit == 0 || hits.size() < limit))) return;
  const std::string footer = detail::left_out_footer(static_cast<std::size_t>(request.page.offset),
                                                     hits.size(), store.count(query), "hits");
  if (!footer.empty()) detail::write_stdout('\n' + detail::footer_lines(footer, render));
}

}  // namespace

int run_search(const SearchRequest& request) {
  if (request.mode == SearchRequest::Mode::explain) {
    // Only a URL without a scheme needs the archive to be explained.
    std::optional<Query> read;
    if (!pasted_domains(request.query.text).empty()) {
      Store store(request.db, Store::Access::read_only);
      read = archive_query(store, request.query);
    }
    const Query& query = read ? *read : request.query.parsed;
    // The query is echoed in it: escaped a line at a time, as every echo is.
    const std::string explanation = explain_query(query, fts_expressions(query));
    for (const std::string_view line : split(explanation, '\n')) {
      if (!line.empty()) detail::write_stdout(escaped(line) + '\n');
    }
    return kExitOk;
  }
  Store store(request.db, Store::Access::read_only);
  const Query query = runnable_query(store, request.query);
  if (request.mode == SearchRequest::Mode::count) {
    const std::int64_t n = store.count(query);
    detail::write_stdout(fmt::format("{}\n", n));
    if (n == 0) say_why_nothing(store, request, query);
    return n > 0 ? kExitOk : kExitNoResults;
  }
  if (request.mode == SearchRequest::Mode::urls) {
    const std::vector<std::string> urls = store.urls(query, request.page);
    for (const std::string& url : urls) detail::write_stdout(printable(url) + '\n');
    if (urls.empty()) say_why_nothing(store, request, query);
    return urls.empty() ? kExitNoResults : kExitOk;
  }
  const Format format = request.out.format;
  SearchOptions page = request.page;
  page.text = format == Format::table ? HitText::marked : HitText::snippet;
  if (request.out.render.pager && format == Format::table) detail::page_output();
  const std::vector<Hit> hits = store.search(query, page);
  if (format == Format::json) {
    for (const Hit& hit : hits) detail::write_stdout(hit_json(hit));
  } else if (format == Format::tsv) {
    if (request.out.header) {
      detail::write_stdout(tsv_row(
          {"issue", "date", "section", "kind", "title", "url", "snippet", "ref", "competitions"}));
    }
    for (const Hit& hit : hits) detail::write_stdout(hit_tsv(hit, request.out.render));
  } else {
    print_listing(store, request, query, hits);
  }
  if (hits.empty()) say_why_nothing(store, request, query);
  return hits.empty() ? kExitNoResults : kExitOk;
}

}  // namespace kn
