#include "link_at_match.hpp"

#include <array>
#include <limits>

namespace kn {

namespace {

bool alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The first place of word in text from `from` that is not part of a longer
// Latin word or number: "1" is not found in "19日", "GPU" not in "GPUs".
std::size_t find_whole(std::string_view text, std::string_view word, std::size_t from) {
  for (std::size_t at = text.find(word, from); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    const bool joined_before = at > 0 && alnum(word.front()) && alnum(text[at - 1]);
    const bool joined_after = end < text.size() && alnum(word.back()) && alnum(text[end]);
    if (!joined_before && !joined_after) return at;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<std::size_t> locate_links(std::string_view text, const std::vector<Link>& links) {
  std::vector<std::size_t> at;
  std::size_t from = 0;
  for (const Link& link : links) {
    const std::size_t found =
        link.text.empty() ? std::string_view::npos : find_whole(text, link.text, from);
    at.push_back(found);
    if (found != std::string_view::npos) from = found + link.text.size();
  }
  return at;
}

std::pair<std::size_t, std::size_t> sentence_at(std::string_view text, std::size_t match) {
  static constexpr std::array<std::string_view, 6> kEnds{"。", "！", "？", "!", "?", ". "};
  std::size_t begin = 0, end = text.size();
  for (const std::string_view mark : kEnds) {
    const std::size_t before = match == 0 ? std::string_view::npos : text.rfind(mark, match - 1);
    if (before != std::string_view::npos) begin = std::max(begin, before + mark.size());
    const std::size_t after = text.find(mark, match);
    if (after != std::string_view::npos) end = std::min(end, after + mark.size());
  }
  return {begin, end};
}

std::optional<std::size_t> link_at_match(std::string_view text, std::size_t begin, std::size_t end,
                                         const std::vector<Link>& links) {
  const std::vector<std::size_t> at = locate_links(text, links);
  const auto [first, last] = sentence_at(text, std::min(begin, text.size()));
  std::optional<std::size_t> in_sentence, anywhere;
  std::size_t best_in = std::numeric_limits<std::size_t>::max(), best_any = best_in;
  for (std::size_t k = 0; k < at.size(); ++k) {
    if (at[k] == std::string_view::npos) continue;
    const std::size_t link_end = at[k] + links[k].text.size();
    const std::size_t distance = at[k] >= end        ? at[k] - end
                                 : link_end <= begin ? begin - link_end
                                                     : 0;
    if (at[k] >= first && at[k] < last && distance < best_in) {
      best_in = distance;
      in_sentence = k;
    }
    if (distance < best_any) {
      best_any = distance;
      anywhere = k;
    }
  }
  return in_sentence ? in_sentence : anywhere;
}

}  // namespace kn
