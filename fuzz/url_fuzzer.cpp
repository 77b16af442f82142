// Bytes as a URL: canonicalization is idempotent and never fails; a host
// parses to itself; domains, competitions and identities are found
// without crashing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "model/competition.hpp"
#include "model/url_identity.hpp"
#include "util/url.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view href(reinterpret_cast<const char*>(data), size);
  const std::string canonical = kn::canonical_url(href);
  if (kn::canonical_url(canonical) != canonical) std::abort();
  kn::url_domain(canonical);
  // A host parses to itself.
  if (const auto host = kn::url_host(canonical); host && canonical.starts_with("http://")) {
    if (kn::url_host("http://" + *host + "/") != host) std::abort();
  }
  kn::split_url(canonical);
  if (const auto competition = kn::competition_of(canonical)) {
    if (!kn::competition_of(competition->url)) std::abort();  // canonical stays one
  }
  kn::url_identity(href);
  return 0;
}
