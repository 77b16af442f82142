#include <fmt/core.h>
#include <fmt/ranges.h>

#include "commands.hpp"
#include "competitions/story.hpp"
#include "output.hpp"
#include "render/cells.hpp"
#include "render/issue_markdown.hpp"
#include "render/line_break.hpp"
#include "util/sanitize.hpp"
#include "util/text.hpp"

namespace kn {

namespace {

constexpr std::string_view kWriteupMark = "★";

std::string dated(int issue, const std::optional<std::string>& date, bool estimated = false) {
  return fmt::format("#{} {}{}", issue, estimated ? "~" : "", date.value_or("no date"));
}

std::string header_lines(const CompetitionRow& row, std::size_t entries, const Rendering& render) {
  std::string out;
  for (const std::string& line : wrap_text(printable(row.name), render.width)) {
    out += hyperlink(paint(line, style::kBold, render.color), row.url, render.hyperlinks) + '\n';
  }
  if (!row.aliases.empty()) {
    const std::string called = fmt::format("通称: {}", fmt::join(row.aliases, "、"));
    for (const std::string& line : wrap_text(printable(called), render.width)) out += line + '\n';
  }
  // The URL beside the platform when both fit, else on a line of its own.
  const std::string url = printable(row.url);
  if (render.width == 0 || display_width(row.platform + "  " + url) <= render.width) {
    out += row.platform + "  " +
           hyperlink(paint(url, style::kLink, render.color), row.url, render.hyperlinks) + '\n';
  } else {
    out += row.platform + '\n' + url_line(url, row.url, 0, render, style::kLink);
  }
  const std::string span = fmt::format(
      "{} .. {} · {} mentions{}", dated(row.first.number, row.first.date),
      dated(row.last.number, row.last.date), row.mentions,
      entries < static_cast<std::size_t>(row.mentions) ? fmt::format(", {} shown", entries) : "");
  for (const std::string& line : wrap_text(span, render.width)) {
    out += paint(line, style::kDim, render.color) + '\n';
  }
  return out;
}

// Lines of text wrapped at the width after an indent.
std::string indented(std::string_view text, const Rendering& render, std::string_view indent,
                     std::string_view style = {}) {
  const std::size_t room = render.width > indent.size() + 10 ? render.width - indent.size() : 0;
  std::string out;
  for (const std::string& line : wrap_field(printable_keeping_lines(text), room)) {
    out += std::string(indent) + paint(line, style, render.color) + '\n';
  }
  return out;
}

std::string entry_for_terminal(const StoryEntry& e, const Rendering& render) {
  const std::string heading = printable(e.heading.empty() ? e.section : e.heading);
  std::string out;
  const std::string where = fmt::format("{}#{} {}{} {} · {}", e.writeup ? "★ " : "",
                                        e.ref.to_string(), e.date_estimated ? "~" : "",
                                        e.date.value_or("no date"), heading, to_string(e.kind));
  for (const std::string& line : wrap_text(where, render.width)) {
    out += paint(line, style::kDim, render.color) + '\n';
  }
  if (!e.title.empty()) out += indented(e.title, render, "  ", style::kBold);
  if (e.kind != EntryKind::item) out += indented(e.url, render, "  ", style::kLink);
  for (const std::string_view paragraph : split(e.text, '\n'))
    out += indented(paragraph, render, "  ");
  for (const StoryLink& link : e.links) {
    out += indented(fmt::format("{} {}{}", link.writeup ? kWriteupMark : "↳", link.text,
                                link.domain.empty() ? "" : "  (" + link.domain + ")"),
                    render, "  ");
    out += std::string("    ") +
           hyperlink(paint(printable(link.url), style::kLink, render.color), link.url,
                     render.hyperlinks) +
           '\n';
  }
  return out;
}

void print_json(const StoryEntry& e) {
  JsonWriter json;
  json.begin_object().key("issue").value(e.issue).key("ref").value(e.ref.to_string());
  detail::date_value(json, "date", e.date);
  json.key("date_estimated").value(e.date_estimated).key("section").value(e.section);
  json.key("heading")
      .value(e.heading)
      .key("kind")
      .value(to_string(e.kind))
      .key("title")
      .value(e.title);
  json.key("text").value(e.text).key("url").value(e.url).key("links").begin_array();
  for (const StoryLink& link : e.links) {
    json.begin_object().key("text").value(link.text).key("url").value(link.url);
    json.key("domain").value(link.domain).key("writeup").value(link.writeup).end_object();
  }
  json.end_array().key("writeup").value(e.writeup).end_object();
  detail::write_stdout(json.str() + '\n');
}

std::string entry_markdown(const StoryEntry& e) {
  std::string out =
      fmt::format("## {}#{} {}{} ({}) {}\n\n", e.writeup ? "★ " : "", e.ref.to_string(),
                  e.date_estimated ? "~" : "", e.date.value_or("no date"),
                  markdown_text(e.heading.empty() ? e.section : e.heading), to_string(e.kind));
  if (!e.title.empty() || e.kind != EntryKind::item) {
    out += markdown_link(e.title.empty() ? e.url : e.title, e.url) + "\n\n";
  }
  for (const std::string_view paragraph : split(e.text, '\n'))
    out += markdown_text(paragraph) + "\n\n";
  for (const StoryLink& link : e.links) {
    out += fmt::format("- {}{}{}\n", link.writeup ? "★ " : "", markdown_link(link.text, link.url),
                       link.domain.empty() ? "" : " (" + markdown_text(link.domain) + ")");
  }
  return out + (e.links.empty() ? "" : "\n");
}

// The columns of a story in TSV.
const std::vector<std::string> kStoryColumns = {"issue", "date", "section", "kind", "writeup",
                                                "title", "url",  "text",    "ref"};

}  // namespace

int run_competition(const CompetitionRequest& request) {
  Store store(request.db, Store::Access::read_only);
  const FoundCompetition found = find_competition(store, request.query);
  if (!found.evidence.empty()) {
    print_error(fmt::format("no competition is called '{}'; showing the one that {}", request.query,
                            found.evidence));
  }
  const CompetitionRow& row = found.row;
  std::vector<StoryEntry> story = competition_story(store, row);
  if (request.solutions) std::erase_if(story, [](const StoryEntry& e) { return !e.writeup; });
  const Output& out = request.out;
  switch (out.format) {
    case Format::json:
      for (const StoryEntry& e : story) print_json(e);
      break;
    case Format::tsv:
      if (out.header) {
        detail::write_stdout(tsv_row(kStoryColumns));
      }
      for (const StoryEntry& e : story) {
        detail::write_stdout(tsv_row({std::to_string(e.issue), e.date.value_or(""), e.section,
                                      std::string(to_string(e.kind)), e.writeup ? "writeup" : "",
                                      e.title, e.url, e.text, e.ref.to_string()},
                                     kStoryColumns, out.render.hyperlinks));
      }
      break;
    case Format::markdown: {
      std::string md =
          fmt::format("# {}\n\n{} · {} · {} .. {} · {} mentions\n\n", markdown_text(row.name),
                      markdown_text(row.platform), markdown_link(row.url, row.url),
                      dated(row.first.number, row.first.date),
                      dated(row.last.number, row.last.date), row.mentions);
      for (const StoryEntry& e : story) md += entry_markdown(e);
      detail::write_stdout(md);
      break;
    }
    default: {
      if (out.render.pager) detail::page_output();
      detail::write_stdout(header_lines(row, story.size(), out.render));
      for (const StoryEntry& e : story)
        detail::write_stdout('\n' + entry_for_terminal(e, out.render));
    }
  }
  return story.empty() ? kExitNoResults : kExitOk;
}

}  // namespace kn
