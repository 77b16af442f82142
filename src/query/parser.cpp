#include "parser.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>

#include "kn/error.hpp"
#include "lexer.hpp"

namespace kn::detail {

namespace {

class Parser {
 public:
  Parser(std::string_view text, Query& query, const ParseOptions& options)
      : lexemes_(lex(text, options)), query_(query) {
    join_filters();
  }

  std::optional<QueryNode> run() {
    std::optional<QueryNode> root = any_of(0);
    if (peek().kind == Lex::rparen) fail("')' without a matching '('", peek());
    for (const auto& [chain, ranges] : date_chains_) narrow_dates(query_.filters, ranges);
    return root;
  }

 private:
  const Lexeme& peek() const { return lexemes_[next_]; }
  const Lexeme& take() { return lexemes_[next_++]; }

  [[noreturn]] void fail(std::string_view what, const Lexeme& at) const {
    throw QueryError(fmt::format("{} at column {}", what, at.column));
  }

  static bool ends_group(Lex kind) {
    return kind == Lex::rparen || kind == Lex::or_ || kind == Lex::end;
  }

  std::optional<QueryNode> any_of(int depth) {
    std::vector<QueryNode> parts;
    const Lexeme& first = peek();
    if (first.kind == Lex::or_) fail("OR needs a term before it", first);
    const std::size_t filters_before = filters_.size();
    bool ored = false;
    while (true) {
      if (auto part = all_of(depth)) parts.push_back(std::move(*part));
      if (peek().kind != Lex::or_) break;
      const Lexeme& op = take();
      if (ends_group(peek().kind)) fail("OR needs a term after it", op);
      ored = true;
    }
    if (ored) check_no_filter_since(filters_before);
    if (parts.empty()) return std::nullopt;
    if (parts.size() == 1) return std::move(parts[0]);
    return QueryNode{QueryNode::Type::any_of, {}, false, false, first.column, std::move(parts)};
  }

  std::optional<QueryNode> all_of(int depth) {
    std::vector<QueryNode> parts;
    const std::size_t start = peek().column;
    while (!ends_group(peek().kind)) {
      if (peek().kind == Lex::and_) {
        const Lexeme& op = take();
        if (parts.empty() || ends_group(peek().kind) || peek().kind == Lex::and_) {
          fail("AND needs a term on each side", op);
        }
        continue;
      }
      if (auto part = unary(depth, false)) parts.push_back(std::move(*part));
    }
    if (parts.empty()) return std::nullopt;
    if (parts.size() == 1) return std::move(parts[0]);
    return QueryNode{QueryNode::Type::all_of, {}, false, false, start, std::move(parts)};
  }

  std::optional<QueryNode> unary(int depth, bool negated) {
    const Lexeme& lexeme = peek();
    if (lexeme.kind == Lex::minus || lexeme.kind == Lex::not_) {
      take();
      if (depth >= kMaxDepth) fail("query nested too deeply", lexeme);
      if (ends_group(peek().kind) || peek().kind == Lex::and_) {
        fail(fmt::format("{} needs a term after it", lexeme.text), lexeme);
      }
      auto child = unary(depth + 1, true);
      if (!child) return std::nullopt;
      if (child->type == QueryNode::Type::none_of)
        return std::move(child->children[0]);  // --a is a
      return QueryNode{QueryNode::Type::none_of, {}, false, false, lexeme.column,
                       {std::move(*child)}};
    }
    return primary(depth, negated);
  }

  std::optional<QueryNode> primary(int depth, bool negated) {
    const Lexeme& lexeme = take();
    switch (lexeme.kind) {
      case Lex::lparen: {
        if (depth >= kMaxDepth) fail("query nested too deeply", lexeme);
        std::optional<QueryNode> inner = any_of(depth + 1);
        if (peek().kind != Lex::rparen) fail("missing ')' for the '('", lexeme);
        take();
        return inner;
      }
      case Lex::filter:
        if (negated) fail("filters cannot be negated", lexeme);
        if (depth > 0)
          fail("filters apply to the whole query and cannot be in parentheses", lexeme);
        add_filter(lexeme);
        return std::nullopt;
      case Lex::phrase:
        return QueryNode{QueryNode::Type::term, lexeme.text, true, false, lexeme.column, {}};
      case Lex::word: {
        std::string text = lexeme.text;
        bool prefix = false;
        while (text.ends_with('*')) {
          text.pop_back();
          prefix = true;
        }
        if (prefix && text.empty()) fail("'*' must follow a word", lexeme);
        return QueryNode{QueryNode::Type::term, std::move(text), false, prefix, lexeme.column, {}};
      }
      default: fail(fmt::format("unexpected '{}'", lexeme.text), lexeme);
    }
  }

