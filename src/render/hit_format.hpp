// How a search hit is printed: TSV and JSON Lines for programs, a few
// lines for a terminal.
#pragma once

#include <cstddef>
#include <string>

#include "kn/hit.hpp"
#include "terminal.hpp"

namespace kn {

// Returns what a search hit is called: a card's (or an embed's) own title;
// empty for an item, which has none (a listing shows its section instead).
std::string hit_title(const Hit& hit);

// Returns one line of tab-separated columns: issue, date, section, kind,
// title, url, snippet, ref, competitions (space-separated
// competition_key()s). Tabs and newlines inside fields become spaces. With
// render.color the snippet's matches are coloured; with render.hyperlinks
// the URL is an OSC 8 hyperlink to itself.
std::string hit_tsv(const Hit& hit, const Rendering& render = {0, false, false, false});

// Returns one JSON object: issue, ref, source, date, date_estimated,
// section, heading, kind, title, url, links, competitions, snippet, score.
std::string hit_json(const Hit& hit);

// Returns a few lines for a terminal: where the hit is, its title and URL
// whole (wrapped, never cut), and a snippet of up to three lines sized to the
// width, with every match highlighted when colour is on (hit.marked).
std::string hit_for_terminal(const Hit& hit, const Rendering& render);

}  // namespace kn
