#include "kn/index.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "kn/extract.hpp"
#include "kn/query.hpp"
#include "store/internal.hpp"
#include "test_support.hpp"
#include "tokenize/tokenizer.hpp"
#include "util/utf8.hpp"

namespace {

using kn::testing::code_points;
using kn::testing::utf8;

namespace fs = std::filesystem;
using kn::Store;
using kn::testing::TempDir;

const std::vector<std::string> kSeeds{
    "seeds/000_d809ab5171f926cf.txt", "seeds/001_c6642d8709a2e47b.txt",
    "seeds/002_7299b426c7bc8e35.txt", "seeds/003_c101f9bd7d61912c.txt",
    "seeds/004_01338e13a97eeadf.txt"};

std::int64_t count(Store& store, const std::string& sql) {
  kn::Statement statement(kn::detail::database(store), sql);
  statement.step();
  return statement.column_int(0);
}

std::set<std::int64_t> matches(Store& store, const std::string& expression) {
  kn::Statement query(kn::detail::database(store),
                      "SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?1");
  query.bind(1, expression);
  std::set<std::int64_t> ids;
  while (query.step()) ids.insert(query.column_int(0));
  return ids;
}

struct Counts {
  int files, added, updated, unchanged, failed, pruned;
  bool operator==(const Counts&) const = default;
};

Counts counts(const kn::IndexReport& r) {
  return {r.files, r.added, r.updated, r.unchanged, r.failed, r.pruned};
}

// A temporary copy of the seeds, indexed into a temporary database.
class IndexTest : public testing::Test {
 protected:
  IndexTest() : store_(dir_ / "kn.db", Store::Access::read_write) {
    for (const std::string& seed : kSeeds) {
      fs::create_directories(dir_.path() / "seeds");
      fs::copy_file(seed, dir_.path() / seed);
    }
  }

  kn::IndexReport index(const std::vector<std::string>& paths, bool prune = false) {
    kn::Diagnostics diag;
    testing::internal::CaptureStderr();
    kn::IndexReport report = kn::index_files(store_, kn::find_inputs(paths, {}, diag),
                                             {prune, false, kn::kDefaultMaxFileSize}, diag);
    errors_ = testing::internal::GetCapturedStderr();
    return report;
  }

  std::string seeds() const { return dir_ / "seeds"; }

  TempDir dir_;
  Store store_;
  std::string errors_;
};

TEST_F(IndexTest, SeedsGiveTheCountsParseGives) {
  EXPECT_EQ(counts(index({seeds()})), (Counts{5, 5, 0, 0, 0, 0}));
  std::map<std::string, int> kinds;
  int cards = 0, embeds = 0, links = 0;
  for (const std::string& seed : kSeeds) {
    const kn::Issue issue = kn::extract_issue(kn::testing::slurp(seed), seed);
    for (const kn::Section& section : issue.sections) {
      kinds[std::string(kn::to_string(section.kind))] += static_cast<int>(section.items.size());
      for (const kn::Item& item : section.items) links += static_cast<int>(item.links.size());
    }
    cards += static_cast<int>(issue.cards.size());
    embeds += static_cast<int>(issue.embeds.size());
    for (const kn::Card& card : issue.cards) links += static_cast<int>(card.links.size());
    for (const kn::Embed& embed : issue.embeds) links += static_cast<int>(embed.links.size());
  }
  EXPECT_EQ(kinds, (std::map<std::string, int>{{"competitions", 11}, {"news", 7}}));
  EXPECT_EQ(cards, 42);
  EXPECT_EQ(embeds, 1);
  EXPECT_EQ(links, 69);

  EXPECT_EQ(count(store_, "SELECT count(*) FROM issues"), 5);
  EXPECT_EQ(count(store_,
                  "SELECT group_concat(number) FROM (SELECT number FROM issues "
                  "ORDER BY number)"),
            18);  // first of 18,66,72,84,117
  EXPECT_EQ(count(store_, "SELECT count(*) FROM entries WHERE section_kind = 'news'"), 7);
  EXPECT_EQ(count(store_, "SELECT count(*) FROM entries WHERE section_kind = 'competitions'"), 11);
  EXPECT_EQ(count(store_, "SELECT count(*) FROM entries WHERE kind = 'card'"), 42);
  EXPECT_EQ(count(store_, "SELECT count(*) FROM entries WHERE kind = 'embed'"), 1);
  EXPECT_EQ(count(store_, "SELECT count(*) FROM links"), 69);
  EXPECT_EQ(count(store_, "SELECT count(*) FROM entries_fts"), 61);
  EXPECT_TRUE(store_.check().problems().empty());
}

TEST_F(IndexTest, ReindexingUnchangedFilesWritesNothing) {
  index({seeds()});
  const int before = sqlite3_total_changes(kn::detail::database(store_).handle());
  EXPECT_EQ(counts(index({seeds(), seeds() + "/000_d809ab5171f926cf.txt"})),
            (Counts{6, 0, 0, 6, 0, 0}));
  EXPECT_EQ(sqlite3_total_changes(kn::detail::database(store_).handle()), before);
}

TEST_F(IndexTest, AnEditedFileAloneIsUpdated) {
  index({seeds()});
  std::ofstream(dir_ / "seeds/002_7299b426c7bc8e35.txt", std::ios::app)
      << "<p><p>zyxwvut comment</p></p>";
  EXPECT_EQ(counts(index({seeds()})), (Counts{5, 0, 1, 4, 0, 0}));
  EXPECT_EQ(matches(store_, "zyxwvut").size(), 1u);
  EXPECT_EQ(count(store_, "SELECT count(*) FROM issues"), 5);
  EXPECT_TRUE(store_.check().problems().empty());
}

TEST_F(IndexTest, ATouchedFileIsUnchangedAndItsStampRefreshed) {
  index({seeds()});
  const std::string file = dir_ / "seeds/001_c6642d8709a2e47b.txt";
  fs::last_write_time(file, fs::last_write_time(file) + std::chrono::hours(1));
  EXPECT_EQ(counts(index({file})), (Counts{1, 0, 0, 1, 0, 0}));
  const auto stored = store_.find_by_source(file);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->stamp, kn::stat_file(file));
}

