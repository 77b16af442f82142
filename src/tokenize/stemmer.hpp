// A light English stemmer: plurals and nothing else, so that
// "competitions" finds "competition" but "Transformer" never finds
// "Transformation" nor "optimizer" "optimization" (Porter's stemmer merged
// them). Possessives ('s) are dropped by the tokenizer itself.
#pragma once

#include <string>
#include <string_view>

namespace kn {

// Returns word (lower-case) without its plural ending: -ies -> -y
// (libraries), -ches, -shes, -sses, -xes, -zes lose -es (batches, classes,
// boxes), any other -s goes (models, GANs), but -ss, -us, -is and words of
// three letters or fewer stay, as do the few words whose -s is no plural
// (news, series, ...). Words with anything but ASCII letters stay as they
// are.
std::string light_stem(std::string_view word);

}  // namespace kn
