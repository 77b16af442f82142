#include "kn/query.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "kn/error.hpp"
#include "kn/store.hpp"
#include "test_support.hpp"

namespace {

struct Case {
  std::string_view query, match;
};

// The expressions the store searches for query.
kn::FtsExpressions fts(std::string_view query) {
  return kn::fts_expressions(kn::parse_query(query));
}

std::string error_for(std::string_view query) {
  try {
    fts(query);
  } catch (const kn::QueryError& e) {
    return e.what();
  }
  return "";
}

TEST(Query, Fts5Phrase) {
  EXPECT_EQ(kn::testing::fts5_phrase("PyTorch"), "\"PyTorch\"");
  EXPECT_EQ(kn::testing::fts5_phrase("say \"hi\""), "\"say \"\"hi\"\"\"");
  // A lone character is a term of its own (tokenizer.hpp), not a prefix.
  EXPECT_EQ(kn::testing::fts5_phrase("画"), "\"画\"");
  EXPECT_EQ(kn::testing::fts5_phrase("画像"), "\"画像\"");
  EXPECT_EQ(kn::testing::fts5_phrase("Go学"), "\"Go学\"");
  EXPECT_EQ(kn::testing::fts5_phrase("^*:"), "");
}

// Found by fuzz_query: a NUL inside a term ended FTS5's string early.
TEST(Query, ControlCharactersNeverReachFts5) {
  EXPECT_EQ(kn::testing::fts5_phrase(std::string("U-N\0x\x01y", 7)), "\"U-N x y\"");
  EXPECT_EQ(fts(std::string("C++ \"U-N\0 \x7f\"", 13)).match, "(\"C++\" AND \"U-N   \")");
}

TEST(Query, Translation) {
  const Case cases[] = {
      {"PyTorch", "\"PyTorch\""},
      {"PyTorch 実装", "(\"PyTorch\" AND \"実装\")"},
      {"a AND b", "(\"a\" AND \"b\")"},
      {"a OR b c", "(\"a\" OR (\"b\" AND \"c\"))"},
      {"(a OR b) c", "((\"a\" OR \"b\") AND \"c\")"},
      {"\"deep learning\"", "\"deep learning\""},
      {"pre*", "\"pre\"*"},
      {"画*", "\"画\"*"},
      {"a -b", "(\"a\" NOT \"b\")"},
      {"a NOT b -c", "(\"a\" NOT (\"b\" OR \"c\"))"},
      {"a --b", "(\"a\" AND \"b\")"},
      {"a -(b OR c)", "(\"a\" NOT (\"b\" OR \"c\"))"},
      {"(a OR b) c -d", "(((\"a\" OR \"b\") AND \"c\") NOT \"d\")"},
      {"C++ U-Net", "(\"C++\" AND \"U-Net\")"},
      {"NEAR", "\"NEAR\""},
      {"near(a b)", "(\"near\" AND (\"a\" AND \"b\"))"},
      {"a ^ b", "(\"a\" AND \"b\")"},  // nothing to search for in "^": left out
      {"say\"hi there\"", "(\"say\" AND \"hi there\")"},
      {"日本語　全角スペース", "(\"日本語\" AND \"全角スペース\")"},
      {"a\x1b[31mb", "(\"a\" AND \"[31mb\")"},
      {"“deep learning”", "\"deep learning\""},
      {"”deep learning”", "\"deep learning\""},
      {"「データ 拡張」 x", "(\"データ 拡張\" AND \"x\")"},
      {"『a b』", "\"a b\""},
      {"＂a b＂", "\"a b\""},
      {"a -「b c」", "(\"a\" NOT \"b c\")"},
      {"{title}: x", "(\"{title}:\" AND \"x\")"},
      {"a in:title", "{title} : (\"a\")"},
      {"a in:title,comment", "{title comment} : (\"a\")"},
  };
  for (const Case& c : cases) {
    const kn::FtsExpressions expressions = fts(c.query);
    EXPECT_EQ(expressions.match, c.match) << c.query;
    EXPECT_EQ(expressions.exclude, "") << c.query;
  }
}

TEST(Query, MissingClosingQuoteNamesTheQuote) {
  EXPECT_EQ(error_for("a 「b c"), "missing closing '」' for the quote at column 3");
  EXPECT_EQ(error_for("“b c"), "missing closing '”' for the quote at column 1");
}

// A pasted address is a filter for the entries that link to it, whatever
// parentheses or quotes it holds.
TEST(Query, UrlsAreLinkFilters) {
  const std::string text =
      "https://www.Kaggle.com/c/x/?utm_source=revue#top PyTorch url:github.com/a_(b)";
  kn::Query query = kn::parse_query(text);
  EXPECT_EQ(fts(text).match, "\"PyTorch\"");
  EXPECT_EQ(query.filters.urls,
            (std::vector<std::string>{"kaggle.com/competitions/x", "github.com/a_(b)"}));
  query = kn::parse_query("HTTPS://zenn.dev/");
  EXPECT_EQ(fts("HTTPS://zenn.dev/").match, "");
  EXPECT_EQ(query.filters.urls, (std::vector<std::string>{"zenn.dev"}));
  EXPECT_NE(error_for("url:"), "");
}

// A URL without its scheme, as an address bar shows it, is a URL when the
// archive links to its domain, and words otherwise: the parse asks.
TEST(Query, UrlsWithoutASchemeOnALinkedDomain) {
  std::vector<std::string> asked;
  kn::ParseOptions options;
  options.linked_domain = [&](std::string_view domain) {
    asked.emplace_back(domain);
    return domain == "kaggle.com";
  };
  const std::string text = "www.kaggle.com/c/x/overview 解法 Node.js/Express 1.5/2 example.org/a";
  kn::Query query = kn::parse_query(text, {}, options);
  EXPECT_EQ(query.filters.urls, (std::vector<std::string>{"kaggle.com/competitions/x"}));
  EXPECT_EQ(kn::fts_expressions(query).match,
            R"(("解法" AND "Node.js/Express" AND "1.5/2" AND "example.org/a"))");
  EXPECT_EQ(asked, (std::vector<std::string>{"kaggle.com", "node.js", "example.org"}));
  // Without the archive, every such word is words; pasted_domains() says
  // which domains a caller should ask about.
  EXPECT_TRUE(kn::parse_query(text).filters.urls.empty());
  EXPECT_EQ(kn::pasted_domains(text),
            (std::vector<std::string>{"kaggle.com", "node.js", "example.org"}));
  EXPECT_EQ(kn::pasted_domains("kaggle.com 1.5/2 /x a./b .a/b a..b/c"), std::vector<std::string>{});
  // As a pasted URL, it is a filter: beside an OR it is refused.
  EXPECT_EQ(kn::parse_query("kaggle.com/c/x OR y").filters.urls, std::vector<std::string>{});
  try {
    kn::parse_query("kaggle.com/c/x OR y", {}, options);
    ADD_FAILURE() << "a URL ORed with words was taken";
  } catch (const kn::QueryError& e) {
    EXPECT_EQ(std::string(e.what()),
              "filters apply to the whole query; OR cannot join a filter and words at column 1");
  }
}

// is:solution keeps write-ups; it has one value, and says so.
TEST(Query, IsSolutionKeepsWriteUps) {
  EXPECT_TRUE(kn::parse_query("解法 is:solution").filters.writeups);
  EXPECT_TRUE(kn::parse_query("IS:Writeup").filters.writeups);
  EXPECT_TRUE(kn::parse_query("is:solution OR is:write-up").filters.writeups);
  EXPECT_FALSE(kn::parse_query("解法").filters.writeups);
  EXPECT_EQ(fts("x is:solution").match, "\"x\"");
  EXPECT_EQ(error_for("x is:card"), "unknown is:card (use is:solution, the write-ups) at column 3");
  EXPECT_EQ(error_for("is:"), "is: needs a value (e.g. is:solution) at column 1");
}

// The clock is KN_TODAY's; months back end on the month's last day at most.
TEST(Query, RelativeDates) {
  const auto span = [](const char* today, const std::string& filter) {
    setenv("KN_TODAY", today, 1);
    const kn::Filters f = kn::parse_query("x " + filter).filters;
    unsetenv("KN_TODAY");
    return f.dates.size() == 1 ? f.dates[0].to_string() : "not one range";
  };
  EXPECT_EQ(span("2022-01-01", "since:yesterday"), "2021-12-31..");
  EXPECT_EQ(span("2022-01-01", "since:today"), "2022-01-01..");
  EXPECT_EQ(span("2022-01-01", "date:today"), "2022-01-01..2022-01-01");
  EXPECT_EQ(span("2022-03-01", "date:7d"), "2022-02-22..2022-03-01");
  EXPECT_EQ(span("2022-03-01", "since:2W"), "2022-02-15..");
  EXPECT_EQ(span("2022-03-31", "since:1m"), "2022-02-28..");
  EXPECT_EQ(span("2024-02-29", "until:1y"), "..2023-02-28");
  EXPECT_EQ(span("2022-03-31", "date:3m..1m"), "2021-12-31..2022-02-28");
  EXPECT_EQ(span("2022-03-31", "date:2021..1m"), "2021-01-01..2022-02-28");
  EXPECT_EQ(span("2022-03-31", "since:0d"), "2022-03-31..");
  setenv("KN_TODAY", "2022-03-31", 1);
  EXPECT_EQ(error_for("since:3x"),
            "bad date '3x' in since:3x (dates are YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday or "
            "7d, 2w, 3m, 1y ago) at column 1");
  EXPECT_NE(error_for("since:-1d"), "");
  EXPECT_NE(error_for("since:1100y"), "");  // before the year 1000
  EXPECT_NE(error_for("since:99999999d"), "");
  unsetenv("KN_TODAY");
}

TEST(Query, OnlyNegativeTermsLeaveEntriesOut) {
  EXPECT_EQ(fts("-kaggle section:news").match, "");
  EXPECT_EQ(fts("-kaggle section:news").exclude, "\"kaggle\"");
  EXPECT_EQ(fts("NOT a -b").exclude, "(\"a\" OR \"b\")");
}

TEST(Query, Filters) {
  const std::string text =
      "x section:competitions Section:PR issue:66 issue:90..60 issue:100.. since:2021-03 "
      "until:2022 date:2021..2021-06-15 domain:www.GitHub.com domain:https://zenn.dev/a";
  const kn::Query query = kn::parse_query(text);
  const kn::Filters& f = query.filters;
  EXPECT_EQ(f.sections, (std::vector<std::string>{"competitions", "news_and_competitions", "pr"}));
  EXPECT_EQ(f.issues, (std::vector<std::pair<int, int>>{{66, 66}, {60, 90}, {100, 1 << 30}}));
  EXPECT_EQ(f.dates, (std::vector<kn::DateRange>{{"2021-03-01", "2021-06-15"}}));
  EXPECT_EQ(f.domains, (std::vector<std::string>{"github.com", "zenn.dev"}));
  EXPECT_EQ(fts(text).match, "\"x\"");
}

TEST(Query, DatesCoverWholeMonthsAndYears) {
  kn::Filters f;
  kn::add_date_filter(f, "2024-02");
  EXPECT_EQ(f.dates, (std::vector<kn::DateRange>{{"2024-02-01", "2024-02-29"}}));
  f = {};
  kn::add_date_filter(f, "..2023-02");
  EXPECT_EQ(f.dates, (std::vector<kn::DateRange>{{"", "2023-02-28"}}));
  f = {};
  kn::add_until_filter(f, "2021");
  EXPECT_EQ(f.dates, (std::vector<kn::DateRange>{{"", "2021-12-31"}}));
}

TEST(Query, FilterOnlyQueries) {
  const kn::Query query = kn::parse_query("section:news since:2022");
  EXPECT_FALSE(query.root);
  EXPECT_EQ(fts("section:news since:2022").match, "");
  EXPECT_EQ(fts("section:news since:2022").exclude, "");
  EXPECT_EQ(query.filters.sections, (std::vector<std::string>{"news", "news_and_competitions"}));
  kn::Query flags;
  kn::add_section_filter(flags.filters, "links");
  EXPECT_EQ(kn::parse_query("", flags).filters.sections, std::vector<std::string>{"links"});
}

TEST(Query, HostileQueriesAreErrorsWithAPlace) {
  const Case cases[] = {
      {"", "nothing to search for: give a word, a phrase or a filter"},
      {"   \t ", "nothing to search for: give a word, a phrase or a filter"},
      {"^", "nothing to search for: give a word, a phrase or a filter"},
      {"\"unbalanced", "missing closing '\"' for the quote at column 1"},
      {"a \"b", "missing closing '\"' for the quote at column 3"},
      {"*", "'*' must follow a word at column 1"},
      {"AND", "AND needs a term on each side at column 1"},
      {"a AND", "AND needs a term on each side at column 3"},
      {"a AND AND b", "AND needs a term on each side at column 3"},
      {"OR", "OR needs a term before it at column 1"},
      {"a OR", "OR needs a term after it at column 3"},
      {"NOT", "NOT needs a term after it at column 1"},
      {"a (b", "missing ')' for the '(' at column 3"},
      {"a)", "')' without a matching '(' at column 2"},
      {"()", "nothing to search for: give a word, a phrase or a filter"},
      {"a OR -b",
       "a negated term cannot be part of OR; subtract it from the group: (a OR b) -c "
       "at column 6"},
      {"a OR (-b -c)", "NOT needs something to subtract from at column 7"},
      {"section:", "section: needs a value (e.g. section:news) at column 1"},
      {"x section:bogus",
       "unknown section 'bogus' (sections: news, competitions, news_and_competitions, pr, "
       "announcement, datasets, articles, errata, others, other, links) at column 3"},
      {"issue:6x", "bad issue number '6x' (use issue:66 or issue:60..90) at column 1"},
      {"issue:..", "bad issue number '..' (use issue:66 or issue:60..90) at column 1"},
      {"since:2021-02-30",
       "bad date '2021-02-30' in since:2021-02-30 (dates are YYYY, YYYY-MM, YYYY-MM-DD, today, "
       "yesterday or 7d, 2w, 3m, 1y ago) at "
       "column 1"},
      {"date:..", "bad date range '..' (use date:2021-03..2021-06) at column 1"},
      {"domain:\"a b\"", "bad domain 'a b' (use domain:github.com) at column 1"},
      {"in:author x",
       "unknown column 'author' in in:author (use title, body or comment) at column 1"},
      {"in:title", "in: needs words to search for"},
      {"(a section:news)",
       "filters apply to the whole query and cannot be in parentheses at column 4"},
      {"-section:news", "filters cannot be negated at column 2"},
      {"日本 \xff", "the query is not valid UTF-8 (at column 4)"},
  };
  for (const Case& c : cases) EXPECT_EQ(error_for(c.query), c.match) << c.query;
}

TEST(Query, DeepNestingIsAnErrorNotACrash) {
  const std::string parens = std::string(100000, '(') + "a" + std::string(100000, ')');
  EXPECT_EQ(error_for(parens), "query nested too deeply at column 13");
  const std::string negations = std::string(100000, '-') + "a";
  EXPECT_EQ(error_for(negations), "query nested too deeply at column 13");
}

// Found by fuzz_query: 32 levels of groups and negations overflowed FTS5's
// own parser stack; depth is now limited before and after translation.
TEST(Query, DeepQueriesStopAtTheLimit) {
  std::string query = "z";
  for (int level = 0; level < 5; ++level) query = "a b (c -(d OR e OR " + query + "))";
  EXPECT_EQ(error_for(query), "query nested too deeply at column 81");
  query = "z";
  for (int level = 0; level < 3; ++level) query = "a b (c -(d OR e OR " + query + "))";
  EXPECT_EQ(error_for(query), "");
}

TEST(Query, LongQueriesWork) {
  std::string words;
  for (int i = 0; i < 64; ++i) words += "w" + std::to_string(i) + " ";
  const std::string match = fts(words).match;
  EXPECT_TRUE(match.starts_with("(\"w0\" AND \"w1\" AND "));
  EXPECT_TRUE(match.ends_with(" AND \"w63\")"));
  EXPECT_EQ(error_for(words + "w64"),
            "more than 64 different words and phrases; a query that long takes FTS5 over a "
            "second at column 247");
}

// A phrase of 50,000 words took 9 s: a phrase is at most 64 tokens, a
// Japanese run of 65 characters (64 bigrams) included.
TEST(Query, LongPhrasesAreRefused) {
  std::string phrase = "\"";
  for (int i = 0; i < 64; ++i) phrase += "w ";
  EXPECT_EQ(error_for(phrase + "\""), "");
  EXPECT_EQ(error_for(phrase + "w\""),
            "a phrase of 65 words; at most 64 make one phrase at column 1");
  std::string japanese;
  for (int i = 0; i < 65; ++i) japanese += i % 2 ? "機" : "械";
  EXPECT_EQ(error_for(japanese), "");
  EXPECT_EQ(error_for("x " + japanese + "学"),
            "a phrase of 65 words; at most 64 make one phrase at column 3");
}

// kaggle x2,000 took 17.7 s to rank: FTS5 scores every copy of a phrase.
TEST(Query, RepeatedTermsAreSearchedOnce) {
  std::string words;
  for (int i = 0; i < 2000; ++i) words += i % 2 ? "kaggle " : "Kaggle ";
  EXPECT_EQ(fts(words).match, "\"Kaggle\"");
  EXPECT_EQ(fts("a OR a OR (b a) OR b").match, "(\"a\" OR (\"b\" AND \"a\") OR \"b\")");
  EXPECT_EQ(fts("x -y -y NOT y").match, "(\"x\" NOT \"y\")");
}

// A filter ORed with its own kind is one more value of it; any other OR that
// touches a filter was silently an AND (解法 OR since:2022 gave the hits of
// both), so it is refused with its place.
TEST(Query, OrJoinsFiltersOfOneKindOnly) {
  kn::Query query = kn::parse_query("section:news OR section:pr");
  EXPECT_FALSE(query.root);
  EXPECT_EQ(query.filters.sections,
            (std::vector<std::string>{"news", "news_and_competitions", "pr"}));
  query = kn::parse_query("competition:ranzcr OR competition:\"lish  moa\"");
  EXPECT_EQ(query.competitions, (std::vector<std::string>{"ranzcr", "lish moa"}));
  query = kn::parse_query("domain:a.com OR domain:b.org OR domain:c.net");
  EXPECT_EQ(query.filters.domains, (std::vector<std::string>{"a.com", "b.org", "c.net"}));
  const Case cases[] = {
      {"解法 OR since:2022",
       "filters apply to the whole query; OR cannot join a filter and words at column 7"},
      {"since:2022 OR 解法",
       "filters apply to the whole query; OR cannot join a filter and words at column 1"},
      {"a OR b section:news",
       "filters apply to the whole query; OR cannot join a filter and words at column 8"},
      {"section:news OR domain:x.com",
       "OR cannot join section: and domain: filters; only values of one kind are alternatives "
       "(section:news OR section:pr) at column 17"},
      {"section:news OR since:2022",
       "OR cannot join section: and since: filters; only values of one kind are alternatives "
       "(section:news OR section:pr) at column 17"},
  };
  for (const Case& c : cases) EXPECT_EQ(error_for(c.query), c.match) << c.query;
  EXPECT_EQ(error_for("(a OR b) section:news"), "");
  // The OR between two filters joins those two alone, whatever stands
  // around them.
  query = kn::parse_query("kaggle competition:ranzcr OR competition:moa");
  EXPECT_EQ(query.competitions, (std::vector<std::string>{"ranzcr", "moa"}));
  EXPECT_EQ(fts("kaggle competition:ranzcr OR competition:moa").match, "\"kaggle\"");
  EXPECT_EQ(error_for("a section:news OR section:pr OR b"),
            "filters apply to the whole query; OR cannot join a filter and words at column 3");
}

std::vector<std::string> date_ranges(const std::string& query) {
  std::vector<std::string> out;
  for (const kn::DateRange& range : kn::parse_query(query).filters.dates) {
    out.push_back(range.to_string());
  }
  return out;
}

// Dates ORed are a list of ranges; dates side by side narrow each other,
// and each chain of ORs narrows the others.
TEST(Query, DatesOredAreAListOfRanges) {
  using Ranges = std::vector<std::string>;
  EXPECT_EQ(date_ranges("since:2021 OR until:2020"), (Ranges{"2021-01-01..", "..2020-12-31"}));
  EXPECT_EQ(date_ranges("解法 date:2020-03 OR date:2021-05..2021-06 OR since:2022-11"),
            (Ranges{"2020-03-01..2020-03-31", "2021-05-01..2021-06-30", "2022-11-01.."}));
  EXPECT_EQ(date_ranges("since:2020 until:2020-06 OR since:2022"),
            (Ranges{"2020-01-01..2020-06-30", "2022-01-01.."}));
  EXPECT_EQ(date_ranges("date:2020 OR date:2022 since:2020-07 until:2022-03"),
            (Ranges{"2020-07-01..2020-12-31", "2022-01-01..2022-03-31"}));
  // Ranges that cannot overlap leave one that holds no date.
  EXPECT_EQ(date_ranges("date:2020 OR date:2021 since:2023"), (Ranges{"2023-01-01..2020-12-31"}));
  EXPECT_EQ(date_ranges("since:2021 since:2020 until:2022 until:2023"),
            (Ranges{"2021-01-01..2022-12-31"}));
}

}  // namespace