TEST_F(IndexTest, ACopyUnderAnotherPathIsNoDuplicate) {
  index({seeds()});
  fs::copy_file(dir_ / "seeds/003_c101f9bd7d61912c.txt", dir_ / "seeds/copy.txt");
  EXPECT_EQ(counts(index({seeds()})), (Counts{6, 0, 0, 6, 0, 0}));
  EXPECT_EQ(count(store_, "SELECT count(*) FROM issues"), 5);
}

TEST_F(IndexTest, AMovedFileMovesItsIssue) {
  index({seeds()});
  fs::rename(dir_ / "seeds/003_c101f9bd7d61912c.txt", dir_ / "seeds/moved.txt");
  const kn::IndexReport report = index({seeds()});
  EXPECT_EQ(counts(report), (Counts{5, 0, 1, 4, 0, 0}));
  ASSERT_EQ(report.notes.size(), 1u);
  EXPECT_EQ(
      report.notes[0],
      "moved #117 https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-117-1068868 "
      "to " +
          (dir_ / "seeds/moved.txt") + " (was " + (dir_ / "seeds/003_c101f9bd7d61912c.txt") + ")");
  EXPECT_EQ(count(store_, "SELECT count(*) FROM issues"), 5);
}

TEST_F(IndexTest, PruneRemovesIssuesWhoseFileIsGone) {
  index({seeds()});
  fs::remove(dir_ / "seeds/004_01338e13a97eeadf.txt");
  EXPECT_EQ(counts(index({seeds()})), (Counts{4, 0, 0, 4, 0, 0}));
  EXPECT_EQ(count(store_, "SELECT count(*) FROM issues"), 5);  // nothing deleted implicitly
  const kn::IndexReport report = index({seeds()}, true);
  EXPECT_EQ(counts(report), (Counts{4, 0, 0, 4, 0, 1}));
  ASSERT_EQ(report.notes.size(), 1u);
  EXPECT_EQ(
      report.notes[0],
      "pruned #18 https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-18-239563 (" +
          (dir_ / "seeds/004_01338e13a97eeadf.txt") + " is gone)");
  EXPECT_EQ(count(store_, "SELECT count(*) FROM issues"), 4);
  EXPECT_TRUE(store_.check().problems().empty());
}

