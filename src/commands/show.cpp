#include <fmt/core.h>

#include "commands.hpp"
#include "output.hpp"
#include "render/issue_json.hpp"
#include "render/issue_markdown.hpp"
#include "render/issue_render.hpp"
#include "store/issue_load.hpp"

namespace kn {

namespace {

// kn show REF: the entry REF names, whole.
int show_entry(const std::vector<Issue>& issues, const EntryRef& ref, const Output& out) {
  const std::string name = ref.to_string();
  if (ref.copy == 0 && issues.size() > 1) {
    throw Error(
        fmt::format("{}: {} issues have number {}: say {}/1 to {}/{} (kn show {} lists them)", name,
                    issues.size(), ref.issue, name, name, issues.size(), ref.issue));
  }
  if (ref.copy > static_cast<int>(issues.size())) {
    throw Error(
        fmt::format("{}: there {} {} issue{} numbered {}", name, issues.size() == 1 ? "is" : "are",
                    issues.size(), issues.size() == 1 ? "" : "s", ref.issue),
        kExitNoResults);
  }
  const Issue& issue = issues[ref.copy > 0 ? static_cast<std::size_t>(ref.copy - 1) : 0];
  const std::optional<EntryAt> entry = entry_at(issue, ref.place);
  if (!entry) {
    throw Error(fmt::format("{}: issue #{} has no entry {} (kn show {} lists them)", name,
                            ref.issue, ref.place, ref.issue),
                kExitNoResults);
  }
  if (out.format == Format::markdown) {
    throw Error(
        fmt::format("{}: one entry is shown as a table or JSON; markdown shows whole "
                    "issues (kn show {})",
                    name, ref.issue));
  }
  detail::write_stdout(out.format == Format::json
                           ? entry_json(issue, *entry, ref)
                           : entry_for_terminal(issue, *entry, ref, out.render));
  return kExitOk;
}

}  // namespace

int run_show(const ShowRequest& request) {
  Store store(request.db, Store::Access::read_only);
  if (request.out.render.pager && request.out.format == Format::table) detail::page_output();
  const std::vector<Issue> issues = load_issues(store, request.number);
  if (issues.empty()) {
    throw Error(fmt::format("no issue #{} in {}", request.number, store.path()), kExitNoResults);
  }
  if (request.entry) return show_entry(issues, *request.entry, request.out);
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
