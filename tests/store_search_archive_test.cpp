// Store::search on the real issues (seeds and tests/data): what a reader
// types finds what a reader wants.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "archive_fixture.hpp"
#include "kn/query.hpp"
#include "store/internal.hpp"
#include "tokenize/char_info.hpp"
#include "tokenize/tokenizer.hpp"
#include "util/utf8.hpp"

namespace {

using kn::testing::code_points;
using kn::testing::utf8;

using kn::testing::ArchiveTest;

class ArchiveSearchTest : public ArchiveTest {
 protected:
  static std::vector<kn::Hit> search(const std::string& query, std::int64_t limit = 0) {
    return store_->search(kn::parse_query(query), {kn::SortOrder::rank, limit, 0});
  }
  static bool finds(const std::string& query, std::int64_t entry) {
    const std::vector<kn::Hit> hits = search(query);
    return std::any_of(hits.begin(), hits.end(),
                       [&](const kn::Hit& hit) { return hit.entry_id == entry; });
  }
};

// For each query, the entry a reader would want first (issue and URL), and
// where it ranks now: it must stay in the top 3.
TEST_F(ArchiveSearchTest, WhatAReaderWantsIsInTheTopThree) {
  struct Want {
    const char* query;
    int issue;
    const char* url;
  };
  const Want wants[] = {
      {"PyTorch", 117, "https://pytorch.org/blog/pytorch-1.11-released/"},
      {"Optuna", 53, "https://optuna.readthedocs.io/en/latest/tutorial/index.html"},
      {"Transformer", 66,
       "https://www.slideshare.net/DeepLearningJP2016/"
       "dltransformer-vit-perceiver-frozen-pretrained-transformer-etc"},
      {"自然言語処理", 117,
       "https://www.ogis-ri.co.jp/otc/hiroba/technical/similar-document-search/part19.html"},
      {"解法", 53, "https://qiita.com/inoichan/items/140cf018d31151d2701a"},
      {"時系列", 159, "https://qiita.com/Isaka-code/items/848589fc4d7dd153e915"},
      {"Kaggle Days", 117, "https://kaggledays.com/championship/"},
      {"atmaCup", 53, "https://developers.cyberagent.co.jp/blog/archives/28220/"},
      {"BERT", 18, "https://www.youtube.com/watch?feature=youtu.be&v=6a6L_9USZxg"},
      {"Kaggle Grandmaster", 53, "https://nmaviv.hatenablog.com/entry/2020/12/13/154455"},
      {"Vision Transformer", 53,
       "https://colab.research.google.com/github/hirotomusiker/schwert_colab_data_storage/blob/"
       "master/notebook/Vision_Transformer_Tutorial.ipynb"},
      {"上位解法", 152,
       "https://speakerdeck.com/gamella/"
       "jpx-tokyo-stock-exchange-prediction-award-ceremony-jie-fa-zong-ping"},
      {"PyTorch Lightning", 53,
       "https://medium.com/pytorch/"
       "pytorch-lightning-1-1-model-parallelism-training-and-more-logging-options-7d1e47db7b0b"},
      {"GPU", 84, "https://qiita.com/fam_taro/items/df6061b589c3ccf86089"},
      {"論文", 117, "https://tech.sensetime.jp/?p=2220"},
      {"Kaggle Notebooks", 18,
       "https://medium.com/google-cloud/a-multi-cluster-grpc-architecture-on-gke-365bbd757df"},
      {"SIGNATE", 66, "https://www.slideshare.net/ren4yu/signate-2nd-place-solution"},
      {"画像認識", 53,
       "https://colab.research.google.com/github/hirotomusiker/schwert_colab_data_storage/blob/"
       "master/notebook/Vision_Transformer_Tutorial.ipynb"},
      {"ai4code", 152, "https://www.kaggle.com/competitions/AI4Code"},
      {"言語モデル", 152, "https://qiita.com/Mizuiro__sakura/items/9ccbd655501e78df5cc6"},
  };
  for (const Want& want : wants) {
    const std::vector<kn::Hit> top = search(want.query, 3);
    EXPECT_TRUE(std::any_of(top.begin(), top.end(), [&](const kn::Hit& hit) {
      return hit.issue == want.issue && hit.url == want.url;
    })) << want.query;
  }
}

bool is_space(char32_t cp) { return cp == U' ' || cp == U'\u3000'; }

// Readers type Japanese with or without the spaces writers put in: drop
// the space between two Japanese characters of an entry's text, or put one
// between two, and the entry is still found, every time.
TEST_F(ArchiveSearchTest, SpacesBetweenJapaneseCharactersDoNotMatter) {
  struct Text {
    std::int64_t entry;
    std::u32string text;
  };
  std::vector<Text> texts;
  kn::Statement all(kn::detail::database(*store_), "SELECT id, title, body, comment FROM entries");
  while (all.step()) {
    for (int column = 1; column <= 3; ++column) {
      texts.push_back({all.column_int(0), code_points(kn::normalize(all.column_text(column)))});
    }
  }
  std::mt19937 random(20261201);
  int dropped = 0, inserted = 0;
  for (int tries = 0; (dropped < 150 || inserted < 150) && tries < 2'000'000; ++tries) {
    const Text& t = texts[random() % texts.size()];
    if (t.text.size() < 6) continue;
    const std::size_t at = 2 + random() % (t.text.size() - 4);  // the third character
    const std::u32string& s = t.text;
    // A word's final ー is optional, so a query cannot start inside a word
    // with one ("ーが" of "ソニーが"); readers do not type that either.
    if (s[at - 2] == U'ー') continue;
    const auto japanese = [&](std::size_t i) { return kn::detail::is_japanese_letter(s[i]); };
    std::u32string query;
    if (is_space(s[at]) && dropped < 150 && japanese(at - 2) && japanese(at - 1) &&
        japanese(at + 1) && at + 2 < s.size() && japanese(at + 2)) {
      query = s.substr(at - 2, 2) + s.substr(at + 1, 2);  // "磨く 機械" -> "磨く機械"
      ++dropped;
    } else if (inserted < 150 && japanese(at - 2) && japanese(at - 1) && japanese(at) &&
               japanese(at + 1)) {
      query = U"\"" + s.substr(at - 2, 2) + U" " + s.substr(at, 2) + U"\"";  // a phrase
      ++inserted;
    } else {
      continue;
    }
    ASSERT_TRUE(finds(utf8(query), t.entry)) << utf8(query) << " in " << utf8(s);
  }
  EXPECT_EQ(dropped, 150);
  EXPECT_EQ(inserted, 150);
}

}  // namespace
