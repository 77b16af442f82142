#include "kn/files.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "ignore.hpp"
#include "util/utf8.hpp"

namespace kn {

namespace fs = std::filesystem;

namespace {

bool is_hidden(const fs::path& path) { return path.filename().string().starts_with('.'); }

bool starts_with_file(const fs::path& path, std::string_view magic) {
  std::ifstream in(path, std::ios::binary);
  std::string head(magic.size(), '\0');
  return in.read(head.data(), static_cast<std::streamsize>(head.size())) && head == magic;
}

// kn's own database and its -wal, -shm and -journal files, which may sit in
// the archive's directory.
bool is_database_file(const fs::path& path) {
  constexpr std::string_view kMagic{"SQLite format 3\0", 16};
  std::string name = path.string();
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    if (name.ends_with(suffix))
      return starts_with_file(name.substr(0, name.size() - std::strlen(suffix)), kMagic);
  }
  return name.ends_with(".db") && starts_with_file(path, kMagic);
}

// What --exclude names: a path (absolute, or relative to the working
// directory) to a file or directory, when it holds a '/' and names one;
// else a glob relative to each walked root. Each says whether it left out
// anything, so that one that matched nothing can be named.
class Exclusions {
 public:
  explicit Exclusions(const std::vector<std::string>& arguments) {
    for (const std::string& argument : arguments) {
      Exclusion& exclusion = all_.emplace_back();
      exclusion.argument = argument;
      std::error_code ec;
      if (argument.find('/') != std::string::npos && fs::exists(argument, ec)) {
        exclusion.path = absolute_path(argument);
      } else {
        exclusion.glob.add(glob_of(argument));
      }
    }
  }

  // The gitignore line for a glob argument: "./drafts" is "/drafts",
  // anchored at each root.
  static std::string glob_of(const std::string& argument) {
    return argument.starts_with("./") ? argument.substr(1) : argument;
  }

  // Whether a path given by --exclude names this entry (absolute: its
  // normal absolute path).
  bool names(const std::string& absolute) {
    bool out = false;
    for (Exclusion& exclusion : all_) {
      if (!exclusion.path.empty() && exclusion.path == absolute) out = exclusion.matched = true;
    }
    return out;
  }

  // Notes which globs leave out path (relative to its walked root).
  void note_globs(std::string_view path, bool is_directory) {
    for (Exclusion& exclusion : all_) {
      if (!exclusion.matched && !exclusion.glob.empty() &&
          exclusion.glob.excluded(path, is_directory)) {
        exclusion.matched = true;
      }
    }
  }

  // Adds every glob, in order, to rules.
  void add_globs_to(IgnoreRules& rules) const {
    for (const Exclusion& exclusion : all_) {
      if (exclusion.path.empty()) rules.add(glob_of(exclusion.argument));
    }
  }

  // The arguments that left nothing out.
  std::vector<std::string> unmatched() const {
    std::vector<std::string> out;
    for (const Exclusion& exclusion : all_) {
      if (!exclusion.matched) out.push_back(exclusion.argument);
    }
    return out;
  }

 private:
  struct Exclusion {
    std::string argument;
    std::string path;  // absolute and normal; "" for a glob
    IgnoreRules glob;
    bool matched = false;
  };
  std::vector<Exclusion> all_;
};

// A .knignore's rules: UTF-8, with or without a byte order mark; any other
// text is refused (a UTF-16 file would lose every rule silently).
std::string ignore_file_text(const std::string& path) {
  std::string text = read_file(path, 1 << 20);
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    throw Error("UTF-16 text: write .knignore in UTF-8");
  }
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    if (skip_invalid_utf8(text, i)) {
      throw Error(fmt::format("not UTF-8 text (at byte {}): write .knignore in UTF-8", start));
    }
  }
  return text;
}

// Walks the tree with an explicit list of directories, so an unreadable
// directory is reported and the walk goes on. Symbolic links to files are
// followed; links to directories are not, so a link loop cannot trap it.
class Walk {
 public:
  Walk(const std::string& root, Exclusions& exclusions, Inputs& inputs, Diagnostics& diag)
      : root_(root), exclusions_(exclusions), inputs_(inputs), diag_(diag) {
    exclusions.add_globs_to(rules_);
  }

