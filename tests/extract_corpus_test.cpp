// The extractor on every real issue at hand: the five seeds and the corpus
// copied into tests/data. Expected values were checked against an
// independent reading of the raw HTML.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "kn/extract.hpp"
#include "kn/files.hpp"

namespace {

struct ExpectedSection {
  std::string_view kind, heading;
  std::size_t items;
};

struct ExpectedCard {
  std::string_view title, url, domain;
};

struct ExpectedIssue {
  std::string_view path;
  int number;
  std::string_view title, url, date;
  bool date_estimated;
  std::vector<ExpectedSection> sections;
  std::vector<ExpectedCard> cards;
  std::vector<std::string_view> embeds;
  std::string_view first_item, first_blurb, first_comment;
};

void PrintTo(const ExpectedIssue& issue, std::ostream* os) { *os << issue.path; }

const std::vector<ExpectedIssue>& corpus() {
  static const std::vector<ExpectedIssue> kCorpus{
      {"seeds/000_d809ab5171f926cf.txt",
       66,
       "Weekly Kaggle News #66",
       "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-66-453471",
       "2021-03-19",
       true,
       {{"news", "News", 1}, {"competitions", "Competitions", 6}},
       {
           {"TPU勉強会 #1 - I'm chizuchizu",
            "https://chizuchizu.com/blog/"
            "tpu%E5%8B%89%E5%BC%B7%E4%BC%9A%E5%8F%82%E5%8A%A0%E8%A8%98/",
            "chizuchizu.com"},
           {"機械翻訳コンペティション参加報告 - Speaker Deck",
            "https://speakerdeck.com/butsugiri/ji-jie-fan-yi-konpeteisiyoncan-jia-bao-gao",
            "speakerdeck.com"},
           {"SIGNATE 鰹節コンペ2nd Place Solution",
            "https://www.slideshare.net/ren4yu/signate-2nd-place-solution", "slideshare.net"},
           {"Multilingual CLIP with Huggingface + PyTorch Lightning 🤗 ⚡ | Sachin’s Blog",
            "https://sachinruk.github.io/blog/pytorch/pytorch lightning/loss "
            "function/gpu/2021/03/07/CLIP.html",
            "sachinruk.github.io"},
           {"TorchMetrics — PyTorch Metrics Built to Scale | by PyTorch Lightning team | Mar, 2021 "
            "| Medium",
            "https://pytorch-lightning.medium.com/"
            "torchmetrics-pytorch-metrics-built-to-scale-7091b1bec919",
            "pytorch-lightning.medium.com"},
           {"nnablaチャンネルを開設しました",
            "https://www.youtube.com/watch?feature=youtu.be&v=4bNAPKTUVtE", "youtube.com"},
           {"【SAM】最新オプティマイザーで画像分類の精度検証！ - ころがる狸",
            "https://dajiro.com/entry/2021/03/14/124435", "dajiro.com"},
           {"【DL輪読会】言語以外でのTransformerのまとめ (ViT, Perceiver, Frozen Pretrained "
            "Transformer etc)",
            "https://www.slideshare.net/DeepLearningJP2016/"
            "dltransformer-vit-perceiver-frozen-pretrained-transformer-etc",
            "slideshare.net"},
           {"deeplab (@deeplab) on Speaker Deck", "https://speakerdeck.com/deeplab",
            "speakerdeck.com"},
           {"【JQuants】Neural Net Starter (CV:1.256, LB:1.379)",
            "https://zenn.dev/katsu1110/articles/c5123713a2c14b", "zenn.dev"},
           {"【オンライン】世界的データ分析コンペKDD Cup入賞者が語るコンペ攻略のコツ ＆ LT大会 "
            "(2021/04/08 19:00〜)",
            "https://pydatafukuoka.connpass.com/event/208050/", "pydatafukuoka.connpass.com"},
           {"My journey to Kaggle #1 with Philipp Singer | Meetup",
            "https://www.meetup.com/Machine-Learning-Tokyo/events/276942874/", "meetup.com"},
       },
       {},
       "Googleが提供するオンラインの実行環境「Google "
       "Colaboratory」の課金版が日本からも利用可能になったようです。以前は日本の住所を用いて登録で"
       "きませんでしたが、本日の朝ごろから「登録可能になった」という報告がSNS上に数多く寄せられてい"
       "ます。課金版では無料版に比べ、高性能なGPUの適用や大規模なメモリ利用などの優遇があります。",
       "かえるるるさんが主催する「フリーライダーは絶対に許さないTPU勉強会」の第1回に参加してきまし"
       "た。",
       "Googleが開発した機械学習用アクセラレータ「TPU」の勉強会の総括記事。参考となるソースコードや"
       "資料がまとめられています。"},
      {"seeds/001_c6642d8709a2e47b.txt",
       84,
       "Weekly Kaggle News #84",
       "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-84-692345",
       "2021-07-21",
       true,
       {{"news", "News", 1}, {"competitions", "Competitions", 1}},
       {
           {"Learn PyTorch Fundamentals With Microsoft Learn | by PyTorch | PyTorch | Jun, 2021 | "
            "Medium",
            "https://medium.com/pytorch/"
            "learn-pytorch-fundamentals-with-microsoft-learn-abe663cce194",
            "medium.com"},
           {"Accelerate PyTorch training with torch-ort - Microsoft Open Source Blog",
            "https://cloudblogs.microsoft.com/opensource/2021/07/13/"
            "accelerate-pytorch-training-with-torch-ort/",
            "cloudblogs.microsoft.com"},
           {"KaggleのデータセットをColabで簡単に使うためのスクリプトを作成した@ HomesickTic | "
            "Sunday, Jul 18, 2021 | 2 分で読めます | 更新日時 Sunday, Jul 18, 2021",
            "https://tic-memo.netlify.app/posts/kaggle-download-data/", "tic-memo.netlify.app"},
           {"GoogleColaboratoryで動くgit+Pytorch-lightning+hydra+"
            "wandbの1実験1スクリプト実験環境を作成する。 - Qiita",
            "https://qiita.com/haraso_1130/items/20a50b0474c88781dcc1", "qiita.com"},
           {"【論文まとめ】DINO: Emerging Properties in Self-Supervised Vision Transformers - "
            "大阪大学医学部 Python会 (情報医科学研究会)",
            "https://oumpy.github.io/blog/2021/05/dino.html", "oumpy.github.io"},
           {"J-Quants表彰会資料 - 上位入賞者解法総評 #JQuants - Speaker Deck",
            "https://speakerdeck.com/gamella/"
            "j-quantsbiao-zhang-hui-zi-liao-shang-wei-ru-shang-zhe-jie-fa-zong-ping-number-jquants",
            "speakerdeck.com"},
           {"[2107.07728] Recognizing bird species in diverse soundscapes under weak supervision",
            "https://arxiv.org/abs/2107.07728", "arxiv.org"},
           {"High-Performance Deep Learning: How to train smaller, faster, and better models – "
            "Part 3 - KDnuggets",
            "https://www.kdnuggets.com/2021/07/high-performance-deep-learning-part3.html",
            "kdnuggets.com"},
           {"【論文メモ】Using AntiPatterns to avoid MLOps Mistakes",
            "https://zenn.dev/atfujita/articles/35a546f083b69a", "zenn.dev"},
           {"複数GPUで学習するときのDP(Data Parallel)とDDP(Distributed Data Parallel)の違い - "
            "Qiita",
            "https://qiita.com/fam_taro/items/df6061b589c3ccf86089", "qiita.com"},
           {"Using Neural Networks for Your Recommender System | NVIDIA Developer Blog",
            "https://developer.nvidia.com/blog/using-neural-networks-for-your-recommender-system/",
            "developer.nvidia.com"},
       },
       {"https://youtu.be/a9hmgAtDhkg"},
       "Kaggleが機械学習初心者向けの学習講座「30 Days of "
       "ML」を8月2日から始めます。1日1時間程度の課題に30日間取り組む内容で、最初の2週間はPythonでの"
       "コーディングや機械学習モデルの構築方法を学びます。初心者向けのコンペ参加やイベント招待の機"
       "会もあるようです。",
       "We previously announced how we have been collaborating with PyTorch to create content and "
       "resources for the community recently with the new PyTorch Tutorial “Learn the Basics.”",
       "Microsoftが深層学習ライブラリ「PyTorch」の入門講座を開設しました。題材として画像認識・自然"
       "言語処理・音声分類が用意されており、サイト内でJupyter Notebookを実行可能です。"},
      {"seeds/002_7299b426c7bc8e35.txt",
       72,
       "Weekly Kaggle News #72",
       "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-72-574966",
       "2021-04-29",
       true,
       {{"news", "News", 1}, {"competitions", "Competitions", 2}},
       {
           {"Transformerは何をやっているのか - Speaker Deck",
            "https://speakerdeck.com/yusuketakagi/transformerhahe-woyatuteirufalseka",
            "speakerdeck.com"},
           {"AutoNLPを使った日本語文書分類 | 株式会社AI Shift",
            "https://www.ai-shift.co.jp/techblog/1880", "ai-shift.co.jp"},
           {"社内CV輪講資料 / PyTorch Lightning - Speaker Deck",
            "https://speakerdeck.com/takarasawa_/pytorch-lightning", "speakerdeck.com"},
           {"Release v0.3.0 Notebook launcher and multi-node training · huggingface/accelerate · "
            "GitHub",
            "https://github.com/huggingface/accelerate/releases/tag/v0.3.0", "github.com"},
           {"Focal Lossによる自信過剰な予測の抑制 - MicroAd Developers Blog",
            "https://developers.microad.co.jp/entry/2021/04/26/060000", "developers.microad.co.jp"},
           {"PyTorchのPERFORMANCE TUNING GUIDEの効果を確認してみる その1 「parameter.grad = "
            "Noneを使う」 - まったり勉強ノート",
            "https://www.mattari-benkyo-note.com/2021/04/27/"
            "pytorch-performance-tuning-guide-1-parameter-grad-none/",
            "mattari-benkyo-note.com"},
           {"Big Birdの紹介 - Retrieva TECH BLOG",
            "https://tech.retrieva.jp/entry/2021/04/28/172553", "tech.retrieva.jp"},
           {"COPERVIXUS PRIZE JAPAN", "https://copernicus-masters-japan.digitalblast.co.jp/",
            "copernicus-masters-japan.digitalblast.co.jp"},
       },
       {},
       "機械学習ライブラリ「scikit-"
       "learn」内の交差検証用のクラスとして、新たにStratifiedGroupKFoldが実装されました。3月20日にm"
       "ainブランチに取り込まれましたが、正式リリースについては未定のようです。Kaggle「PetFinder."
       "my Adoption Prediction」コンペで公開されたNotebookを参考に実装されています。",
       "Transformerが結局のところ何をやっているのかを図メインで説明しています。 "
       "研究室の論文読み会で用いた資料の一部です。",
       "自然言語処理領域を中心に成果が報告されている「Transformer」の解説資料。データの流れなどを図"
       "解中心で説明しています。"},
      {"seeds/003_c101f9bd7d61912c.txt",
       117,
       "Weekly Kaggle News #117",
       "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-117-1068868",
       "2022-03-11",
       true,
       {{"news", "News", 1}, {"competitions", "Competitions", 1}},
       {
           {"実践 Google Cloud ハンズオン セミナー Kaggle 編",
            "https://cloudonair.withgoogle.com/events/gcd22-hands-on-kaggle-wb-03",
            "cloudonair.withgoogle.com"},
           {"論文読み会「When Shift Operation Meets Vision Transformer: An Extremely Simple "
            "Alternative to Attention Mechanism」 | SenseTime Japan TECH blog",
            "https://tech.sensetime.jp/?p=2220", "tech.sensetime.jp"},
           {"PyTorch 1.11, TorchData, and functorch are now available | PyTorch",
            "https://pytorch.org/blog/pytorch-1.11-released/", "pytorch.org"},
           {"KaggleのJigsawで銀メダルを獲得した解法等 - Qiita",
            "https://qiita.com/Toshihikoko/items/cde3480eab7e02a9d7f2", "qiita.com"},
           {"はじめての自然言語処理 文章ベクトル化モデルと ResNet50 で CLIP 風のモデルを作る | "
            "オブジェクトの広場",
            "https://www.ogis-ri.co.jp/otc/hiroba/technical/similar-document-search/part19.html",
            "ogis-ri.co.jp"},
           {"Adversarial Training - Speaker Deck",
            "https://speakerdeck.com/hirokiadachi/sabei-adversarial-training", "speakerdeck.com"},
       },
       {},
       "オンライン学習講座を提供する「Coursera」は4日、ロシアの大学や企業などによる全てのコンテンツ"
       "の停止を盛り込んだ声明を発表しました。Kaggleの入門講座として有名な「How to Win a Data "
       "Science Competition: Learn from Top "
       "Kagglers」についても、11日現在利用できない状況になっています。",
       "カスタマー エンジニアの解説を聞きながら、ハンズオン形式で Google Cloud "
       "を学習できます。本編では「 Kaggle」のハンズオンを行います。",
       "「実践 Google Cloud ハンズオン セミナー Kaggle "
       "編」と題したセミナーが4月28日に実施されます。「Google Cloud Day: Digital "
       "’22」内での開催です。"},
      {"seeds/004_01338e13a97eeadf.txt",
       18,
       "Weekly Kaggle News #18",
       "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-18-239563",
       "2020-04-16",
       true,
       {{"news", "News", 3}, {"competitions", "Competitions", 1}},
       {
           {"Data Processing For Question & Answering Systems: BERT vs. RoBERTa",
            "https://www.youtube.com/watch?feature=youtu.be&v=6a6L_9USZxg", "youtube.com"},
           {"Deep Learning精度向上テクニック：様々な最適化手法 #1",
            "https://www.youtube.com/watch?feature=youtu.be&v=q933reMpvX8", "youtube.com"},
           {"[2004.04938] Identifying Cultural Differences through Multi-Lingual Wikipedia",
            "https://arxiv.org/abs/2004.04938", "arxiv.org"},
           {"What to do when you didn’t get any medal in a Kaggle competition?",
            "https://towardsdatascience.com/"
            "what-to-do-when-you-dont-get-any-medal-in-a-kaggle-competition-b54cc433da3?gi="
            "458782e3d00e",
            "towardsdatascience.com"},
           {"Identifying Leakage in Computer Vision on Medical Images",
            "https://blog.datarobot.com/identifying-leakage-in-computer-vision-on-medical-images",
            "blog.datarobot.com"},
       },
       {},
       "4月9日に開催されたNVIDIAのセッション「Winning Kaggle Competitions with GPUs: Reflections "
       "from Kaggle "
       "Grandmasters」の動画が公開されています。同社に所属する10人のGrandmaster（うち3部門Grandmast"
       "erが1人、2部門Grandmasterが5人）が寄せられた質問に答える形式で、多くの知見が詰まっています"
       "。",
       "In this video I explain how to process data for question and answering systems. I start "
       "with BERT and show how one can easily transfer it to other transforme...",
       "「BERT」を用いて質問応答モデルを構築するためのデータ前処理についての解説動画。「RoBERTa」な"
       "どに切り替える方法についても紹介しています。"},
      {"tests/data/2019-12-20_Weekly Kaggle News #1.md",
       1,
       "Weekly Kaggle News #1",
       "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-1-216758",
       "2019-12-20",
       false,
       {{"news", "News", 2}, {"articles", "Articles", 1}, {"competitions", "Competitions", 2}},
       {
           {"AutoGluon: Deep Learning AutoML - Towards Data Science",
            "https://towardsdatascience.com/"
            "autogluon-deep-learning-automl-5cdb4e2388ec?gi=bc672119f00b",
            "towardsdatascience.com"},
           {"テキストによる商品のカテゴリ分類でCutMixを試してみた - BASE開発チームブログ",
            "https://devblog.thebase.in/entry/2019/12/17/110000_1", "devblog.thebase.in"},
           {"Deep Learning において，漢字はどの単位で分割・エンコードされるべきなのだろう？ - "
            "Qiita",
            "https://qiita.com/dcm_sawayama/items/58c8a7ce71d2f24d6f2b", "qiita.com"},
       },
       {},
       "「Kaggle Days "
       "Tokyo」が2019年12月11、12日に開催されました。1日目には国内外のKagglerらによるpresentationと"
       "workshop、2日目にはオフラインコンペティションを実施。240の参加枠に対し12カ国以上から、8人の"
       "Grandmaster、37人のMasters、65人のexpertsを含む465もの応募があったそうです。イベント当日の"
       "様子はtogetter（Day1, "
       "Day2）やブログ記事にまとめられており、後日YouTube公開も予定されています。",
       "AutoGluon is a new open source AutoML library that automates deep learning, providing "
       "state-of-the-art results for image, text, and tabular.",
       ""},
      {"tests/data/2020-01-31_Weekly Kaggle News #7.md",
       7,
       "Weekly Kaggle News #7",
       "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-7-222868",
       "2020-01-31",
       false,
       {{"news", "News", 3},
        {"competitions", "Competitions", 4},
        {"datasets", "Dataset", 1},
        {"pr", "PR", 1}},
       {
           {"半教師あり学習自分用にメモ - ココアのお勉強ブログ",
            "https://hotcocoastudy.hatenablog.jp/entry/2020/01/23/210357",
            "hotcocoastudy.hatenablog.jp"},
           {"1枚しかラベルデータがなくても学習できるFixMatch - akira - Medium",
            "https://medium.com/@akichan_f/"
            "1%E6%9E%9A%E3%81%97%E3%81%8B%E3%83%A9%E3%83%99%E3%83%AB%E3%83%87%E3%83%BC%E3%82%BF%E3%"
            "81%8C%E3%81%AA%E3%81%8F%E3%81%A6%E3%82%82%E5%AD%A6%E7%BF%92%E3%81%A7%E3%81%8D%E3%82%"
            "8Bfixmatch-982275853a88",
            "medium.com"},
           {"機械学習モデルの判断根拠の説明（Ver.2）",
            "https://www.slideshare.net/SatoshiHara3/ver2-225753735", "slideshare.net"},
           {"NGBoost Explained— Comparison to LightGBM and XGBoost",
            "https://towardsdatascience.com/"
            "ngboost-explained-comparison-to-lightgbm-and-xgboost-fda510903e53?gi=417d4d77d870",
            "towardsdatascience.com"},
           {"Kaggle - Winners, Tools and Frameworks, Country wise details, Winners tips",
            "https://www.youtube.com/watch?feature=youtu.be&v=pL96IPZZ-88", "youtube.com"},
       },
       {},
       "Kaggle「PetFinder.my Adoption "
       "Prediction」コンペで失格になった1位チームは、賞金$10,"
       "000を返金しました。この賞金はPetFinder."
       "my社のAI開発プロジェクトに活用されるとのことです。問題の背景や発覚の経緯などはこちらのブロ"
       "グ記事にまとまっています。",
       "半教師あり学習について調べようと思ったので、初歩的な手法としてTemporal ensembling、Mean "
       "teachers、MixMatchについて調べました。 間違いがあったら教えてください。 "
       "そもそも半教師あり学習って何？ Temporal Ensembling for Semi-Supervised Learning Π-model "
       "TEMPORAL ENSEMBLING Mean teachers are better role models:Weight-averaged consistency "
       "targets improve semi-supervised deep lear…",
       "半教師あり学習のいくつかの手法についてのまとめ記事。「Temporal ensembling」「Mean "
       "teachers」「Unsupervised Data Augmentation（UDA）」「MixMatch」を紹介しています。"},
      {"tests/data/2020-09-18_Weekly Kaggle Issue #40.md",
       40,
       "Weekly Kaggle Issue #40",
       "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-issue-40-277265",
       "2020-09-18",
       false,
       {{"news", "News", 1}, {"competitions", "Competitions", 4}, {"datasets", "Datasets", 1}},
       {
           {"PyTorch Metric Learning: What’s New | by Kevin Musgrave | Sep, 2020 | Medium",
            "https://medium.com/@tkm45/pytorch-metric-learning-whats-new-15d6c71a644b",
            "medium.com"},
           {"Talks # 11: Jean-François Puget; Did you know GPUs are not just for Deep Learning?",
            "https://www.youtube.com/watch?feature=youtu.be&v=hUlvFtuFqy8", "youtube.com"},
           {"ハイパーパラメーター最適化フレームワークOptunaの実装解説 | AI tech studio",
            "https://cyberagent.ai/optuna-from-scratch", "cyberagent.ai"},
           {"お手軽で欲しい機能が揃っている実験管理ツールGuild AIの紹介 - kuromt blog",
            "https://kuromt.hatenablog.com/entry/2020/09/11/230142", "kuromt.hatenablog.com"},
           {"Googleが開発した多言語の埋め込みモデル「LaBSE」を使って多言語のテキスト分類 - "
            "Ahogrammer",
            "https://hironsan.hatenablog.com/entry/text-classification-with-labse",
            "hironsan.hatenablog.com"},
           {"社内でAI人材を発掘するJR西日本、物体認識コンペ優勝の裏側 | Ledge.ai",
            "https://ledge.ai/jr-west-ai-edge-contest-champion/", "ledge.ai"},
       },
       {},
       "機械学習関連の著名な国際会議の発表動画が公開されています。「ICML (International Conference "
       "on Machine Learning) 2020」や「ACL (Annual Meeting of the Association for Computational "
       "Linguistics) "
       "2020」など、コロナ禍で急遽オンライン開催になった影響もありそうです。昨年の「RecSys (ACM "
       "Recommender Systems conference) 2019」も、このたび公開されました。",
       "Loss functions are now highly customizable with the introduction of distances, reducers, "
       "and regularizers. where “d” represents L2 distance. But what if we want to use a different "
       "distance metric…",
       "距離学習のライブラリ「PyTorch Metric "
       "Learning」の直近のリリース内容についてのまとめ。新規導入された損失関数やアルゴリズムなどが"
       "紹介されています。"},
      {"tests/data/2020-12-18_Weekly Kaggle News #53.md",
       53,
       "Weekly Kaggle News #53",
       "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-53-300293",
       "2020-12-18",
       false,
       {{"news_and_competitions", "News & Competitions", 3}},
       {
           {"CDP: Unlocking Climate Solutions に挑戦するPart4(End) - programming-soda - Medium",
            "https://medium.com/programming-soda/"
            "cdp-unlocking-climate-solutions-%E3%81%AB%E6%8C%91%E6%88%A6%E3%81%99%E3%82%8Bpart4-"
            "end-4e365024ae87",
            "medium.com"},
           {"CA × atmaCup 2ndを開催しました | CyberAgent Developers Blog",
            "https://developers.cyberagent.co.jp/blog/archives/28220/",
            "developers.cyberagent.co.jp"},
           {"Tutorial — Optuna 2.3.0 documentation",
            "https://optuna.readthedocs.io/en/latest/tutorial/index.html", "optuna.readthedocs.io"},
           {"Black-Box Optimization Challenge 2020 で 5 位に入賞しました | Preferred Networks "
            "Research & Development",
            "https://tech.preferred.jp/ja/blog/bbo-challenge-2020/", "tech.preferred.jp"},
           {"特徴量エンジニアリングのライブラリ xfeat を使ってみて便利だったこと - Taste of Tech "
            "Topics",
            "https://acro-engineer.hatenablog.com/entry/2020/12/15/120000",
            "acro-engineer.hatenablog.com"},
           {"PyTorch Lightning 1.1 - Model Parallelism Training and More Logging Options | by "
            "PyTorch Lightning team | PyTorch | Dec, 2020 | Medium",
            "https://medium.com/pytorch/"
            "pytorch-lightning-1-1-model-parallelism-training-and-more-logging-options-"
            "7d1e47db7b0b",
            "medium.com"},
           {"What’s new in TensorFlow 2.4? — The TensorFlow Blog",
            "https://blog.tensorflow.org/2020/12/whats-new-in-tensorflow-24.html",
            "blog.tensorflow.org"},
           {"End-to-End Object Detection with Transformers - Speaker Deck",
            "https://speakerdeck.com/yushiku/end-to-end-object-detection-with-transformers",
            "speakerdeck.com"},
           {"Unofficial Walkthrough of Vision Transformer | Google Colaboratory",
            "https://colab.research.google.com/github/hirotomusiker/schwert_colab_data_storage/"
            "blob/master/notebook/Vision_Transformer_Tutorial.ipynb",
            "colab.research.google.com"},
           {"[2012.06678] TabTransformer: Tabular Data Modeling Using Contextual Embeddings",
            "https://arxiv.org/abs/2012.06678", "arxiv.org"},
           {"GitHub - daisukelab/sound-clf-pytorch",
            "https://github.com/daisukelab/sound-clf-pytorch", "github.com"},
           {"Cracking Kaggle With Triple Grandmaster Christof Henkel",
            "https://analyticsindiamag.com/kaggle-interview-grand-master-christof-henkel/",
            "analyticsindiamag.com"},
           {"Kaggle Grandmaster になるまでを振り返る - NmaViv’s diary",
            "https://nmaviv.hatenablog.com/entry/2020/12/13/154455", "nmaviv.hatenablog.com"},
           {"CompetitionだけではないKaggleの魅力",
            "https://zenn.dev/koukyo1994/articles/7b8b06de0680f0", "zenn.dev"},
           {"【Kaggle】2020年に開催された画像分類コンペの1位の解法を紹介します - Qiita",
            "https://qiita.com/inoichan/items/140cf018d31151d2701a", "qiita.com"},
           {"Rustによるlindera、neologd、fasttext、XGBoostを用いたテキスト分類 - Stimulator",
            "https://vaaaaaanquish.hatenablog.com/entry/2020/12/14/192246",
            "vaaaaaanquish.hatenablog.com"},
           {"機械学習実験環境を晒す - Qiita",
            "https://qiita.com/chizuchizu/items/8261bb831b2eebf1a6af", "qiita.com"},
           {"黒魔術への招待：Neural Network Stacking の探求 - 俵言",
            "https://tawara.hatenablog.com/entry/2020/12/16/132415", "tawara.hatenablog.com"},
           {"コンペのためにLambdaPCを購入してみたお話 - ふぁむたろうのブログ",
            "https://fam-taro.hatenablog.com/entry/2020/12/17/235648", "fam-taro.hatenablog.com"},
           {"企業の直面するAI活用の課題解決・最適なAI活用が可能に。世界トップランクのデータサイエン"
            "ティストによる「アドバイザーサービス」を開始｜株式会社Ristのプレスリリース",
            "https://prtimes.jp/main/html/rd/p/000000032.000023649.html", "prtimes.jp"},
           {"Kaggleコンペティション チャレンジブック", "https://www.amazon.co.jp/dp/4839968934",
            "amazon.co.jp"},
           {"Meg Risdal 👾 on Twitter: \"Sharing an important feature launch for kaggle notebooks… "
            "\"",
            "https://twitter.com/MeganRisdal/status/1339103298394066945?s=20", "twitter.com"},
       },
       {},
       "Kaggle「RANZCR CLiP - Catheter and Line Position "
       "Challenge」コンペが14日に始まりました。胸部レントゲン写真からチューブを検出し、配置位置の是"
       "非を分類するタスクです。",
       "2020/12/3にCDPのコンペティションが終了しました。提出も完了しています。",
       "Kaggleで開催されていた「CDP - Unlocking Climate "
       "Solutions」コンペの挑戦記。環境に対する取り組みをまとめた大規模なアンケートデータを分析し、"
       "重要業績評価指標（KPI）を見い出すコンペでした。"},
      {"tests/data/2022-04-15_Weekly Kaggle News #122.md",
       122,
       "Weekly Kaggle News #122",
       "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-122-1125164",
       "2022-04-15",
       false,
       {{"news_and_competitions", "News & Competitions", 4}},
       {
           {"ABCIで回そう爆速深層学習 (基礎編) - Speaker Deck",
            "https://speakerdeck.com/yoshipon/fastest-deep-learning-on-abci", "speakerdeck.com"},
           {"PytorchのDataLoaderの高速化のコツについてすこし解説",
            "https://zenn.dev/xiongjie/articles/0ae1378feb4204", "zenn.dev"},
           {"HuggingSoundによる音声認識モデルのfine-tuning | 株式会社AI Shift",
            "https://www.ai-shift.co.jp/techblog/2547", "ai-shift.co.jp"},
           {"「面白い」ことが絶対条件。GrandmasterとMasterが指南するKaggleの“勝ち方”と“楽しみ方” - "
            "Qiita Zine",
            "https://zine.qiita.com/interview/202204-hitachi/", "zine.qiita.com"},
       },
       {"https://twitter.com/PacktAuthors/status/1513560599745208320"},
       "Kaggle「Kore "
       "2022」が12日に始まりました。宇宙船を駆使して鉱石を採掘する対戦型のコンペです。",
       "チーム内で使用したABCI活用Tips集を公開します．",
       "大規模AIクラウド計算システム「ABCI」の利用Tipsをまとめた資料。アーキテクチャ・ライブラリ・"
       "プロファイラの観点で紹介しています。"},
      {"tests/data/2022-05-20_Weekly Kaggle News #127.md",
       127,
       "Weekly Kaggle News #127",
       "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-127-1176917",
       "2022-05-20",
       false,
       {{"news_and_competitions", "News & Competitions", 1},
        {"pr", "PR", 1},
        {"errata", "Eratta", 1}},
       {
           {"DeNA, MoT AI勉強会発表資料「顔認識と最近のArcFaceまわりと」 / Face Recognition & "
            "ArcFace papers - Speaker Deck",
            "https://speakerdeck.com/takarasawa_/face-recognition-and-arcface-papers",
            "speakerdeck.com"},
           {"実務でレコメンドをやっているのでKaggle H&Mコンペに参加しました",
            "https://yng87.github.io/blog/2022/05/kaggle_hm/", "yng87.github.io"},
           {"直感でわかる、ヒューリスティック問題の羅針盤 ～貪欲法から山登り法まで～ - Qiita",
            "https://qiita.com/square1001/items/84604f79f55ff10d99b0", "qiita.com"},
           {"Kaggleグランドマスターになったので、今後やりたいことを考える｜カレーちゃん｜note",
            "https://note.com/currypurin/n/n722cd306f7ad", "note.com"},
       },
       {"https://youtu.be/K41_g6w2fzk"},
       "ProbSpace「日本画の登場人物分類」が16日に始まりました。絵巻物・絵本の画像から、登場人物の身"
       "分を推測します。",
       "DeNA, Mobility TechnologiesのAI勉強会で発表した資料です",
       "顔認識タスクを題材に「ArcFace」関連の近年の距離学習関連の手法を紹介している資料。ArcFaceを"
       "紹介した後、関連研究をまとめています。"},
      {"tests/data/2022-09-30_Weekly Kaggle News #146.md",
       146,
       "Weekly Kaggle News #146",
       "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-146-1374333",
       "2022-09-30",
       false,
       {{"news", "News", 1}, {"competitions", "Competitions", 2}},
       {
           {"論文紹介: Memorisation versus Generalisation in Pre-trained Language Models - Speaker "
            "Deck",
            "https://speakerdeck.com/kosuken/"
            "lun-wen-shao-jie-memorisation-versus-generalisation-in-pre-trained-language-models",
            "speakerdeck.com"},
           {"GitHub - ku-nlp/kwja: A unified language analyzer for Japanese",
            "https://github.com/ku-nlp/kwja", "github.com"},
           {"NIKKEI Data Science Forum 2022｜EventRegist（イベントレジスト）",
            "https://eventregist.com/e/dsf2022", "eventregist.com"},
       },
       {},
       "ブラウザ上のPython実行環境「Google "
       "Colaboratory」に、29日から「コンピューティングユニット」の概念が登場しました。利用可能な計"
       "算資源が可視化され、追加購入も可能となっています。 ColaboratoryのProduct "
       "Leadによる記事や、利用者の報告記事が公開されました。",
       "第14回最先端NLP勉強会の論文（https://aclanthology.org/2022.acl-long.521/ "
       "）紹介スライドです．",
       "事前学習済み言語モデルのファインチューニング時の学習過程を考察している論文の紹介資料。26、2"
       "7日の「第14回最先端NLP勉強会」の発表の一つです。"},
      {"tests/data/2022-11-11_Weekly Kaggle News #152.md",
       152,
       "Weekly Kaggle News #152",
       "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-152-1441016",
       "2022-11-11",
       false,
       {{"news_and_competitions", "News & Competitions", 1},
        {"errata", "Errata", 1},
        {"announcement", "Announcement", 1}},
       {
           {"JPX Tokyo Stock Exchange Prediction Award Ceremony 解法総評 - Speaker Deck",
            "https://speakerdeck.com/gamella/"
            "jpx-tokyo-stock-exchange-prediction-award-ceremony-jie-fa-zong-ping",
            "speakerdeck.com"},
           {"Kaggle Days x Z by HP World Championship Final in Barcelona において、 DeNA "
            "のデータサイエンティストが登壇しました",
            "https://dena.ai/news/kaggle-days-final-presentation/", "dena.ai"},
           {"世界最高精度を達成した言語モデルLUKEの論文を徹底解説（試しに使えるソースコードも記載）"
            " - Qiita",
            "https://qiita.com/Mizuiro__sakura/items/9ccbd655501e78df5cc6", "qiita.com"},
       },
       {"https://youtu.be/z8Otc1u25Rw", "https://youtu.be/c_YZHwhK0Jo"},
       "Kaggle「Google AI4Code – Understand Code in Python "
       "Notebooks」が10日に終了しました。現在の順位表は10月28日までの結果が反映されており、近日中に"
       "最終結果が公開される予定です。Kaggleで公開されているNotebookを用いて、コードとコメントの関"
       "係性を分析するコンペでした。8月にモデル提出が締め切られ、新規のデータセットで性能を評価して"
       "います。",
       "JPX Tokyo Stock Exchange Prediction Award Ceremonyで発表した解法総評です。",
       "Kaggle「JPX: Tokyo Stock Exchange "
       "Prediction」の主催者による上位解法の総評。10日開催の表彰式での発表資料です。11月25日の関連"
       "イベントでも、上位者の解法共有が予定されています。"},
      {"tests/data/2022-12-30_Weekly Kaggle News #159.md",
       159,
       "Weekly Kaggle News #159",
       "https://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-159-1510301",
       "2022-12-30",
       false,
       {{"news_and_competitions", "News & Competitions", 3}},
       {
           {"Optunaによるブラックボックス最適化",
            "https://www.amazon.co.jp/"
            "Optuna%E3%81%AB%E3%82%88%E3%82%8B%E3%83%96%E3%83%A9%E3%83%83%E3%82%AF%E3%83%9C%E3%83%"
            "83%E3%82%AF%E3%82%B9%E6%9C%80%E9%81%A9%E5%8C%96-%E4%BD%90%E9%87%8E-%E6%AD%A3%E5%A4%AA%"
            "E9%83%8E/dp/4274230104",
            "amazon.co.jp"},
           {"RでもKaggle Competitions Expertになれる｜igjit｜note",
            "https://note.com/igjit/n/n0c019db0e7ec", "note.com"},
           {"AI×医用画像の現状と可能性_2022年版/AI×medical_imaging_in_japan_2022 - Speaker Deck",
            "https://speakerdeck.com/tdys13/aixmedical-imaging-in-japan-2022", "speakerdeck.com"},
           {"最先端時系列データ分析モデルETSformerを使ってみた - Qiita",
            "https://qiita.com/Isaka-code/items/848589fc4d7dd153e915", "qiita.com"},
       },
       {},
       "SIGNATE「第１回 "
       "金融データ活用チャレンジ」が23日に始まりました。住宅ローンの延滞予測が題材で、分析環境「Dat"
       "abricks」が提供されます。",
       "",
       "ハイパーパラメータ最適化ツール「Optuna」に関する書籍が出版されます。開発者らが執筆しており"
       "、最適化やツールの仕組みなどを解説するそうです。"},
  };
  return kCorpus;
}

class CorpusTest : public testing::TestWithParam<ExpectedIssue> {};

TEST_P(CorpusTest, ExtractsTheIssueExactly) {
  const ExpectedIssue& want = GetParam();
  const std::string path(want.path);
  const kn::Issue got = kn::extract_issue(kn::read_file(path, kn::kDefaultMaxFileSize), path);

  EXPECT_EQ(got.source, want.path);
  EXPECT_EQ(got.number, want.number);
  EXPECT_EQ(got.title, want.title);
  EXPECT_EQ(got.url, want.url);
  ASSERT_TRUE(got.date.has_value());
  EXPECT_EQ(got.date->to_string(), want.date);
  EXPECT_EQ(got.date_estimated, want.date_estimated);

  ASSERT_EQ(got.sections.size(), want.sections.size());
  for (std::size_t i = 0; i < want.sections.size(); ++i) {
    SCOPED_TRACE("section " + std::to_string(i));
    EXPECT_EQ(kn::to_string(got.sections[i].kind), want.sections[i].kind);
    EXPECT_EQ(got.sections[i].heading, want.sections[i].heading);
    EXPECT_EQ(got.sections[i].items.size(), want.sections[i].items);
  }

  ASSERT_EQ(got.cards.size(), want.cards.size());
  for (std::size_t i = 0; i < want.cards.size(); ++i) {
    SCOPED_TRACE("card " + std::to_string(i));
    EXPECT_EQ(got.cards[i].title, want.cards[i].title);
    EXPECT_EQ(got.cards[i].url, want.cards[i].url);
    EXPECT_EQ(got.cards[i].domain, want.cards[i].domain);
  }

  ASSERT_EQ(got.embeds.size(), want.embeds.size());
  for (std::size_t i = 0; i < want.embeds.size(); ++i) {
    EXPECT_EQ(got.embeds[i].url, want.embeds[i]);
  }

  ASSERT_FALSE(got.sections.empty());
  ASSERT_FALSE(got.sections[0].items.empty());
  EXPECT_EQ(got.sections[0].items[0].text, want.first_item);
  EXPECT_EQ(got.cards[0].blurb, want.first_blurb);
  EXPECT_EQ(got.cards[0].comment, want.first_comment);
}

std::string test_name(const testing::TestParamInfo<ExpectedIssue>& info) {
  return "issue" + std::to_string(info.param.number);
}

INSTANTIATE_TEST_SUITE_P(RealIssues, CorpusTest, testing::ValuesIn(corpus()), test_name);

}  // namespace
