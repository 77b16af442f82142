#include "kn/files.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace kn {

namespace fs = std::filesystem;

namespace {

bool is_hidden(const fs::path& path) { return path.filename().string().starts_with('.'); }

// Walks the tree with an explicit list of directories, so an unreadable
// directory is reported and the walk goes on. Symbolic links to files are
// followed; links to directories are not, so a link loop cannot trap it.
void expand_directory(const std::string& root, std::vector<std::string>& files, Diagnostics& diag) {
  std::vector<std::string> found;
  std::vector<fs::path> pending{root};
  while (!pending.empty()) {
    const fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
      if (is_hidden(it->path())) continue;
      std::error_code ignored;  // an entry that vanished is simply not there
      const fs::file_status status = it->symlink_status(ignored);
      if (fs::is_directory(status)) {
        pending.push_back(it->path());
      } else if (fs::is_regular_file(fs::is_symlink(status) ? it->status(ignored) : status)) {
        found.push_back(it->path().string());
      }
    }
    if (ec) diag.file_error(dir.string(), ec.message());
  }
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
}

}  // namespace

std::vector<std::string> expand_paths(const std::vector<std::string>& paths, Diagnostics& diag) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec) {
      diag.file_error(path, ec.message());
    } else if (fs::is_directory(status)) {
      expand_directory(path, files, diag);
    } else {
      files.push_back(path);  // read_file says what is wrong with it, if anything
    }
  }
  return files;
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
