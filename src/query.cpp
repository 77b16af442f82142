#include "kn/query.hpp"

#include "kn/tokenizer.hpp"

namespace kn {

std::string fts5_phrase(std::string_view term) {
  const std::vector<Token> tokens = tokenize(term, TokenizeMode::query);
  if (tokens.empty()) return {};
  std::string phrase = "\"";
  for (const char c : term) {
    if (c == '"') phrase += '"';  // FTS5 escapes a quote by doubling it
    phrase += c;
  }
  phrase += '"';
  if (tokens.back().prefix) phrase += '*';
  return phrase;
}

}  // namespace kn
