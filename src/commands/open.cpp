#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "commands.hpp"
#include "entry_lookup.hpp"
#include "kn/error.hpp"
#include "output.hpp"
#include "util/sanitize.hpp"
#include "util/url.hpp"

extern char** environ;

namespace kn {

namespace {

// The URL kn open opens: link N, else a card's or embed's own URL, else an
// item's first link.
std::string url_to_open(const FoundEntry& found, int link) {
  const std::vector<Link> links = found.entry().links();
  const std::string name = found.ref.to_string();
  if (link > static_cast<int>(links.size())) {
    throw Error(fmt::format("--link {}: {} has {} link{} (kn show {} numbers them)", link, name,
                            links.size(), links.size() == 1 ? "" : "s", name));
  }
  if (links.empty()) throw Error(fmt::format("{}: no link to open", name), kExitNoResults);
  return links[link > 0 ? static_cast<std::size_t>(link - 1) : 0].url;
}

// Runs argv without a shell and waits for it: its exit status, or nullopt
// when it could not be started (not found, not executable).
std::optional<int> run_command(const std::vector<std::string>& words) {
  std::vector<char*> argv;
  for (const std::string& word : words) argv.push_back(const_cast<char*>(word.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
    return std::nullopt;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return std::nullopt;
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return std::nullopt;  // not found by env
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

std::vector<std::vector<std::string>> browser_commands(const char* browser,
                                                       const std::string& url) {
  std::vector<std::vector<std::string>> out;
  const std::string_view list = browser ? browser : "";
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(':', start);
    if (end == std::string_view::npos) end = list.size();
    const std::string_view command = list.substr(start, end - start);
    std::vector<std::string> words;
    bool placed = false;
    for (std::size_t at = 0; at < command.size();) {
      const std::size_t from = command.find_first_not_of(" \t", at);
      if (from == std::string_view::npos) break;
      const std::size_t to = std::min(command.find_first_of(" \t", from), command.size());
      std::string word;
      for (std::size_t k = from; k < to; ++k) {
        if (command[k] == '%' && k + 1 < to && command[k + 1] == 's') {
          word += url, placed = true, ++k;
        } else if (command[k] == '%' && k + 1 < to && command[k + 1] == '%') {
          word += '%', ++k;
        } else {
          word += command[k];
        }
      }
      words.push_back(std::move(word));
      at = to;
    }
    if (!words.empty()) {
      if (!placed) words.push_back(url);
      out.push_back(std::move(words));
    }
    start = end + 1;
  }
  if (out.empty()) out.push_back({"xdg-open", url});
  return out;
}

int run_open(const OpenRequest& request) {
  Store store(request.db, Store::Access::read_only);
  const FoundEntry found = find_entry(store, request.entry);
  const std::string raw = url_to_open(found, request.link);
  const std::optional<std::string> url = url_href(raw);
  if (!url || !(url->starts_with("https://") || url->starts_with("http://"))) {
    throw Error(fmt::format("{}: only http and https links are opened", escaped(raw)));
  }
  std::vector<std::string> tried;
  for (const std::vector<std::string>& command : browser_commands(std::getenv("BROWSER"), *url)) {
    const std::optional<int> status = run_command(command);
    const std::string line = fmt::format("{}", fmt::join(command, " "));
    if (!status) {
      tried.push_back(command[0]);
      continue;
    }
    if (*status != 0) {
      throw Error(fmt::format("{}: exited with status {}", escaped(line), *status));
    }
    detail::write_stdout(fmt::format("ran: {}\n", escaped(line)));
    return kExitOk;
  }
  throw Error(fmt::format("{}: no browser could be started (tried {}): set BROWSER", *url,
                          fmt::join(tried, ", ")));
}

}  // namespace kn
