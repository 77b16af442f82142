#include "kn/query.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>

#include "kn/issue.hpp"
#include "kn/tokenizer.hpp"
#include "kn/url.hpp"
#include "kn/utf8.hpp"

namespace kn {

namespace {

// How deeply parentheses and negations may nest. FTS5's expression parser
// has a small fixed stack: the translation of 12 levels nests at most 25
// parentheses, which it takes (fuzz_query overflowed it at 32 levels).
constexpr int kMaxDepth = 12;
constexpr int kMaxFts5Depth = 26;

// The deepest parenthesis nesting of an FTS5 expression, outside strings.
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

// --- Filters ---------------------------------------------------------------

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

std::optional<int> parse_int(std::string_view s) {
  int value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty() || value < 0) {
    return std::nullopt;
  }
  return value;
}

// The first and last day a date of the form YYYY, YYYY-MM or YYYY-MM-DD
// covers, or nullopt.
std::optional<std::pair<Date, Date>> date_span(std::string_view text) {
  if (text.size() == 10) {
    const auto day = Date::parse(text);
    if (!day) return std::nullopt;
    return std::pair{*day, *day};
  }
  const auto year = parse_int(text.substr(0, 4));
  if (!year || text.size() < 4 || *year < 1000) return std::nullopt;
  if (text.size() == 4) return std::pair{Date{*year, 1, 1}, Date{*year, 12, 31}};
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  const auto month = parse_int(text.substr(5, 2));
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  for (int last = 31; last >= 28; --last) {
    if (Date::parse(Date{*year, *month, last}.to_string())) {
      return std::pair{Date{*year, *month, 1}, Date{*year, *month, last}};
    }
  }
  return std::nullopt;
}

std::pair<Date, Date> require_date(std::string_view text, std::string_view filter) {
  const auto span = date_span(text);
  if (!span) {
    throw QueryError(
        fmt::format("bad date '{}' in {} (dates are YYYY, YYYY-MM or YYYY-MM-DD)", text, filter));
  }
  return *span;
}

void narrow_since(Filters& filters, const Date& date) {
  const std::string s = date.to_string();
  if (!filters.since || *filters.since < s) filters.since = s;
}

void narrow_until(Filters& filters, const Date& date) {
  const std::string s = date.to_string();
  if (!filters.until || *filters.until > s) filters.until = s;
}

// "A..B", "A..", "..B" or "A": the two ends, empty when open.
std::pair<std::string_view, std::string_view> split_range(std::string_view value) {
  const std::size_t dots = value.find("..");
  if (dots == std::string_view::npos) return {value, value};
  return {value.substr(0, dots), value.substr(dots + 2)};
}

constexpr std::string_view kSectionNames =
    "news, competitions, news_and_competitions, pr, announcement, datasets, articles, errata, "
    "others, other, links";

// term as an FTS5 phrase, given the tokens it becomes; "" without tokens.
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
  if (tokens.back().prefix) phrase += '*';
  return phrase;
}

// --- Lexing ----------------------------------------------------------------

enum class Lex { word, phrase, minus, lparen, rparen, and_, or_, not_, filter, end };

struct Lexeme {
  Lex kind;
  std::string text;        // word or phrase text; for a filter, its value
  std::string name;        // filter name
  std::size_t offset = 0;  // in bytes
};

