// How a search hit is printed: TSV and JSON Lines for programs, a few
// lines for a terminal.
#pragma once

#include <cstddef>
#include <string>

#include "kn/hit.hpp"

namespace kn {

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

}  // namespace kn
