// The host of a URL as the WHATWG URL standard parses it (basic URL parser,
// authority and host states; host parser; IPv4 and IPv6 parsers; domain to
// ASCII with UTS #46 through ICU): what a browser would connect to, so
// that a domain: filter or a card's domain cannot be spoofed.
#include <unicode/uidna.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text.hpp"
#include "url.hpp"
#include "url_parse.hpp"

namespace kn {

namespace {

int hex_value(char c) { return is_ascii_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10; }

bool is_special(std::string_view scheme) {
  return scheme == "http" || scheme == "https" || scheme == "ws" || scheme == "wss" ||
         scheme == "ftp";
}

std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && is_ascii_hex(s[i + 1]) && is_ascii_hex(s[i + 2])) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// One part of an IPv4 address: decimal, 0x hexadecimal or 0 octal.
std::optional<std::uint64_t> ipv4_number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int radix = 10;
  if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    radix = 16, s.remove_prefix(2);
  } else if (s.size() >= 2 && s[0] == '0') {
    radix = 8, s.remove_prefix(1);
  }
  if (s.empty()) return 0;
  std::uint64_t value = 0;
  for (const char c : s) {
    const int digit = is_ascii_hex(c) ? hex_value(c) : 99;
    if (digit >= radix) return std::nullopt;
    value = value * static_cast<std::uint64_t>(radix) + static_cast<std::uint64_t>(digit);
    if (value > 0xFFFFFFFFull) value = 0x100000000ull;  // too large either way
  }
  return value;
}

// Whether the host's last label is a number, so that it must be IPv4.
bool ends_in_number(std::string_view host) {
  if (host.ends_with('.')) host.remove_suffix(1);
  const std::string_view last =
      host.substr(host.rfind('.') == std::string_view::npos ? 0 : host.rfind('.') + 1);
  if (last.empty()) return false;
  if (last.find_first_not_of("0123456789") == std::string_view::npos) return true;
  return ipv4_number(last).has_value() && last.size() >= 2 && last[0] == '0' &&
         (last[1] == 'x' || last[1] == 'X');
}

std::optional<std::string> ipv4(std::string_view host) {
  std::vector<std::string_view> parts = split(host, '.');
  if (parts.back().empty() && parts.size() > 1) parts.pop_back();
  if (parts.size() > 4) return std::nullopt;
  std::uint64_t address = 0;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    const auto n = ipv4_number(parts[k]);
    if (!n) return std::nullopt;
    const bool last = k + 1 == parts.size();
    if (!last && *n > 255) return std::nullopt;
    if (last) {
      if (*n >= (1ull << (8 * (5 - parts.size())))) return std::nullopt;
      address = address * (1ull << (8 * (5 - parts.size()))) + *n;
    } else {
      address = address * 256 + *n;
    }
  }
  return std::to_string(address >> 24) + '.' + std::to_string((address >> 16) & 255) + '.' +
         std::to_string((address >> 8) & 255) + '.' + std::to_string(address & 255);
}

using Ipv6 = std::array<std::uint16_t, 8>;

// The IPv6 parser of the URL standard, step by step.
std::optional<Ipv6> ipv6_pieces(std::string_view s) {
  Ipv6 address{};
  std::size_t piece = 0, i = 0;
  std::optional<std::size_t> compress;
  const auto at = [&](std::size_t k) { return k < s.size() ? s[k] : '\0'; };
  if (at(0) == ':') {
    if (at(1) != ':') return std::nullopt;
    i = 2;
    compress = ++piece;
  }
  while (i < s.size()) {
    if (piece == 8) return std::nullopt;
    if (s[i] == ':') {
      if (compress) return std::nullopt;
      ++i;
      compress = ++piece;
      continue;
    }
    unsigned value = 0, length = 0;
    while (length < 4 && is_ascii_hex(at(i))) value = value * 16 + hex_value(s[i++]), ++length;
    if (at(i) == '.') {  // an IPv4 address in the last two pieces
      if (length == 0 || piece > 6) return std::nullopt;
      i -= length;
      int seen = 0;
      while (i < s.size()) {
        if (seen > 0) {
          if (at(i) != '.' || seen >= 4) return std::nullopt;
          ++i;
        }
        if (!is_ascii_digit(at(i))) return std::nullopt;
        int part = -1;
        while (is_ascii_digit(at(i))) {
          const int digit = s[i++] - '0';
          if (part == 0) return std::nullopt;  // no leading zeros
          part = part < 0 ? digit : part * 10 + digit;
          if (part > 255) return std::nullopt;
        }
        address[piece] = static_cast<std::uint16_t>(address[piece] * 0x100 + part);
        if (++seen == 2 || seen == 4) ++piece;
      }
      if (seen != 4) return std::nullopt;
      break;
    }
    if (at(i) == ':') {
      if (++i >= s.size()) return std::nullopt;
    } else if (i < s.size()) {
      return std::nullopt;
    }
    address[piece++] = static_cast<std::uint16_t>(value);
  }
  if (compress) {
    std::size_t swaps = piece - *compress;
    for (piece = 7; piece != 0 && swaps > 0; --piece, --swaps) {
      std::swap(address[piece], address[*compress + swaps - 1]);
    }
  } else if (piece != 8) {
    return std::nullopt;
  }
  return address;
}

