#include "query_explain.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string_view>
#include <vector>

#include "tokenize/tokenizer.hpp"

namespace kn {

namespace {

void add_line(std::string& out, int indent, std::string_view line) {
  out += std::string(2 * static_cast<std::size_t>(indent) + 2, ' ');
  out += line;
  out += '\n';
}

// A term as typed, then the tokens it is searched as.
std::string term_line(const QueryNode& term) {
  const std::vector<Token> tokens = tokenize(term.text, TokenizeMode::query);
  std::vector<std::string> shown;
  for (const Token& token : tokens) shown.push_back(token.text);
  const std::string typed = fmt::format("{}{}{}", term.quoted ? "\"" : "", term.text,
                                        term.quoted ? "\"" : (term.prefix ? "*" : ""));
  if (tokens.empty()) return typed + "  ->  (nothing to search for: ignored)";
  return fmt::format("{}  ->  {}{}", typed, fmt::join(shown, " "), term.prefix ? "*" : "");
}

void add_tree(std::string& out, const QueryNode& node, int indent) {
  switch (node.type) {
    case QueryNode::Type::term: add_line(out, indent, term_line(node)); return;
    case QueryNode::Type::any_of: add_line(out, indent, "OR"); break;
    case QueryNode::Type::all_of: add_line(out, indent, "AND"); break;
    case QueryNode::Type::none_of: add_line(out, indent, "NOT"); break;
  }
  for (const QueryNode& child : node.children) add_tree(out, child, indent + 1);
}

// "  name: value" lines for the filters that are set.
std::string filter_lines(const Query& query) {
  const Filters& f = query.filters;
  std::string out;
  const auto line = [&](std::string_view name, const std::string& value) {
    out += fmt::format("  {}: {}\n", name, value);
  };
  if (!f.sections.empty()) line("section", fmt::format("{}", fmt::join(f.sections, ", ")));
  if (!f.issues.empty()) {
    std::vector<std::string> ranges;
    for (const auto& [low, high] : f.issues) {
      ranges.push_back(low == high ? fmt::format("{}", low) : fmt::format("{}..{}", low, high));
    }
    line("issue", fmt::format("{}", fmt::join(ranges, ", ")));
  }
  if (!f.dates.empty()) {
    std::vector<std::string> ranges;
    for (const DateRange& range : f.dates) ranges.push_back(range.to_string());
    line("date", fmt::format("{}", fmt::join(ranges, " or ")));
  }
  if (!f.domains.empty()) {
    line("domain", fmt::format("{} (and subdomains)", fmt::join(f.domains, ", ")));
  }
  if (!query.competitions.empty()) {
    line("competition",
         fmt::format("{} (entries linking to {})", fmt::join(query.competitions, "; "),
                     query.competitions.size() > 1 ? "any of them" : "it"));
  }
  if (!f.columns.empty()) line("in", fmt::format("{}", fmt::join(f.columns, ", ")));
  if (!f.urls.empty()) {
    line("links to", fmt::format("{} (any form of the page)", fmt::join(f.urls, ", ")));
  }
  if (f.writeups) line("is", "solution (write-ups only)");
  return out;
}

}  // namespace

std::string explain_query(const Query& query, const FtsExpressions& fts) {
  std::string out = "query:\n";
  if (query.root) {
    add_tree(out, *query.root, 0);
  } else {
    out += "  (filters only)\n";
  }
  if (query.has_filters()) out += "filters:\n" + filter_lines(query);
  if (!fts.match.empty()) out += "FTS5: " + fts.match + "\n";
  if (!fts.exclude.empty()) out += "FTS5, to leave out: " + fts.exclude + "\n";
  return out;
}

}  // namespace kn
