#include "fts5_translate.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>

#include "kn/error.hpp"
#include "lexer.hpp"

namespace kn::detail {

namespace {

class Translator {
 public:
  explicit Translator(std::string_view text) : text_(text) {}

  // The FTS5 expression for node, "" when it has nothing to search for.
  std::string fts(const Node& node, int indent) {
    switch (node.type) {
      case Node::Type::term: return term(node, indent);
      case Node::Type::any_of: {
        note(indent, "OR");
        std::vector<std::string> parts;
        for (const Node& child : node.children) {
          if (child.type == Node::Type::none_of) {
            fail("a negated term cannot be part of OR; subtract it from the group: (a OR b) -c",
                 child);
          }
          if (std::string part = fts(child, indent + 1); !part.empty()) parts.push_back(part);
        }
        return join(parts, " OR ");
      }
      case Node::Type::all_of: {
        note(indent, "AND");
        std::vector<std::string> positive, negative;
        for (const Node& child : node.children) {
          const bool negated = child.type == Node::Type::none_of;
          if (negated) note(indent + 1, "NOT");
          std::string part = fts(negated ? child.children[0] : child, indent + 1 + negated);
          if (!part.empty()) (negated ? negative : positive).push_back(part);
        }
        if (negative.empty()) return join(positive, " AND ");
        if (positive.empty()) fail("NOT needs something to subtract from", node);
        return fmt::format("({} NOT {})", join(positive, " AND "), join(negative, " OR "));
      }
      case Node::Type::none_of: fail("NOT needs something to subtract from", node);
    }
    return {};
  }

  // The root may be wholly negative: the entries to leave out.
  std::string exclusion(const Node& root) {
    std::vector<std::string> parts;
    if (root.type == Node::Type::none_of) {
      note(0, "NOT");
      parts.push_back(fts(root.children[0], 1));
    } else {
      note(0, "AND");
      for (const Node& child : root.children) {
        note(1, "NOT");
        parts.push_back(fts(child.children[0], 2));
      }
    }
    std::erase(parts, std::string());
    return join(parts, " OR ");
  }

  static bool wholly_negative(const Node& root) {
    if (root.type == Node::Type::none_of) return true;
    return root.type == Node::Type::all_of &&
           std::all_of(root.children.begin(), root.children.end(),
                       [](const Node& n) { return n.type == Node::Type::none_of; });
  }

  std::string tree;

 private:
  std::string term(const Node& node, int indent) {
    const std::vector<Token> tokens = tokenize(node.text, TokenizeMode::query);
    if (tokens.size() > kMaxPhraseTokens) {
      fail(fmt::format("a phrase of {} words; at most {} make one phrase", tokens.size(),
                       kMaxPhraseTokens),
           node);
    }
    std::string phrase = quoted_phrase(node.text, tokens);
    std::vector<std::string> shown;
    for (const Token& token : tokens) shown.push_back(token.text);
    std::string tokens_shown = fmt::format("{}", fmt::join(shown, " "));
    if (node.prefix && !phrase.empty() && !phrase.ends_with('*')) {
      phrase += '*';
      tokens_shown += '*';
    }
    note(indent, fmt::format("{}{}{}  ->  {}", node.quoted ? "\"" : "", node.text,
                             node.quoted ? "\"" : (node.prefix ? "*" : ""),
                             phrase.empty() ? "(nothing to search for: ignored)" : tokens_shown));
    if (phrase.empty()) return phrase;
    // Terms that tokenize alike ("Kaggle", "kaggle") are one term.
    const auto [known, fresh] = phrases_.try_emplace(tokens_shown, phrase);
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

  void note(int indent, std::string_view line) {
    tree += std::string(2 * static_cast<std::size_t>(indent) + 2, ' ');
    tree += line;
    tree += '\n';
  }

  [[noreturn]] void fail(std::string_view what, const Node& at) const {
    throw QueryError(fmt::format("{} at column {}", what, column_of(text_, at.offset)));
  }

  std::string_view text_;
  std::map<std::string, std::string> phrases_;  // tokens -> the phrase written for them
};

}  // namespace

Translation translate(const Node& root, std::string_view text) {
  Translator translator(text);
  Translation out;
  if (Translator::wholly_negative(root)) {
    out.exclude = translator.exclusion(root);
  } else {
    out.match = translator.fts(root, 0);
  }
  out.tree = std::move(translator.tree);
  return out;
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
