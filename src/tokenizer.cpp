#include "kn/tokenizer.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <stdexcept>

#include "kn/utf8.hpp"

namespace kn {

namespace {

const icu::Normalizer2& normalizer() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU has no NFKC_Casefold data");
    return n;
  }();
  return *instance;
}

enum class CharClass { separator, word, cjk };

bool is_cjk_script(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  return uscript_hasScript(c, USCRIPT_HAN) || uscript_hasScript(c, USCRIPT_HIRAGANA) ||
         uscript_hasScript(c, USCRIPT_KATAKANA);
}

CharClass classify(char32_t cp) {
  if (cp < 0x80) {
    const bool alnum = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
    return alnum ? CharClass::word : CharClass::separator;
  }
  const auto c = static_cast<UChar32>(cp);
  const uint32_t category = U_GET_GC_MASK(c);
  // Letters and numbers only: CJK punctuation such as 「 and 。 shares the
  // scripts' extensions but separates words.
  if (category & (U_GC_L_MASK | U_GC_N_MASK)) {
    return is_cjk_script(cp) ? CharClass::cjk : CharClass::word;
  }
  return (category & U_GC_M_MASK) ? CharClass::word : CharClass::separator;
}

// What the tokenizer asks of a character, computed once for each
// 256-character page of the Basic Multilingual Plane it meets: ICU's answers
// are exact but too slow to ask for every character of a corpus.
struct CharInfo {
  CharClass cls;
  bool inert;            // NFKC_Casefold leaves it alone, whatever surrounds it
  bool boundary_before;  // normalization never combines it with what precedes
};

CharInfo compute_info(char32_t cp) {
  const icu::Normalizer2& norm = normalizer();
  const auto c = static_cast<UChar32>(cp);
  return {classify(cp), norm.isInert(c) != 0, norm.hasBoundaryBefore(c) != 0};
}

using Page = std::array<std::uint8_t, 256>;

const Page* compute_page(char32_t first) {
  auto page = std::make_unique<Page>();
  for (char32_t k = 0; k < 256; ++k) {
    const CharInfo info = compute_info(first | k);
    (*page)[k] =
        static_cast<std::uint8_t>(static_cast<unsigned>(info.cls) | (info.inert ? 4u : 0u) |
                                  (info.boundary_before ? 8u : 0u));
  }
  return page.release();
}

CharInfo char_info(char32_t cp) {
  if (cp >= 0x10000) return compute_info(cp);
  // Shared by every thread; a page two threads compute at once is the same
  // either way, and the loser's copy is dropped. Pages live as long as the
  // process.
  static std::array<std::atomic<const Page*>, 256> pages{};
  std::atomic<const Page*>& slot = pages[cp >> 8];
  const Page* page = slot.load(std::memory_order_acquire);
  if (!page) {
    const Page* fresh = compute_page(cp & ~char32_t{0xFF});
    if (slot.compare_exchange_strong(page, fresh, std::memory_order_acq_rel)) {
      page = fresh;
    } else {
      delete fresh;
    }
  }
  const std::uint8_t bits = (*page)[cp & 0xFF];
  return {static_cast<CharClass>(bits & 3), (bits & 4) != 0, (bits & 8) != 0};
}

// Feeds normalized characters, each with the byte range of the original text
// it came from, and cuts them into tokens.
class TokenBuilder {
 public:
  TokenBuilder(TokenizeMode mode, const std::function<int(const Token&)>& emit)
      : mode_(mode), emit_(emit) {}

  int add(char32_t cp, int start, int end) {
    const CharClass cls = char_info(cp).cls;
    if (cls == CharClass::separator) {
      run_closed_ = true;
      return word_.text.empty() ? 0 : flush_word();
    }
    if (cls == CharClass::word) {
      if (!run_.empty()) {
        if (int rc = flush_run(false)) return rc;
      }
      if (word_.text.empty()) word_.start = start;
      append_utf8(word_.text, cp);
      word_.end = end;
    } else {
      if (!word_.text.empty()) {
        if (int rc = flush_word()) return rc;
      }
      if (run_closed_ && !run_.empty()) {
        if (int rc = flush_run(false)) return rc;
      }
      run_.push_back({cp, start, end});
    }
    run_closed_ = false;
    return 0;
  }