// "[...]" with the first longest run of two or more zero pieces as "::".
std::string ipv6_serialized(const Ipv6& address) {
  std::optional<std::size_t> compress;
  std::size_t best = 1;
  for (std::size_t k = 0; k < 8;) {
    std::size_t j = k;
    while (j < 8 && address[j] == 0) ++j;
    if (j - k > best) {
      compress = k;
      best = j - k;
    }
    k = j > k ? j : k + 1;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "[";
  bool skipping = false;
  for (std::size_t k = 0; k < 8; ++k) {
    if (skipping && address[k] == 0) continue;
    skipping = false;
    if (compress == k) {
      out += k == 0 ? "::" : ":";
      skipping = true;
      continue;
    }
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      const int digit = (address[k] >> shift) & 15;
      if (digit || started || shift == 0) out += kHex[digit], started = true;
    }
    if (k != 7) out += ':';
  }
  return out + "]";
}

bool forbidden_in_domain(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u <= 0x20 || u == 0x7F) return true;
  return std::string_view("#%/:<>?@[\\]^|").find(c) != std::string_view::npos;
}

// Non-empty labels of lower-case letters, digits and hyphens, none of them
// punycode ("xn--"): UTS #46 maps such a name to itself, with none of the
// errors domain_to_ascii heeds. Most hosts are such names, and asking ICU
// was most of the cost of a link's host.
bool is_plain_domain(std::string_view domain) {
  std::size_t label = 0;
  for (std::size_t k = 0; k <= domain.size(); ++k) {
    if (k == domain.size() || domain[k] == '.') {
      if (k == label || domain.substr(label, 4) == "xn--") return false;
      label = k + 1;
      continue;
    }
    const char c = domain[k];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

// UTS #46 as the URL standard asks: CheckHyphens and VerifyDnsLength off
// (ICU's errors for them are ignored), CheckBidi and CheckJoiners on,
// nontransitional.
std::optional<std::string> domain_to_ascii(const std::string& domain) {
  if (is_plain_domain(domain)) return domain;
  UErrorCode status = U_ZERO_ERROR;
  static UIDNA* const idna =
      uidna_openUTS46(UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ | UIDNA_NONTRANSITIONAL_TO_ASCII |
                          UIDNA_NONTRANSITIONAL_TO_UNICODE,
                      &status);
  if (!idna) return std::nullopt;
  std::string out(domain.size() * 4 + 64, '\0');
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  status = U_ZERO_ERROR;
  const int32_t length =
      uidna_nameToASCII_UTF8(idna, domain.data(), static_cast<int32_t>(domain.size()), out.data(),
                             static_cast<int32_t>(out.size()), &info, &status);
  constexpr std::uint32_t kIgnored = UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG |
                                     UIDNA_ERROR_DOMAIN_NAME_TOO_LONG | UIDNA_ERROR_LEADING_HYPHEN |
                                     UIDNA_ERROR_TRAILING_HYPHEN | UIDNA_ERROR_HYPHEN_3_4;
  if (U_FAILURE(status) || (info.errors & ~kIgnored) != 0) return std::nullopt;
  out.resize(static_cast<std::size_t>(length));
  return out;
}

std::optional<std::string> host_of(std::string_view input) {
  if (input.starts_with('[')) {
    if (!input.ends_with(']')) return std::nullopt;
    const auto pieces = ipv6_pieces(input.substr(1, input.size() - 2));
    if (!pieces) return std::nullopt;
    return ipv6_serialized(*pieces);
  }
  const std::optional<std::string> ascii = domain_to_ascii(percent_decoded(input));
  if (!ascii || ascii->empty()) return std::nullopt;
  for (const char c : *ascii) {
    if (forbidden_in_domain(c)) return std::nullopt;
  }
  if (ends_in_number(*ascii)) return ipv4(*ascii);
  return ascii;
}

}  // namespace

namespace detail {

// url without leading and trailing C0 controls and spaces, and without any
// tab or newline, as the parser reads it.
std::string prepared(std::string_view url) {
  while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.remove_prefix(1);
  while (!url.empty() && static_cast<unsigned char>(url.back()) <= 0x20) url.remove_suffix(1);
  std::string out(url);
  std::erase_if(out, [](char c) { return c == '\t' || c == '\n' || c == '\r'; });
  return out;
}

std::optional<ParsedUrl> parse_url(std::string_view url) {
  // scheme ":" — a letter, then letters, digits, '+', '-' or '.'.
  std::size_t i = 0;
  if (url.empty() || !is_ascii_alpha(url[0])) return std::nullopt;
  while (i < url.size() && (is_ascii_alpha(url[i]) || is_ascii_digit(url[i]) || url[i] == '+' ||
                            url[i] == '-' || url[i] == '.')) {
    ++i;
  }
  if (i >= url.size() || url[i] != ':') return std::nullopt;
  ParsedUrl parsed;
  parsed.scheme = ascii_lower(url.substr(0, i));
  parsed.special = is_special(parsed.scheme);
  std::string_view rest = url.substr(i + 1);
  if (parsed.special) {
    while (!rest.empty() && (rest.front() == '/' || rest.front() == '\\')) rest.remove_prefix(1);
  } else if (rest.starts_with("//")) {
    rest.remove_prefix(2);
  } else {
    return std::nullopt;  // no authority: mailto:, data:, ...
  }
  // The authority ends at the first of these; a loop, not find_first_of,
  // which asks memchr of every character of the rest of the URL.
  std::size_t end = 0;
  while (end < rest.size() && rest[end] != '/' && rest[end] != '?' && rest[end] != '#' &&
         !(parsed.special && rest[end] == '\\')) {
    ++end;
  }
  std::string_view authority = rest.substr(0, end);
  parsed.rest = rest.substr(end);
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    parsed.userinfo = authority.substr(0, at);
    authority.remove_prefix(at + 1);
  }
  // The host ends at the first ':' outside brackets; a port must be digits
  // and fit 16 bits.
  std::size_t colon = std::string_view::npos;
  for (std::size_t k = 0, depth = 0; k < authority.size(); ++k) {
    if (authority[k] == '[') ++depth;
    if (authority[k] == ']' && depth) --depth;
    if (authority[k] == ':' && depth == 0) {
      colon = k;
      break;
    }
  }
  const std::string_view host = authority.substr(0, colon);
  if (colon != std::string_view::npos) {
    parsed.port = authority.substr(colon + 1);
    std::string_view digits = parsed.port;
    if (digits.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
    if (digits.size() > 5 || (!digits.empty() && std::stoul(std::string(digits)) > 65535)) {
      return std::nullopt;
    }
  }
  if (host.empty()) return std::nullopt;
  if (!parsed.special) {
    parsed.host = ascii_lower(percent_decoded(host));
    return parsed;
  }
  std::optional<std::string> parsed_host = host_of(host);
  if (!parsed_host) return std::nullopt;
  parsed.host = std::move(*parsed_host);
  return parsed;
}

}  // namespace detail

std::optional<std::string> url_host(std::string_view raw) {
  std::optional<detail::ParsedUrl> parsed = detail::parse_url(detail::prepared(raw));
  if (!parsed) return std::nullopt;
  return std::move(parsed->host);
}

}  // namespace kn
