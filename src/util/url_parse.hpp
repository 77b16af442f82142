// The URL standard's basic URL parser, as far as kn reads URLs: shared by
// the host a link is filed under (url_host.cpp) and the address it opens
// (url_href.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kn::detail {

// A URL of a special scheme split as the basic URL parser reads it, the
// host parsed; nullopt when it has no valid host.
struct ParsedUrl {
  std::string scheme;
  bool special = false;
  std::string_view userinfo;  // as written, before the last '@'
  std::string host;
  std::string_view port;  // digits, as written
  std::string_view rest;  // path, query and fragment, as written
};

// Returns url without leading and trailing C0 controls and spaces, and
// without any tab or newline, as the parser reads it.
std::string prepared(std::string_view url);

// Returns url (prepared) split as the basic URL parser reads it, its host
// parsed; nullopt when it has no authority or no valid host.
std::optional<ParsedUrl> parse_url(std::string_view url);

}  // namespace kn::detail
