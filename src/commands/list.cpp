#include <fmt/core.h>
#include <fmt/ranges.h>

#include "commands.hpp"
#include "output.hpp"
#include "store/competition_list.hpp"
#include "store/lists.hpp"
#include "util/sanitize.hpp"

namespace kn {

using detail::date_value;
using detail::print_rows;
using detail::TableSpec;

namespace {

std::string issue_cell(const IssueRef& ref) {
  return fmt::format("#{} {}", ref.number, ref.date.value_or(""));
}

Column keep(std::string header, std::optional<std::size_t> link = {}, bool right = false) {
  return {std::move(header), Fit::keep, 0, right, link};
}

Column wraps(std::string header, std::optional<std::size_t> link = {}) {
  return {std::move(header), Fit::wrap, 0, false, link};
}

Column gives(std::string header, Fit fit, int order, bool right = false) {
  return {std::move(header), fit, order, right, std::nullopt};
}

// Names, titles and URLs stay whole; dates and platforms give way. Counts
// are what a list is sorted by and read for: they stay on the line, but
// the write-ups give way first unless they are the order.
TableSpec competitions_spec(CompetitionOrder order) {
  return {{gives("platform", Fit::drop, 2), wraps("name", 5), gives("first", Fit::drop, 3),
           gives("last", Fit::drop, 4), keep("mentions", {}, true),
           order == CompetitionOrder::writeups ? keep("writeups", {}, true)
                                               : gives("writeups", Fit::drop, 1, true),
           keep("url", 5)},
          {"platform", "name", "url", "first_issue", "first_date", "last_issue", "last_date",
           "mentions", "writeups", "aliases"}};
}

const TableSpec kIssues{{keep("issue", {}, true), gives("date", Fit::drop, 1), wraps("title"),
                         keep("items", {}, true), keep("cards", {}, true)},
                        {"number", "date", "title", "items", "cards", "embeds", "url"}};

const TableSpec kLinks{
    {keep("cited", {}, true), wraps("text", 3), gives("issues", Fit::shrink, 2), keep("url", 3)},
    {"url", "text", "cited", "issues"}};

const TableSpec kDomains{{keep("domain"), keep("links", {}, true), keep("cards", {}, true)},
                         {"domain", "links", "cards"}};

int print_competitions(Store& store, const ListRequest& request) {
  const Format format = request.out.format;
  return print_rows(
      list_competitions(store, request.filters, request.order), request.out,
      competitions_spec(request.order),
      [&](const CompetitionRow& r) -> std::vector<std::string> {
        if (format == Format::tsv) {
          return {r.platform,
                  r.name,
                  r.url,
                  std::to_string(r.first.number),
                  r.first.date.value_or(""),
                  std::to_string(r.last.number),
                  r.last.date.value_or(""),
                  std::to_string(r.mentions),
                  std::to_string(r.writeups),
                  fmt::format("{}", fmt::join(r.aliases, ", "))};
        }
        return {r.platform,
                r.aliases.empty() ? r.name
                                  : fmt::format("{}（{}）", r.name, fmt::join(r.aliases, "、")),
                issue_cell(r.first),
                issue_cell(r.last),
                std::to_string(r.mentions),
                std::to_string(r.writeups),
                r.url};
      },
      [](JsonWriter& json, const CompetitionRow& r) {
        json.begin_object().key("platform").value(r.platform).key("name").value(r.name);
        json.key("url").value(r.url).key("urls").begin_array();
        for (const std::string& url : r.urls) json.value(url);
        json.end_array().key("first_issue").value(r.first.number);
        date_value(json, "first_date", r.first.date);
        json.key("last_issue").value(r.last.number);
        date_value(json, "last_date", r.last.date);
        json.key("mentions").value(r.mentions).key("writeups").value(r.writeups);
        json.key("aliases").begin_array();
        for (const std::string& alias : r.aliases) json.value(alias);
        json.end_array().end_object();
      });
}

int print_issues(Store& store, const ListRequest& request) {
  const Format format = request.out.format;
  return print_rows(
      list_issues(store, request.filters), request.out, kIssues,
      [&](const IssueRow& r) -> std::vector<std::string> {
        const std::string date = r.date ? (r.date_estimated ? "~" : "") + *r.date : "";
        if (format == Format::tsv) {
          return {std::to_string(r.number),
                  date,
                  r.title,
                  std::to_string(r.items),
                  std::to_string(r.cards),
                  std::to_string(r.embeds),
                  r.url};
        }
        return {std::to_string(r.number), date, r.title, std::to_string(r.items),
                std::to_string(r.cards)};
      },
      [](JsonWriter& json, const IssueRow& r) {
        json.begin_object().key("number").value(r.number);
        date_value(json, "date", r.date);
        json.key("date_estimated").value(r.date_estimated).key("title").value(r.title);
        json.key("url").value(r.url).key("source").value(escaped(r.source));
        json.key("items").value(r.items).key("cards").value(r.cards);
        json.key("embeds").value(r.embeds).end_object();
      });
}

int print_links(Store& store, const ListRequest& request) {
  const Format format = request.out.format;
  const auto issues_cell = [](const LinkRow& r) {
    return r.issues.empty() ? std::string() : fmt::format("#{}", fmt::join(r.issues, ", #"));
  };
  return print_rows(
      list_links(store, request.filters), request.out, kLinks,
      [&](const LinkRow& r) -> std::vector<std::string> {
        if (format == Format::tsv) return {r.url, r.text, std::to_string(r.cited), issues_cell(r)};
        return {std::to_string(r.cited), r.text, issues_cell(r), r.url};
      },
      [](JsonWriter& json, const LinkRow& r) {
        json.begin_object().key("url").value(r.url).key("text").value(r.text);
        json.key("cited").value(r.cited).key("issues").begin_array();
        for (const int n : r.issues) json.value(n);
        json.end_array().end_object();
      });
}

int print_domains(Store& store, const ListRequest& request) {
  return print_rows(
      list_domains(store, request.filters), request.out, kDomains,
      [](const DomainRow& r) -> std::vector<std::string> {
        return {r.domain, std::to_string(r.links), std::to_string(r.cards)};
      },
      [](JsonWriter& json, const DomainRow& r) {
        json.begin_object().key("domain").value(r.domain).key("links").value(r.links);
        json.key("cards").value(r.cards).end_object();
      });
}

}  // namespace

int run_list(const ListRequest& request) {
  Store store(request.db, Store::Access::read_only);
  if (request.out.render.pager) detail::page_output();
  switch (request.kind) {
    case ListRequest::Kind::competitions: return print_competitions(store, request);
    case ListRequest::Kind::issues: return print_issues(store, request);
    case ListRequest::Kind::links: return print_links(store, request);
    case ListRequest::Kind::domains: return print_domains(store, request);
  }
  return kExitError;
}

}  // namespace kn
