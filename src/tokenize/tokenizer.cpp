#include "tokenizer.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <optional>
#include <utility>

#include "char_info.hpp"
#include "stemmer.hpp"
#include "util/utf8.hpp"

namespace kn {

namespace {

using detail::char_info;
using detail::CharClass;
using detail::CharInfo;
using detail::normalizer;

// Feeds normalized characters, each with the byte range of the original text
// it came from, and cuts them into tokens. A few characters are decided by
// what follows them, so each waits as pending:
//   - white space after a Japanese run: another run right after it is the
//     same run ("Kaggleで磨く 機械学習" is indexed as if it had no space);
//   - '+' and '#' after a word belong to it when no word character follows
//     (C++, C#, F#); a '.' before a word belongs to it when no word
//     character precedes (.NET);
//   - 's after a word is a possessive, dropped;
//   - a prolonged sound mark after katakana that no katakana follows is
//     dropped (ユーザー is ユーザ), in documents and queries alike.
class TokenBuilder {
 public:
  TokenBuilder(TokenizeMode mode, const std::function<int(const Token&)>& emit)
      : mode_(mode), emit_(emit) {}

  // info: what char_info says of cp, when the caller knows it.
  int add(char32_t cp, int start, int end, const CharInfo* info_known) {
    // Most characters of English text go on a word: what add_word would do,
    // without asking what the character is or what was pending.
    if (detail::is_ascii_word(cp) && pending_ == Pending::none && !word_.text.empty()) {
      word_.text += static_cast<char>(cp);
      word_.end = end;
      return 0;
    }
    const CharInfo info = info_known ? *info_known : char_info(cp);
    if (int rc = settle(cp, info, end)) return rc;
    if (pending_ != Pending::none) return 0;
    if (info.cls == CharClass::cjk) return add_cjk(cp, info, start, end);
    if (info.cls == CharClass::word) return add_word(cp, start, end);
    return add_separator(cp, info, start, end);
  }

  int finish() {
    if (int rc = settle(0, {CharClass::separator, true, true, false, false}, 0)) return rc;
    bar_.reset();
    if (!word_.text.empty()) return flush_word();
    if (!run_.empty()) return flush_run(true);
    return 0;
  }

 private:
  struct CjkChar {
    char32_t cp;
    int start, end;
    bool katakana;
  };
  enum class Pending { none, suffix, dot, apostrophe, apostrophe_s };

  // Decides what was pending, now that cp follows it; sets pending_ again
  // when cp itself is still part of it.
  int settle(char32_t cp, const CharInfo& info, int end) {
    const bool word = info.cls == CharClass::word;
    switch (std::exchange(pending_, Pending::none)) {
      case Pending::none: return 0;
      case Pending::suffix:
        if (cp == '+' || cp == '#') {
          word_.text += static_cast<char>(cp), word_.end = end, ++suffix_;
          pending_ = Pending::suffix;
          return 0;
        }
        if (word) {  // "a+b": the '+' was a separator after all
          word_.text.resize(word_.text.size() - suffix_);
          word_.end = end_before_suffix_;
        }
        return flush_word();
      case Pending::dot:
        if (word && cp >= 'a' && cp <= 'z') {
          word_.text.assign(1, '.');  // not = ".": g++ 12 warns falsely (-Wrestrict)
          word_.start = dot_start_;
        }
        return 0;
      case Pending::apostrophe:
        if (cp == 's') {
          pending_ = Pending::apostrophe_s;
          return 0;
        }
        return flush_word();
      case Pending::apostrophe_s: return flush_word();  // "kaggle's" is kaggle
    }
    return 0;
  }

  int add_word(char32_t cp, int start, int end) {
    if (!run_.empty()) {
      bar_.reset();
      if (int rc = flush_run(false)) return rc;
    }
    if (word_.text.empty()) word_.start = start;
    append_utf8(word_.text, cp);
    word_.end = end;
    run_closed_ = false;
    after_word_ = true;
    return 0;
  }

