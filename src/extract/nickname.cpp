#include "nickname.hpp"

#include <algorithm>
#include <array>
#include <optional>

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

// The competition of each link of the paragraph, found once.
std::vector<std::optional<std::string>> competitions_of(const Paragraph& p) {
  std::vector<std::optional<std::string>> out;
  for (const Link& link : p.links) {
    const auto competition = competition_of(link.url);
    out.push_back(competition ? std::optional(competition->url) : std::nullopt);
  }
  return out;
}

void add_once(std::vector<std::string>& names, std::string name) {
  if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
    names.push_back(std::move(name));
  }
}

}  // namespace

bool is_nickname(std::string_view text) {
  return text.size() > kContest.size() && text.ends_with(kContest);
}

std::vector<std::string> nicknames_from_link(const Paragraph& p, std::size_t index,
                                             const CompetitionLink& competition) {
  std::vector<std::string> out;
  const std::size_t at = p.offsets[index];
  if (at == std::string_view::npos) return out;
  // Not structured bindings: clang 14 does not capture those.
  const std::pair<std::size_t, std::size_t> around = p.sentence_at(at);
  const std::size_t begin = around.first, end = around.second;
  const std::string_view sentence = p.text.substr(begin, end - begin);
  if (sentence.find(kCalled) == std::string_view::npos &&
      sentence.find(kContest) == std::string_view::npos) {
    return out;
  }
  const std::vector<std::optional<std::string>> of = competitions_of(p);
  const auto in_sentence = [&](std::size_t k) {
    return p.offsets[k] != std::string_view::npos && p.offsets[k] >= begin && p.offsets[k] < end;
  };
  for (std::size_t called_at = sentence.find(kCalled); called_at != std::string_view::npos;
       called_at = sentence.find(kCalled, called_at + kCalled.size())) {
    // The name it follows: the nearest competition link before, else after.
    std::optional<std::size_t> named;
    for (std::size_t k = 0; k < p.links.size(); ++k) {
      if (!in_sentence(k) || !of[k]) continue;
      if (p.offsets[k] < begin + called_at || !named) named = k;
      if (p.offsets[k] >= begin + called_at) break;
    }
    if (named && *of[*named] == competition.url) add_once(out, called(p.text, begin + called_at));
  }
  const auto [first, last] = p.brackets_in(begin, end);
  for (std::size_t b = first; b < last; ++b) {
    const std::string name = p.inside(b);
    if (!is_nickname(name)) continue;
    const std::size_t open = p.brackets[b].first, close = p.brackets[b].second;
    std::vector<std::string> linked;
    const auto collect = [&](bool held) {
      for (std::size_t k = 0; k < p.links.size(); ++k) {
        if (!in_sentence(k) || !of[k]) continue;
        const bool inside = p.offsets[k] >= open && p.offsets[k] < close;
        if ((held && inside) || (!held && p.offsets[k] >= close)) add_once(linked, *of[k]);
      }
    };
    collect(true);
    if (linked.empty()) collect(false);
    if (linked.size() == 1 && linked[0] == competition.url) add_once(out, name);
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