  // The files found, sorted.
  std::vector<std::string> run() {
    std::vector<std::pair<fs::path, std::string>> pending{{root_, ""}};  // directory, relative
    while (!pending.empty()) {
      auto [dir, relative] = std::move(pending.back());
      pending.pop_back();
      read_ignore_file(dir, relative);
      std::error_code ec;
      fs::directory_iterator it(dir, ec);
      for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
        visit(*it, relative, pending);
      }
      if (ec) diag_.file_error(dir.string(), ec.message());
    }
    std::sort(found_.begin(), found_.end());
    return std::move(found_);
  }

 private:
  void read_ignore_file(const fs::path& dir, const std::string& relative) {
    const fs::path file = dir / ".knignore";
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return;
    try {
      rules_.add_file(ignore_file_text(file.string()), relative);
    } catch (const Error& e) {
      diag_.file_error(file.string(), e.what());
    }
  }

  void visit(const fs::directory_entry& entry, const std::string& dir,
             std::vector<std::pair<fs::path, std::string>>& pending) {
    if (is_hidden(entry.path())) return;
    const std::string relative = (dir.empty() ? "" : dir + "/") + entry.path().filename().string();
    std::error_code ignored;  // an entry that vanished is simply not there
    const fs::file_status status = entry.symlink_status(ignored);
    const bool directory = fs::is_directory(status);
    if (!directory &&
        !fs::is_regular_file(fs::is_symlink(status) ? entry.status(ignored) : status)) {
      return;
    }
    const std::string absolute = absolute_path(entry.path().string());
    bool excluded = exclusions_.names(absolute);
    if (!excluded && rules_.excluded(relative, directory)) {
      excluded = true;
      exclusions_.note_globs(relative, directory);
    }
    if (excluded) {
      inputs_.excluded.push_back(absolute);
    } else if (directory) {
      pending.emplace_back(entry.path(), relative);
    } else if (!is_database_file(entry.path())) {
      found_.push_back(entry.path().string());
    }
  }

  fs::path root_;
  Exclusions& exclusions_;
  Inputs& inputs_;
  Diagnostics& diag_;
  IgnoreRules rules_;
  std::vector<std::string> found_;
};

}  // namespace

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  return ec ? path : absolute.lexically_normal().string();
}

Inputs find_inputs(const std::vector<std::string>& paths, const std::vector<std::string>& exclude,
                   Diagnostics& diag) {
  Inputs inputs;
  Exclusions exclusions(exclude);
  for (const std::string& path : paths) {
    inputs.roots.push_back(absolute_path(path));
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec) {
      diag.file_error(path, ec.message());
      inputs.missing.push_back(path);
    } else if (fs::is_directory(status)) {
      const std::vector<std::string> found = Walk(path, exclusions, inputs, diag).run();
      if (found.empty()) inputs.empty_roots.push_back(path);
      for (const std::string& file : found) inputs.files.push_back({file, true});
    } else {
      inputs.files.push_back({path, false});  // read_file says what is wrong with it, if anything
    }
  }
  for (const std::string& argument : exclusions.unmatched()) {
    diag.warning("--exclude " + argument, "matched nothing in the paths walked");
  }
  return inputs;
}

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, Diagnostics& diag) {
  std::vector<std::string> out;
  for (InputFile& file : find_inputs(paths, {}, diag).files) out.push_back(std::move(file.path));
  return out;
}

namespace {

FileStamp stamp_of(const struct stat& st) {
  return {static_cast<std::int64_t>(st.st_size),
          static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

}  // namespace

std::optional<FileStamp> stat_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return stamp_of(st);
}

std::string content_hash(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ull;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return fmt::format("{:016x}", hash);
}

std::string read_file(const std::string& path, std::uint64_t max_size, FileStamp* stamp) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw Error(std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};

  struct stat st {};
  if (::fstat(fd, &st) != 0) throw Error(std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw Error("is a directory");
  if (!S_ISREG(st.st_mode)) throw Error("not a regular file");
  if (stamp) *stamp = stamp_of(st);
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > max_size) {
    throw Error(fmt::format("file is {} bytes, over the limit of {} (--max-size)", size, max_size));
  }

  std::string content(size, '\0');
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::read(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(std::strerror(errno));
    if (n == 0) break;  // the file shrank while being read
    done += static_cast<std::size_t>(n);
  }
  content.resize(done);
  return content;
}

}  // namespace kn
