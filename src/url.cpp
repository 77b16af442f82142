#include "kn/url.hpp"

#include <algorithm>

#include "kn/text.hpp"

namespace kn {

namespace {

bool is_ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_tracking_parameter(std::string_view param) { return param.starts_with("utm_"); }

}  // namespace

std::string canonical_url(std::string_view href) {
  href = trim(href);
  const std::size_t hash = href.find('#');
  const std::size_t question = href.substr(0, hash).find('?');
  if (question == std::string_view::npos) return std::string(href);

  const std::string_view base = href.substr(0, question);
  const std::string_view query = href.substr(
      question + 1, hash == std::string_view::npos ? std::string_view::npos : hash - question - 1);
  const std::string_view fragment =
      hash == std::string_view::npos ? std::string_view() : href.substr(hash);

  std::string kept;
  bool removed = false;
  std::size_t start = 0;
  while (start <= query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view param = query.substr(start, end - start);
    if (is_tracking_parameter(param)) {
      removed = true;
    } else {
      if (!kept.empty()) kept += '&';
      kept.append(param);
    }
    start = end + 1;
  }
  if (!removed) return std::string(href);

  std::string out(base);
  if (!kept.empty()) out.append("?").append(kept);
  out.append(fragment);
  // Dropping a query can bare white space that ended the address.
  return std::string(trim(out));
}

bool linkable_url(std::string_view url) {
  const std::string scheme = ascii_lower(url.substr(0, url.find(':')));
  if (scheme.size() == url.size()) return false;
  return scheme == "http" || scheme == "https" || scheme == "ftp" || scheme == "mailto";
}

std::string url_domain(std::string_view url) {
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) return {};
  std::string_view authority = url.substr(scheme_end + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  std::string_view host = authority;
  if (host.starts_with('[')) {  // IPv6 literal: the port comes after ']'
    host = host.substr(0, host.find(']') + 1);
  } else if (const std::size_t colon = host.rfind(':'); colon != std::string_view::npos) {
    host = host.substr(0, colon);
  }
  std::string domain = ascii_lower(host);
  if (domain.starts_with("www.")) domain.erase(0, 4);
  return domain;
}

UrlParts split_url(std::string_view url) {
  UrlParts parts;
  parts.host = url_domain(url);
  if (parts.host.empty()) return parts;
  std::string_view rest = url.substr(url.find("://") + 3);
  rest.remove_prefix(std::min(rest.size(), rest.find_first_of("/?#")));
  if (const std::size_t hash = rest.find('#'); hash != std::string_view::npos) {
    parts.fragment = rest.substr(hash + 1);
    rest = rest.substr(0, hash);
  }
  parts.path = rest.substr(0, rest.find('?'));
  return parts;
}

}  // namespace kn
