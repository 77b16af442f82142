#include "kn/output.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "kn/terminal.hpp"
#include "kn/utf8.hpp"

namespace kn {

namespace {

void write_links(JsonWriter& json, const std::vector<Link>& links) {
  json.key("links").begin_array();
  for (const Link& link : links) {
    json.begin_object().key("text").value(link.text).key("url").value(link.url).end_object();
  }
  json.end_array();
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

// Text from an issue file is untrusted: control characters must not reach a
// terminal, where they could move the cursor or rewrite the title.
std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) continue;
    if (c == 0xC2 && i + 1 < text.size()) {  // U+0080..U+009F, the C1 controls
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) {
        ++i;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

void write_issue_json(JsonWriter& json, const Issue& issue) {
  json.begin_object();
  json.key("source").value(issue.source);
  json.key("number").value(issue.number);
  json.key("title").value(issue.title);
  json.key("url").value(issue.url);
  json.key("date");
  issue.date ? json.value(issue.date->to_string()) : json.null();
  json.key("date_estimated").value(issue.date_estimated);

  json.key("sections").begin_array();
  for (const Section& section : issue.sections) {
    json.begin_object();
    json.key("kind").value(to_string(section.kind));
    json.key("heading").value(section.heading);
    json.key("items").begin_array();
    for (const Item& item : section.items) {
      json.begin_object().key("text").value(item.text);
      write_links(json, item.links);
      json.end_object();
    }
    json.end_array().end_object();
  }
  json.end_array();

  json.key("cards").begin_array();
  for (const Card& card : issue.cards) {
    json.begin_object();
    json.key("title").value(card.title);
    json.key("url").value(card.url);
    json.key("domain").value(card.domain);
    json.key("image").nullable(card.image);
    json.key("blurb").value(card.blurb);
    json.key("comment").value(card.comment);
    write_links(json, card.links);
    json.end_object();
  }
  json.end_array();

  json.key("embeds").begin_array();
  for (const Embed& embed : issue.embeds) {
    json.begin_object().key("url").value(embed.url).key("comment").value(embed.comment);
    write_links(json, embed.links);
    json.end_object();
  }
  json.end_array();
  json.end_object();
}

std::string issue_json(const Issue& issue) {
  JsonWriter json;
  write_issue_json(json, issue);
  return json.take();
}

std::string issue_summary(const Issue& issue) {
  std::string out =
      fmt::format("{}\n  #{} {}", printable(issue.source), issue.number, printable(issue.title));
  if (issue.date) {
    fmt::format_to(std::back_inserter(out), ", {}{}", issue.date->to_string(),
                   issue.date_estimated ? " (estimated)" : "");
  }
  fmt::format_to(std::back_inserter(out), "\n  {}\n", printable(issue.url));
  for (const Section& section : issue.sections) {
    const std::string heading =
        section.heading.empty() ? "(no heading)" : printable(section.heading);
    fmt::format_to(std::back_inserter(out), "  {:<22} {:<24} {}\n", to_string(section.kind),
                   heading, plural(section.items.size(), "item"));
  }
  fmt::format_to(std::back_inserter(out), "  {}, {}\n", plural(issue.cards.size(), "card"),
                 plural(issue.embeds.size(), "embed"));
  return out;
}

namespace {

constexpr std::size_t kTitleChars = 40;
constexpr std::size_t kPlainSnippetChars = 120;

// The first n characters of text, with "…" when there were more.
std::string first_chars(std::string_view text, std::size_t n) {
  std::size_t i = 0, count = 0;
  while (i < text.size() && count < n) decode_utf8(text, i), ++count;
  return std::string(text.substr(0, i)) + (i < text.size() ? "…" : "");
}

// text without control characters but its line breaks, for CSV cells.
std::string printable_keeping_lines(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t nl = text.find('\n');; nl = text.find('\n', start)) {
    out += printable(text.substr(start, nl - start));
    if (nl == std::string_view::npos) break;
    out += '\n';
    start = nl + 1;
  }
  return out;
}

// A field of a tab-separated line: no tabs, newlines or control characters.
std::string tsv_field(std::string_view text) {
  std::string spaced(text);
  for (char& c : spaced) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return printable(spaced);
}

// The snippet as pieces of text, each marked as a match or not. Without
// words to match, the start of the entry's text.
std::vector<std::pair<std::string, bool>> snippet_pieces(const Hit& hit) {
  std::vector<std::pair<std::string, bool>> pieces;
  if (hit.snippet.empty()) {
    const std::string& text = hit.body.empty() ? hit.comment : hit.body;
    pieces.emplace_back(printable(first_chars(text, kPlainSnippetChars)), false);
    return pieces;
  }
  bool match = false;
  std::string piece;
  for (const char c : hit.snippet) {
    if (c == kSnippetStart || c == kSnippetEnd) {
      if (!piece.empty()) pieces.emplace_back(printable(piece), match);
      piece.clear();
      match = c == kSnippetStart;
    } else {
      piece += c == '\n' || c == '\t' ? ' ' : c;
    }
  }
  if (!piece.empty()) pieces.emplace_back(printable(piece), match);
  return pieces;
}

std::string plain_snippet(const Hit& hit) {
  std::string out;
  for (const auto& [text, match] : snippet_pieces(hit)) out += text;
  return out;
}

constexpr std::string_view kBold = "\033[1m", kDim = "\033[2m", kMatch = "\033[1;31m",
                           kLink = "\033[36m", kReset = "\033[0m";

std::string paint(std::string_view text, std::string_view style, bool color) {
  return color ? fmt::format("{}{}{}", style, text, kReset) : std::string(text);
}

}  // namespace

std::string hit_title(const Hit& hit) {
  if (!hit.title.empty()) return hit.title;
  const std::string& text = hit.kind == "item" ? hit.body : hit.comment;
  return text.empty() ? hit.url : first_chars(text, kTitleChars);
}

std::string hit_tsv(const Hit& hit) {
  return fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\n", hit.issue, hit.date.value_or(""),
                     tsv_field(hit.section), tsv_field(hit.kind), tsv_field(hit_title(hit)),
                     tsv_field(hit.url), tsv_field(plain_snippet(hit)));
}

std::string hit_json(const Hit& hit) {
  JsonWriter json;
  json.begin_object();
  json.key("issue").value(hit.issue);
  json.key("date").nullable(hit.date);
  json.key("date_estimated").value(hit.date_estimated);
  json.key("section").value(hit.section);
  json.key("heading").value(hit.heading);
  json.key("kind").value(hit.kind);
  json.key("title").value(hit_title(hit));
  json.key("url").value(hit.url);
  json.key("snippet").value(plain_snippet(hit));
  json.key("score").value(hit.score);
  json.end_object();
  return json.take() + '\n';
}

std::string hit_for_terminal(const Hit& hit, std::size_t width, bool color) {
  constexpr std::size_t kIndent = 2, kSnippetLines = 3;
  const std::size_t inner = width > kIndent + 10 ? width - kIndent : 10;
  std::string out;
  const std::string date = hit.date ? (hit.date_estimated ? "~" : "") + *hit.date : "no date";
  out += paint(
      truncate_to_width(fmt::format("#{} {} {} {}", hit.issue, date, hit.section, hit.kind), width),
      kDim, color);
  out += '\n';
  const std::string indent(kIndent, ' ');
  out += indent + paint(truncate_to_width(printable(hit_title(hit)), inner), kBold, color) + '\n';
  out += indent + paint(truncate_to_width(printable(hit.url), inner), kLink, color) + '\n';

  // Wrap the snippet character by character (Japanese has no spaces),
  // switching the match colour on and off where the pieces change; the last
  // line keeps a column for "…".
  std::vector<std::string> lines(1);
  std::size_t used = 0;
  bool full = false;
  for (const auto& [text, match] : snippet_pieces(hit)) {
    const bool paint_match = color && match;
    if (paint_match) lines.back() += kMatch;
    for (std::size_t i = 0; i < text.size() && !full;) {
      const std::size_t start = i;
      decode_utf8(text, i);
      const std::string_view ch = std::string_view(text).substr(start, i - start);
      const std::size_t w = display_width(ch);
      const bool last_line = lines.size() == kSnippetLines;
      if (used + w > inner - (last_line ? 1 : 0)) {
        if (last_line) {
          lines.back() += "…";
          full = true;
          break;
        }
        if (paint_match) lines.back() += kReset;
        lines.emplace_back(paint_match ? std::string(kMatch) : "");
        used = 0;
      }
      lines.back() += ch;
      used += w;
    }
    if (paint_match) lines.back() += kReset;
    if (full) break;
  }
  for (const std::string& line : lines) {
    if (!line.empty()) out += indent + line + '\n';
  }
  return out;
}

std::string table_for_terminal(const std::vector<std::string>& header,
                               const std::vector<std::vector<std::string>>& rows, std::size_t width,
                               bool color, std::size_t shrink) {
  constexpr std::size_t kGap = 2;
  std::vector<std::size_t> widths;
  for (const std::string& cell : header) widths.push_back(display_width(cell));
  std::vector<std::vector<std::string>> clean;
  for (const auto& row : rows) {
    auto& out = clean.emplace_back();
    for (std::size_t k = 0; k < row.size() && k < widths.size(); ++k) {
      out.push_back(tsv_field(row[k]));
      widths[k] = std::max(widths[k], display_width(out.back()));
    }
  }
  // Cut the chosen column, then the widest, until the line fits (but
  // never below 8 columns).
  std::size_t total = 0;
  for (const std::size_t w : widths) total += w + kGap;
  for (bool first = true; total > width + kGap; first = false) {
    const auto column = first && shrink < widths.size()
                            ? widths.begin() + static_cast<std::ptrdiff_t>(shrink)
                            : std::max_element(widths.begin(), widths.end());
    if (*column <= 8) {
      if (first) continue;
      break;
    }
    const std::size_t cut = std::min(*column - 8, total - width - kGap);
    *column -= cut;
    total -= cut;
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const std::string cell = truncate_to_width(cells[k], widths[k]);
      out += cell;
      if (k + 1 < cells.size()) out += std::string(widths[k] - display_width(cell) + kGap, ' ');
    }
    return out;
  };
  std::string out = paint(line(header), kDim, color) + '\n';
  for (const auto& row : clean) out += line(row) + '\n';
  return out;
}

