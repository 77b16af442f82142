#include "cells.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <memory>

#include "kn/error.hpp"
#include "util/utf8.hpp"

namespace kn {

namespace {

std::size_t code_point_width(char32_t cp) {
  if (cp < 0x20 || cp == 0x7F) return 0;
  if (cp < 0x300) return 1;
  const auto c = static_cast<UChar32>(cp);
  const auto category = static_cast<UCharCategory>(u_charType(c));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR ||
      u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
    return 0;
  }
  const int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (width == U_EA_WIDE || width == U_EA_FULLWIDTH) ? 2 : 1;
}

bool is_regional_indicator(char32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

std::size_t cluster_width(std::string_view cluster) {
  std::size_t i = 0;
  const char32_t first = decode_utf8(cluster, i);
  std::size_t width = code_point_width(first);
  if (is_regional_indicator(first)) return 2;
  if (width == 1 && cluster.find("\xEF\xB8\x8F") != std::string_view::npos) return 2;  // U+FE0F
  // The half-width voiced marks (U+FF9E, U+FF9F) extend the cluster of the
  // kana before them, but a terminal gives each a cell of its own: ﾄﾞ is two.
  while (i < cluster.size()) {
    const char32_t cp = decode_utf8(cluster, i);
    if (cp == 0xFF9E || cp == 0xFF9F) ++width;
  }
  return width;
}

bool plain_ascii(std::string_view text) {
  for (const char c : text) {
    if (c < 0x20 || c >= 0x7F) return false;
  }
  return true;
}

// Whether every cluster of text is one code point: none joins its
// neighbour (Grapheme_Cluster_Break Other), as in most Japanese and
// English text, which then needs no BreakIterator.
bool single_code_points(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto cp = static_cast<UChar32>(decode_utf8(text, i));
    if (cp >= 0x300 && u_getIntPropertyValue(cp, UCHAR_GRAPHEME_CLUSTER_BREAK) != U_GCB_OTHER) {
      return false;
    }
  }
  return true;
}

icu::BreakIterator& characters() {
  thread_local const std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) throw Error(std::string("ICU: ") + u_errorName(status));
    return made;
  }();
  return *iterator;
}

}  // namespace

namespace detail {

void cluster_ends(std::string_view text, void (*each)(void*, std::size_t, std::size_t, std::size_t),
                  void* context) {
  if (plain_ascii(text)) {
    for (std::size_t k = 0; k < text.size(); ++k) each(context, k, k + 1, 1);
    return;
  }
  if (single_code_points(text)) {
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t begin = i;
      const char32_t cp = decode_utf8(text, i);
      each(context, begin, i, code_point_width(cp));
    }
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  icu::BreakIterator& iterator = characters();
  iterator.setText(utext, status);
  utext_close(utext);  // the iterator keeps its own clone
  if (U_FAILURE(status)) throw Error(std::string("ICU: ") + u_errorName(status));
  for (int32_t begin = iterator.first(), end = iterator.next(); end != icu::BreakIterator::DONE;
       begin = end, end = iterator.next()) {
    const auto b = static_cast<std::size_t>(begin), e = static_cast<std::size_t>(end);
    each(context, b, e, cluster_width(text.substr(b, e - b)));
  }
}

}  // namespace detail

std::size_t display_width(std::string_view text) {
  if (plain_ascii(text)) return text.size();
  std::size_t width = 0;
  for_each_cluster(text, [&](std::size_t, std::size_t, std::size_t cells) { width += cells; });
  return width;
}

std::string truncate_to_width(std::string_view text, std::size_t columns) {
  if (display_width(text) <= columns) return std::string(text);
  if (columns == 0) return {};
  std::size_t width = 0, kept = 0;
  bool full = false;
  for_each_cluster(text, [&](std::size_t, std::size_t end, std::size_t cells) {
    if (full || width + cells > columns - 1) {  // a cell for the ellipsis
      full = true;
      return;
    }
    width += cells;
    kept = end;
  });
  return std::string(text.substr(0, kept)) + "…";
}

}  // namespace kn