  int add_cjk(char32_t cp, const CharInfo& info, int start, int end) {
    if (!word_.text.empty()) {
      if (int rc = flush_word()) return rc;
    }
    if (run_closed_ && !run_.empty()) {
      bar_.reset();
      if (int rc = flush_run(false)) return rc;
    }
    if (bar_) {  // a sound mark is kept only where katakana follows it
      if (info.katakana || cp == kBar) run_.push_back(*bar_);
      bar_.reset();
    }
    run_closed_ = false;
    after_word_ = false;
    if (cp == kBar && !run_.empty() && (run_.back().katakana || run_.back().cp == kBar)) {
      bar_ = CjkChar{cp, start, end, false};
      return 0;
    }
    run_.push_back({cp, start, end, info.katakana});
    return 0;
  }

  int add_separator(char32_t cp, const CharInfo& info, int start, int end) {
    const bool had_word = !word_.text.empty();
    if (had_word && (cp == '+' || cp == '#')) {
      end_before_suffix_ = word_.end;
      word_.text += static_cast<char>(cp), word_.end = end, suffix_ = 1;
      pending_ = Pending::suffix;
      return 0;
    }
    if (had_word && (cp == '\'' || cp == 0x2019)) {
      pending_ = Pending::apostrophe;
      return 0;
    }
    if (had_word) {
      if (int rc = flush_word()) return rc;
    }
    if (cp == '.' && !after_word_) {
      pending_ = Pending::dot;
      dot_start_ = start;
    }
    // White space between two runs joins them; anything else ends a run.
    if (!info.space || run_.empty()) run_closed_ = true;
    after_word_ = false;
    return 0;
  }

  int flush_word() {
    if (word_.text == ".") {
      word_.text.clear();
      return 0;
    }
    const char last = word_.text.back();
    if (last != '+' && last != '#' && word_.text.front() != '.')
      word_.text = light_stem(word_.text);
    const int rc = emit_(word_);
    word_.text.clear();
    suffix_ = 0;
    return rc;
  }

  // One character of a run as a token (a buffer reused for each). In a
  // document every character that starts a bigram is also indexed at the
  // bigram's position (colocated), so that a one-character query is a term
  // of its own, not a prefix to be merged from every bigram it starts.
  const Token& character(const CjkChar& c, bool colocated) {
    single_.text.clear();
    append_utf8(single_.text, c.cp);
    single_.start = c.start;
    single_.end = c.end;
    single_.colocated = colocated;
    return single_;
  }

  // at_end: nothing follows the run in the text.
  int flush_run(bool at_end) {
    Token token;
    for (std::size_t i = 0; i + 1 < run_.size(); ++i) {
      token.text.clear();
      append_utf8(token.text, run_[i].cp);
      append_utf8(token.text, run_[i + 1].cp);
      token.start = run_[i].start;
      token.end = run_[i + 1].end;
      if (int rc = emit_(token)) return rc;
      if (mode_ == TokenizeMode::document) {
        if (int rc = emit_(character(run_[i], true))) return rc;
      }
    }
    // In a query, a run that ends the text may go on in a document, where
    // its last character starts a bigram instead of being the tail token.
    const bool query_tail = mode_ == TokenizeMode::query && at_end;
    if (!query_tail || run_.size() == 1) {
      if (int rc = emit_(character(run_.back(), false))) return rc;
    }
    run_.clear();
    return 0;
  }

  static constexpr char32_t kBar = 0x30FC;  // ー, the prolonged sound mark