  // The kind a filter joins with in an OR: date, since and until are one.
  static std::string_view kind_of(const Lexeme& filter) {
    const std::string& name = filter.name;
    return name == "since" || name == "until" ? std::string_view("date") : name;
  }

  // Filters apply to the whole query, so an OR between two filters of one
  // kind joins those two alone, whatever stands around them: their values
  // are alternatives. The OR is dropped here, and each filter remembers the
  // chain it belongs to (dates need it: an OR of them is a list of ranges).
  void join_filters() {
    for (std::size_t k = 0; k < lexemes_.size(); ++k) lexemes_[k].chain = k;
    std::vector<Lexeme> kept;
    kept.reserve(lexemes_.size());
    for (std::size_t k = 0; k < lexemes_.size(); ++k) {
      Lexeme& lexeme = lexemes_[k];
      if (lexeme.kind == Lex::or_ && !kept.empty() && kept.back().kind == Lex::filter &&
          k + 1 < lexemes_.size() && lexemes_[k + 1].kind == Lex::filter) {
        const Lexeme& before = kept.back();
        Lexeme& after = lexemes_[k + 1];
        if (kind_of(before) != kind_of(after)) {
          fail(fmt::format("OR cannot join {}: and {}: filters; only values of one kind are "
                           "alternatives (section:news OR section:pr)",
                           before.name, after.name),
               after);
        }
        after.chain = before.chain;
        continue;
      }
      kept.push_back(std::move(lexeme));
    }
    lexemes_ = std::move(kept);
  }

  // join_filters() took every OR between filters of one kind; an OR left
  // beside a filter would make it an AND, as filters apply to the whole
  // query, so it is refused.
  // from: how many filters had been read before the OR's first operand.
  void check_no_filter_since(std::size_t from) const {
    if (from == filters_.size()) return;
    fail("filters apply to the whole query; OR cannot join a filter and words", *filters_[from]);
  }

  void add_filter(const Lexeme& lexeme) {
    filters_.push_back(&lexeme);
    const std::string& name = lexeme.name;
    if (lexeme.text.empty()) {
      fail(fmt::format("{}: needs a value (e.g. {})", name, example_for(name)), lexeme);
    }
    try {
      if (name == "section") add_section_filter(query_.filters, lexeme.text);
      if (name == "issue") add_issue_filter(query_.filters, lexeme.text);
      if (kind_of(lexeme) == "date") {
        Filters range;  // one alternative of its chain
        if (name == "date") add_date_filter(range, lexeme.text);
        if (name == "since") add_since_filter(range, lexeme.text);
        if (name == "until") add_until_filter(range, lexeme.text);
        std::vector<DateRange>& chain = date_chains_[lexeme.chain];
        chain.insert(chain.end(), range.dates.begin(), range.dates.end());
      }
      if (name == "domain") add_domain_filter(query_.filters, lexeme.text);
      if (name == "in") add_column_filter(query_.filters, lexeme.text);
      if (name == "url") add_url_filter(query_.filters, lexeme.text);
      if (name == "competition") add_competition_filter(query_, lexeme.text);
      if (name == "is") add_trait_filter(query_.filters, lexeme.text);
    } catch (const Error& e) {
      fail(e.what(), lexeme);
    }
  }

  static std::string_view example_for(std::string_view name) {
    if (name == "section") return "section:news";
    if (name == "issue") return "issue:66 or issue:60..90";
    if (name == "date") return "date:2021-03..2021-06";
    if (name == "since") return "since:2022";
    if (name == "until") return "until:2021-06";
    if (name == "domain") return "domain:github.com";
    if (name == "url") return "url:github.com/pytorch/pytorch";
    if (name == "competition") return "competition:ai4code or competition:\"jpx tokyo\"";
    if (name == "is") return "is:solution";
    return "in:title";
  }

  std::vector<Lexeme> lexemes_;
  std::vector<const Lexeme*> filters_;  // in the order they were read
  // The ranges of each chain of dates joined by OR, by chain; the chains
  // narrow each other.
  std::map<std::size_t, std::vector<DateRange>> date_chains_;
  std::size_t next_ = 0;
  Query& query_;
};

}  // namespace

std::optional<QueryNode> parse_tree(std::string_view text, Query& query,
                                    const ParseOptions& options) {
  return Parser(text, query, options).run();
}

}  // namespace kn::detail
