// What readers call a competition, as the archive itself writes it:
// 通称: 圧力コンペ, 「鳥コンペ」 by its link, a card titled 鳥コンペ反省会. A
// phrase given to two competitions is nobody's nickname; the store's lists
// decide that over the whole archive.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "competition_name.hpp"

namespace kn {

// A nickname a paragraph gives a competition (its canonical URL).
struct Nickname {
  std::string competition, name;
  bool operator==(const Nickname&) const = default;
};

// Returns the nicknames a paragraph gives the competitions it links to,
// each once, in one pass over its sentences:
// - the text after 通称 (通称: / 通称：) in a sentence, up to its closing
//   bracket or the end of the phrase, given to the competition linked
//   nearest before it in the sentence (else after it);
// - a 「」 or 『』 text ending in コンペ in a sentence, when the links it
//   holds, or if none the links after it in the sentence, go to exactly one
//   competition.
std::vector<Nickname> paragraph_nicknames(const Paragraph& paragraph);

// Returns the Xコンペ a card's title starts with (鳥コンペ反省会 -> 鳥コンペ,
// SIGNATE 鰹節コンペ2nd Place -> 鰹節コンペ), or "" when it starts with
// none: X is a name, not a phrase (no particle, no punctuation).
std::string nickname_from_title(std::string_view title);

// Tells whether text reads as a nickname: it ends in コンペ and something
// stands before it.
bool is_nickname(std::string_view text);

}  // namespace kn
