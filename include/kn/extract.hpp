// HTML extraction: one issue file (title line, URL line, Revue HTML) to the
// document model.
#pragma once

#include <string>
#include <string_view>

#include "kn/issue.hpp"

namespace kn {

// Extracts the issue in bytes, the content of the file at source. Throws
// kn::Error with the reason (no path) when the file is not an issue: empty,
// binary, UTF-16, no "# title" line, no issue number, no URL line, or HTML
// nested deeper than kMaxHtmlDepth. Invalid UTF-8 is repaired, not refused.
Issue extract_issue(std::string_view bytes, std::string source);

}  // namespace kn
