// kn search end to end.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "kn_binary.hpp"

namespace {

namespace fs = std::filesystem;
using kn::testing::Result;
using kn::testing::slurp;
using kn::testing::split_tabs;
using kn::testing::without_time;

class SearchCommandTest : public kn::testing::SeedsTest {};

TEST_F(SearchCommandTest, TsvWhenPiped) {
  const Result run = search("鰹");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(run.out,
            "66\t2021-03-19\tlinks\tcard\tSIGNATE 鰹節コン\u30D8\u309A2nd Place Solution\t"
            "https://www.slideshare.net/ren4yu/signate-2nd-place-solution\t"
            "…成」コンペティション（通称鰹節コンペ）2位入賞の解法紹介…\t66.10\t\n");
}

TEST_F(SearchCommandTest, JsonLines) {
  const Result run = search("--format json --limit 2 PyTorch");
  EXPECT_EQ(run.status, 0);
  std::istringstream lines(run.out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    ++count;
    EXPECT_TRUE(line.starts_with("{\"issue\":")) << line;
    for (const char* key : {"\"date\":", "\"section\":", "\"kind\":\"card\"",
                            "\"title\":", "\"url\":", "\"snippet\":", "\"score\":"}) {
      EXPECT_NE(line.find(key), std::string::npos) << key;
    }
  }
  EXPECT_EQ(count, 2);
}

TEST_F(SearchCommandTest, CountUrlsAndExitCodes) {
  Result run = search("--count PyTorch");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, "10\n");
  run = search("--count zzzyyyxxx");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "0\n");
  run = search("zzzyyyxxx");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "");
  // Each hit's link on the filtered domain, not its first link (which, for
  // the second, is on github.com).
  run = search("--urls domain:kaggle.com section:news");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out,
            "https://www.kaggle.com/thirty-days-of-ml\n"
            "https://www.kaggle.com/c/petfinder-adoption-prediction\n");
  run = search("'\"unbalanced'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: query: missing closing '\"' for the quote at column 1\n");
  run = search("--sort sideways x");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: --sort: 'sideways' is not rank, date or -date\n");
}

TEST_F(SearchCommandTest, NegativeWordsAndFlags) {
  Result run = search("--count -- -Kaggle section:news");
  EXPECT_EQ(run.out, "2\n");
  run = search("--count --section news -- -Kaggle");
  EXPECT_EQ(run.out, "2\n");
  run = search("--count --issue 60..70 --since 2021 --domain github.io PyTorch");
  EXPECT_EQ(run.out, "1\n");
  run = search("--explain -- -a");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, "query:\n  NOT\n    a  ->  a\nFTS5, to leave out: \"a\"\n");
  run = search("--bogus x");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: --bogus: kn search has no such option (kn search --help)\n");
  // --explain echoes the query escaped, as every echo is: no ESC, no CSI.
  run = search("--explain \"$(printf 'a\\033[2Jb \\302\\23331m')\"");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out,
            "query:\n  AND\n    a  ->  a\n    [2Jb  ->  2jb\n    \\u009b31m  ->  31m\n"
            "FTS5: (\"a\" AND \"[2Jb\" AND \"\\u009b31m\")\n");
}