// An unmounted archive is an empty mount point, or no directory at all:
// pruning then would drop every issue. It is refused, unless forced.
TEST_F(IndexTest, PruneRefusesARootThatHoldsNoFiles) {
  index({seeds()});
  fs::create_directory(dir_ / "mnt");
  kn::IndexReport report = index({dir_ / "mnt"}, true);
  EXPECT_EQ(report.pruned, 0);
  EXPECT_EQ(errors_, "kn: " + (dir_ / "mnt") +
                         ": holds no issue files (an archive not mounted?); nothing pruned "
                         "(--prune --force prunes anyway)\n");
  report = index({dir_ / "unmounted"}, true);
  EXPECT_EQ(report.pruned, 0);
  EXPECT_EQ(count(store_, "SELECT count(*) FROM issues"), 5);
  // Only issues under the roots go, even when forced: mnt holds none.
  kn::Diagnostics diag;
  testing::internal::CaptureStderr();
  report = kn::index_files(store_, kn::find_inputs({dir_ / "mnt"}, {}, diag), {true, true}, diag);
  testing::internal::GetCapturedStderr();
  EXPECT_EQ(report.pruned, 0);
  fs::remove_all(dir_ / "seeds");
  fs::create_directory(dir_ / "seeds");
  report = kn::index_files(store_, kn::find_inputs({seeds()}, {}, diag), {true, true}, diag);
  EXPECT_EQ(report.pruned, 5);
}

// Pruning looks under the roots given on this run, and nowhere else.
TEST_F(IndexTest, PruneStaysUnderTheRootsGiven) {
  fs::create_directory(dir_ / "other");
  fs::copy_file("tests/data/2019-12-20_Weekly Kaggle News #1.md", dir_ / "other/1.md");
  index({seeds(), dir_ / "other"});
  fs::remove(dir_ / "other/1.md");
  fs::remove(dir_ / "seeds/004_01338e13a97eeadf.txt");
  const kn::IndexReport report = index({seeds()}, true);
  EXPECT_EQ(report.pruned, 1);
  EXPECT_EQ(count(store_, "SELECT count(*) FROM issues WHERE number = 1"), 1);
  EXPECT_EQ(count(store_, "SELECT count(*) FROM issues WHERE number = 18"), 0);
}

// A file kept out by .knignore counts as absent for --prune, and says so.
TEST_F(IndexTest, PruneNamesAnExcludedFile) {
  index({seeds()});
  dir_.write("seeds/.knignore", "004_*\n");
  const kn::IndexReport report = index({seeds()}, true);
  EXPECT_EQ(counts(report), (Counts{4, 0, 0, 4, 0, 1}));
  EXPECT_EQ(
      report.notes.at(0),
      "pruned #18 https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-18-239563 (" +
          (dir_ / "seeds/004_01338e13a97eeadf.txt") + " is excluded)");
}

std::string issue_file(int number, const std::string& words) {
  return fmt::format("# Weekly Kaggle News #{}\nhttps://e.com/{}\n<h2>News</h2><p>{}</p>", number,
                     number, words);
}

// latest.md held #10; it was renamed to a dated name and #11 written to
// latest.md. Both issues are in the index after one run, in either order
// of the names, and a second run changes nothing.
TEST_F(IndexTest, ARotatedFileKeepsBothIssues) {
  for (const std::string dated : {"2021-01-10_issue10.md", "zz_issue10.md"}) {
    SCOPED_TRACE(dated);
    TempDir dir;
    Store store(dir / "kn.db", Store::Access::read_write);
    const auto run = [&] {
      kn::Diagnostics diag;
      return kn::index_files(store, kn::find_inputs({dir / "a"}, {}, diag), {}, diag);
    };
    dir.write("a/latest.md", issue_file(10, "ten"));
    run();
    fs::rename(dir / "a/latest.md", dir / ("a/" + dated));
    dir.write("a/latest.md", issue_file(11, "eleven"));
    const kn::IndexReport report = run();
    EXPECT_EQ(report.failed, 0);
    EXPECT_EQ(count(store,
                    "SELECT group_concat(number) FROM (SELECT number FROM issues "
                    "WHERE detached = 0 ORDER BY number)"),
              10);
    EXPECT_EQ(count(store, "SELECT count(*) FROM issues WHERE detached = 0"), 2);
    EXPECT_EQ(store.find_by_url("https://e.com/10")->source, dir / ("a/" + dated));
    EXPECT_EQ(store.find_by_url("https://e.com/11")->source, dir / "a/latest.md");
    EXPECT_EQ(counts(run()), (Counts{2, 0, 0, 2, 0, 0}));
    EXPECT_TRUE(store.check().problems().empty());
  }
}

