// What the tokenizer asks of a character: its class, and what Unicode
// normalization does with it. ICU answers exactly, but too slowly to ask for
// every character of a corpus, so the answer for each character of the Basic
// Multilingual Plane is kept once asked.
#pragma once

#include <unicode/normalizer2.h>

namespace kn::detail {

enum class CharClass { separator, word, cjk };

struct CharInfo {
  CharClass cls;
  bool inert;            // NFKC_Casefold leaves it alone, whatever surrounds it
  bool boundary_before;  // normalization never combines it with what precedes
  bool katakana;         // a katakana letter
  bool space;            // Unicode White_Space
};

CharInfo char_info(char32_t cp);

// Returns true for the characters that form Japanese runs (Han, Hiragana
// and Katakana letters, ー, 々), after normalization.
inline bool is_japanese_letter(char32_t cp) { return char_info(cp).cls == CharClass::cjk; }

// Returns the ASCII characters of class word (the tokenizer sees ASCII
// lowercased).
constexpr bool is_ascii_word(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
}

// ICU's NFKC_Casefold normalizer.
const icu::Normalizer2& normalizer();

}  // namespace kn::detail