TEST_F(SearchCommandTest, HostileBytesNeverReachTheTerminal) {
  const std::string evil = write("evil.md",
                                 "# Weekly Kaggle News #999\nhttps://e.com/999\n<h2>News</h2>"
                                 "<p>zqzq \x1b]0;pwned\x07 \x1b[2J bell\x07 cr\r end</p>");
  ASSERT_EQ(kn("index -q --db '" + db_ + "' '" + evil + "'").status, 0);
  for (const char* format :
       {"--format tsv", "--format json", "--urls", "--format table --color always"}) {
    const Result run = search(std::string(format) + " zqzq");
    EXPECT_EQ(run.status, 0);
    for (const char c : run.out) {
      const bool control =
          (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\033') ||
          c == '\x7f';
      EXPECT_FALSE(control) << format << ": " << static_cast<int>(c);
    }
    EXPECT_EQ(run.out.find("\033]"), std::string::npos) << format;
    EXPECT_EQ(run.out.find("\033[2J"), std::string::npos) << format;
  }
}

// C++ is not c, .NET is not net: the symbol belongs to the word.
TEST_F(SearchCommandTest, SymbolWords) {
  const std::string issue =
      write("symbols.md",
            "# Weekly Kaggle News #998\nhttps://e.com/998\n<h2>News</h2>"
            "<p>C++で書く。</p><p>C# and F# on .NET</p><p>F.C. Tokyo /c/ net</p>"
            "<p>Node.js GPT-4 scikit-learn Python 3.10</p>");
  ASSERT_EQ(kn("index -q --db '" + db_ + "' '" + issue + "'").status, 0);
  const auto count = [&](const std::string& query) {
    return search("--count issue:998 -- '" + query + "'").out;
  };
  EXPECT_EQ(count("C++"), "1\n");
  EXPECT_EQ(count("c++"), "1\n");
  EXPECT_EQ(count("C#"), "1\n");
  EXPECT_EQ(count("F#"), "1\n");
  EXPECT_EQ(count(".NET"), "1\n");
  EXPECT_EQ(count("net"), "1\n");  // the third, not .NET
  EXPECT_EQ(count("c"), "1\n");
  EXPECT_EQ(count("Node.js"), "1\n");
  EXPECT_EQ(count("GPT-4"), "1\n");
  EXPECT_EQ(count("scikit-learn"), "1\n");
  EXPECT_EQ(count("3.10"), "1\n");
  EXPECT_EQ(count("3.1"), "0\n");
  EXPECT_EQ(search("--format tsv issue:998 C++").out.substr(0, 4), "998\t");
}

// Every quote form makes a phrase; a pasted address finds what links to it.
TEST_F(SearchCommandTest, QuotesAsTypedAndPastedUrls) {
  EXPECT_EQ(search("--count 'kaggle competition'").out, "3\n");
  for (const char* quoted :
       {"\"kaggle competition\"", "“kaggle competition”", "”kaggle competition”",
        "„kaggle competition“", "「kaggle competition」", "『kaggle competition』",
        "＂kaggle competition＂"}) {
    EXPECT_EQ(search(std::string("--count '") + quoted + "'").out, "2\n") << quoted;
  }
  const std::string slides = "www.slideshare.net/ren4yu/signate-2nd-place-solution";
  for (const std::string& url :
       {"https://" + slides, "http://" + slides + "/?utm_source=revue&utm_medium=email#x",
        "HTTPS://" + slides.substr(4), "url:" + slides.substr(4) + "/"}) {
    const Result run = search("--format tsv '" + url + "'");
    EXPECT_EQ(run.status, 0) << url;
    EXPECT_EQ(run.out.substr(0, run.out.find('\t')), "66") << url;
    EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1) << url;
  }
  EXPECT_EQ(search("--count 'https://www.kaggle.com/c/no-such-competition'").out, "0\n");
}

// Relative dates count back from the local date, which KN_TODAY fixes.
TEST_F(SearchCommandTest, RelativeDates) {
  const auto at = [&](const std::string& today, const std::string& query) {
    const Result run = shell("KN_TODAY=" + today + " '" + KN_BINARY + "' search --count --db '" +
                             db_ + "' '" + query + "'");
    return run.out + run.err;
  };
  // The seeds: #18 2020-04-16, #66 2021-03-19, #72 2021-04-29, #84 2021-07-21, #117 2022-03-11.
  EXPECT_EQ(at("2021-04-29", "PyTorch date:today"), at("2021-04-29", "PyTorch issue:72"));
  EXPECT_EQ(at("2021-04-30", "PyTorch date:yesterday"), at("2021-04-29", "PyTorch issue:72"));
  EXPECT_EQ(at("2021-05-06", "PyTorch date:1w"), at("2021-04-29", "PyTorch issue:72"));
  EXPECT_EQ(at("2021-05-06", "PyTorch date:6d"), "0\n");
  EXPECT_EQ(at("2021-07-21", "PyTorch since:12w"), at("2021-04-29", "PyTorch issue:72.."));
  EXPECT_EQ(at("2021-04-29", "PyTorch date:2m"), at("2021-04-29", "PyTorch issue:66..72"));
  EXPECT_EQ(at("2022-03-19", "PyTorch until:1y"), at("2021-04-29", "PyTorch issue:18..66"));
  EXPECT_EQ(at("2022-03-18", "PyTorch until:1y"), at("2021-04-29", "PyTorch issue:18"));
  EXPECT_EQ(at("2022-03-11", "PyTorch date:1y..8m"), at("2021-04-29", "PyTorch issue:66..72"));
  EXPECT_EQ(at("2021-04-29", "since:3x"),
            "kn: query: bad date '3x' in since:3x (dates are YYYY, YYYY-MM, YYYY-MM-DD, today, "
            "yesterday or 7d, 2w, 3m, 1y ago) at column 1\n");
}

