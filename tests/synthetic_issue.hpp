// Small issues in the archive's shape, for tests that need what the real
// issues do not hold.
#pragma once

#include <string>

namespace kn::testing {

// An issue of the archive's shape: items under Competitions, then cards.
inline std::string issue(int number, const std::string& items, const std::string& cards = "") {
  return "# Weekly Kaggle News #" + std::to_string(number) + "\nhttps://e.com/" +
         std::to_string(number) + "\n<h2>Competitions</h2>" + items + "<hr>" + cards;
}

// A link card: its title linking url, and the editor's comment (HTML).
inline std::string card(const std::string& title, const std::string& url,
                        const std::string& comment) {
  return "<p><strong style='display: block;'><a href=\"" + url + "\">" + title +
         "</a></strong></p><p><p>" + comment + "</p></p>";
}

}  // namespace kn::testing
