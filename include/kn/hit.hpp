// One search result: an entry of an issue with what a listing shows of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "kn/issue.hpp"

namespace kn {

struct Hit {
  std::int64_t entry_id = 0;
  int issue = 0;
  int position = 0;  // of the entry within its issue
  std::optional<std::string> date;
  bool date_estimated = false;
  std::string section, heading;  // section kind and heading
  EntryKind kind = EntryKind::item;
  std::string title;  // cards only; see hit_title()
  std::string url;    // card or embed URL; an item's first link, else its issue's URL
  std::string body, comment;
  // Around the matches, which are marked with kSnippetStart/kSnippetEnd.
  std::string snippet;
  double score = 0;  // bm25: lower is better; 0 without words
  // title, body and comment are whole with every match marked
  // (HitText::marked), and snippet is empty.
  bool marked = false;
};

inline constexpr char kSnippetStart = '\x02', kSnippetEnd = '\x03';

}  // namespace kn
