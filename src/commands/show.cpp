#include <fmt/core.h>

#include "commands.hpp"
#include "entry_lookup.hpp"
#include "output.hpp"
#include "render/issue_json.hpp"
#include "render/issue_markdown.hpp"
#include "render/issue_render.hpp"
#include "store/issue_load.hpp"

namespace kn {

namespace {

// kn show REF: the entry REF names, whole.
int show_entry(Store& store, const EntryRef& ref, const Output& out) {
  if (out.format == Format::markdown) {
    throw Error(
        fmt::format("{}: one entry is shown as a table or JSON; markdown shows whole "
                    "issues (kn show {})",
                    ref.to_string(), ref.issue));
  }
  const FoundEntry found = find_entry(store, ref);
  const EntryAt entry = found.entry();
  detail::write_stdout(out.format == Format::json
                           ? entry_json(found.issue(), entry, ref)
                           : entry_for_terminal(found.issue(), entry, ref, out.render));
  return kExitOk;
}

}  // namespace

int run_show(const ShowRequest& request) {
  Store store(request.db, Store::Access::read_only);
  if (request.out.render.pager && request.out.format == Format::table) detail::page_output();
  if (request.entry) return show_entry(store, *request.entry, request.out);
  const std::vector<Issue> issues = load_issues(store, request.number);
  if (issues.empty()) {
    throw Error(fmt::format("no issue #{} in {}", request.number, store.path()), kExitNoResults);
  }
  if (issues.size() > 1) {
    print_error(fmt::format("#{}: {} issues have this number; showing each, oldest first",
                            request.number, issues.size()));
  }
  for (std::size_t k = 0; k < issues.size(); ++k) {
    const Issue& issue = issues[k];
    const std::vector<Correction> corrections = corrections_of(store, issue);
    switch (request.out.format) {
      case Format::json: detail::write_stdout(issue_json(issue) + '\n'); break;
      case Format::markdown:
        detail::write_stdout((k ? "\n---\n\n" : "") + issue_markdown(issue, corrections));
        break;
      default:
        detail::write_stdout((k ? "\n" : "") +
                             issue_for_terminal(issue,
                                                issues.size() > 1 ? static_cast<int>(k + 1) : 0,
                                                corrections, request.out.render));
    }
  }
  return kExitOk;
}

}  // namespace kn
