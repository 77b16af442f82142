#include "kn/url.hpp"

#include <gtest/gtest.h>

TEST(Url, Placeholder) { EXPECT_EQ(kn::canonical_url("a"), "a"); }
