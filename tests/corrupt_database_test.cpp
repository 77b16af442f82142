// Damaged databases: copies of a database made by `kn index` of the real
// issues, overwritten in places chosen by fixed seeds, are read by the
// commands that explain and use them. Each must end with a message or a
// list of problems, never a signal or a hang.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "kn_binary.hpp"

namespace {

namespace fs = std::filesystem;

class CorruptDatabase : public kn::testing::ArchiveBinaryTest {
 protected:
  // A copy of the archive's database with damage of the seed's kind: an even
  // seed overwrites 10 random bytes, an odd one 1 to 4 whole pages.
  std::string damaged_copy(unsigned seed) {
    const std::string copy = (tmp_.path() / fmt_name(seed)).string();
    fs::copy_file(db_, copy, fs::copy_options::overwrite_existing);
    const auto size = static_cast<std::uint64_t>(fs::file_size(copy));
    constexpr std::uint64_t kPage = 4096;
    std::mt19937_64 random(seed);
    std::fstream file(copy, std::ios::in | std::ios::out | std::ios::binary);
    const auto write_at = [&](std::uint64_t offset, std::uint64_t length) {
      file.seekp(static_cast<std::streamoff>(offset));
      for (std::uint64_t k = 0; k < length; ++k) file.put(static_cast<char>(random() & 0xFF));
    };
    if (seed % 2 == 0) {
      // Past the 100-byte header, which SQLite checks before reading anything.
      for (int k = 0; k < 10; ++k) write_at(100 + random() % (size - 100), 1);
    } else {
      const std::uint64_t pages = size / kPage;
      for (std::uint64_t k = 0, n = 1 + random() % 4; k < n; ++k) {
        write_at((1 + random() % (pages - 1)) * kPage, kPage);
      }
    }
    return copy;
  }

  static std::string fmt_name(unsigned seed) { return "damaged-" + std::to_string(seed) + ".db"; }

  // Runs kn args on db under a 10 s limit; the exit status, or 124 for a
  // time-out and 128 + N for signal N.
  kn::testing::Result run(const std::string& args, const std::string& db) {
    return shell("timeout -s KILL 10 '" + std::string(KN_BINARY) + "' " + args + " --db '" + db +
                 "'");
  }
};

// What a command says when it fails: one or more lines, each "kn: ...".
bool is_message(const std::string& err) {
  if (err.empty() || err.back() != '\n') return false;
  for (std::size_t start = 0; start < err.size();) {
    const std::size_t end = err.find('\n', start);
    if (err.compare(start, 4, "kn: ") != 0) return false;
    start = end + 1;
  }
  return true;
}

TEST_F(CorruptDatabase, CheckAndSearchEndWithAMessageNeverASignal) {
  for (unsigned seed = 0; seed < 100; ++seed) {
    const std::string copy = damaged_copy(seed);
    const kn::testing::Result check = run("check", copy);
    EXPECT_TRUE(check.status == 0 || check.status == 2)
        << "seed " << seed << ": kn check exit " << check.status << "\n"
        << check.err;
    if (check.status == 2) {
      // Either the list of problems (on stdout) or the one-line reason.
      EXPECT_TRUE(check.out.find("problem") != std::string::npos || is_message(check.err))
          << "seed " << seed << ":\n"
          << check.out << check.err;
    }
    for (const char* query : {"PyTorch", "解法", "画"}) {
      const kn::testing::Result search = run(std::string("search --limit 20 ") + query, copy);
      EXPECT_LE(search.status, 2) << "seed " << seed << ": kn search " << query << " exit "
                                  << search.status << "\n"
                                  << search.err;
      if (search.status == 2) {
        EXPECT_TRUE(is_message(search.err)) << "seed " << seed << ":\n" << search.err;
      }
    }
    fs::remove(copy);
  }
}

}  // namespace
