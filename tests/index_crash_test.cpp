// kn index under SIGKILL and beside other processes: the store must stay
// sound, hold no half-written issue, and end up as a clean run would.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "kn/store.hpp"
#include "store/internal.hpp"
#include "test_support.hpp"

namespace {

using kn::Store;

constexpr int kIssues = 2000;

// Starts kn with args; stdout and stderr go to err_path. With file_limit,
// the process may not write files larger than that many bytes, as if the
// disk were full.
pid_t spawn(const std::vector<std::string>& args, const std::string& err_path,
            rlim_t file_limit = RLIM_INFINITY) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (file_limit != RLIM_INFINITY) {
      ::signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails with EFBIG instead
      const rlimit limit{file_limit, file_limit};
      ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    std::vector<char*> argv{const_cast<char*>(KN_BINARY)};
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    if (!std::freopen(err_path.c_str(), "w", stderr) || !std::freopen("/dev/null", "w", stdout)) {
      ::_exit(126);
    }
    ::execv(KN_BINARY, argv.data());
    ::_exit(127);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// Entries per issue URL, and a few searches' results, of a store.
struct Snapshot {
  std::map<std::string, std::int64_t> entries;
  std::vector<std::int64_t> counts;
  bool operator==(const Snapshot&) const = default;
};

Snapshot snapshot(const std::string& db) {
  Store store(db, Store::Access::read_only);
  Snapshot snap;
  kn::Statement rows(kn::detail::database(store),
                     "SELECT i.url, count(e.id) FROM issues i LEFT JOIN entries e "
                     "ON e.issue_id = i.id GROUP BY i.id");
  while (rows.step()) snap.entries[std::string(rows.column_text(0))] = rows.column_int(1);
  for (const char* query : {"PyTorch", "解法", "画", "\"data augmentation\"", "section:news"}) {
    snap.counts.push_back(store.count(kn::parse_query(query)));
  }
  return snap;
}

class IndexCrashTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new kn::testing::TempDir();
    const std::string command = std::string("'") + KN_GEN_CORPUS + "' '" + corpus() + "' " +
                                std::to_string(kIssues) + " seeds/* tests/data/*";
    ASSERT_EQ(std::system(command.c_str()), 0);
    ASSERT_EQ(wait_for(spawn({"index", "-q", "--db", reference(), corpus()}, *dir_ / "ref.err")),
              0);
    reference_ = new Snapshot(snapshot(reference()));
  }
  static void TearDownTestSuite() {
    delete reference_;
    delete dir_;
  }
  static std::string corpus() { return *dir_ / "corpus"; }
  static std::string reference() { return *dir_ / "reference.db"; }

  static kn::testing::TempDir* dir_;
  static Snapshot* reference_;
};

kn::testing::TempDir* IndexCrashTest::dir_ = nullptr;
Snapshot* IndexCrashTest::reference_ = nullptr;

TEST_F(IndexCrashTest, ReferenceRunIsComplete) {
  ASSERT_EQ(reference_->entries.size(), static_cast<std::size_t>(kIssues));
  Store store(reference(), Store::Access::read_write);
  EXPECT_EQ(store.check().problems(), std::vector<std::string>{});
}

TEST_F(IndexCrashTest, KilledAtRandomMomentsTheStoreStaysSound) {
  const std::string db = *dir_ / "killed.db";
  std::mt19937 random(7);
  for (int kill = 0; kill < 20; ++kill) {
    const pid_t pid = spawn({"index", "-q", "--db", db, corpus()}, *dir_ / "killed.err");
    std::this_thread::sleep_for(std::chrono::milliseconds(5 + random() % 250));
    ::kill(pid, SIGKILL);
    wait_for(pid);
    if (!std::filesystem::exists(db)) continue;  // killed before it made one
    Store store(db, Store::Access::read_write);
    const kn::CheckResult result = store.check();
    ASSERT_EQ(result.problems(), std::vector<std::string>{}) << "after kill " << kill;
    // No issue is half-written: each has all the entries a full parse gives.
    const Snapshot now = snapshot(db);
    for (const auto& [url, entries] : now.entries) {
      ASSERT_EQ(entries, reference_->entries.at(url)) << url << " after kill " << kill;
    }
  }
  ASSERT_EQ(wait_for(spawn({"index", "-q", "--db", db, corpus()}, *dir_ / "final.err")), 0);
  EXPECT_EQ(snapshot(db), *reference_);
}

TEST_F(IndexCrashTest, SearchesWhileIndexingAndTwoIndexersAtOnce) {
  const std::string db = *dir_ / "busy.db";
  // Make the database first, so that searches have something to open.
  ASSERT_EQ(wait_for(spawn({"index", "-q", "--db", db, "seeds"}, *dir_ / "seed.err")), 0);
  const pid_t first = spawn({"index", "-q", "--db", db, corpus()}, *dir_ / "first.err");
  const pid_t second = spawn({"index", "-q", "--db", db, corpus()}, *dir_ / "second.err");
  // At least ten searches, and more for three seconds: a count, not a
  // rate, so that a slow build (ASan, a busy machine) tests the same.
  int searches = 0;
  for (auto start = std::chrono::steady_clock::now();
       searches < 10 || std::chrono::steady_clock::now() - start < std::chrono::seconds(3);
       ++searches) {
    const int status =
        wait_for(spawn({"search", "--count", "--db", db, "解法"}, *dir_ / "search.err"));
    ASSERT_TRUE(status == 0 || status == 1) << kn::testing::slurp(*dir_ / "search.err");
    ASSERT_EQ(kn::testing::slurp(*dir_ / "search.err"), "");
  }
  EXPECT_EQ(wait_for(first), 0) << kn::testing::slurp(*dir_ / "first.err");
  EXPECT_EQ(wait_for(second), 0) << kn::testing::slurp(*dir_ / "second.err");
  Snapshot busy = snapshot(db);
  for (const auto& [url, entries] : reference_->entries) EXPECT_EQ(busy.entries[url], entries);
  Store store(db, Store::Access::read_write);
  EXPECT_EQ(store.check().problems(), std::vector<std::string>{});
}

TEST_F(IndexCrashTest, AFullDiskStopsWithAClearErrorAndLosesNothing) {
  const std::string db = *dir_ / "full.db";
  ASSERT_EQ(wait_for(spawn({"index", "-q", "--db", db, "seeds"}, *dir_ / "seed.err")), 0);
  const Snapshot before = snapshot(db);
  const auto size = static_cast<rlim_t>(std::filesystem::file_size(db));
  const std::string err = *dir_ / "full.err";
  EXPECT_EQ(wait_for(spawn({"index", "-q", "--db", db, corpus()}, err, size + 200'000)), 2);
  const std::string message = kn::testing::slurp(err);
  EXPECT_TRUE(message.starts_with("kn: " + db + ": disk I/O error")) << message;
  EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 1) << message;
  Store store(db, Store::Access::read_write);
  EXPECT_EQ(store.check().problems(), std::vector<std::string>{});
  const Snapshot after = snapshot(db);
  for (const auto& [url, entries] : before.entries) EXPECT_EQ(after.entries.at(url), entries);
}

}  // namespace
