#include "nickname.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "util/text.hpp"
#include "util/utf8.hpp"

namespace kn {

namespace {

constexpr std::string_view kContest = "コンペ";
constexpr std::string_view kCalled = "通称";

// Characters that end a nickname's phrase after 通称.
bool ends_phrase(char32_t cp) {
  return cp == U'」' || cp == U'』' || cp == U'）' || cp == ')' || cp == U'、' || cp == U'。' ||
         cp == ',' || cp == U'，' || cp == U'！' || cp == U'？' || cp == '\n';
}

// Characters that make a run of text a phrase rather than a name.
bool in_phrase(char32_t cp) {
  static constexpr std::u32string_view kParticles = U"をにのがでへはとも";
  return kParticles.find(cp) != std::u32string_view::npos || ends_phrase(cp) || cp == U'「' ||
         cp == U'『' || cp == U'（' || cp == '(' || cp == U'：' || cp == ':';
}

// The nickname after the 通称 at byte at: separators and an opening
// bracket skipped, up to the phrase's end; cut after its last コンペ when it
// holds one (通称鳥コンペと呼ばれる -> 鳥コンペ).
std::string called(std::string_view text, std::size_t at) {
  std::size_t i = at + kCalled.size();
  while (i < text.size()) {
    std::size_t next = i;
    const char32_t cp = decode_utf8(text, next);
    if (cp != ':' && cp != U'：' && cp != U'「' && cp != U'『' && cp != U'は' && !is_space(cp))
      break;
    i = next;
  }
  const std::size_t begin = i;
  while (i < text.size()) {
    std::size_t next = i;
    if (ends_phrase(decode_utf8(text, next))) break;
    i = next;
  }
  std::string_view phrase = text.substr(begin, i - begin);
  if (const std::size_t contest = phrase.rfind(kContest); contest != std::string_view::npos) {
    phrase = phrase.substr(0, contest + kContest.size());
  }
  return collapse_whitespace(phrase);
}

}  // namespace

bool is_nickname(std::string_view text) {
  return text.size() > kContest.size() && text.ends_with(kContest);
}

std::vector<Nickname> paragraph_nicknames(const Paragraph& p) {
  std::vector<Nickname> out;
  std::set<std::pair<std::string_view, std::string>> given;  // each once, in linear time
  const auto give = [&](const std::string& competition, std::string name) {
    if (!name.empty() && given.emplace(competition, name).second) {
      out.push_back({competition, std::move(name)});
    }
  };
  // The links to competitions found in the text, in order: (offset, URL).
  std::vector<std::pair<std::size_t, const std::string*>> linked;
  for (std::size_t k = 0; k < p.links.size(); ++k) {
    if (p.offsets[k] != std::string_view::npos && !p.competitions[k].empty()) {
      linked.emplace_back(p.offsets[k], &p.competitions[k]);
    }
  }
  if (linked.empty()) return out;
  // For each, where the run of links to its competition ends.
  std::vector<std::size_t> run_end(linked.size(), linked.size());
  for (std::size_t k = linked.size() - 1; k-- > 0;) {
    run_end[k] = *linked[k].second == *linked[k + 1].second ? run_end[k + 1] : k + 1;
  }
  // The first of them at or after byte at.
  const auto from = [&](std::size_t at) {
    return std::lower_bound(
        linked.begin(), linked.end(), at,
        [](const auto& link, std::size_t offset) { return link.first < offset; });
  };
  for (std::size_t begin = 0, s = 0; begin < p.text.size(); ++s) {
    const std::size_t end = s < p.sentence_ends.size() ? p.sentence_ends[s] : p.text.size();
    const std::string_view sentence = p.text.substr(begin, end - begin);
    const auto first_link = from(begin), past = from(end);
    if (first_link != past) {
      for (std::size_t at = sentence.find(kCalled); at != std::string_view::npos;
           at = sentence.find(kCalled, at + kCalled.size())) {
        // The name it follows: the nearest competition link before, else after.
        auto named = from(begin + at);
        if (named != first_link) --named;
        give(*named->second, called(p.text, begin + at));
      }
      const auto [first, last] = p.brackets_in(begin, end);
      for (std::size_t b = first; b < last; ++b) {
        std::string name = p.inside(b);
        if (!is_nickname(name)) continue;
        // The links it holds, else those after it in the sentence: one
        // competition, or nobody's.
        const auto held = from(p.brackets[b].first), after = from(p.brackets[b].second);
        auto one = held != after ? held : after;
        const auto stop = held != after ? after : past;
        if (one == stop) continue;
        const auto index = static_cast<std::size_t>(one - linked.begin());
        if (run_end[index] >= static_cast<std::size_t>(stop - linked.begin())) {
          give(*one->second, std::move(name));
        }
      }
    }
    begin = end;
  }
  return out;
}

std::string nickname_from_title(std::string_view title) {
  const std::size_t contest = title.find(kContest);
  if (contest == std::string_view::npos || contest == 0) return {};
  std::string_view head = title.substr(0, contest);
  // A platform's name before the nickname is not part of it.
  for (const std::string& platform : platform_names()) {
    if (ascii_lower(head).starts_with(ascii_lower(platform) + " ")) {
      head.remove_prefix(platform.size() + 1);
    }
  }
  for (std::size_t i = 0; i < head.size();) {
    const char32_t cp = decode_utf8(head, i);
    if (in_phrase(cp) || (is_space(cp) && i < head.size())) return {};
  }
  return collapse_whitespace(std::string(head) + std::string(kContest));
}

}  // namespace kn