// Two files with one issue URL and different content: the newer file is
// the issue, the other is reported once a run, and nothing flip-flops.
TEST_F(IndexTest, TwoFilesWithOneUrlTheNewerWins) {
  const std::string old_file = dir_.write("dup/a.md", issue_file(7, "old words"));
  const std::string new_file = dir_.write("dup/b.md", issue_file(7, "new words"));
  fs::last_write_time(old_file, fs::last_write_time(new_file) - std::chrono::hours(1));
  const kn::IndexReport first = index({dir_ / "dup"});
  EXPECT_EQ(errors_, "kn: " + new_file + ": holds issue #7 as " + old_file +
                         " does, which it replaces (it is newer)\n");
  EXPECT_EQ(first.duplicates, 0);
  EXPECT_EQ(store_.find_by_url("https://e.com/7")->source, new_file);
  for (int run = 0; run < 2; ++run) {
    const int before = sqlite3_total_changes(kn::detail::database(store_).handle());
    const kn::IndexReport again = index({dir_ / "dup"});
    EXPECT_EQ(counts(again), (Counts{2, 0, 0, 1, 0, 0}));
    EXPECT_EQ(again.duplicates, 1);
    EXPECT_EQ(errors_, "kn: " + old_file + ": holds issue #7 as " + new_file +
                           " does, which is newer: kept\n");
    EXPECT_EQ(sqlite3_total_changes(kn::detail::database(store_).handle()), before);
  }
  EXPECT_EQ(matches(store_, "new").size(), 1u);
  EXPECT_EQ(matches(store_, "old").size(), 0u);
}

// Modified at the same time, the first file in path order is the issue,
// and the message says why; nothing flip-flops between runs.
TEST_F(IndexTest, TwoFilesWithOneUrlAndOneTimeTheFirstPathWins) {
  const std::string first_file = dir_.write("dup/a.md", issue_file(7, "first words"));
  const std::string second_file = dir_.write("dup/b.md", issue_file(7, "second words"));
  fs::last_write_time(second_file, fs::last_write_time(first_file));
  index({dir_ / "dup"});
  EXPECT_EQ(errors_, "kn: " + second_file + ": holds issue #7 as " + first_file +
                         " does, which is kept (same modification time; it comes first in path "
                         "order)\n");
  EXPECT_EQ(store_.find_by_url("https://e.com/7")->source, first_file);
  index({dir_ / "dup"});
  EXPECT_EQ(store_.find_by_url("https://e.com/7")->source, first_file);
  // Met the other way round (b.md stored first), a.md still wins.
  kn::Store other(dir_ / "other.db", kn::Store::Access::read_write);
  kn::Diagnostics diag;
  kn::index_files(other, kn::find_inputs({second_file}, {}, diag), {}, diag);
  kn::index_files(other, kn::find_inputs({first_file}, {}, diag), {}, diag);
  EXPECT_EQ(other.find_by_url("https://e.com/7")->source, first_file);
}

TEST_F(IndexTest, ABadFileAffectsNoOther) {
  dir_.write("seeds/bad.txt", "# Weekly Kaggle News\nhttps://e.com/x\n<p>no number</p>");
  EXPECT_EQ(counts(index({seeds()})), (Counts{6, 5, 0, 0, 1, 0}));
  EXPECT_EQ(errors_, "kn: " + (dir_ / "seeds/bad.txt") +
                         ": no issue number ('#N') in the title \"Weekly Kaggle News\"\n");
  EXPECT_EQ(count(store_, "SELECT count(*) FROM issues"), 5);
}

