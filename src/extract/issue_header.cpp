#include "issue_header.hpp"

#include <fmt/core.h>

#include <charconv>

#include "kn/error.hpp"
#include "util/utf8.hpp"

namespace kn {

std::string_view next_line(std::string_view& text) {
  const std::size_t end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

void check_encoding(std::string_view bytes) {
  if (bytes.empty()) throw NotAnIssue("empty file");
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    throw NotAnIssue("UTF-16 text is not supported; convert the file to UTF-8");
  }
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    throw NotAnIssue(fmt::format("binary file (NUL byte at offset {})", nul));
  }
  // Lines end at LF (CRLF included); a file whose lines end at CR alone is
  // one long line, which would be refused as having no URL line.
  if (bytes.find('\r') != std::string_view::npos && bytes.find('\n') == std::string_view::npos) {
    throw NotAnIssue("CR line endings; convert the file to LF or CRLF");
  }
}

std::string parse_title(std::string_view line) {
  if (!line.starts_with("# ")) throw NotAnIssue("no '# title' line at the top");
  std::string title = collapse_whitespace(line.substr(2));
  if (title.empty()) throw NotAnIssue("no '# title' line at the top");
  return title;
}

int parse_number(std::string_view title) {
  for (std::size_t hash = title.find('#'); hash != std::string_view::npos;
       hash = title.find('#', hash + 1)) {
    std::string_view rest = title.substr(hash + 1);
    while (rest.starts_with(' ')) rest.remove_prefix(1);
    // Digits only: "#-5" is no number, and neither is a sign.
    if (rest.empty() || rest.front() < '0' || rest.front() > '9') continue;
    int number = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), number);
    if (ec == std::errc::result_out_of_range) {
      const std::size_t digits = rest.find_first_not_of("0123456789");
      throw Error(
          fmt::format("issue number #{} in the title is too large", rest.substr(0, digits)));
    }
    return number;
  }
  throw Error(fmt::format("no issue number ('#N') in the title \"{}\"", title));
}

std::string parse_url(std::string_view line) {
  std::string url = collapse_whitespace(line);
  if (url.find("://") == std::string::npos || url.find(' ') != std::string::npos) {
    throw NotAnIssue("line 2 is not the issue's URL");
  }
  return url;
}

std::optional<Date> date_from_file_name(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name.size() < 11 || name[10] != '_') return std::nullopt;
  return Date::parse(name.substr(0, 10));
}

}  // namespace kn
