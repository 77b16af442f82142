// Which of an entry's links a match is about. Links carry no offsets into
// the text, so each is located by its text: searched for in order, each
// after the previous one found, so that "1" and "2" of "（1, 2）や（1, 2）"
// fall where the editor wrote them.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "kn/issue.hpp"

namespace kn {

// Returns where each link's text starts in text, npos for one not found:
// each is looked for after the one before it, never inside a longer Latin
// word or number.
std::vector<std::size_t> locate_links(std::string_view text, const std::vector<Link>& links);

// Returns the sentence of text that holds byte `at`, as [begin, end): a
// sentence ends after 。！？!? or ". ".
std::pair<std::size_t, std::size_t> sentence_at(std::string_view text, std::size_t at);

// Returns the index in links of the link the match at bytes [begin, end) of
// text is about: of the links whose text starts in the sentence holding the
// match (a sentence ends after 。！？!? or ". "), the nearest to the match;
// else, of every link located, the nearest. Nearest is measured between the
// link's text and the match, 0 when they overlap, so that 解法資料（1, 2）
// picks the 1 that follows rather than a link that ends just before; ties
// go to the earlier link. nullopt when no link's text is found in text.
std::optional<std::size_t> link_at_match(std::string_view text, std::size_t begin, std::size_t end,
                                         const std::vector<Link>& links);

}  // namespace kn
