// An issue as Markdown (kn show --format md, kn export --format md), safe
// to render: text is escaped as CommonMark requires, so that nothing in an
// issue becomes markup, and only web and mail URLs become links.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kn/issue.hpp"

namespace kn {

std::string issue_markdown(const Issue& issue, const std::vector<Correction>& corrections);

// Returns text as literal Markdown: each character CommonMark (or GitHub's
// extensions) could read as markup backslash-escaped, and a line start that
// would open a block (#, >, -, +, =, "1.") escaped too.
std::string markdown_text(std::string_view text);

// Returns a link to url with the text, or, for a URL that is not http, https,
// ftp or mailto (javascript:, data:, ...), the text and the URL as plain
// text.
std::string markdown_link(std::string_view text, std::string_view url);

}  // namespace kn
