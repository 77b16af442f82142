// How much of a terminal text takes, in cells. The policy, written once:
// a grapheme cluster (ICU's character BreakIterator: a letter with its
// marks, an emoji sequence, a flag) takes the width of its first character:
// 2 for East Asian Wide and Fullwidth, 1 for the rest, Ambiguous included
// (what terminals in a Japanese locale do unless told otherwise); an emoji
// with its presentation selector (U+FE0F) and a flag take 2; controls,
// combining marks and other zero-width characters 0.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kn {

// Cells text takes. text must be valid UTF-8.
std::size_t display_width(std::string_view text);

// Returns the longest prefix of text (whole clusters) that fits in columns
// cells, with "…" at the end when text was cut.
std::string truncate_to_width(std::string_view text, std::size_t columns);

// Calls each(begin, end, cells) for every grapheme cluster of text, with
// its byte range.
template <typename Each>
void for_each_cluster(std::string_view text, Each each);

namespace detail {
// Returns the byte offsets where clusters of text end, and each one's cells.
void cluster_ends(std::string_view text, void (*each)(void*, std::size_t, std::size_t, std::size_t),
                  void* context);
}  // namespace detail

template <typename Each>
void for_each_cluster(std::string_view text, Each each) {
  detail::cluster_ends(
      text,
      [](void* context, std::size_t begin, std::size_t end, std::size_t cells) {
        (*static_cast<Each*>(context))(begin, end, cells);
      },
      &each);
}

}  // namespace kn
