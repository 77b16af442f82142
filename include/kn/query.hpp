// Query translation: what users type into safe FTS5 expressions.
#pragma once

#include <string>
#include <string_view>

namespace kn {

// term as one FTS5 phrase: quoted (so no character of it is FTS5 syntax),
// with a trailing * when its last token must match as a prefix (a lone
// Japanese character that may begin a longer run). "" when term has no
// token at all.
std::string fts5_phrase(std::string_view term);

}  // namespace kn
