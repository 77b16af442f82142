#include "char_info.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <stdexcept>

#include "util/utf8.hpp"

namespace kn::detail {

const icu::Normalizer2& normalizer() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU has no NFKC_Casefold data");
    return n;
  }();
  return *instance;
}

namespace {

bool is_cjk_script(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  return uscript_hasScript(c, USCRIPT_HAN) || uscript_hasScript(c, USCRIPT_HIRAGANA) ||
         uscript_hasScript(c, USCRIPT_KATAKANA);
}

CharClass classify(char32_t cp) {
  if (cp < 0x80) return is_ascii_word(cp) ? CharClass::word : CharClass::separator;
  const auto c = static_cast<UChar32>(cp);
  const uint32_t category = U_GET_GC_MASK(c);
  // Letters and numbers only: CJK punctuation such as 「 and 。 shares the
  // scripts' extensions but separates words.
  if (category & (U_GC_L_MASK | U_GC_N_MASK)) {
    return is_cjk_script(cp) ? CharClass::cjk : CharClass::word;
  }
  return (category & U_GC_M_MASK) ? CharClass::word : CharClass::separator;
}

bool is_katakana_letter(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_KATAKANA && (U_GET_GC_MASK(c) & U_GC_L_MASK);
}

CharInfo compute_info(char32_t cp) {
  const icu::Normalizer2& norm = normalizer();
  const auto c = static_cast<UChar32>(cp);
  return {classify(cp), norm.isInert(c) != 0, norm.hasBoundaryBefore(c) != 0,
          is_katakana_letter(cp), is_space(cp)};
}

// One byte per character: bit 7 says it is known.
constexpr std::uint8_t kKnown = 0x80;

std::uint8_t bits_of(const CharInfo& info) {
  return static_cast<std::uint8_t>(static_cast<unsigned>(info.cls) | (info.inert ? 4u : 0u) |
                                   (info.boundary_before ? 8u : 0u) | (info.katakana ? 16u : 0u) |
                                   (info.space ? 32u : 0u) | kKnown);
}

}  // namespace

CharInfo char_info(char32_t cp) {
  if (cp >= 0x10000) return compute_info(cp);
  // Each character of the Basic Multilingual Plane is asked of ICU once, when
  // first met: a search highlighting twenty hits meets a few hundred, and
  // computing whole blocks of kanji it never meets was a fifth of its
  // start-up. Shared by every thread; two computing one character at once
  // store the same byte.
  static std::array<std::atomic<std::uint8_t>, 0x10000> known{};
  std::atomic<std::uint8_t>& slot = known[cp];
  std::uint8_t bits = slot.load(std::memory_order_relaxed);
  if (!bits) {
    bits = bits_of(compute_info(cp));
    slot.store(bits, std::memory_order_relaxed);
  }
  return {static_cast<CharClass>(bits & 3), (bits & 4) != 0, (bits & 8) != 0, (bits & 16) != 0,
          (bits & 32) != 0};
}

}  // namespace kn::detail
