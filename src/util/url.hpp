// URL canonicalization: one spelling per link, so that the same page cited
// with different tracking parameters is counted once.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kn {

// Returns href with every query parameter whose name starts with "utm_"
// removed (and the "?" when nothing is left); other parameters and the
// fragment are kept in order. As the URL standard reads it, controls and
// spaces at either end are trimmed and tabs and newlines removed; anything
// else, even an href that is not a valid URL, is kept as written.
std::string canonical_url(std::string_view href);

// Returns the host of url as the WHATWG URL standard parses it, the host a
// browser would go to: for http, https and the other special schemes, '\\' is
// a path separator, user info ends at the last '@' of the authority, the host
// is percent-decoded, mapped by UTS #46 (lower case, "日本.jp" is
// "xn--wgv71a119e.jp") and may be an IPv4 address in any of its spellings
// (written dotted) or an IPv6 one (compressed, in brackets). nullopt when url
// has no host or an invalid one.
std::optional<std::string> url_host(std::string_view url);

// Returns url as the WHATWG URL standard serializes it, the address a browser
// opens: for http, https and the other special schemes, the host as
// url_host() gives it, '\\' read as '/', "." and ".." segments resolved, a
// default port dropped, and what the standard's percent-encode sets hold
// encoded, so that the result is printable ASCII. nullopt for any other
// scheme and for a URL without a valid host.
//   https://good.example\@evil.example/x  ->  https://good.example/@evil.example/x
std::optional<std::string> url_href(std::string_view url);

// Returns kn's domain of a URL: its host without a trailing dot and one
// leading "www."; "" when it has none.
std::string url_domain(std::string_view url);

// Tells whether host is domain or one of its subdomains (a.b.com is on
// b.com; ab.com is not).
bool on_domain(std::string_view host, std::string_view domain);

// Tells whether url may be a link a reader follows: http, https, ftp or
// mailto, never javascript:, data: or anything else.
bool linkable_url(std::string_view url);

// Returns the key that the spellings of one address share: its domain (no
// www., no trailing dot), path and query without utm_ parameters; no scheme,
// fragment or trailing '/'. "" when url has no host.
//   https://www.Kaggle.com/c/x/?utm_source=r  ->  kaggle.com/c/x
std::string url_key(std::string_view url);

// The parts of an absolute URL. host is lower-case without port, user info
// or "www."; path keeps its case and is "" or starts with '/'.
struct UrlParts {
  std::string host;
  std::string path;
  std::string fragment;  // without '#'
};

// Returns the parts of url, or all empty when it has no "scheme://host".
UrlParts split_url(std::string_view url);

}  // namespace kn