  int finish() {
    if (!word_.text.empty()) return flush_word();
    if (!run_.empty()) return flush_run(true);
    return 0;
  }

 private:
  struct CjkChar {
    char32_t cp;
    int start, end;
  };

  int flush_word() {
    const int rc = emit_(word_);
    word_.text.clear();
    return rc;
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
    }
    // In a query, a run that ends the text may go on in a document, where
    // its last character starts a bigram instead of being the tail token.
    const bool query_tail = mode_ == TokenizeMode::query && at_end;
    if (!query_tail || run_.size() == 1) {
      token.text.clear();
      append_utf8(token.text, run_.back().cp);
      token.start = run_.back().start;
      token.end = run_.back().end;
      token.prefix = query_tail;
      if (int rc = emit_(token)) return rc;
    }
    run_.clear();
    return 0;
  }

  TokenizeMode mode_;
  const std::function<int(const Token&)>& emit_;
  Token word_;
  std::vector<CjkChar> run_;
  bool run_closed_ = false;  // a separator came after the run
};

// UAX #15's Stream-Safe Text Format: at most 30 non-starters in a row.
constexpr std::size_t kMaxNonStarters = 30;

// Calls each(cp, start, end) for every character of text normalized, with
// the byte range of the original characters it came from. Text is cut where
// the normalizer says a boundary is, so each piece normalizes on its own.
template <typename Each>
int for_each_normalized(std::string_view text, Each each) {
  const icu::Normalizer2& norm = normalizer();
  const std::size_t n = text.size();
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  // The character after a piece is decoded to see where the piece ends; it
  // is kept for the next piece rather than decoded again.
  std::size_t ahead_at = n, ahead_end = n;
  char32_t ahead = 0;
  std::size_t i = 0;
  while (i < n) {
    // ASCII before ASCII (or the end): nothing combines, no lookup needed.
    if (byte(i) < 0x80 && (i + 1 == n || byte(i + 1) < 0x80)) {
      const char32_t c = byte(i);
      const int at = static_cast<int>(i);
      if (int rc = each((c >= 'A' && c <= 'Z') ? c + 32 : c, at, at + 1)) return rc;
      ++i;
      continue;
    }
    const std::size_t start = i;
    char32_t first;
    if (ahead_at == i) {
      first = ahead;
      i = ahead_end;
    } else {
      first = decode_utf8(text, i);
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
      if (cp < 0x80 || char_info(cp).boundary_before || ++marks > kMaxNonStarters) {
        ahead_at = end, ahead_end = next, ahead = cp;
        break;
      }
      end = next;
    }
    const int s = static_cast<int>(start), e = static_cast<int>(end);
    if (end == i && first < 0x80) {
      if (int rc = each((first >= 'A' && first <= 'Z') ? first + 32 : first, s, e)) return rc;
      continue;
    }
    if (end == i && char_info(first).inert) {
      if (int rc = each(first, s, e)) return rc;
      continue;
    }
    i = end;
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString piece = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data() + start, static_cast<int32_t>(end - start)));
    const icu::UnicodeString normalized = norm.normalize(piece, status);
    if (U_FAILURE(status)) continue;
    for (int32_t k = 0; k < normalized.length(); k = normalized.moveIndex32(k, 1)) {
      if (int rc = each(static_cast<char32_t>(normalized.char32At(k)), s, e)) return rc;
    }
  }
  return 0;
}

}  // namespace

bool is_japanese_letter(char32_t cp) { return char_info(cp).cls == CharClass::cjk; }

int tokenize(std::string_view text, TokenizeMode mode,
             const std::function<int(const Token&)>& emit) {
  TokenBuilder builder(mode, emit);
  if (int rc = for_each_normalized(
          text, [&](char32_t cp, int start, int end) { return builder.add(cp, start, end); })) {
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
  for_each_normalized(text, [&](char32_t cp, int, int) {
    append_utf8(out, cp);
    return 0;
  });
  return out;
}

}  // namespace kn