// A person at a terminal hears that lower-case or is a word; a script does not.
TEST_F(SearchCommandTest, LowerCaseOperatorHint) {
  Result run = search("'pytorch or tensorflow'");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "");
  const std::string command = std::string("script -qec \"'") + KN_BINARY + "' search --db '" + db_ +
                              "' 'pytorch or tensorflow'\" /dev/null";
  run = shell(command);
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "kn: no hits; OR is written in capitals: pytorch OR tensorflow\r\n");
  EXPECT_EQ(search("--count 'pytorch OR tensorflow'").status, 0);
}

TEST_F(SearchCommandTest, SearchingNeverWrites) {
  const std::string before = slurp(db_);
  EXPECT_EQ(search("PyTorch").status, 0);
  EXPECT_EQ(slurp(db_), before);
  const Result run = kn("search --db '" + (dir_ / "none.db").string() + "' x");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "kn: " + (dir_ / "none.db").string() +
                         ": no database here; create it with 'kn index DIR'\n");
  EXPECT_FALSE(fs::exists(dir_ / "none.db"));
}

}  // namespace

namespace {

class PipeSearchTest : public kn::testing::ArchiveBinaryTest {
 protected:
  Result search(const std::string& args) { return kn("search --db '" + db_ + "' " + args); }
  static std::size_t lines(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  }
};

// A pipe is a program reading: it gets every hit, as grep gives every line
// (it got 20 of them, and nothing said so).
TEST_F(PipeSearchTest, APipeGetsEveryHit) {
  ASSERT_EQ(search("--count コンペ").out, "57\n");
  Result run = search("コンペ");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(lines(run.out), 57u);
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(lines(search("--format json コンペ").out), 57u);
  EXPECT_EQ(lines(search("--format tsv --header コンペ").out), 58u);
}

// An explicit --limit or --offset is obeyed silently, as head would be.
TEST_F(PipeSearchTest, AnExplicitPageIsObeyedSilently) {
  Result run = search("--limit 20 コンペ");
  EXPECT_EQ(lines(run.out), 20u);
  EXPECT_EQ(run.err, "");
  run = search("--offset 50 コンペ");
  EXPECT_EQ(lines(run.out), 7u);
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(search("--offset 50 コンペ").out,
            search("--offset 40 --limit 0 コンペ")
                .out.substr(search("--offset 40 --limit 10 コンペ").out.size()));
}

// A table is a page for reading, wherever it goes, and says what it left out.
TEST_F(PipeSearchTest, ATableIsAPageWithItsFooter) {
  const Result run = search("--format table --width 80 コンペ");
  EXPECT_EQ(run.status, 0);
  EXPECT_TRUE(run.out.ends_with("\n\n20 of 57 hits (--limit N; --limit 0 for all)\n")) << run.out;
}

// The drawing options are never an error, so that an alias may always say
// them: TSV colours the snippet's matches (never the URL) and links the URL;
// JSON, --count and a width in TSV ignore them.
TEST_F(PipeSearchTest, DrawingOptionsApplyWhereTheyMeanSomething) {
  const std::string plain = search("--limit 1 コンペ").out;
  Result run = search("--limit 1 --color always コンペ");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.err, "");
  const std::vector<std::string> fields = split_tabs(run.out);
  ASSERT_EQ(fields.size(), 9u) << run.out;
  EXPECT_NE(fields[6].find("\033[1;31mコンペ\033[0m"), std::string::npos) << fields[6];
  EXPECT_EQ(fields[5].find('\033'), std::string::npos);
  EXPECT_EQ(split_tabs(plain)[5], fields[5]);
  run = search("--limit 1 --hyperlinks always コンペ");
  const std::string url = split_tabs(plain)[5];
  EXPECT_EQ(split_tabs(run.out)[5], "\033]8;;" + url + "\033\\" + url + "\033]8;;\033\\");
  EXPECT_EQ(search("--limit 1 --width 40 コンペ").out, plain);
  run = search("--limit 1 --format json --color always --hyperlinks always コンペ");
  EXPECT_EQ(run.out.find('\033'), std::string::npos);
  EXPECT_EQ(run.out, search("--limit 1 --format json コンペ").out);
  run = search("--count --color always --width 40 コンペ");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out, "57\n");
  run = kn("list --competition --db '" + db_ + "' --hyperlinks always");
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.out.find("\thttps://"), std::string::npos);  // every URL is a link
  EXPECT_NE(run.out.find("\t\033]8;;https://www.kaggle.com/competitions/"), std::string::npos);
}

