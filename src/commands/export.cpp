#include <fmt/core.h>
#include <fmt/ranges.h>

#include <string_view>

#include "commands.hpp"
#include "output.hpp"
#include "render/issue_json.hpp"
#include "render/issue_markdown.hpp"
#include "render/issue_render.hpp"
#include "store/issue_load.hpp"
#include "util/url.hpp"

namespace kn {

namespace {

// An entry as a CSV row, its links one URL a line.
struct CsvEntry {
  std::string_view section, heading, kind, title, url, domain, image, body, comment;
  const std::vector<Link>& links;
};

void write_csv_entry(const Issue& issue, const CsvEntry& e) {
  std::vector<std::string> urls;
  for (const Link& link : e.links) urls.push_back(link.url);
  detail::write_stdout(
      csv_row({std::to_string(issue.number), issue.date ? issue.date->to_string() : "",
               issue.date_estimated ? "true" : "false", issue.url, std::string(e.section),
               std::string(e.heading), std::string(e.kind), std::string(e.title),
               std::string(e.url), std::string(e.domain), std::string(e.image), std::string(e.body),
               std::string(e.comment), fmt::format("{}", fmt::join(urls, "\n"))}));
}

void write_csv_issue(const Issue& issue) {
  for (const Section& section : issue.sections) {
    for (const Item& item : section.items) {
      write_csv_entry(issue, {to_string(section.kind), section.heading, to_string(EntryKind::item),
                              "", "", "", "", item.text, "", item.links});
    }
  }
  for (const Card& card : issue.cards) {
    write_csv_entry(
        issue, {to_string(SectionKind::links), "", to_string(EntryKind::card), card.title, card.url,
                card.domain, card.image ? std::string_view(*card.image) : "", card.blurb,
                card.comment, card.links});
  }
  for (const Embed& embed : issue.embeds) {
    const std::string domain = url_domain(embed.url);
    write_csv_entry(issue, {to_string(SectionKind::links), "", to_string(EntryKind::embed), "",
                            embed.url, domain, "", "", embed.comment, embed.links});
  }
}

}  // namespace

int run_export(const ExportRequest& request) {
  Store store(request.db, Store::Access::read_only);
  if (request.format == Format::csv) {
    if (request.bom) detail::write_stdout("\xEF\xBB\xBF");
    detail::write_stdout(
        csv_row({"issue", "date", "date_estimated", "issue_url", "section", "heading", "kind",
                 "title", "url", "domain", "image", "body", "comment", "links"}));
  }
  bool first = true;
  for_each_issue(store, [&](const Issue& issue) {
    switch (request.format) {
      case Format::csv: write_csv_issue(issue); break;
      case Format::markdown:
        detail::write_stdout((first ? "" : "\n---\n\n") + issue_markdown(issue, {}));
        break;
      default: detail::write_stdout(issue_json(issue) + '\n');
    }
    first = false;
  });
  return kExitOk;
}

}  // namespace kn
