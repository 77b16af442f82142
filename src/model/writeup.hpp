// What marks a write-up: the words a title, link text or sentence announces
// a competition's solution with, and which entries and links are write-ups.
// One rule for the whole of kn: the store flags entries with it as it writes
// them (is:solution), and a competition's story marks its links with it.
#pragma once

#include <string_view>
#include <vector>

#include "kn/issue.hpp"

namespace kn {

// Tells whether a title, link text or sentence announces a write-up: 解法,
// 振り返り, 反省会, solution, writeup, write-up, 1st place, 3位 (a numeral
// before 位: not 順位表, LB上位 or 上位10%).
bool is_writeup(std::string_view text);

// Tells whether a link's text only points at something the sentence
// around it names: discussion, こちら, here, 記事, ブログ, スライド, 資料.
bool is_pointer(std::string_view link_text);

// Tells, for each of an item's links, whether it is a write-up: its text
// says so, or its sentence announces one and it is the sentence's only
// link or a pointer (1位解法はdiscussionで公開). Links are found in the
// text as link_at_match.hpp finds them; one not found is judged by its
// text alone.
std::vector<bool> item_writeups(std::string_view text, const std::vector<Link>& links);

// Tells, for each of an entry's links, whether it is a write-up: an item's
// as item_writeups() judges them, a card's or an embed's by their text
// alone; a link to a competition's front page never is (it is the
// competition, not what was written about it).
std::vector<bool> writeup_links(EntryKind kind, std::string_view text,
                                const std::vector<Link>& links);

// Tells whether an entry is a write-up: a card or an embed whose title,
// blurb (body) or comment says so (it is the page it shows), or any entry
// with a write-up link (writeup_links(), which reads an item's body).
bool is_writeup_entry(EntryKind kind, std::string_view title, std::string_view body,
                      std::string_view comment, const std::vector<Link>& links);

}  // namespace kn
