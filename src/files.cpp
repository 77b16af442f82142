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

#include "kn/ignore.hpp"

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

// Walks the tree with an explicit list of directories, so an unreadable
// directory is reported and the walk goes on. Symbolic links to files are
// followed; links to directories are not, so a link loop cannot trap it.
class Walk {
 public:
  Walk(const std::string& root, const std::vector<std::string>& exclude, Inputs& inputs,
       Diagnostics& diag)
      : root_(root), inputs_(inputs), diag_(diag) {
    for (const std::string& pattern : exclude) rules_.add(pattern);
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
      rules_.add_file(read_file(file.string(), 1 << 20), relative);
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
    if (rules_.excluded(relative, directory)) {
      inputs_.excluded.push_back(absolute_path(entry.path().string()));
    } else if (directory) {
      pending.emplace_back(entry.path(), relative);
    } else if (!is_database_file(entry.path())) {
      found_.push_back(entry.path().string());
    }
  }

  fs::path root_;
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
  for (const std::string& path : paths) {
    inputs.roots.push_back(absolute_path(path));
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec) {
      diag.file_error(path, ec.message());
      inputs.missing.push_back(path);
    } else if (fs::is_directory(status)) {
      const std::vector<std::string> found = Walk(path, exclude, inputs, diag).run();
      if (found.empty()) inputs.empty_roots.push_back(path);
      for (const std::string& file : found) inputs.files.push_back({file, true});
    } else {
      inputs.files.push_back({path, false});  // read_file says what is wrong with it, if anything
    }
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
