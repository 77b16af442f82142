// One search result: an entry of an issue with what a listing shows of it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  // Which of the issues numbered `issue` holds the entry (1-based, in kn
  // show N's order: by date, then as indexed), and how many there are.
  int copy = 1, copies = 1;
  std::string source;  // the issue's file
  // Every link of the entry in kn show REF's order: a card's or embed's own
  // URL first, then those in its text. url is the one the match is about.
  std::vector<Link> links;
  // The competitions the entry links to, as competition_key()s
  // ("kaggle:ai4code"), in the order they were first indexed.
  std::vector<std::string> competitions;
  // title, body and comment are whole with every match marked
  // (HitText::marked), and snippet is empty.
  bool marked = false;
};

inline constexpr char kSnippetStart = '\x02', kSnippetEnd = '\x03';

// A reference to one entry, N.P: N the issue's number, P the entry's place
// (1-based) in the order kn show N prints them. When several issues share
// the number, N.P/k names the k-th of them in kn show N's order. It holds
// until that issue is indexed again.
struct EntryRef {
  int issue = 0;
  int place = 0;
  int copy = 0;  // 1-based; 0 when not given (the only issue of its number)

  // Returns the reference as kn prints it: "66.9", or "66.9/2".
  std::string to_string() const;
  bool operator==(const EntryRef&) const = default;
};

// Returns the reference of a hit: with /k only when its number is shared.
EntryRef entry_ref(const Hit& hit);

// Returns the reference text names ("66.9", "#66.9", "66.9/2"), or nullopt
// when it is none.
std::optional<EntryRef> parse_entry_ref(std::string_view text);

}  // namespace kn
