#include <fmt/core.h>

#include <charconv>

#include "kn/hit.hpp"

namespace kn {

namespace {

// Reads a whole number from the front of text, or nullopt.
std::optional<int> take_number(std::string_view& text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end == text.data() || value < 0) return std::nullopt;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return value;
}

}  // namespace

std::string EntryRef::to_string() const {
  return copy > 0 ? fmt::format("{}.{}/{}", issue, place, copy)
                  : fmt::format("{}.{}", issue, place);
}

EntryRef entry_ref(const Hit& hit) {
  return {hit.issue, hit.position + 1, hit.copies > 1 ? hit.copy : 0};
}

std::optional<EntryRef> parse_entry_ref(std::string_view text) {
  if (text.starts_with('#')) text.remove_prefix(1);
  if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
  EntryRef ref;
  const auto issue = take_number(text);
  if (!issue || !text.starts_with('.')) return std::nullopt;
  text.remove_prefix(1);
  if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
  const auto place = take_number(text);
  if (!place || *place == 0) return std::nullopt;
  ref.issue = *issue;
  ref.place = *place;
  if (text.starts_with('/')) {
    text.remove_prefix(1);
    if (text.empty() || text.front() < '0' || text.front() > '9') return std::nullopt;
    const auto copy = take_number(text);
    if (!copy || *copy == 0) return std::nullopt;
    ref.copy = *copy;
  }
  if (!text.empty()) return std::nullopt;
  return ref;
}

}  // namespace kn
