#include "tokenize/stemmer.hpp"

#include <gtest/gtest.h>

#include <string_view>
#include <utility>

namespace {

TEST(Stemmer, PluralsOnly) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"competitions", "competition"},
      {"models", "model"},
      {"notebooks", "notebook"},
      {"libraries", "library"},
      {"companies", "company"},
      {"batches", "batch"},
      {"classes", "class"},
      {"boxes", "box"},
      {"gans", "gan"},
      {"datasets", "dataset"},
      {"transformers", "transformer"},
      // What Porter merged stays apart.
      {"transformer", "transformer"},
      {"transformation", "transformation"},
      {"optimizer", "optimizer"},
      {"optimization", "optimization"},
      {"optuna", "optuna"},
      {"learning", "learning"},
      {"trained", "trained"},
      // No plurals.
      {"class", "class"},
      {"virus", "virus"},
      {"analysis", "analysis"},
      {"news", "news"},
      {"series", "series"},
      {"gas", "gas"},
      {"this", "this"},
      {"kaggle", "kaggle"},
      {"c++", "c++"},
      {"v100s", "v100s"},
      {"café", "café"},
  };
  for (const auto& [word, stem] : cases) EXPECT_EQ(kn::light_stem(word), stem) << word;
}

}  // namespace