std::string tsv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    if (k) out += '\t';
    out += tsv_field(cells[k]);
  }
  return out + '\n';
}

std::string csv_row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    if (k) out += ',';
    const std::string cell = printable_keeping_lines(cells[k]);
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
      out += cell;
      continue;
    }
    out += '"';
    for (const char c : cell) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out + "\r\n";
}

namespace {

std::string date_line(const Issue& issue) {
  if (!issue.date) return "no date";
  return issue.date->to_string() + (issue.date_estimated ? " (estimated)" : "");
}

// text wrapped to width, every line after `first` indented by `indent`.
std::string wrapped(std::string_view text, std::size_t width, const std::string& first,
                    const std::string& indent, std::string_view style, bool color) {
  std::string out;
  const std::size_t room = width > indent.size() + 10 ? width - indent.size() : 10;
  bool leading = true;
  for (const std::string& line : wrap_to_width(printable(text), room)) {
    out += (leading ? first : indent) + paint(line, style, color) + '\n';
    leading = false;
  }
  return out;
}

std::string link_list(const std::vector<Link>& links) {
  std::string out;
  for (const Link& link : links) {
    out += fmt::format("{}{} <{}>", out.empty() ? "" : ", ", printable(link.text),
                       printable(link.url));
  }
  return out;
}

std::string markdown_text(std::string_view text) {
  std::string out;
  for (const char c : printable(text)) {
    if (c == '[' || c == ']' || c == '*' || c == '_' || c == '`' || c == '<' || c == '>') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string markdown_links(const std::vector<Link>& links, const std::string& indent) {
  std::string out;
  for (const Link& link : links) {
    out += fmt::format("{}- [{}](<{}>)\n", indent, markdown_text(link.text), printable(link.url));
  }
  return out;
}

}  // namespace

std::string issue_for_terminal(const Issue& issue, const std::vector<Correction>& corrections,
                               std::size_t width, bool color) {
  const std::string indent = "    ";
  std::string out = paint(truncate_to_width(printable(issue.title), width), kBold, color) + '\n';
  out +=
      paint(truncate_to_width(date_line(issue) + "  " + printable(issue.url), width), kDim, color) +
      '\n';
  for (const Section& section : issue.sections) {
    out +=
        '\n' +
        paint(section.heading.empty() ? "(no heading)" : printable(section.heading), kBold, color) +
        '\n';
    for (const Item& item : section.items) {
      out += wrapped(item.text, width, "  • ", indent, {}, false);
      if (!item.links.empty()) {
        out += wrapped(link_list(item.links), width, indent, indent, kLink, color);
      }
    }
  }
  if (!issue.cards.empty() || !issue.embeds.empty())
    out += '\n' + paint("Links", kBold, color) + '\n';
  for (const Card& card : issue.cards) {
    out += wrapped(card.title, width, "  ■ ", indent, kBold, color);
    out += wrapped(card.url, width, indent, indent, kLink, color);
    if (!card.blurb.empty()) out += wrapped(card.blurb, width, indent, indent, kDim, color);
    if (!card.comment.empty()) out += wrapped(card.comment, width, indent, indent, {}, false);
  }
  for (const Embed& embed : issue.embeds) {
    out += wrapped(embed.url, width, "  ▶ ", indent, kLink, color);
    if (!embed.comment.empty()) out += wrapped(embed.comment, width, indent, indent, {}, false);
  }
  if (!corrections.empty()) out += '\n' + paint("Corrections", kBold, color) + '\n';
  for (const Correction& c : corrections) {
    out += wrapped(fmt::format("#{} ({}): {}", c.issue, c.date.value_or("no date"), c.text), width,
                   "  ! ", indent, {}, false);
  }
  return out;
}

std::string issue_markdown(const Issue& issue, const std::vector<Correction>& corrections) {
  std::string out = fmt::format("# {}\n\n{} · <{}>\n", markdown_text(issue.title), date_line(issue),
                                printable(issue.url));
  for (const Section& section : issue.sections) {
    out += fmt::format("\n## {}\n\n",
                       section.heading.empty() ? "(no heading)" : markdown_text(section.heading));
    for (const Item& item : section.items) {
      out += "- " + markdown_text(item.text) + '\n' + markdown_links(item.links, "  ");
    }
  }
  if (!issue.cards.empty() || !issue.embeds.empty()) out += "\n## Links\n";
  for (const Card& card : issue.cards) {
    out += fmt::format("\n### [{}](<{}>)\n\n", markdown_text(card.title), printable(card.url));
    if (!card.blurb.empty()) out += "> " + markdown_text(card.blurb) + "\n\n";
    if (!card.comment.empty()) out += markdown_text(card.comment) + '\n';
    out += markdown_links(card.links, "");
  }
  for (const Embed& embed : issue.embeds) {
    out += fmt::format("\n### <{}>\n\n", printable(embed.url));
    if (!embed.comment.empty()) out += markdown_text(embed.comment) + '\n';
    out += markdown_links(embed.links, "");
  }
  if (!corrections.empty()) out += "\n## Corrections\n\n";
  for (const Correction& c : corrections) {
    out +=
        fmt::format("- #{} ({}): {}\n", c.issue, c.date.value_or("no date"), markdown_text(c.text));
  }
  return out;
}

Progress::Progress(std::size_t total_files, std::uint64_t total_bytes)
    : total_files_(total_files),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() {
  if (drawn_) fmt::print(stderr, "\r\033[K");
}

bool Progress::wanted() { return ::isatty(STDERR_FILENO) == 1; }

void Progress::advance(std::uint64_t bytes) {
  using namespace std::chrono;
  ++done_files_;
  done_bytes_ += bytes;
  const auto now = steady_clock::now();
  // Quiet for short runs, and at most ten redraws a second.
  if (now - start_ < milliseconds(500) || now - last_draw_ < milliseconds(100)) return;
  last_draw_ = now;
  const double seconds = duration<double>(now - start_).count();
  const double rate = static_cast<double>(done_bytes_) / seconds;
  const double eta =
      rate > 0 ? static_cast<double>(total_bytes_ - std::min(done_bytes_, total_bytes_)) / rate : 0;
  constexpr int kWidth = 24;
  const int filled = total_files_ ? static_cast<int>(kWidth * done_files_ / total_files_) : kWidth;
  fmt::print(stderr, "\r[{:#<{}}{:.<{}}] {}/{} files  {:.1f} MB/s  ETA {}:{:02}\033[K", "", filled,
             "", kWidth - filled, done_files_, total_files_, rate / 1e6, static_cast<int>(eta) / 60,
             static_cast<int>(eta) % 60);
  drawn_ = true;
}

}  // namespace kn
