#include "kn/extract.hpp"

#include <fmt/core.h>

#include "html.hpp"
#include "issue_header.hpp"
#include "kn/error.hpp"
#include "nesting_guard.hpp"
#include "revue.hpp"
#include "util/sanitize.hpp"
#include "util/utf8.hpp"

namespace kn {

Issue extract_issue(std::string_view bytes, std::string source) {
  check_encoding(bytes);
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  // No stored field carries a control character (sanitize.hpp).
  std::string text = without_controls(bytes);
  std::string_view rest = text;

  Issue issue;
  issue.source = std::move(source);
  // Both lines first: a file that begins like no issue is told apart from
  // an issue without a number.
  issue.title = parse_title(next_line(rest));
  issue.url = parse_url(next_line(rest));
  issue.number = parse_number(issue.title);

  if (html_nesting_depth(rest) > kMaxHtmlDepth) {
    throw Error(fmt::format("HTML nested deeper than {} levels", kMaxHtmlDepth));
  }
  const auto body = static_cast<std::size_t>(rest.data() - text.data());
  const HtmlDocument html{std::move(text), body};
  detail::read_revue_body(find_body(html.root()), issue);

  if ((issue.date = date_from_file_name(issue.source))) {
    issue.date_estimated = false;
  } else if ((issue.date = detail::newest_thumbnail_date(html.root()))) {
    issue.date_estimated = true;
  }
  return issue;
}

}  // namespace kn
