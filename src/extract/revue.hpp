// Revue's export: the parts of an issue (sections, link cards, embeds) in
// the blocks of its HTML. The first archive format; another would sit
// beside it.
#pragma once

#include <gumbo.h>

#include <optional>

#include "kn/issue.hpp"

namespace kn::detail {

// Adds the sections, cards and embeds of the HTML body to issue.
void read_revue_body(const GumboNode* body, Issue& issue);

// Returns the UTC day of the newest Revue thumbnail in the document
// (thumbnails carry their upload time), or nullopt.
std::optional<Date> newest_thumbnail_date(const GumboNode* root);

}  // namespace kn::detail
