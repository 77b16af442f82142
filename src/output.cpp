#include "kn/output.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

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
