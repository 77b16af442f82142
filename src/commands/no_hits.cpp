#include "no_hits.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <vector>

#include "kn/error.hpp"
#include "kn/hit.hpp"
#include "store/lists.hpp"
#include "tokenize/tokenizer.hpp"
#include "util/edit_distance.hpp"

namespace kn::detail {

namespace {

// One kind of the query's filters, alone, as a person would type it.
struct OneFilter {
  std::string label;
  Filters filters;
};

// query is resolved; words are the competitions as they were typed.
std::vector<OneFilter> one_by_one(const Query& query, const std::vector<std::string>& words) {
  const Filters& f = query.filters;
  std::vector<OneFilter> out;
  const auto add = [&](std::string label, auto set) {
    Filters alone;
    set(alone);
    out.push_back({std::move(label), std::move(alone)});
  };
  if (!f.sections.empty()) {
    add(fmt::format("section:{}", fmt::join(f.sections, ",")),
        [&](Filters& a) { a.sections = f.sections; });
  }
  if (!f.issues.empty()) {
    std::vector<std::string> ranges;
    for (const auto& [low, high] : f.issues) {
      ranges.push_back(low == high ? fmt::format("{}", low) : fmt::format("{}..{}", low, high));
    }
    add(fmt::format("issue:{}", fmt::join(ranges, ",")), [&](Filters& a) { a.issues = f.issues; });
  }
  if (!f.dates.empty()) {
    std::vector<std::string> ranges;
    for (const DateRange& range : f.dates) ranges.push_back("date:" + range.to_string());
    add(fmt::format("{}", fmt::join(ranges, " OR ")), [&](Filters& a) { a.dates = f.dates; });
  }
  if (!f.domains.empty()) {
    add(fmt::format("domain:{}", fmt::join(f.domains, ",")),
        [&](Filters& a) { a.domains = f.domains; });
  }
  if (!f.urls.empty()) {
    add(fmt::format("url:{}", fmt::join(f.urls, ",")), [&](Filters& a) { a.urls = f.urls; });
  }
  if (!f.competition_ids.empty()) {
    add(fmt::format("competition:{}", fmt::join(words, ",")),
        [&](Filters& a) { a.competition_ids = f.competition_ids; });
  }
  if (f.writeups) add("is:solution", [&](Filters& a) { a.writeups = true; });
  return out;
}

// How many entries q matches; nullopt for one that has nothing to search.
std::optional<std::int64_t> count_of(Store& store, const Query& q) {
  try {
    return store.count(q);
  } catch (const QueryError&) {
    return std::nullopt;
  }
}

// The terms an entry must hold: those not under a NOT.
void positive_terms(const QueryNode& node, std::vector<const QueryNode*>& out) {
  if (node.type == QueryNode::Type::none_of) return;
  if (node.type == QueryNode::Type::term) {
    out.push_back(&node);
    return;
  }
  for (const QueryNode& child : node.children) positive_terms(child, out);
}

// The index's Latin word nearest to term, as the archive writes it (its
// first marked match: "PyTorch" for pytorch); "" when none is near.
std::string nearest_word(Store& store, const QueryNode& term) {
  if (term.quoted || term.prefix) return {};
  const std::vector<Token> tokens = tokenize(term.text, TokenizeMode::query);
  if (tokens.size() != 1) return {};
  const std::string& word = tokens[0].text;
  if (word.empty() ||
      !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return {};
  }
  const std::string near = nearest(
      word, latin_index_terms(store, word.size() > 2 ? word.size() - 2 : 1, word.size() + 2));
  if (near.empty() || near == word) return {};
  Query found;
  found.root = QueryNode{QueryNode::Type::term, near, false, false, 1, {}};
  for (const Hit& hit : store.search(found, {SortOrder::rank, 1, 0, HitText::marked})) {
    for (const std::string* text : {&hit.title, &hit.body, &hit.comment}) {
      const std::size_t start = text->find(kSnippetStart);
      const std::size_t end = text->find(kSnippetEnd, start);
      if (start != std::string::npos && end != std::string::npos) {
        return text->substr(start + 1, end - start - 1);
      }
    }
  }
  return near;
}

}  // namespace

std::string why_no_hits(Store& store, const std::string& text, const Query& parsed,
                        const Query& query) {
  if (std::optional<MeantQuery> meant = with_capital_operators(text)) {
    const std::string last = meant->operators.back();
    meant->operators.pop_back();
    if (meant->operators.empty()) {
      return fmt::format("no hits; {} is written in capitals: {}", last, meant->text);
    }
    return fmt::format("no hits; {} and {} are written in capitals: {}",
                       fmt::join(meant->operators, ", "), last, meant->text);
  }
  const std::vector<OneFilter> filters = one_by_one(query, parsed.competitions);
  for (const OneFilter& filter : filters) {
    Query alone;
    alone.filters = filter.filters;
    if (count_of(store, alone) == 0)
      return fmt::format("no hits: {} matches nothing", filter.label);
  }
  if (!query.root) return "no hits: the filters match nothing together";
  std::vector<const QueryNode*> terms;
  positive_terms(*query.root, terms);
  for (const QueryNode* term : terms) {
    Query alone;
    alone.root = *term;
    if (count_of(store, alone) != 0) continue;
    const std::string typed = term->quoted ? "\"" + term->text + "\"" : term->text;
    const std::string near = nearest_word(store, *term);
    if (near.empty()) return fmt::format("no hits: '{}' matches nothing", typed);
    return fmt::format("no hits: '{}' matches nothing; did you mean {}?", typed, near);
  }
  Query words;
  words.root = query.root;
  words.filters.columns = query.filters.columns;
  const std::optional<std::int64_t> found = count_of(store, words);
  if (!found || *found == 0) return "no hits: the words match nothing together";
  for (const OneFilter& filter : filters) {
    Query narrowed = words;
    Filters& f = narrowed.filters;
    const std::vector<std::string> columns = f.columns;
    f = filter.filters;
    f.columns = columns;
    if (count_of(store, narrowed) == 0) {
      return fmt::format("no hits: the words match {} entries, none with {}", *found, filter.label);
    }
  }
  return fmt::format("no hits: the words match {} entries, none with all the filters", *found);
}

}  // namespace kn::detail
