// Write-ups across the archive (is:solution, --solutions, the competitions
// a hit links, kn list --sort writeups) and URLs as people paste them, end
// to end on the seeds and the real issues of tests/data.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kn_binary.hpp"

namespace {

using kn::testing::Result;
using kn::testing::split_tabs;

class WriteupsAndUrlsTest : public kn::testing::ArchiveBinaryTest {
 protected:
  Result run(const std::string& args) { return kn(args + " --db '" + db_ + "'"); }

  // The TSV lines of out, each split into fields.
  static std::vector<std::vector<std::string>> rows(const std::string& out) {
    std::vector<std::vector<std::string>> rows;
    for (std::size_t start = 0, end; (end = out.find('\n', start)) != std::string::npos;
         start = end + 1) {
      rows.push_back(split_tabs(out.substr(start, end - start)));
    }
    return rows;
  }

  // The references (TSV column 8) of a search's hits, in order.
  std::vector<std::string> refs(const std::string& query) {
    std::vector<std::string> out;
    for (const auto& fields : rows(run("search --format tsv " + query).out)) {
      out.push_back(fields.at(7));
    }
    return out;
  }
};

// is:solution and --solutions agree with kn competition --solutions, one
// competition at a time: is:solution competition:X is X's ★ entries.
TEST_F(WriteupsAndUrlsTest, IsSolutionAgreesWithEveryCompetitionsWriteUps) {
  EXPECT_EQ(run("search --count is:solution").out, "28\n");
  EXPECT_EQ(run("search --count --solutions").out, "28\n");
  int starred = 0;
  for (const auto& competition : rows(run("list --competition --format tsv").out)) {
    const std::string& url = competition.at(2);
    std::vector<std::string> story;
    for (const auto& entry : rows(run("competition '" + url + "' --solutions --format tsv").out)) {
      story.push_back(entry.at(8));
    }
    std::vector<std::string> found = refs("--sort date 'is:solution' 'competition:" + url + "'");
    std::sort(story.begin(), story.end());
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found, story) << url;
    EXPECT_EQ(competition.at(8), std::to_string(story.size())) << url;  // the writeups column
    starred += static_cast<int>(story.size());
  }
  EXPECT_EQ(starred, 18);
}

// Write-ups of a period, each with the competitions it links to (column
// 9, as kn competition takes them back), newest last.
TEST_F(WriteupsAndUrlsTest, WriteUpsOfAPeriodWithTheirCompetitions) {
  std::vector<std::string> lines;
  for (const auto& fields :
       rows(run("search --format tsv --sort date is:solution since:2022").out)) {
    lines.push_back(fields.at(7) + " " + fields.at(8));
  }
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "117.6 kaggle:jigsaw-toxic-severity-rating",
                       "127.5 kaggle:h-and-m-personalized-fashion-recommendations",
                       "127.7 kaggle:nbme-score-clinical-patient-notes",
                       "127.8 kaggle:nbme-score-clinical-patient-notes",
                       "152.4 kaggle:jpx-tokyo-stock-exchange-prediction",
                       "152.5 ",
                       "152.8 kaggle:rsna-2022-cervical-spine-fracture-detection",
                   }));
  const Result both = run("search --format json --limit 1 J-Quants 解法総評");
  EXPECT_NE(both.out.find(R"("competitions":["signate:443","signate:423"])"), std::string::npos)
      << both.out;
  EXPECT_EQ(run("competition kaggle:halite --format tsv").out.substr(0, 3), "40\t");
  // The hit's URL is the write-up its item announces, not the item's
  // first link.
  std::vector<std::string> urls;
  for (const auto& item : rows(run("search --format tsv --sort date is:solution issue:7").out)) {
    urls.push_back(item.at(7) + " " + item.at(5));
  }
  EXPECT_EQ(urls, (std::vector<std::string>{
                      "7.5 https://naotaka1128.hatenadiary.jp/entry/dsb-2019-top-solution",
                      "7.6 https://youtu.be/_Srv0bKmfjY",
                  }));
}

// A competition's front page in every form a browser or an address bar
// shows finds what the archive's /c/ form finds; a sub-page finds only the
// entries linking that page.
TEST_F(WriteupsAndUrlsTest, TodaysCompetitionUrlsFindTheArchivesForms) {
  const std::vector<std::string> archive = {"66.2", "53.1"};
  for (const char* url : {
           "https://www.kaggle.com/c/ranzcr-clip-catheter-line-classification",
           "https://www.kaggle.com/competitions/ranzcr-clip-catheter-line-classification",
           "https://www.kaggle.com/competitions/ranzcr-clip-catheter-line-classification/overview",
           "kaggle.com/c/ranzcr-clip-catheter-line-classification",
           "www.kaggle.com/competitions/ranzcr-clip-catheter-line-classification/",
           "url:kaggle.com/competitions/RANZCR-CLiP-catheter-line-classification/overview/",
       }) {
    EXPECT_EQ(refs(std::string("'") + url + "'"), archive) << url;
  }
  EXPECT_EQ(refs("https://www.kaggle.com/competitions/halite/discussion/183543"),
            (std::vector<std::string>{"40.4"}));
  EXPECT_EQ(refs("kaggle.com/competitions/halite"), (std::vector<std::string>{"40.2"}));
  // The hit shows the link it matched, as the issue wrote it.
  const auto hit =
      rows(run("search --format tsv kaggle.com/competitions/ai4code/overview/timeline").out);
  ASSERT_EQ(hit.size(), 1u);
  EXPECT_EQ(hit[0].at(5), "https://www.kaggle.com/competitions/AI4Code/overview/timeline");
  // A host the archive never links to leaves the words as words.
  EXPECT_EQ(run("search --explain nowhere.example/kaggle").out,
            "query:\n  nowhere.example/kaggle  ->  nowhere example kaggle\n"
            "FTS5: \"nowhere.example/kaggle\"\n");
}

// A YouTube video pasted in any form finds the entries that link it in
// another.
TEST_F(WriteupsAndUrlsTest, AYouTubeVideoInAnyForm) {
  for (const char* url : {
           "youtube.com/watch?v=4bNAPKTUVtE",
           "https://youtu.be/4bNAPKTUVtE",
           "https://www.youtube.com/embed/4bNAPKTUVtE?start=3",
           "https://www.youtube.com/shorts/4bNAPKTUVtE",
       }) {
    EXPECT_EQ(refs(std::string("'") + url + "'"), (std::vector<std::string>{"66.13"})) << url;
  }
  EXPECT_EQ(refs("'https://www.youtube.com/watch?v=HTcM03FeLSs&t=1'"),
            (std::vector<std::string>{"7.2"}));
  EXPECT_EQ(run("search --urls youtu.be/4bNAPKTUVtE").out,
            "https://www.youtube.com/watch?feature=youtu.be&v=4bNAPKTUVtE\n");
}

}  // namespace
