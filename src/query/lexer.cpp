#include "lexer.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <iterator>

#include "kn/error.hpp"
#include "util/text.hpp"
#include "util/url.hpp"
#include "util/utf8.hpp"

namespace kn::detail {

namespace {

bool is_filter_name(std::string_view name) {
  static constexpr std::string_view kNames[] = {"section", "issue", "date", "since",       "until",
                                                "domain",  "in",    "url",  "competition", "is"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

bool is_blank(char32_t cp) { return is_space(cp) || cp < 0x20 || cp == 0x7F; }

// Quotes as they are typed on Japanese and other keyboards, each with the
// quotes that may close it.
struct Quote {
  std::string_view open;
  std::array<std::string_view, 2> close;
};
constexpr std::array<Quote, 7> kQuotes{{
    {"\"", {"\"", ""}},
    {"“", {"”", "“"}},  // “...” as macOS writes them, or “...“
    {"”", {"”", ""}},   // ”...” as Japanese input methods often write them
    {"„", {"“", "”"}},
    {"「", {"」", ""}},
    {"『", {"』", ""}},
    {"＂", {"＂", ""}},
}};

const Quote* quote_at(std::string_view text) {
  for (const Quote& quote : kQuotes) {
    if (text.starts_with(quote.open)) return &quote;
  }
  return nullptr;
}

bool starts_url(std::string_view text) {
  const std::string head = ascii_lower(text.substr(0, 8));
  return head.starts_with("http://") || head.starts_with("https://") || head.starts_with("url:");
}

class Lexer {
 public:
  Lexer(std::string_view text, const ParseOptions& options) : text_(text), options_(options) {}

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
      } else if (const Quote* quote = quote_at(text_.substr(pos_))) {
        out.push_back(phrase(*quote));
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
    return at < text_.size() &&
           (text_[at] == '(' || quote_at(text_.substr(at)) || !at_word_end(at));
  }

  bool at_word_end(std::size_t at) const {
    if (at >= text_.size()) return true;
    const char c = text_[at];
    if (c == '(' || c == ')' || quote_at(text_.substr(at))) return true;
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

  Lexeme phrase(const Quote& quote) {
    const std::size_t start = pos_;
    pos_ += quote.open.size();
    std::size_t close = std::string_view::npos, length = 0;
    for (const std::string_view closer : quote.close) {
      const std::size_t at = closer.empty() ? std::string_view::npos : text_.find(closer, pos_);
      if (at < close) {
        close = at;
        length = closer.size();
      }
    }
    if (close == std::string_view::npos) {
      throw QueryError(fmt::format("missing closing '{}' for the quote at column {}",
                                   quote.close[0], column_of(text_, start)));
    }
    std::string inside(text_.substr(pos_, close - pos_));
    pos_ = close + length;
    return {Lex::phrase, std::move(inside), {}, start};
  }

  Lexeme word() {
    const std::size_t start = pos_;
    if (starts_url(text_.substr(pos_)) || starts_pasted_address()) return url();
    while (!at_word_end(pos_)) decode_utf8(text_, pos_);
    std::string text(text_.substr(start, pos_ - start));
    if (text == "AND") return {Lex::and_, text, {}, start};
    if (text == "OR") return {Lex::or_, text, {}, start};
    if (text == "NOT") return {Lex::not_, text, {}, start};
    if (const std::size_t colon = text.find(':'); colon != std::string::npos) {
      std::string name = ascii_lower(text.substr(0, colon));
      if (!is_filter_name(name)) return {Lex::word, text, {}, start};
      // name:"several words" (competition:"jpx tokyo"): the quotes hold the value.
      const Quote* quote = colon + 1 == text.size() ? quote_at(text_.substr(pos_)) : nullptr;
      if (quote) return {Lex::filter, phrase(*quote).text, name, start};
      return {Lex::filter, text.substr(colon + 1), name, start};
    }
    return {Lex::word, text, {}, start};
  }

  // A URL without its scheme, on a domain the archive links to.
  bool starts_pasted_address() const {
    if (!options_.linked_domain) return false;
    const std::string domain = address_domain(text_.substr(pos_, blank_at(pos_) - pos_));
    return !domain.empty() && options_.linked_domain(domain);
  }

  // Where the next blank at or after from is (the text's end when none).
  std::size_t blank_at(std::size_t from) const {
    while (from < text_.size()) {
      std::size_t next = from;
      if (is_blank(decode_utf8(text_, next))) break;
      from = next;
    }
    return from;
  }

  // A URL pasted as it is (parentheses and quotes are part of it), or
  // url:ADDRESS: a filter for the entries that link to it.
  Lexeme url() {
    const std::size_t start = pos_;
    pos_ = blank_at(pos_);
    std::string text(text_.substr(start, pos_ - start));
    if (ascii_lower(text.substr(0, 4)) == "url:") text.erase(0, 4);
    return {Lex::filter, std::move(text), "url", start};
  }

  std::string_view text_;
  const ParseOptions& options_;
  std::size_t pos_ = 0;
};

}  // namespace

std::vector<Lexeme> lex(std::string_view text, const ParseOptions& options) {
  std::vector<Lexeme> lexemes = Lexer(text, options).run();
  // Offsets ascend: one walk over the text counts every column.
  std::size_t offset = 0, column = 1;
  for (Lexeme& lexeme : lexemes) {
    for (; offset < lexeme.offset && offset < text.size(); ++column) decode_utf8(text, offset);
    lexeme.column = column;
  }
  return lexemes;
}

std::string address_domain(std::string_view word) {
  const std::size_t slash = word.find('/');
  if (slash == std::string_view::npos || slash == 0) return {};
  const std::string_view host = word.substr(0, slash);
  // Letters, digits, '-' and '.', with a dot between two labels and a last
  // label that is a name (kaggle.com, not 1.5/2 or v0.3/).
  if (host.front() == '.' || host.back() == '.' || host.find("..") != std::string_view::npos ||
      host.find('.') == std::string_view::npos) {
    return {};
  }
  for (const char c : host) {
    if (!is_ascii_alnum(c) && c != '-' && c != '.') return {};
  }
  const std::string_view last = host.substr(host.rfind('.') + 1);
  if (last.size() < 2 || !std::all_of(last.begin(), last.end(), is_ascii_alpha)) return {};
  return url_domain(fmt::format("https://{}", word));
}

std::size_t column_of(std::string_view text, std::size_t offset) {
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++column) decode_utf8(text, i);
  return column;
}

}  // namespace kn::detail
