#include "kn/output.hpp"

#include <fmt/format.h>
#include <unistd.h>

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
