#include "kn/nesting_guard.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace {

struct Case {
  std::string_view html;
  std::size_t depth;
};

TEST(NestingGuard, NestingDepth) {
  const Case cases[] = {
      {"", 0},
      {"plain", 0},
      {"<div></div>", 1},
      {"<div><div><span>x</span></div></div>", 3},
      {"<div></div><div></div>", 1},
      {"<p><p><p><li><li><br><img src=x><hr>", 0},  // closed implicitly, or void
      {"<div/><div/>", 0},
      {"<DIV><Div></div></DIV>", 2},
      {"<div></span></span><div>", 2},  // stray end tags close nothing
      {"<div a=\"x>y\" b='<div>'><!-- <div><div> --></div>", 1},
      {"<h3><h2>News</h2><p>a</p></h3>", 2},
      {"< div>1 < 2 <", 0},
  };
  for (const Case& c : cases) EXPECT_EQ(kn::html_nesting_depth(c.html), c.depth) << c.html;
}

TEST(NestingGuard, NestingDepthOfHostileInput) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div><b>";
  EXPECT_EQ(kn::html_nesting_depth(html), 200000u);
}

}  // namespace