// A README, notes or a picture beside the issues is no failure when the
// directory is walked; named on the command line, it is.
TEST_F(IndexTest, FilesThatAreNoIssuesAreSkippedInADirectory) {
  dir_.write("seeds/README.md", "# The archive\n\nWeekly issues, one a file.\n");
  dir_.write("seeds/cover.png", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
  dir_.write("seeds/empty.md", "");
  const kn::IndexReport report = index({seeds()});
  EXPECT_EQ(counts(report), (Counts{8, 5, 0, 0, 0, 0}));
  EXPECT_EQ(report.skipped, 3);
  EXPECT_EQ(errors_, "");
  EXPECT_EQ(counts(index({dir_ / "seeds/README.md"})), (Counts{1, 0, 0, 0, 1, 0}));
  EXPECT_EQ(errors_, "kn: " + (dir_ / "seeds/README.md") + ": line 2 is not the issue's URL\n");
}

TEST_F(IndexTest, ADryRunWritesIntoACopy) {
  index({seeds()});
  fs::remove(dir_ / "seeds/004_01338e13a97eeadf.txt");
  dir_.write("seeds/new.txt", "# Weekly Kaggle News #999\nhttps://e.com/999\n<p>x</p>");
  const std::unique_ptr<Store> scratch = Store::scratch_copy_of(dir_ / "kn.db");
  kn::Diagnostics diag;
  const kn::IndexReport report =
      kn::index_files(*scratch, kn::find_inputs({seeds()}, {}, diag), {true, false, 1 << 20}, diag);
  EXPECT_EQ(counts(report), (Counts{5, 1, 0, 4, 0, 1}));
  EXPECT_EQ(count(store_, "SELECT count(*) FROM issues"), 5);
  EXPECT_EQ(count(store_, "SELECT count(*) FROM issues WHERE number = 999"), 0);

  const std::unique_ptr<Store> empty = Store::scratch_copy_of(dir_ / "none.db");
  EXPECT_EQ(counts(kn::index_files(*empty, kn::find_inputs({seeds()}, {}, diag), {}, diag)),
            (Counts{5, 5, 0, 0, 0, 0}));
  EXPECT_FALSE(fs::exists(dir_ / "none.db"));
}

// Every entry's searchable text, normalized, by entry id.
std::map<std::int64_t, std::vector<std::string>> normalized_entries(Store& store) {
  std::map<std::int64_t, std::vector<std::string>> entries;
  kn::Statement all(kn::detail::database(store), "SELECT id, title, body, comment FROM entries");
  while (all.step()) {
    entries[all.column_int(0)] = {kn::normalize(all.column_text(1)),
                                  kn::normalize(all.column_text(2)),
                                  kn::normalize(all.column_text(3))};
  }
  return entries;
}

TEST_F(IndexTest, AnyJapaneseSubstringFindsExactlyTheEntriesHoldingIt) {
  index({seeds()});
  const auto entries = normalized_entries(store_);
  std::vector<std::u32string> texts;
  std::map<std::int64_t, std::vector<std::string>> readable;  // as matching reads them
  for (const auto& [id, columns] : entries) {
    for (const std::string& column : columns) {
      texts.push_back(code_points(column));
      readable[id].push_back(utf8(kn::testing::matchable(code_points(column))));
    }
  }
  std::mt19937 random(20261123);
  int checked = 0;
  for (int attempt = 0; attempt < 20000 && checked < 600; ++attempt) {
    const std::u32string& text = texts[random() % texts.size()];
    const std::size_t length = 1 + random() % 6;
    if (text.size() < length) continue;
    const std::u32string piece = text.substr(random() % (text.size() - length + 1), length);
    if (!std::all_of(piece.begin(), piece.end(), kn::detail::is_japanese_letter)) continue;
    const std::string query = utf8(piece);
    const std::string needle = utf8(kn::testing::matchable(piece));
    std::set<std::int64_t> want;
    for (const auto& [id, columns] : readable) {
      for (const std::string& column : columns) {
        if (column.find(needle) != std::string::npos) want.insert(id);
      }
    }
    ASSERT_EQ(matches(store_, kn::testing::fts5_phrase(query)), want) << query;
    ++checked;
  }
  EXPECT_EQ(checked, 600);
}

TEST_F(IndexTest, EveryLatinWordFindsEveryEntryHoldingIt) {
  index({seeds()});
  std::map<std::string, std::set<std::int64_t>> holders;
  kn::Statement all(kn::detail::database(store_), "SELECT id, title, body, comment FROM entries");
  while (all.step()) {
    for (int column = 1; column <= 3; ++column) {
      for (const kn::Token& token :
           kn::tokenize(all.column_text(column), kn::TokenizeMode::document)) {
        if (static_cast<unsigned char>(token.text[0]) < 0x80) {
          holders[token.text].insert(all.column_int(0));
        }
      }
    }
  }
  ASSERT_EQ(holders.size(), 456u);  // 467 before plurals were stemmed
  for (const auto& [word, ids] : holders) {
    const std::set<std::int64_t> found = matches(store_, kn::testing::fts5_phrase(word));
    EXPECT_TRUE(std::includes(found.begin(), found.end(), ids.begin(), ids.end())) << word;
  }
  // Inflections meet in the stemmer.
  EXPECT_EQ(matches(store_, "competition"), matches(store_, "competitions"));
}

}  // namespace
