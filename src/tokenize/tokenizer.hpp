// kn's tokenizer, shared by the FTS5 index and the query translator so that
// both sides cut text the same way.
//
// Text is normalized (NFKC and case folding: "ＰｙＴｏｒｃｈ" is "pytorch",
// half-width katakana is full-width). Runs of letters, digits and marks form
// words. Runs of Han, Hiragana and Katakana (with ー and 々) are cut into
// overlapping bigrams, and the run's last character is also a one-character
// token, so that any substring of a run is a phrase of consecutive tokens.
// In a document, each bigram's first character is a token too, at the
// bigram's position (colocated, in brackets below), so that every
// character of a run is found as a term of its own:
//
//   document "機械学習"  ->  機械 [機] 械学 [械] 学習 [学] 習
//   query    "械学習"    ->  械学 学習          (a run that ends the query)
//   query    "習"        ->  習
//   query    "学習Go"    ->  学習 習 go         (a run followed by more)
//
// Offsets are byte offsets into the original text, so snippets and
// highlights point at what the user wrote.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kn {

enum class TokenizeMode { document, query };

struct Token {
  std::string text;  // normalized
  int start = 0, end = 0;
  // Document mode: a character at the position of the bigram it starts,
  // for FTS5 an alternative to that bigram (FTS5_TOKEN_COLOCATED), not a
  // position of its own.
  bool colocated = false;
  bool operator==(const Token&) const = default;
};

// Calls emit for each token of text (valid UTF-8) in order. emit returns 0
// to go on; any other value stops the tokenizer and is returned.
int tokenize(std::string_view text, TokenizeMode mode,
             const std::function<int(const Token&)>& emit);

std::vector<Token> tokenize(std::string_view text, TokenizeMode mode);

// Returns text normalized as the tokenizer sees it (NFKC, case folded).
std::string normalize(std::string_view text);

}  // namespace kn
