#include "extract/html.hpp"

#include <gtest/gtest.h>

namespace {

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
