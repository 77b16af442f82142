#include "kn/html.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace {

struct Case {
  std::string_view html;
  std::size_t depth;
};

TEST(Html, NestingDepth) {
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

TEST(Html, NestingDepthOfHostileInput) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div><b>";
  EXPECT_EQ(kn::html_nesting_depth(html), 200000u);
}

TEST(Html, DocumentAndAttributes) {
  const kn::HtmlDocument doc("<p id=\"a\" class=x>t</p>");
  const GumboNode* html = doc.root();
  ASSERT_TRUE(kn::is_element(html, GUMBO_TAG_HTML));
  const GumboNode* body = static_cast<const GumboNode*>(html->v.element.children.data[1]);
  ASSERT_TRUE(kn::is_element(body, GUMBO_TAG_BODY));
  const GumboNode* p = static_cast<const GumboNode*>(body->v.element.children.data[0]);
  ASSERT_TRUE(kn::is_element(p, GUMBO_TAG_P));
  EXPECT_STREQ(kn::attribute(p, "id"), "a");
  EXPECT_STREQ(kn::attribute(p, "class"), "x");
  EXPECT_EQ(kn::attribute(p, "style"), nullptr);
}

}  // namespace
