// Runs the kn binary end to end, as a user would: exit code, stdout and
// stderr of one command line.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "test_support.hpp"

namespace kn::testing {

struct Result {
  int status;
  std::string out, err;
};

inline std::string slurp(const std::filesystem::path& path) { return slurp(path.string()); }

// An index summary without its varying time: " (0.01 s)" or ',"seconds":0.01}'.
inline std::string without_time(const std::string& summary) {
  const std::size_t json = summary.find(",\"seconds\":");
  return summary.substr(0, json != std::string::npos ? json : summary.rfind(" ("));
}

class KnTest : public ::testing::Test {
 protected:
  // Runs kn with args (already shell-quoted) from the source tree, stdin
  // from /dev/null unless args redirect it.
  // stdout goes to a file, unless `to` names another place.
  Result kn(const std::string& args, const std::string& to = "") {
    return shell(std::string("'") + KN_BINARY + "' " + args, to);
  }

  // Runs a shell command line the same way.
  Result shell(const std::string& line, const std::string& to = "") {
    const std::string out = to.empty() ? (dir_ / "out").string() : to;
    const std::string command = line + " >'" + out + "' 2>'" + (dir_ / "err").string() + "'" +
                                (line.find('<') == std::string::npos ? " </dev/null" : "");
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, to.empty() ? slurp(out) : "",
            slurp(dir_ / "err")};
  }

  std::string write(const std::string& name, const std::string& content) {
    return tmp_.write(name, content);
  }

  TempDir tmp_;
  const std::filesystem::path dir_ = tmp_.path();
};

// A KnTest with the seeds indexed into db_.
class SeedsTest : public KnTest {
 protected:
  void SetUp() override {
    db_ = (dir_ / "kn.db").string();
    ASSERT_EQ(kn("index -q --db '" + db_ + "' seeds/").status, 0);
  }
  Result search(const std::string& args) { return kn("search --db '" + db_ + "' " + args); }
  std::string db_;
};

// A KnTest with the seeds and the real issues of tests/data indexed into
// db_, once for the whole suite, by kn itself.
class ArchiveBinaryTest : public KnTest {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    db_ = (dir_->path() / "kn.db").string();
    ASSERT_EQ(std::system(
                  ("'" + std::string(KN_BINARY) + "' index -q --db '" + db_ + "' seeds tests/data")
                      .c_str()),
              0);
  }
  static void TearDownTestSuite() { delete dir_; }
  static inline TempDir* dir_ = nullptr;
  static inline std::string db_;
};

}  // namespace kn::testing
