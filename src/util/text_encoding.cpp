#include "text_encoding.hpp"

#include <fmt/core.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <memory>

#include "utf8.hpp"

namespace kn {

namespace {

// Bytes of invalid UTF-8 in text, each replaced by U+FFFD when extracted.
std::size_t invalid_bytes(std::string_view text) {
  std::size_t invalid = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    if (skip_invalid_utf8(text, i)) invalid += i - start;
  }
  return invalid;
}

bool is_iso_2022_jp(std::string_view bytes) {
  for (const std::string_view escape : {"\x1b$B", "\x1b$@", "\x1b(J"}) {
    if (bytes.find(escape) != std::string_view::npos) return true;
  }
  return false;
}

// The Japanese encoding ICU's detector is confident of (at least 50), or "".
std::string detected_japanese(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                            ucsdet_close);
  if (U_FAILURE(status)) return {};
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || !match) return {};
  const std::string name = ucsdet_getName(match, &status);
  const int32_t confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status) || confidence < 50) return {};
  return name == "Shift_JIS" || name == "EUC-JP" ? name : std::string();
}

// Converts bytes from encoding to UTF-8 into out with ICU; false when it
// cannot.
bool convert(std::string_view bytes, const std::string& encoding, std::string& out) {
  // A byte becomes at most three of UTF-8 in these encodings.
  out.assign(bytes.size() * 3 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length =
      ucnv_convert("UTF-8", encoding.c_str(), out.data(), static_cast<int32_t>(out.size()),
                   bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  out.resize(static_cast<std::size_t>(length));
  return true;
}

}  // namespace

DecodedText decode_text(std::string_view bytes) {
  DecodedText decoded;
  decoded.size = bytes.size();
  const bool utf16 = bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
  // Larger inputs than ICU's int32_t lengths are left to the extractor.
  const bool convertible =
      !utf16 && bytes.find('\0') == std::string_view::npos && bytes.size() < (1u << 29);
  std::string encoding;
  if (convertible && is_iso_2022_jp(bytes)) {
    encoding = "ISO-2022-JP";
  } else {
    decoded.repaired = invalid_bytes(bytes);
    if (convertible && decoded.repaired > 0) encoding = detected_japanese(bytes);
  }
  if (!encoding.empty() && convert(bytes, encoding, decoded.text)) {
    decoded.encoding = std::move(encoding);
    decoded.repaired = 0;
    return decoded;
  }
  decoded.text.assign(bytes);
  return decoded;
}

std::string decoding_note(const DecodedText& decoded) {
  if (!decoded.encoding.empty()) return "read as " + decoded.encoding;
  if (decoded.repaired * 100 > decoded.size) {
    return fmt::format(
        "{:.1f} % of the text is not UTF-8 and reads as U+FFFD",
        100.0 * static_cast<double>(decoded.repaired) / static_cast<double>(decoded.size));
  }
  return {};
}

}  // namespace kn