  TokenizeMode mode_;
  const std::function<int(const Token&)>& emit_;
  Token single_;
  Token word_;
  std::vector<CjkChar> run_;
  std::optional<CjkChar> bar_;  // a sound mark waiting for what follows it
  Pending pending_ = Pending::none;
  std::size_t suffix_ = 0;  // '+'/'#' at the end of word_, pending
  int end_before_suffix_ = 0, dot_start_ = 0;
  bool run_closed_ = false;  // a separator other than white space came after the run
  bool after_word_ = false;  // the last character was a word character
};

// UAX #15's Stream-Safe Text Format: at most 30 non-starters in a row.
constexpr std::size_t kMaxNonStarters = 30;

// Calls each(cp, start, end, info) for every character of text normalized,
// with the byte range of the original characters it came from, and
// char_info(cp) when it was known already (else nullptr): each character is
// looked up once. Text is cut where the normalizer says a boundary is, so
// each piece normalizes on its own.
template <typename Each>
int for_each_normalized(std::string_view text, Each each) {
  const icu::Normalizer2& norm = normalizer();
  const std::size_t n = text.size();
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  // The character after a piece is decoded to see where the piece ends; it
  // is kept for the next piece rather than decoded again.
  std::size_t ahead_at = n, ahead_end = n;
  char32_t ahead = 0;
  CharInfo ahead_info{};  // char_info(ahead), when ahead is not ASCII
  std::size_t i = 0;
  while (i < n) {
    // ASCII before ASCII (or the end): nothing combines, no lookup needed.
    if (byte(i) < 0x80 && (i + 1 == n || byte(i + 1) < 0x80)) {
      const char32_t c = byte(i);
      const int at = static_cast<int>(i);
      if (int rc = each((c >= 'A' && c <= 'Z') ? c + 32 : c, at, at + 1, nullptr)) return rc;
      ++i;
      continue;
    }
    const std::size_t start = i;
    char32_t first;
    CharInfo first_info{};
    if (ahead_at == i) {
      first = ahead;
      first_info = ahead_info;
      i = ahead_end;
    } else {
      first = decode_utf8(text, i);
      if (first >= 0x80) first_info = char_info(first);
    }
    std::size_t end = i;
    // Extend over characters that combine with the one before (marks, the
    // half-width voiced sound mark, ...), but no further than Unicode's
    // Stream-Safe Text Format allows: a longer run of marks (text made to
    // be slow: their reordering is quadratic) is cut as if U+034F stood
    // after every 30th.
    std::size_t marks = 0;
    while (end < n) {
      std::size_t next = end;
      const char32_t cp = decode_utf8(text, next);
      const CharInfo info = cp < 0x80 ? CharInfo{} : char_info(cp);
      if (cp < 0x80 || info.boundary_before || ++marks > kMaxNonStarters) {
        ahead_at = end;
        ahead_end = next;
        ahead = cp;
        ahead_info = info;
        break;
      }
      end = next;
    }
    const int s = static_cast<int>(start), e = static_cast<int>(end);
    if (end == i && first < 0x80) {
      if (int rc = each((first >= 'A' && first <= 'Z') ? first + 32 : first, s, e, nullptr)) {
        return rc;
      }
      continue;
    }
    if (end == i && first_info.inert) {
      if (int rc = each(first, s, e, &first_info)) return rc;
      continue;
    }
    i = end;
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString piece = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data() + start, static_cast<int32_t>(end - start)));
    const icu::UnicodeString normalized = norm.normalize(piece, status);
    if (U_FAILURE(status)) continue;
    for (int32_t k = 0; k < normalized.length(); k = normalized.moveIndex32(k, 1)) {
      if (int rc = each(static_cast<char32_t>(normalized.char32At(k)), s, e, nullptr)) return rc;
    }
  }
  return 0;
}

}  // namespace

int tokenize(std::string_view text, TokenizeMode mode,
             const std::function<int(const Token&)>& emit) {
  TokenBuilder builder(mode, emit);
  if (int rc =
          for_each_normalized(text, [&](char32_t cp, int start, int end, const CharInfo* info) {
            return builder.add(cp, start, end, info);
          })) {
    return rc;
  }
  return builder.finish();
}

std::vector<Token> tokenize(std::string_view text, TokenizeMode mode) {
  std::vector<Token> tokens;
  tokenize(text, mode, [&](const Token& token) {
    tokens.push_back(token);
    return 0;
  });
  return tokens;
}

std::string normalize(std::string_view text) {
  std::string out;
  for_each_normalized(text, [&](char32_t cp, int, int, const CharInfo*) {
    append_utf8(out, cp);
    return 0;
  });
  return out;
}

}  // namespace kn
