#include "stemmer.hpp"

#include <algorithm>
#include <array>

namespace kn {

namespace {

// Words that end in -s but are no plurals, or whose plural would stem to
// another word.
constexpr std::array<std::string_view, 14> kKeep{"news",    "series", "species", "lens",  "bias",
                                                 "alias",   "canvas", "atlas",   "chaos", "always",
                                                 "perhaps", "thus",   "yes",     "does"};

bool ascii_letters(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

std::string light_stem(std::string_view word) {
  if (word.size() <= 3 || !ascii_letters(word) || !word.ends_with('s')) return std::string(word);
  if (std::find(kKeep.begin(), kKeep.end(), word) != kKeep.end()) return std::string(word);
  if (word.ends_with("ss") || word.ends_with("us") || word.ends_with("is")) {
    return std::string(word);
  }
  if (word.size() > 4 && word.ends_with("ies") && !word.ends_with("eies") &&
      !word.ends_with("aies")) {
    return std::string(word.substr(0, word.size() - 3)) + "y";
  }
  for (const std::string_view ending : {"ches", "shes", "sses", "xes", "zes"}) {
    if (word.ends_with(ending)) return std::string(word.substr(0, word.size() - 2));
  }
  return std::string(word.substr(0, word.size() - 1));
}

}  // namespace kn
