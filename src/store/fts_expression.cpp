#include "fts_expression.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "kn/error.hpp"
#include "kn/store.hpp"

namespace kn::detail {

namespace {

// The translation of the parser's deepest nesting nests at most 25
// parentheses.
constexpr int kMaxFts5Depth = 26;

class Translator {
 public:
  // Returns the FTS5 expression for node, "" when it has nothing to search
  // for.
  std::string fts(const QueryNode& node) {
    switch (node.type) {
      case QueryNode::Type::term: return term(node);
      case QueryNode::Type::any_of: {
        std::vector<std::string> parts;
        for (const QueryNode& child : node.children) {
          if (child.type == QueryNode::Type::none_of) {
            fail("a negated term cannot be part of OR; subtract it from the group: (a OR b) -c",
                 child);
          }
          if (std::string part = fts(child); !part.empty()) parts.push_back(part);
        }
        return join(parts, " OR ");
      }
      case QueryNode::Type::all_of: {
        std::vector<std::string> positive, negative;
        for (const QueryNode& child : node.children) {
          const bool negated = child.type == QueryNode::Type::none_of;
          std::string part = fts(negated ? child.children[0] : child);
          std::vector<std::string>& side = negated ? negative : positive;
          if (!part.empty()) side.push_back(std::move(part));
        }
        if (negative.empty()) return join(positive, " AND ");
        if (positive.empty()) fail("NOT needs something to subtract from", node);
        return fmt::format("({} NOT {})", join(positive, " AND "), join(negative, " OR "));
      }
      case QueryNode::Type::none_of: fail("NOT needs something to subtract from", node);
    }
    return {};
  }

  // Returns the entries to leave out for a wholly negative root.
  std::string exclusion(const QueryNode& root) {
    std::vector<std::string> parts;
    if (root.type == QueryNode::Type::none_of) {
      parts.push_back(fts(root.children[0]));
    } else {
      for (const QueryNode& child : root.children) parts.push_back(fts(child.children[0]));
    }
    std::erase(parts, std::string());
    return join(parts, " OR ");
  }

  // Tells whether every term of root is negated: FTS5 has nothing to
  // subtract them from.
  static bool wholly_negative(const QueryNode& root) {
    if (root.type == QueryNode::Type::none_of) return true;
    return root.type == QueryNode::Type::all_of &&
           std::all_of(root.children.begin(), root.children.end(),
                       [](const QueryNode& n) { return n.type == QueryNode::Type::none_of; });
  }

 private:
  std::string term(const QueryNode& node) {
    const std::vector<Token> tokens = tokenize(node.text, TokenizeMode::query);
    if (tokens.size() > kMaxPhraseTokens) {
      fail(fmt::format("a phrase of {} words; at most {} make one phrase", tokens.size(),
                       kMaxPhraseTokens),
           node);
    }
    std::string phrase = quoted_phrase(node.text, tokens);
    if (phrase.empty()) return phrase;
    if (node.prefix) phrase += '*';
    // Terms that tokenize alike ("Kaggle", "kaggle") are one term.
    std::string key = tokens[0].text;
    for (std::size_t k = 1; k < tokens.size(); ++k) key += ' ' + tokens[k].text;
    if (node.prefix) key += '*';
    const auto [known, fresh] = phrases_.try_emplace(std::move(key), phrase);
    if (fresh && phrases_.size() > kMaxTerms) {
      fail(fmt::format("more than {} different words and phrases; a query that long takes "
                       "FTS5 over a second",
                       kMaxTerms),
           node);
    }
    return known->second;
  }

  // parts joined by op, each once: "a a" and "a OR a" are "a" (FTS5 would
  // score every copy, in time quadratic in the copies).
  static std::string join(std::vector<std::string> parts, std::string_view op) {
    std::vector<std::string> once;
    for (std::string& part : parts) {
      if (std::find(once.begin(), once.end(), part) == once.end()) once.push_back(std::move(part));
    }
    if (once.size() == 1) return once[0];
    if (once.empty()) return {};
    return fmt::format("({})", fmt::join(once, op));
  }

  [[noreturn]] void fail(std::string_view what, const QueryNode& at) const {
    throw QueryError(fmt::format("{} at column {}", what, at.column));
  }

  std::map<std::string, std::string> phrases_;  // tokens -> the phrase written for them
};

}  // namespace

Search compile_search(const Query& query) {
  Search search;
  if (query.root) {
    Translator translator;
    if (Translator::wholly_negative(*query.root)) {
      search.exclude = translator.exclusion(*query.root);
    } else {
      search.match = translator.fts(*query.root);
    }
  }
  const Filters& filters = query.filters;
  if (search.match.empty() && search.exclude.empty() && !filters.columns.empty()) {
    throw QueryError("in: needs words to search for");
  }
  if (search.match.empty() && search.exclude.empty() && !query.has_filters()) {
    throw QueryError("nothing to search for: give a word, a phrase or a filter");
  }
  if (fts5_depth(search.match) > kMaxFts5Depth || fts5_depth(search.exclude) > kMaxFts5Depth) {
    throw QueryError("query nested too deeply");
  }
  if (!filters.columns.empty()) {
    const std::string columns = fmt::format("{{{}}} : ", fmt::join(filters.columns, " "));
    if (!search.match.empty()) search.match = columns + "(" + search.match + ")";
    if (!search.exclude.empty()) search.exclude = columns + "(" + search.exclude + ")";
  }
  search.filters = filters;
  return search;
}

std::string quoted_phrase(std::string_view term, const std::vector<Token>& tokens) {
  if (tokens.empty()) return {};
  std::string phrase = "\"";
  for (const char c : term) {
    if (c == '"') phrase += '"';  // FTS5 escapes a quote by doubling it
    // FTS5 ends a string at a NUL; control characters separate words
    // anyway, so a space says the same.
    const bool control = static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
    phrase += control ? ' ' : c;
  }
  phrase += '"';
  return phrase;
}

int fts5_depth(std::string_view expression) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (const char c : expression) {
    if (c == '"') in_string = !in_string;  // a doubled quote toggles twice
    if (in_string) continue;
    if (c == '(') deepest = std::max(deepest, ++depth);
    if (c == ')') --depth;
  }
  return deepest;
}

}  // namespace kn::detail

namespace kn {

FtsExpressions fts_expressions(const Query& query) {
  detail::Search search = detail::compile_search(query);
  return {std::move(search.match), std::move(search.exclude)};
}

}  // namespace kn
