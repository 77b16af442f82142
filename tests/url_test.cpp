#include "util/url.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json_reader.hpp"
#include "test_support.hpp"
#include "util/text.hpp"

namespace {

std::error_code ec_;

// Whether input is an absolute http: or https: URL: a relative one ("http:x"
// against a base of the same scheme) takes the base's host.
bool absolute_http(std::string input, const kn::testing::JsonValue& base) {
  while (!input.empty() && static_cast<unsigned char>(input.front()) <= 0x20) input.erase(0, 1);
  std::string clean;
  for (const char c : input) {
    if (c != '\t' && c != '\n' && c != '\r') clean += c;
  }
  const std::string lower = kn::ascii_lower(clean);
  std::string scheme;
  if (lower.starts_with("http:")) scheme = "http:";
  if (lower.starts_with("https:")) scheme = "https:";
  if (scheme.empty()) return false;
  if (base.is_null()) return true;
  const std::string base_scheme = kn::ascii_lower(base.string().substr(0, scheme.size()));
  return base_scheme != scheme || clean.substr(scheme.size()).starts_with("//");
}

struct Case {
  std::string_view in, out;
};

TEST(Url, CanonicalUrl) {
  const Case cases[] = {
      {"https://a.com/x", "https://a.com/x"},
      {"https://a.com/x?utm_campaign=W&utm_medium=email&utm_source=Revue", "https://a.com/x"},
      {"https://a.com/x?gi=bc67&utm_campaign=W&utm_source=R", "https://a.com/x?gi=bc67"},
      {"https://youtube.com/watch?feature=youtu.be&utm_campaign=W&utm_medium=e&v=pL96",
       "https://youtube.com/watch?feature=youtu.be&v=pL96"},
      {"https://a.com/?utm_source=x#frag", "https://a.com/#frag"},
      {"https://a.com/p?q=1&utm_source=x#a?utm_medium=y", "https://a.com/p?q=1#a?utm_medium=y"},
      {"https://k.com/c/x/discussion/125436#731014", "https://k.com/c/x/discussion/125436#731014"},
      {"https://a.com/?utm_=1&xutm_a=2&UTM_SOURCE=3", "https://a.com/?xutm_a=2&UTM_SOURCE=3"},
      {"https://a.com/?", "https://a.com/?"},
      {"https://a.com/?&a=1&&b=2", "https://a.com/?&a=1&&b=2"},
      {"https://a.com/?utm_source=x&&b=2", "https://a.com/?b=2"},
      {"  https://a.com/x \n", "https://a.com/x"},
      {"http://Preferred Networks", "http://Preferred Networks"},
      {"/relative?utm_source=x&id=3", "/relative?id=3"},
      {"mailto:me@example.com", "mailto:me@example.com"},
      {"", ""},
      {"?", "?"},
      {"?utm_source=x", ""},
      {"#?utm_source=x", "#?utm_source=x"},
      // Found by fuzz_url: white space before a dropped query stayed, so a
      // second pass trimmed it and canonicalization was not idempotent.
      {"a\t?utm_x=1", "a"},
      // Tabs and newlines inside are no part of a URL (they were printed in
      // four ways by four formats).
      {"https://e.com/a\tb\nc\r?x=1", "https://e.com/abc?x=1"},
  };
  for (const Case& c : cases) EXPECT_EQ(kn::canonical_url(c.in), c.out) << c.in;
}

TEST(Url, Key) {
  EXPECT_EQ(kn::url_key("https://www.Kaggle.com/c/x/?utm_source=r&utm_medium=e"), "kaggle.com/c/x");
  EXPECT_EQ(kn::url_key("http://kaggle.com./c/x#overview"), "kaggle.com/c/x");
  EXPECT_EQ(kn::url_key("https://github.com/a/b/?tab=readme&utm_x=1"), "github.com/a/b?tab=readme");
  EXPECT_EQ(kn::url_key("https://user@zenn.dev:443//"), "zenn.dev");
  EXPECT_EQ(kn::url_key("https://x.org/Case/Path"), "x.org/Case/Path");
  EXPECT_EQ(kn::url_key("https:\\\\x.org\\a\\"), "x.org/a");
  EXPECT_EQ(kn::url_key("mailto:a@b"), "");
  EXPECT_EQ(kn::url_key("/relative/path"), "");
}

TEST(Url, Domain) {
  const Case cases[] = {
      {"https://chizuchizu.com/blog/x", "chizuchizu.com"},
      {"https://www.Kaggle.com/c/x", "kaggle.com"},
      {"https://www.www.example.com", "www.example.com"},
      {"https://wwwexample.com", "wwwexample.com"},
      {"https://user:pw@Host.example.org:8080/p?q#f", "host.example.org"},
      {"https://a.com?x=1", "a.com"},
      {"https://a.com#top", "a.com"},
      {"http://[::1]:8080/x", "[::1]"},
      {"http://Preferred Networks", ""},  // a space is no host character
      {"mailto:me@example.com", ""},
      {"/relative/path", ""},
      {"", ""},
      {"://nohost", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(kn::url_domain(c.in), c.out) << c.in;
}

// The host is the one a browser goes to: a domain: filter, kn list
// --domains and a card's domain cannot be spoofed.
TEST(Url, DomainAsBrowsersParseIt) {
  const Case cases[] = {
      {"https://example.com\\@evil.com/", "example.com"},  // '\' ends the authority
      {"https://example.com@evil.com/", "evil.com"},       // user info ends at the last '@'
      {"https://a@b@evil.com/", "evil.com"},
      {"https:\\\\evil.com\\path", "evil.com"},
      {"https:evil.com/x", "evil.com"},
      {"HTTPS://EXAMPLE.COM./", "example.com"},  // a trailing dot is the same host
      {"https://www.example.com./", "example.com"},
      {"https://日本語.jp/", "xn--wgv71a119e.jp"},
      {"https://xn--wgv71a119e.jp/", "xn--wgv71a119e.jp"},
      {"https://日本.jp/", "xn--wgv71a.jp"},
      {"https://ＥＸＡＭＰＬＥ．ｃｏｍ/", "example.com"},  // full-width, mapped by UTS #46
      {"https://ex%41mple.com/", "example.com"},
      {"http://0x7f.1/", "127.0.0.1"},
      {"http://2130706433/", "127.0.0.1"},
      {"http://[0:0:0:0:0:0:0:1]/", "[::1]"},
      {"http://[::ffff:192.168.0.1]/", "[::ffff:c0a8:1]"},
      {"https:// example.com/", ""},
      {"https://exa mple.com/", ""},
      {"https://example.com:99999/", ""},
      {"https://example.com:8a/", ""},
      {"https://ex<ample.com/", ""},
      {"  https://exam\tple.com/ ", "example.com"},  // tabs and newlines are removed
      {"ftp://files.example.org/a", "files.example.org"},
      // Names UTS #46 leaves as they are, and ones it must look at.
      {"https://-ex--am-ple-.co-m/", "-ex--am-ple-.co-m"},
      {"https://a..b/", "a..b"},
      {"https://xn--a.com/", ""},
      {"https://Xn--wgv71a119e.jp/", "xn--wgv71a119e.jp"},
      {"https://ex_ample.com/", "ex_ample.com"},
  };
  for (const Case& c : cases) EXPECT_EQ(kn::url_domain(c.in), c.out) << c.in;
}

// The URL standard's own test data (web-platform-tests' urltestdata.json,
// which Debian ships with the Rust url crate's sources): every entry whose
// input is an absolute http: or https: URL. The figure printed is how many
// agree; none may disagree but the ones listed.
TEST(Url, AgreesWithTheUrlStandardsTestData) {
  std::string path;
  for (const auto& dir : std::filesystem::directory_iterator("/usr/share/cargo/registry", ec_)) {
    const auto file = dir.path() / "tests/urltestdata.json";
    if (dir.path().filename().string().starts_with("url-") && std::filesystem::exists(file)) {
      path = file.string();
    }
  }
  if (path.empty()) GTEST_SKIP() << "urltestdata.json not found (Debian's librust-url-dev)";
  const kn::testing::JsonValue data = kn::testing::JsonReader(kn::testing::slurp(path)).read();
  int compared = 0, agreed = 0, compared_hrefs = 0, agreed_hrefs = 0;
  std::vector<std::string> disagreements;
  for (const kn::testing::JsonValue& entry : data.array()) {
    if (!entry.is_object()) continue;  // a comment
    const std::string input = entry["input"].string();
    if (!absolute_http(input, entry["base"])) continue;
    const bool failure = !entry["failure"].is_null();
    const std::optional<std::string> want =
        failure ? std::nullopt : std::optional(entry["hostname"].string());
    const std::optional<std::string> got = kn::url_host(input);
    ++compared;
    if (got == want) {
      ++agreed;
    } else {
      disagreements.push_back(input + " -> " + got.value_or("(failure)") + ", want " +
                              want.value_or("(failure)"));
    }
    // The whole address as the standard serializes it, for hyperlinks.
    const std::optional<std::string> want_href =
        failure ? std::nullopt : std::optional(entry["href"].string());
    const std::optional<std::string> got_href = kn::url_href(input);
    ++compared_hrefs;
    if (got_href == want_href) {
      ++agreed_hrefs;
    } else {
      disagreements.push_back(input + " -> href " + got_href.value_or("(failure)") + ", want " +
                              want_href.value_or("(failure)"));
    }
  }
  std::printf("urltestdata.json: %d of %d http(s) entries agree; hrefs %d of %d\n", agreed,
              compared, agreed_hrefs, compared_hrefs);
  EXPECT_GT(compared, 100);
  EXPECT_EQ(disagreements, std::vector<std::string>{});
}

}  // namespace
