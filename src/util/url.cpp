#include "url.hpp"

#include <algorithm>

#include "text.hpp"

namespace kn {

namespace {

// As the URL standard reads an address: no C0 controls or spaces at either
// end.
std::string_view trim(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
  return s;
}

// ... and no tab or newline anywhere.
std::string without_tabs_and_newlines(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  }
  return out;
}

bool is_tracking_parameter(std::string_view param) { return param.starts_with("utm_"); }

}  // namespace

std::string canonical_url(std::string_view raw) {
  const std::string cleaned = without_tabs_and_newlines(trim(raw));
  const std::string_view href = cleaned;
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

bool on_domain(std::string_view host, std::string_view domain) {
  return host == domain || (host.size() > domain.size() && host.ends_with(domain) &&
                            host[host.size() - domain.size() - 1] == '.');
}

std::string url_domain(std::string_view url) {
  std::optional<std::string> host = url_host(url);
  if (!host) return {};
  if (host->ends_with('.')) host->pop_back();  // "example.com." is the same host
  if (host->starts_with("www.")) host->erase(0, 4);
  return *host;
}

std::string url_key(std::string_view url) {
  const std::string canonical = canonical_url(url);
  std::string key = url_domain(canonical);
  if (key.empty()) return key;
  std::string_view rest = canonical;
  rest.remove_prefix(std::min(rest.size(), rest.find(':') + 1));
  while (!rest.empty() && (rest.front() == '/' || rest.front() == '\\')) rest.remove_prefix(1);
  rest.remove_prefix(std::min(rest.size(), rest.find_first_of("/\\?#")));
  rest = rest.substr(0, rest.find('#'));
  std::string tail(rest);
  std::replace(tail.begin(), tail.end(), '\\', '/');
  const std::size_t query = std::min(tail.find('?'), tail.size());
  std::size_t path_end = query;
  while (path_end > 0 && tail[path_end - 1] == '/') --path_end;
  tail.erase(path_end, query - path_end);  // x/?a=1 and x?a=1 are one page
  return key + tail;
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
