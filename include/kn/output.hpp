// How issues are printed: JSON Lines for programs, a summary for people.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kn/browse.hpp"
#include "kn/issue.hpp"
#include "kn/json.hpp"
#include "kn/store.hpp"

namespace kn {

// text without control characters (C0, DEL, C1): safe to print on a
// terminal. text must be valid UTF-8.
std::string printable(std::string_view text);

// The issue as one JSON object in the documented `kn parse --json` shape.
void write_issue_json(JsonWriter& json, const Issue& issue);
std::string issue_json(const Issue& issue);

// A few lines for a terminal: number, date, sections with their item
// counts, cards and embeds.
std::string issue_summary(const Issue& issue);

// What a search hit is called: a card's title, else the first ~40
// characters of an item's text or an embed's comment (or its URL).
std::string hit_title(const Hit& hit);

// One line of tab-separated columns: issue, date, section, kind, title, url,
// snippet. Tabs and newlines inside fields become spaces.
std::string hit_tsv(const Hit& hit);

// One JSON object: issue, date, date_estimated, section, heading, kind,
// title, url, snippet, score.
std::string hit_json(const Hit& hit);

// A few lines for a terminal of the given width, matches highlighted when
// color is on.
std::string hit_for_terminal(const Hit& hit, std::size_t width, bool color);

// Rows printed as aligned columns under a header, for a terminal of the
// given width: column `shrink` is cut first to fit, then the widest.
std::string table_for_terminal(const std::vector<std::string>& header,
                               const std::vector<std::vector<std::string>>& rows, std::size_t width,
                               bool color, std::size_t shrink = 0);

// One line of tab-separated cells, cleaned as hit_tsv cleans them.
std::string tsv_row(const std::vector<std::string>& cells);

// One record of RFC 4180 CSV: cells quoted when they hold a comma, a quote
// or a line break; quotes doubled; ended by CRLF.
std::string csv_row(const std::vector<std::string>& cells);

// An issue to read in a terminal (wrapped to width) or as Markdown, with
// the corrections later issues made to it.
std::string issue_for_terminal(const Issue& issue, const std::vector<Correction>& corrections,
                               std::size_t width, bool color);
std::string issue_markdown(const Issue& issue, const std::vector<Correction>& corrections);

// A progress bar on stderr (files done/total, MB/s, ETA) for runs longer
// than a moment. Draws nothing unless stderr is a terminal.
class Progress {
 public:
  Progress(std::size_t total_files, std::uint64_t total_bytes);
  ~Progress();  // clears the bar
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  static bool wanted();  // is stderr a terminal?
  void advance(std::uint64_t bytes);

 private:
  std::size_t total_files_, done_files_ = 0;
  std::uint64_t total_bytes_, done_bytes_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

}  // namespace kn
