// The address a link opens, as the WHATWG URL standard serializes it: the
// host url_host() files the link under, the path, query and fragment
// percent-encoded as the standard's sets say.
#include <string>
#include <string_view>
#include <vector>

#include "text.hpp"
#include "url.hpp"
#include "url_parse.hpp"

namespace kn {

namespace {

// The URL standard's percent-encode sets, beyond C0 controls and bytes
// above '~', which every set holds.
constexpr std::string_view kFragmentSet = " \"<>`";
constexpr std::string_view kSpecialQuerySet = " \"#<>'";
constexpr std::string_view kPathSet = " \"#<>?^`{}";
constexpr std::string_view kUserinfoSet = " \"#<>?^`{}/:;=@[\\]|";

void append_encoded(std::string& out, std::string_view text, std::string_view set) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte > 0x7E || set.find(c) != std::string_view::npos) {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    } else {
      out += c;
    }
  }
}

bool is_single_dot(std::string_view segment) {
  return segment == "." || ascii_lower(segment) == "%2e";
}

bool is_double_dot(std::string_view segment) {
  const std::string lower = ascii_lower(segment);
  return lower == ".." || lower == ".%2e" || lower == "%2e." || lower == "%2e%2e";
}

// A special URL's path as the standard keeps it: '\' is '/', "." and ".."
// segments resolved, the rest percent-encoded.
std::string serialized_path(std::string_view path) {
  std::vector<std::string> segments;
  if (!path.empty()) path.remove_prefix(1);  // the '/' or '\' that starts it
  for (bool last = path.empty(); !last;) {
    std::size_t end = 0;
    while (end < path.size() && path[end] != '/' && path[end] != '\\') ++end;
    const std::string_view segment = path.substr(0, end);
    last = end == path.size();
    path.remove_prefix(last ? end : end + 1);
    if (is_double_dot(segment)) {
      if (!segments.empty()) segments.pop_back();
      if (last) segments.emplace_back();
    } else if (is_single_dot(segment)) {
      if (last) segments.emplace_back();
    } else {
      append_encoded(segments.emplace_back(), segment, kPathSet);
    }
  }
  std::string out;
  for (const std::string& segment : segments) out += '/' + segment;
  return out.empty() ? "/" : out;
}

}  // namespace

std::optional<std::string> url_href(std::string_view raw) {
  const std::string url = detail::prepared(raw);
  const std::optional<detail::ParsedUrl> parsed = detail::parse_url(url);
  if (!parsed || !parsed->special) return std::nullopt;
  std::string out = parsed->scheme + "://";
  const std::size_t colon = parsed->userinfo.find(':');
  const std::string_view username = parsed->userinfo.substr(0, colon);
  const std::string_view password =
      colon == std::string_view::npos ? std::string_view() : parsed->userinfo.substr(colon + 1);
  if (!username.empty() || !password.empty()) {
    append_encoded(out, username, kUserinfoSet);
    if (!password.empty()) {
      out += ':';
      append_encoded(out, password, kUserinfoSet);
    }
    out += '@';
  }
  out += parsed->host;
  if (!parsed->port.empty()) {
    const std::string port = std::to_string(std::stoul(std::string(parsed->port)));
    const bool is_default =
        (parsed->scheme == "http" && port == "80") ||
        (parsed->scheme == "https" && port == "443") || (parsed->scheme == "ws" && port == "80") ||
        (parsed->scheme == "wss" && port == "443") || (parsed->scheme == "ftp" && port == "21");
    if (!is_default) out += ':' + port;
  }
  std::string_view rest = parsed->rest;
  const std::size_t hash = rest.find('#');
  const std::string_view fragment =
      hash == std::string_view::npos ? std::string_view() : rest.substr(hash);
  rest = rest.substr(0, hash);
  const std::size_t question = rest.find('?');
  out += serialized_path(rest.substr(0, question));
  if (question != std::string_view::npos) {
    out += '?';
    append_encoded(out, rest.substr(question + 1), kSpecialQuerySet);
  }
  if (!fragment.empty()) {
    out += '#';
    append_encoded(out, fragment.substr(1), kFragmentSet);
  }
  return out;
}

}  // namespace kn
