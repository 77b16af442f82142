// Which addresses are one page for matching: the identity a pasted URL and
// a stored link are compared by. The URLs shown, --domains and exports keep
// what the issue wrote; only matching (kn search URL, url:) reads this.
#pragma once

#include <string>
#include <string_view>

namespace kn {

// Returns the identity of url: url_key() (no scheme, www., fragment, utm_
// parameters or final '/'), and beyond it
// - a competition's front page in every form its platform writes it
//   (Kaggle's /c/SLUG, /competitions/SLUG, /overview, any case of the
//   slug) is the competition's canonical address, and its other pages that
//   address followed by their path (competition.hpp);
// - a YouTube video (watch?v=ID with any other parameters, youtu.be/ID,
//   /embed/ID, /shorts/ID, /live/ID, /v/ID) is youtube.com/watch?v=ID.
// "" when url has no host.
//   https://www.kaggle.com/c/Foo/overview       ->  kaggle.com/competitions/foo
//   https://youtu.be/abc?t=42                   ->  youtube.com/watch?v=abc
std::string url_identity(std::string_view url);

}  // namespace kn
