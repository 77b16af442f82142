#include "kn/files.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;

class FilesTest : public testing::Test {
 protected:
  std::string write(const std::string& name, const std::string& content) {
    return tmp_.write(name, content);
  }

  std::string error_reading(const std::string& path, std::uint64_t max_size = 1000) {
    try {
      kn::read_file(path, max_size);
    } catch (const kn::Error& e) {
      return e.what();
    }
    return "";
  }

  kn::testing::TempDir tmp_;
  const fs::path root_ = tmp_.path();
};

TEST_F(FilesTest, ExpandsDirectoriesRecursivelySortedSkippingHiddenAndSpecialFiles) {
  write("b.txt", "b");
  write("a dir/#1 issue.md", "a");
  write("a dir/.hidden.md", "h");
  write(".git/config", "g");
  write("z/2019-12-20_Weekly Kaggle News #1.md", "z");
  ASSERT_EQ(::mkfifo((root_ / "fifo").c_str(), 0600), 0);
  fs::create_directory_symlink(root_, root_ / "loop");
  fs::create_symlink(root_ / "b.txt", root_ / "link.md");
  fs::create_symlink(root_ / "missing", root_ / "dangling.md");

  kn::Diagnostics diag;
  const std::vector<std::string> files = kn::expand_paths({root_.string()}, diag);
  const std::string r = root_.string();
  const std::vector<std::string> want{r + "/a dir/#1 issue.md", r + "/b.txt", r + "/link.md",
                                      r + "/z/2019-12-20_Weekly Kaggle News #1.md"};
  EXPECT_EQ(files, want);
  EXPECT_EQ(diag.failures(), 0);
}

TEST_F(FilesTest, KeepsFilesAsGivenAndReportsMissingPaths) {
  const std::string b = write("b.txt", "b");
  const std::string hidden = write(".hidden", "h");
  kn::Diagnostics diag;
  testing::internal::CaptureStderr();
  const std::vector<std::string> files =
      kn::expand_paths({b, (root_ / "missing").string(), hidden}, diag);
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(files, (std::vector<std::string>{b, hidden}));
  EXPECT_EQ(diag.failures(), 1);
  EXPECT_EQ(err, "kn: " + (root_ / "missing").string() + ": No such file or directory\n");
}

TEST_F(FilesTest, ReadsWholeFiles) {
  const std::string path = write("x #1.md", std::string("a\0b\r\n", 5));
  EXPECT_EQ(kn::read_file(path, 5), std::string("a\0b\r\n", 5));
  EXPECT_EQ(kn::read_file(write("empty", ""), 0), "");
}

TEST_F(FilesTest, RefusesWhatItCannotRead) {
  EXPECT_EQ(error_reading(write("big", std::string(1001, 'x'))),
            "file is 1001 bytes, over the limit of 1000 (--max-size)");
  EXPECT_EQ(error_reading((root_ / "missing").string()), "No such file or directory");
  EXPECT_EQ(error_reading(root_.string()), "is a directory");
  ASSERT_EQ(::mkfifo((root_ / "fifo").c_str(), 0600), 0);
  EXPECT_EQ(error_reading((root_ / "fifo").string()), "not a regular file");
  EXPECT_EQ(error_reading("/dev/null"), "not a regular file");
}

// A file rewritten while kn reads it: each read gives a prefix of one of
// its versions (what was there), never a crash or bytes from nowhere.
TEST_F(FilesTest, AFileThatChangesWhileBeingRead) {
  const std::string long_text(300'000, 'a'), short_text(1'000, 'b');
  const std::string path = write("changing.md", long_text);
  std::atomic<bool> stop = false;
  std::thread writer([&] {
    for (int k = 0; !stop; ++k) {
      std::ofstream(path, std::ios::binary | std::ios::trunc) << (k % 2 ? short_text : long_text);
    }
  });
  int reads = 0;
  for (const auto start = std::chrono::steady_clock::now();
       std::chrono::steady_clock::now() - start < std::chrono::milliseconds(300); ++reads) {
    std::string content;
    try {
      content = kn::read_file(path, 1 << 20);
    } catch (const kn::Error& e) {
      ADD_FAILURE() << e.what();
    }
    const bool prefix = long_text.starts_with(content) || short_text.starts_with(content);
    ASSERT_TRUE(prefix) << content.size() << " bytes";
  }
  stop = true;
  writer.join();
  EXPECT_GT(reads, 10);
}

TEST_F(FilesTest, RefusesAnUnreadableFile) {
  const std::string path = write("secret", "s");
  ASSERT_EQ(::chmod(path.c_str(), 0), 0);
  ASSERT_EQ(::chmod(root_.c_str(), 0755), 0);
  if (::geteuid() != 0) {
    EXPECT_EQ(error_reading(path), "Permission denied");
    return;
  }
  // Root reads everything: try as an unprivileged user in a child process.
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
    ::_exit(error_reading(path) == "Permission denied" ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
