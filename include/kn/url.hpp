// URL canonicalization: one spelling per link, so that the same page cited
// with different tracking parameters is counted once.
#pragma once

#include <string>
#include <string_view>

namespace kn {

// href with every query parameter whose name starts with "utm_" removed (and
// the "?" when nothing is left); other parameters and the fragment are kept in
// order. Surrounding white space is trimmed; anything else, even an href that
// is not a valid URL, is kept as written.
std::string canonical_url(std::string_view href);

// The URL's host, lower-cased, without port, user info or one leading "www.";
// "" when the URL has no "scheme://host" part.
std::string url_domain(std::string_view url);

// Whether url may be a link a reader follows: http, https, ftp or mailto,
// never javascript:, data: or anything else.
bool linkable_url(std::string_view url);

// The parts of an absolute URL. host is lower-case without port, user info
// or "www."; path keeps its case and is "" or starts with '/'.
struct UrlParts {
  std::string host;
  std::string path;
  std::string fragment;  // without '#'
};

// The parts of url, or all empty when it has no "scheme://host".
UrlParts split_url(std::string_view url);

}  // namespace kn
