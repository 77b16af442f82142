#include "kn/query.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "kn/error.hpp"
#include "kn/issue.hpp"
#include "lexer.hpp"
#include "parser.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace kn {

namespace {

void require_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    if (skip_invalid_utf8(text, i)) {
      throw QueryError(fmt::format("the query is not valid UTF-8 (at column {})",
                                   detail::column_of(text, start)));
    }
  }
}

}  // namespace

Query parse_query(std::string_view text, Query flags, const ParseOptions& options) {
  require_utf8(text);
  Query query = std::move(flags);
  query.root = detail::parse_tree(text, query, options);
  return query;
}

std::vector<std::string> pasted_domains(std::string_view text) {
  std::vector<std::string> domains;
  const std::string spaced = collapse_whitespace(text);  // split() views it
  for (const std::string_view word : split(spaced, ' ')) {
    std::string domain = detail::address_domain(word);
    if (!domain.empty() && std::find(domains.begin(), domains.end(), domain) == domains.end()) {
      domains.push_back(std::move(domain));
    }
  }
  return domains;
}

void add_competition_filter(Query& query, std::string_view value) {
  std::string words = collapse_whitespace(value);
  if (words.empty()) throw Error("competition: needs a slug, URL or name (competition:ai4code)");
  query.competitions.push_back(std::move(words));
}

std::optional<MeantQuery> with_capital_operators(std::string_view text) {
  MeantQuery meant{std::string(text), {}};
  for (const detail::Lexeme& lexeme : detail::lex(text)) {
    const std::string word = ascii_lower(lexeme.text);
    if (lexeme.kind != detail::Lex::word || (word != "or" && word != "and" && word != "not")) {
      continue;
    }
    std::string upper = word;
    for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
    meant.text.replace(lexeme.offset, upper.size(), upper);
    if (std::find(meant.operators.begin(), meant.operators.end(), upper) == meant.operators.end()) {
      meant.operators.push_back(upper);
    }
  }
  if (meant.operators.empty()) return std::nullopt;
  return meant;
}

namespace {

// The section kinds as the help lists them: wrapped at 65 columns under
// its descriptions, links annotated.
std::string section_kinds_help() {
  constexpr std::size_t kWidth = 65;
  constexpr std::string_view kIndent = "\n                  ";
  std::string out, line;
  for (const auto& [kind, name] : kSectionKinds) {
    std::string word = std::string(name) + (kind == SectionKind::links ? " (cards, embeds);" : ",");
    if (!line.empty() && line.size() + 1 + word.size() > kWidth) {
      out += line + std::string(kIndent);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  return out + line;
}

}  // namespace

std::string_view query_language_help() {
  static const std::string help = fmt::format(R"(Query language:
  word            entries holding the word; Japanese needs no quoting: 画像認識
                  (spaces between Japanese characters do not matter), plurals
                  and 's match too (models: model); C++, C#, .NET are words
  a b             both (AND may be written)
  a OR b          either (operators are written in capitals)
  NOT a           without a; -a says the same after --: kn search -- kaggle -a
  "a phrase"      these words in this order; also “a phrase”, 「フレーズ」, 『…』
  pre*            words starting with pre
  ( ... )         grouping
  section:KIND    {}
                  news and competitions include news_and_competitions
  issue:66        issue:60..90
  date:2021-03..2021-06   since:2022   until:2021-06 (YYYY, YYYY-MM, YYYY-MM-DD)
  since:2w        relative to today: today, yesterday, 7d, 2w, 3m, 1y (ago);
                  date:3m is the last three months
  domain:github.com       the entry's URL or a link in it, subdomains too
  https://...     entries linking to this page (or url:github.com/a/b), in any
                  of its forms: scheme, www., utm_ parameters, a final /;
                  kaggle.com/c/x without https:// too, when the archive links
                  to kaggle.com; a competition's front page as /c/, as
                  /competitions/ or /overview; a YouTube video as watch?v=,
                  youtu.be/, /embed/ or /shorts/
  competition:ai4code     entries linking to the competition: a slug, a URL or
                  its name's words (competition:"jpx tokyo"), as kn competition
  is:solution     write-ups: a solution, a look back, a place (1位, 1st place)
  in:title        search only titles (or body, comment; in:title,comment)

Filters apply to the whole query. Values of one kind are alternatives, side
by side or with OR (section:news OR section:pr, domain:a domain:b); kinds
combine with AND. Dates side by side narrow each other; dates ORed are either
range (since:2022 OR until:2019). OR cannot join a filter and words: write
(a OR b) filter.
)",
                                              section_kinds_help());
  return help;
}

}  // namespace kn
