#include "values.hpp"

#include <fmt/core.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "kn/error.hpp"
#include "util/edit_distance.hpp"
#include "util/text.hpp"

namespace kn::detail {

namespace {

constexpr std::int64_t kMaxCount = std::int64_t{1} << 62;

// "a, b or c".
std::string alternatives(const std::vector<std::string>& choices) {
  if (choices.size() == 1) return choices[0];
  const std::vector<std::string> head(choices.begin(), choices.end() - 1);
  return fmt::format("{} or {}", fmt::join(head, ", "), choices.back());
}

}  // namespace

std::string choice_value(const Invocation& inv, Opt name, std::string fallback) {
  return inv.given(name) ? checked_choice(inv, name, inv.value(name)) : fallback;
}

std::string checked_choice(const Invocation& inv, Opt name, const std::string& value) {
  const OptionSpec* option = find_option(*inv.command, name_of(name));
  if (!option || option->choices.empty()) {
    throw std::logic_error(
        fmt::format("kn {} has no choices for {}", inv.command->name, name_of(name)));
  }
  const bool any_case = name == Opt::platform;
  for (const std::string& choice : option->choices) {
    if (choice == value || (any_case && ascii_lower(choice) == ascii_lower(value))) return choice;
  }
  std::vector<std::string> lowered;
  for (const std::string& choice : option->choices) {
    lowered.push_back(any_case ? ascii_lower(choice) : choice);
  }
  const std::string near = nearest(any_case ? ascii_lower(value) : value, lowered);
  const auto at = std::find(lowered.begin(), lowered.end(), near);
  throw Error(fmt::format(
      "{}: '{}' is not {}{}", name_of(name), value, alternatives(option->choices),
      near.empty() ? ""
                   : fmt::format("; did you mean {}?", option->choices[at - lowered.begin()])));
}

std::int64_t count_value(const Invocation& inv, Opt name, std::int64_t fallback) {
  if (!inv.given(name)) return fallback;
  const std::string value = inv.value(name);
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  const bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
  if (!digits)
    throw Error(fmt::format("{}: '{}' is not a count (0, 1, 2, ...)", name_of(name), value));
  if (ec != std::errc() || end != value.data() + value.size() || n > kMaxCount) {
    throw Error(fmt::format("{}: {} is too large (at most 2^62)", name_of(name), value));
  }
  return n;
}

std::uint64_t size_value(const Invocation& inv, Opt name, std::uint64_t fallback) {
  if (!inv.given(name)) return fallback;
  const std::string value = inv.value(name);
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  const std::string unit = ascii_lower(std::string_view(end, value.data() + value.size() - end));
  int shift = -1;
  if (unit == "" || unit == "b") shift = 0;
  if (unit == "k" || unit == "kb" || unit == "kib") shift = 10;
  if (unit == "m" || unit == "mb" || unit == "mib") shift = 20;
  if (unit == "g" || unit == "gb" || unit == "gib") shift = 30;
  if (ec != std::errc() || end == value.data() || shift < 0) {
    throw Error(fmt::format("{}: '{}' is not a size (64MiB, 2M, 1000, ...)", name_of(name), value));
  }
  if (n > (UINT64_MAX >> shift))
    throw Error(fmt::format("{}: {} is too large", name_of(name), value));
  return n << shift;
}

void refuse(const Invocation& inv, Opt option, std::string_view reason) {
  if (inv.given(option)) throw Error(fmt::format("{} does not apply {}", name_of(option), reason));
}

void require_operands(const Invocation& inv, std::size_t at_least, std::size_t at_most) {
  const CommandSpec& command = *inv.command;
  if (inv.operands.size() > at_most) {
    const std::string& extra = inv.operands[at_most];
    throw Error(at_most == 0 ? fmt::format("{}: kn {} takes no operands (kn {} {})", extra,
                                           command.name, command.name, name_of(Opt::help))
                             : fmt::format("{}: one {} too many: kn {} {}", extra,
                                           command.operands.empty() ? "word" : command.operands,
                                           command.name, command.operands));
  }
  if (inv.operands.size() < at_least) {
    throw Error(
        fmt::format("{}: needs {} (kn {} --help)", command.name, command.operands, command.name));
  }
}

}  // namespace kn::detail