bool is_filter_name(std::string_view name) {
  static constexpr std::string_view kNames[] = {"section", "issue",  "date", "since",
                                                "until",   "domain", "in"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

bool is_blank(char32_t cp) { return is_space(cp) || cp < 0x20 || cp == 0x7F; }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  std::vector<Lexeme> run() {
    std::vector<Lexeme> out;
    while (true) {
      skip_blanks();
      if (pos_ >= text_.size()) break;
      const std::size_t start = pos_;
      const char c = text_[pos_];
      if (c == '(' || c == ')') {
        ++pos_;
        out.push_back({c == '(' ? Lex::lparen : Lex::rparen, std::string(1, c), {}, start});
      } else if (c == '"') {
        out.push_back(phrase());
      } else if (c == '-' && starts_operand(pos_ + 1)) {
        ++pos_;
        out.push_back({Lex::minus, "-", {}, start});
      } else {
        out.push_back(word());
      }
    }
    out.push_back({Lex::end, {}, {}, text_.size()});
    return out;
  }

 private:
  // Whether a term or group starts at `at`, so that a '-' before it negates.
  bool starts_operand(std::size_t at) const {
    return at < text_.size() && (text_[at] == '(' || text_[at] == '"' || !at_word_end(at));
  }

  bool at_word_end(std::size_t at) const {
    if (at >= text_.size()) return true;
    const char c = text_[at];
    if (c == '(' || c == ')' || c == '"') return true;
    std::size_t i = at;
    return is_blank(decode_utf8(text_, i));
  }

  void skip_blanks() {
    while (pos_ < text_.size()) {
      std::size_t next = pos_;
      if (!is_blank(decode_utf8(text_, next))) break;
      pos_ = next;
    }
  }

  Lexeme phrase() {
    const std::size_t start = pos_++;
    const std::size_t close = text_.find('"', pos_);
    if (close == std::string_view::npos) {
      throw QueryError(
          fmt::format("missing closing '\"' for the quote at column {}", column_of(text_, start)));
    }
    pos_ = close + 1;
    return {Lex::phrase, std::string(text_.substr(start + 1, close - start - 1)), {}, start};
  }

  Lexeme word() {
    const std::size_t start = pos_;
    while (!at_word_end(pos_)) decode_utf8(text_, pos_);
    std::string text(text_.substr(start, pos_ - start));
    if (text == "AND") return {Lex::and_, text, {}, start};
    if (text == "OR") return {Lex::or_, text, {}, start};
    if (text == "NOT") return {Lex::not_, text, {}, start};
    if (const std::size_t colon = text.find(':'); colon != std::string::npos) {
      std::string name = lower(text.substr(0, colon));
      if (is_filter_name(name)) return {Lex::filter, text.substr(colon + 1), name, start};
    }
    return {Lex::word, text, {}, start};
  }

 public:
  static std::size_t column_of(std::string_view text, std::size_t offset) {
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++column) decode_utf8(text, i);
    return column;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// --- Parsing ---------------------------------------------------------------

struct Node {
  enum class Type { term, all_of, any_of, none_of } type;
  std::string text;  // a term's text
  bool quoted = false, prefix = false;
  std::size_t offset = 0;
  std::vector<Node> children;
};

class Parser {
 public:
  Parser(std::string_view text, Filters& filters)
      : text_(text), lexemes_(Lexer(text).run()), filters_(filters) {}

  std::optional<Node> run() {
    std::optional<Node> root = any_of(0);
    if (peek().kind == Lex::rparen) fail("')' without a matching '('", peek());
    return root;
  }

 private:
  const Lexeme& peek() const { return lexemes_[next_]; }
  const Lexeme& take() { return lexemes_[next_++]; }

  [[noreturn]] void fail(std::string_view what, const Lexeme& at) const {
    throw QueryError(fmt::format("{} at column {}", what, Lexer::column_of(text_, at.offset)));
  }

  static bool ends_group(Lex kind) {
    return kind == Lex::rparen || kind == Lex::or_ || kind == Lex::end;
  }

  std::optional<Node> any_of(int depth) {
    std::vector<Node> parts;
    const Lexeme& first = peek();
    if (first.kind == Lex::or_) fail("OR needs a term before it", first);
    while (true) {
      if (auto part = all_of(depth)) parts.push_back(std::move(*part));
      if (peek().kind != Lex::or_) break;
      const Lexeme& op = take();
      if (ends_group(peek().kind)) fail("OR needs a term after it", op);
    }
    if (parts.empty()) return std::nullopt;
    if (parts.size() == 1) return std::move(parts[0]);
    return Node{Node::Type::any_of, {}, false, false, first.offset, std::move(parts)};
  }

  std::optional<Node> all_of(int depth) {
    std::vector<Node> parts;
    const std::size_t offset = peek().offset;
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
    return Node{Node::Type::all_of, {}, false, false, offset, std::move(parts)};
  }

  std::optional<Node> unary(int depth, bool negated) {
    const Lexeme& lexeme = peek();
    if (lexeme.kind == Lex::minus || lexeme.kind == Lex::not_) {
      take();
      if (depth >= kMaxDepth) fail("query nested too deeply", lexeme);
      if (ends_group(peek().kind) || peek().kind == Lex::and_) {
        fail(fmt::format("{} needs a term after it", lexeme.text), lexeme);
      }
      auto child = unary(depth + 1, true);
      if (!child) return std::nullopt;
      if (child->type == Node::Type::none_of) return std::move(child->children[0]);  // --a is a
      return Node{Node::Type::none_of, {}, false, false, lexeme.offset, {std::move(*child)}};
    }
    return primary(depth, negated);
  }

  std::optional<Node> primary(int depth, bool negated) {
    const Lexeme& lexeme = take();
    switch (lexeme.kind) {
      case Lex::lparen: {
        if (depth >= kMaxDepth) fail("query nested too deeply", lexeme);
        std::optional<Node> inner = any_of(depth + 1);
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
      case Lex::phrase: return Node{Node::Type::term, lexeme.text, true, false, lexeme.offset, {}};
      case Lex::word: {
        std::string text = lexeme.text;
        bool prefix = false;
        while (text.ends_with('*')) text.pop_back(), prefix = true;
        if (prefix && text.empty()) fail("'*' must follow a word", lexeme);
        return Node{Node::Type::term, std::move(text), false, prefix, lexeme.offset, {}};
      }
      default: fail(fmt::format("unexpected '{}'", lexeme.text), lexeme);
    }
  }

  void add_filter(const Lexeme& lexeme) {
    const std::string& name = lexeme.name;
    if (lexeme.text.empty()) {
      fail(fmt::format("{}: needs a value (e.g. {})", name, example_for(name)), lexeme);
    }
    try {
      if (name == "section") add_section_filter(filters_, lexeme.text);
      if (name == "issue") add_issue_filter(filters_, lexeme.text);
      if (name == "date") add_date_filter(filters_, lexeme.text);
      if (name == "since") add_since_filter(filters_, lexeme.text);
      if (name == "until") add_until_filter(filters_, lexeme.text);
      if (name == "domain") add_domain_filter(filters_, lexeme.text);
      if (name == "in") add_column_filter(filters_, lexeme.text);
    } catch (const QueryError& e) {
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
    return "in:title";
  }

  std::string_view text_;
  std::vector<Lexeme> lexemes_;
  std::size_t next_ = 0;
  Filters& filters_;
};

// --- Translation -----------------------------------------------------------

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

  std::string tree;  // the explanation of the parsed tree

 private:
  std::string term(const Node& node, int indent) {
    const std::vector<Token> tokens = tokenize(node.text, TokenizeMode::query);
    std::string phrase = quoted_phrase(node.text, tokens);
    std::string shown;
    for (const Token& token : tokens) {
      shown += (shown.empty() ? "" : " ") + token.text + (token.prefix ? "*" : "");
    }
    if (node.prefix && !phrase.empty() && !phrase.ends_with('*')) {
      phrase += '*';
      shown += '*';
    }
    note(indent, fmt::format("{}{}{}  ->  {}", node.quoted ? "\"" : "", node.text,
                             node.quoted ? "\"" : (node.prefix ? "*" : ""),
                             phrase.empty() ? "(nothing to search for: ignored)" : shown));
    return phrase;
  }

  static std::string join(const std::vector<std::string>& parts, std::string_view op) {
    if (parts.size() == 1) return parts[0];
    std::string out;
    for (const std::string& part : parts) {
      out += out.empty() ? "(" : std::string(op);
      out += part;
    }
    return parts.empty() ? out : out + ")";
  }

  void note(int indent, std::string_view line) {
    tree += std::string(2 * static_cast<std::size_t>(indent) + 2, ' ');
    tree += line;
    tree += '\n';
  }

  [[noreturn]] void fail(std::string_view what, const Node& at) const {
    throw QueryError(fmt::format("{} at column {}", what, Lexer::column_of(text_, at.offset)));
  }

  std::string_view text_;
};

std::string describe(const Filters& f) {
  std::string out;
  const auto line = [&](std::string_view name, const std::string& value) {
    out += fmt::format("  {}: {}\n", name, value);
  };
  const auto list = [](const std::vector<std::string>& values) {
    std::string joined;
    for (const std::string& v : values) joined += (joined.empty() ? "" : ", ") + v;
    return joined;
  };
  if (!f.sections.empty()) line("section", list(f.sections));
  if (!f.issues.empty()) {
    std::vector<std::string> ranges;
    for (const auto& [low, high] : f.issues) {
      ranges.push_back(low == high ? fmt::format("{}", low) : fmt::format("{}..{}", low, high));
    }
    line("issue", list(ranges));
  }
  if (f.since || f.until) line("date", f.since.value_or("") + ".." + f.until.value_or(""));
  if (!f.domains.empty()) line("domain", list(f.domains) + " (and subdomains)");
  if (!f.columns.empty()) line("in", list(f.columns));
  return out;
}

}  // namespace

std::string fts5_phrase(std::string_view term) {
  return quoted_phrase(term, tokenize(term, TokenizeMode::query));
}

bool Filters::empty() const {
  return sections.empty() && issues.empty() && !since && !until && domains.empty() &&
         columns.empty();
}

void add_section_filter(Filters& filters, std::string_view value) {
  const std::string name = lower(value);
  std::vector<std::string> kinds;
  if (name == "links" || name == "other") {
    kinds = {name};
  } else if (const auto kind = known_section_kind(value)) {
    kinds = {std::string(to_string(*kind))};
  } else if (name == "news_and_competitions") {
    kinds = {name};
  } else {
    throw QueryError(fmt::format("unknown section '{}' (sections: {})", value, kSectionNames));
  }
  // The combined section counts as news and as competitions.
  if (kinds[0] == "news" || kinds[0] == "competitions") kinds.push_back("news_and_competitions");
  for (std::string& kind : kinds) {
    if (std::find(filters.sections.begin(), filters.sections.end(), kind) ==
        filters.sections.end()) {
      filters.sections.push_back(std::move(kind));
    }
  }
}

void add_issue_filter(Filters& filters, std::string_view value) {
  const auto [low_text, high_text] = split_range(value);
  const auto low = low_text.empty() ? std::optional(0) : parse_int(low_text);
  const auto high = high_text.empty() ? std::optional(1 << 30) : parse_int(high_text);
  if (!low || !high || (low_text.empty() && high_text.empty())) {
    throw QueryError(fmt::format("bad issue number '{}' (use issue:66 or issue:60..90)", value));
  }
  filters.issues.emplace_back(std::min(*low, *high), std::max(*low, *high));
}

void add_date_filter(Filters& filters, std::string_view value) {
  const auto [low, high] = split_range(value);
  if (low.empty() && high.empty()) {
    throw QueryError(fmt::format("bad date range '{}' (use date:2021-03..2021-06)", value));
  }
  const std::string where = fmt::format("date:{}", value);
  if (!low.empty()) narrow_since(filters, require_date(low, where).first);
  if (!high.empty()) narrow_until(filters, require_date(high, where).second);
}

void add_since_filter(Filters& filters, std::string_view value) {
  narrow_since(filters, require_date(value, fmt::format("since:{}", value)).first);
}

void add_until_filter(Filters& filters, std::string_view value) {
  narrow_until(filters, require_date(value, fmt::format("until:{}", value)).second);
}

void add_domain_filter(Filters& filters, std::string_view value) {
  std::string domain = value.find("://") != std::string_view::npos
                           ? url_domain(value)
                           : url_domain(fmt::format("http://{}", value));
  if (domain.empty() || domain.find_first_of(" \"'") != std::string::npos) {
    throw QueryError(fmt::format("bad domain '{}' (use domain:github.com)", value));
  }
  filters.domains.push_back(std::move(domain));
}

void add_column_filter(Filters& filters, std::string_view value) {
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t end = value.find_first_of(",|", start);
    if (end == std::string_view::npos) end = value.size();
    const std::string column = lower(value.substr(start, end - start));
    if (column != "title" && column != "body" && column != "comment") {
      throw QueryError(
          fmt::format("unknown column '{}' in in:{} (use title, body or comment)", column, value));
    }
    if (std::find(filters.columns.begin(), filters.columns.end(), column) ==
        filters.columns.end()) {
      filters.columns.push_back(column);
    }
    start = end + 1;
  }
}

Query parse_query(std::string_view text, Filters filters) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    if (decode_utf8(text, i) == kReplacementChar && text.substr(start, i - start) != "\uFFFD") {
      throw QueryError(fmt::format("the query is not valid UTF-8 (at column {})",
                                   Lexer::column_of(text, start)));
    }
  }

  Query query;
  const std::optional<Node> root = Parser(text, filters).run();
  Translator translator(text);
  if (root && Translator::wholly_negative(*root)) {
    query.exclude = translator.exclusion(*root);
  } else if (root) {
    query.match = translator.fts(*root, 0);
  }
  if (query.match.empty() && query.exclude.empty() && !filters.columns.empty()) {
    throw QueryError("in: needs words to search for");
  }
  if (query.match.empty() && query.exclude.empty() && filters.empty()) {
    throw QueryError("nothing to search for: give a word, a phrase or a filter");
  }
  if (fts5_depth(query.match) > kMaxFts5Depth || fts5_depth(query.exclude) > kMaxFts5Depth) {
    throw QueryError("query nested too deeply");
  }
  if (!filters.columns.empty()) {
    std::string columns;
    for (const std::string& c : filters.columns) columns += (columns.empty() ? "" : " ") + c;
    if (!query.match.empty()) query.match = "{" + columns + "} : (" + query.match + ")";
    if (!query.exclude.empty()) query.exclude = "{" + columns + "} : (" + query.exclude + ")";
  }
  query.explanation =
      "query:\n" + (translator.tree.empty() ? "  (filters only)\n" : translator.tree);
  if (!filters.empty()) query.explanation += "filters:\n" + describe(filters);
  if (!query.match.empty()) query.explanation += "FTS5: " + query.match + "\n";
  if (!query.exclude.empty()) query.explanation += "FTS5, to leave out: " + query.exclude + "\n";
  query.filters = std::move(filters);
  return query;
}

}  // namespace kn