// Values of one kind are alternatives, ORed or side by side: competitions
// and addresses too (they were an intersection: 0 hits for two).
// A card whose editor's comment and site blurb both match shows the
// comment, in every format: the terminal showed the blurb while TSV showed
// the comment.
TEST_F(PipeSearchTest, ACardsCommentComesFirst) {
  const std::string comment = "Microsoftが深層学習ライブラリ「PyTorch」の入門講座を開設しました";
  const std::vector<std::string> fields = split_tabs(search("--limit 1 PyTorch").out);
  ASSERT_EQ(fields.size(), 9u);
  EXPECT_EQ(fields[4],
            "Learn PyTorch Fundamentals With Microsoft Learn | by PyTorch | PyTorch | "
            "Jun, 2021 | Medium");
  EXPECT_EQ(fields[6], comment + "…");
  EXPECT_NE(search("--limit 1 --format json PyTorch").out.find("\"snippet\":\"" + comment + "…\""),
            std::string::npos);
  const std::string table = search("--limit 1 --format table --width 200 PyTorch").out;
  EXPECT_NE(table.find("\n  " + comment + "。"), std::string::npos) << table;
}

// Every hit carries a reference to its entry, N.P (P its place in kn show
// N), as the TSV's last field and JSON's ref, with the issue's file.
TEST_F(PipeSearchTest, HitsCarryEntryReferences) {
  const std::vector<std::string> fields = split_tabs(search("--limit 1 鰹").out);
  ASSERT_EQ(fields.size(), 9u);
  EXPECT_EQ(fields[7], "66.10");
  const std::string json = search("--limit 1 --format json 鰹").out;
  EXPECT_NE(json.find(R"("ref":"66.10","source":")"), std::string::npos) << json;
  EXPECT_NE(json.find("seeds/000_d809ab5171f926cf.txt\""), std::string::npos) << json;
  EXPECT_EQ(search("--header --limit 1 鰹").out.substr(0, 50),
            std::string("issue\tdate\tsection\tkind\ttitle\turl\tsnippet\tref\tcompetitions\n66\t20"
                        "21-03-19\tlinks")
                .substr(0, 50));
}

// An item naming two competitions: a match in the sentence about the
// second is about the second's link, in TSV, JSON and --urls (it was the
// item's first link); JSON carries every link of the item, in order.
TEST_F(PipeSearchTest, AHitsUrlIsTheLinkItsMatchIsAbout) {
  const std::vector<std::string> fields = split_tabs(search("併設").out);
  ASSERT_EQ(fields.size(), 9u);
  EXPECT_EQ(fields[5], "https://www.kdd.org/kdd2021/");
  EXPECT_EQ(search("--urls 併設").out, "https://www.kdd.org/kdd2021/\n");
  const std::string json = search("--format json 併設").out;
  EXPECT_NE(
      json.find(
          R"("url":"https://www.kdd.org/kdd2021/","links":[)"
          R"({"text":"RecSys Challenge 2021","url":"http://www.recsyschallenge.com/2021/"},)"
          R"({"text":"KDD Cup 2021","url":"https://www.kdd.org/kdd2021/"},)"
          R"({"text":"時系列異常検知","url":"https://compete.hexagon-ml.com/practice/competition/39/"},)"
          R"({"text":"大規模グラフ","url":"https://ogb.stanford.edu/kddcup2021/"},)"
          R"({"text":"交通需要の制御","url":"http://www.yunqiacademy.org/"}])"),
      std::string::npos)
      << json;
  // The first sentence's match keeps the first link; domain: picks the link on it.
  EXPECT_EQ(search("--urls 推薦 issue:66").out, "http://www.recsyschallenge.com/2021/\n");
  EXPECT_EQ(search("--urls 併設 domain:ogb.stanford.edu").out,
            "https://ogb.stanford.edu/kddcup2021/\n");
}

TEST_F(PipeSearchTest, FiltersOfOneKindAreAUnion) {
  EXPECT_EQ(search("--count competition:ranzcr").out, "2\n");
  EXPECT_EQ(search("--count competition:lish-moa").out, "1\n");
  EXPECT_EQ(search("--count 'competition:ranzcr OR competition:lish-moa'").out, "3\n");
  EXPECT_EQ(search("--count competition:ranzcr competition:lish-moa").out, "3\n");
  EXPECT_EQ(search("--count 'url:kaggle.com/c/google-football OR url:kaggle.com/c/lish-moa'").out,
            "2\n");
  EXPECT_EQ(search("--count 'section:news OR section:pr'").out, "28\n");
  // Dates ORed are either range; side by side, both.
  EXPECT_EQ(search("--count 'コンペ since:2022-06'").out, "7\n");
  EXPECT_EQ(search("--count 'コンペ until:2020-06'").out, "14\n");
  EXPECT_EQ(search("--count 'コンペ since:2022-06 OR until:2020-06'").out, "21\n");
  EXPECT_EQ(search("--count 'コンペ since:2022-06 until:2020-06'").out, "0\n");
  const Result run = search("'解法 OR since:2022'");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err,
            "kn: query: filters apply to the whole query; OR cannot join a filter and words at "
            "column 7\n");
}

// Zero hits on a terminal say why in one line, the first that holds: a
// filter that alone matches nothing, a word that matches nothing (with the
// index's nearest word as the archive writes it), the filter that emptied
// what the words found. A pipe stays quiet, as grep.
TEST_F(PipeSearchTest, ZeroHitsSayWhyOnATerminal) {
  const auto on_terminal = [&](const std::string& query) {
    const Result run = shell(std::string("script -qec \"'") + KN_BINARY + "' search --db '" + db_ +
                             "' --format tsv '" + query + "'\" /dev/null");
    EXPECT_EQ(run.status, 1) << query;
    return run.out;
  };
  EXPECT_EQ(on_terminal("Pytroch"),
            "kn: no hits: 'Pytroch' matches nothing; did you mean PyTorch?\r\n");
  EXPECT_EQ(on_terminal("PyTorch since:2030"),
            "kn: no hits: date:2030-01-01.. matches nothing\r\n");
  EXPECT_EQ(on_terminal("PyTorch section:pr"),
            "kn: no hits: the words match 14 entries, none with section:pr\r\n");
  EXPECT_EQ(on_terminal("zzqqxx"), "kn: no hits: 'zzqqxx' matches nothing\r\n");
  EXPECT_EQ(on_terminal("PyTorch competition:ranzcr"),
            "kn: no hits: the words match 14 entries, none with competition:ranzcr\r\n");
  const Result piped = search("Pytroch");
  EXPECT_EQ(piped.status, 1);
  EXPECT_EQ(piped.out, "");
  EXPECT_EQ(piped.err, "");
}

// Issues that share a number (two files, two URLs) give their entries
// distinct references, N.P/k with k the issue's place in kn show N's order.
TEST_F(SearchCommandTest, IssuesSharingANumberGetDistinctReferences) {
  const std::string db = (dir_ / "copies.db").string();
  write("copies/a.md",
        "# Weekly Kaggle News #500\nhttps://e.com/500a\n<h2>News</h2><p>x</p>"
        "<p>alpha beta</p>");
  write("copies/b.md",
        "# Weekly Kaggle News #500\nhttps://e.com/500b\n<h2>News</h2>"
        "<p>alpha gamma</p>");
  ASSERT_EQ(kn("index -q --db '" + db + "' '" + (dir_ / "copies").string() + "'").status, 0);
  const Result run = kn("search --db '" + db + "' alpha");
  std::map<std::string, std::string> ref_of;  // by URL
  for (std::size_t start = 0, end; (end = run.out.find('\n', start)) != std::string::npos;
       start = end + 1) {
    const std::string line = run.out.substr(start, end - start);
    const std::vector<std::string> fields = split_tabs(line);
    ref_of[fields.at(5)] = fields.at(7);
  }
  // kn show 500 prints both issues, by date then as indexed: the first is /1.
  const std::string shown = kn("show --db '" + db + "' --format json 500").out;
  const bool a_first = shown.find("500a") < shown.find("500b");
  EXPECT_EQ(ref_of["https://e.com/500a"], a_first ? "500.2/1" : "500.2/2") << run.out;
  EXPECT_EQ(ref_of["https://e.com/500b"], a_first ? "500.1/2" : "500.1/1") << run.out;
}

}  // namespace
