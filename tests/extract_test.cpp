// The extractor on small hand-written issues: one structural rule per test.
#include "kn/extract.hpp"

#include <gtest/gtest.h>

#include <string>

#include "extract/issue_header.hpp"
#include "kn/error.hpp"

namespace {

using kn::SectionKind;

const char kHeader[] = "# Weekly Kaggle News #5\nhttps://example.com/issues/5\n";

kn::Issue extract(const std::string& html, const std::string& source = "x.txt") {
  return kn::extract_issue(kHeader + html, source);
}

// The message kn::extract_issue throws for bytes, or "" when it does not.
std::string error_for(const std::string& bytes) {
  try {
    kn::extract_issue(bytes, "x.txt");
  } catch (const kn::Error& e) {
    return e.what();
  }
  return "";
}

// A Revue link card as the export writes it: the description nested in the
// card's paragraph and the comment in a doubled paragraph.
std::string card(const std::string& url, const std::string& title, const std::string& blurb,
                 const std::string& comment) {
  return "<p>\n<img width=\"140\" src=\"https://s3.amazonaws.com/revue/t.png?1600000000\" />\n"
         "<strong style='display: block;'><a href=\"" +
         url + "\">" + title + "</a> &mdash; <a href=\"" + url +
         "\">example.com</a></strong>\n<p>" + blurb +
         "</p>\n</p>\n<div style='clear: both;'></div>\n<p><p>" + comment + "</p></p>\n";
}

TEST(Extract, HeaderLines) {
  const kn::Issue issue = extract("");
  EXPECT_EQ(issue.number, 5);
  EXPECT_EQ(issue.title, "Weekly Kaggle News #5");
  EXPECT_EQ(issue.url, "https://example.com/issues/5");
  EXPECT_EQ(issue.source, "x.txt");
  EXPECT_FALSE(issue.date.has_value());
  EXPECT_FALSE(issue.date_estimated);
  EXPECT_TRUE(issue.sections.empty());
}

TEST(Extract, NumberFromAnyTitleSpelling) {
  EXPECT_EQ(kn::extract_issue("# Weekly Kaggle Issue #40\nhttps://e.com/40\n", "x").number, 40);
  EXPECT_EQ(kn::extract_issue("# Special edition # 7 (extra)\nhttps://e.com/7\n", "x").number, 7);
  // A sign is no number; a number too large is no reason to take another.
  EXPECT_EQ(error_for("# Weekly Kaggle News #-5\nhttps://e.com/5\n"),
            "no issue number ('#N') in the title \"Weekly Kaggle News #-5\"");
  EXPECT_EQ(kn::extract_issue("# Minus #-5, issue #6\nhttps://e.com/6\n", "x").number, 6);
  EXPECT_EQ(error_for("# News #99999999999999999999 and #7\nhttps://e.com/7\n"),
            "issue number #99999999999999999999 in the title is too large");
}

TEST(Extract, HeadingSpellings) {
  const kn::Issue issue = extract(
      "<h3><h2>News</h2><p>a</p>"
      "<h2><strong>Competitions</strong></h2><p>b</p>"
      "<p><strong>PR</strong></p><p>c</p>"
      "<p><span style=\"font-weight: bold;\">datasets</span></p><p>d</p>"
      "<h2> News  &amp;  Competitions </h2><p>e</p>"
      "<h2>Eratta</h2><p>f</p>"
      "<h2>ANNOUNCEMENT</h2><p>g</p>"
      "<h2>Articles</h2><h2>Others</h2><p>h</p>"
      "<h2>Tips</h2><p>i</p></h3>");
  const std::vector<std::pair<SectionKind, std::string>> want{
      {SectionKind::news, "News"},
      {SectionKind::competitions, "Competitions"},
      {SectionKind::pr, "PR"},
      {SectionKind::datasets, "datasets"},
      {SectionKind::news_and_competitions, "News & Competitions"},
      {SectionKind::errata, "Eratta"},
      {SectionKind::announcement, "ANNOUNCEMENT"},
      {SectionKind::articles, "Articles"},
      {SectionKind::others, "Others"},
      {SectionKind::other, "Tips"},
  };
  ASSERT_EQ(issue.sections.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(issue.sections[i].kind, want[i].first) << i;
    EXPECT_EQ(issue.sections[i].heading, want[i].second) << i;
  }
  EXPECT_EQ(issue.sections[0].items.at(0).text, "a");
  EXPECT_TRUE(issue.sections[7].items.empty());
  EXPECT_EQ(issue.sections[9].items.at(0).text, "i");
}

TEST(Extract, BoldParagraphThatIsNoHeadingIsAnItem) {
  const kn::Issue issue = extract(
      "<h2>News</h2><p>a</p><p><strong>※初出時、誤りがありました。</strong></p>"
      "<p><strong><a href=\"https://e.com\">News</a></strong></p>");
  ASSERT_EQ(issue.sections.size(), 1u);
  ASSERT_EQ(issue.sections[0].items.size(), 3u);
  EXPECT_EQ(issue.sections[0].items[1].text, "※初出時、誤りがありました。");
  EXPECT_EQ(issue.sections[0].items[2].text, "News");
}

TEST(Extract, TextInTheExportsHeadingWrapperIsNoHeading) {
  // The wrapper <h3> closed by the first <h2>, and one holding the paragraphs.
  const kn::Issue issue = extract(
      "<h3>Intro<h2>News</h2><p>a</p></h3><h3><p><strong>PR</strong></p>stray<p>b</p></h3>"
      "<h3>Real heading</h3><p>c</p>");
  ASSERT_EQ(issue.sections.size(), 4u);
  EXPECT_EQ(issue.sections[0].heading, "");
  EXPECT_EQ(issue.sections[0].items.at(0).text, "Intro");
  EXPECT_EQ(issue.sections[1].heading, "News");
  EXPECT_EQ(issue.sections[2].kind, SectionKind::pr);
  ASSERT_EQ(issue.sections[2].items.size(), 2u);
  EXPECT_EQ(issue.sections[2].items[0].text, "stray");
  EXPECT_EQ(issue.sections[3].kind, SectionKind::other);
  EXPECT_EQ(issue.sections[3].heading, "Real heading");
  EXPECT_EQ(issue.sections[3].items.at(0).text, "c");
}

TEST(Extract, ImageBesideABoldLinkIsACardOnlyAfterTheRule) {
  const std::string paragraph =
      "<p><img src=\"https://i.com/a.png\"><strong><a href=\"https://a.com\">A</a></strong> "
      "text</p>";
  const kn::Issue issue = extract("<h2>News</h2>" + paragraph + "<hr>" + paragraph);
  ASSERT_EQ(issue.sections.size(), 1u);
  EXPECT_EQ(issue.sections[0].items.at(0).text, "A text");
  ASSERT_EQ(issue.cards.size(), 1u);
  EXPECT_EQ(issue.cards[0].title, "A");
  EXPECT_EQ(issue.cards[0].blurb, "text");
  EXPECT_EQ(issue.cards[0].image, "https://i.com/a.png");
}

TEST(Extract, TextBeforeAnyHeadingIsKept) {
  const kn::Issue issue = extract("<p>Hello</p>intro text<h2>News</h2><p>a</p>");
  ASSERT_EQ(issue.sections.size(), 2u);
  EXPECT_EQ(issue.sections[0].kind, SectionKind::other);
  EXPECT_EQ(issue.sections[0].heading, "");
  ASSERT_EQ(issue.sections[0].items.size(), 2u);
  EXPECT_EQ(issue.sections[0].items[0].text, "Hello");
  EXPECT_EQ(issue.sections[0].items[1].text, "intro text");
}

TEST(Extract, EmptyParagraphsAreNoItems) {
  const kn::Issue issue = extract("<h2>News</h2><p></p><p> <br> </p><p>&nbsp;</p><p>a</p>");
  ASSERT_EQ(issue.sections.size(), 1u);
  ASSERT_EQ(issue.sections[0].items.size(), 1u);
}

TEST(Extract, TextRules) {
  const kn::Issue issue =
      extract("<h2>News</h2><p>  A&amp;B<br>C&#39;s\n\t <em>big</em>　&nbsp; news&mdash;ok </p>");
  EXPECT_EQ(issue.sections.at(0).items.at(0).text, "A&B C's big news—ok");
}

TEST(Extract, ScriptsAndHandlersAreTextNeverCode) {
  const kn::Issue issue = extract(
      "<h2>News</h2><p onclick=\"steal()\">a<script>alert(1)</script>b"
      "<img src=x onerror=\"alert(2)\"><a href=\"javascript:alert(3)\">c</a></p>");
  const kn::Item& item = issue.sections.at(0).items.at(0);
  EXPECT_EQ(item.text, "aalert(1)bc");
  EXPECT_EQ(item.links, (std::vector<kn::Link>{{"c", "javascript:alert(3)"}}));
}

TEST(Extract, ItemLinks) {
  const kn::Issue issue = extract(
      "<h2>News</h2><p>See <a href=\"https://www.kaggle.com/c/x?utm_source=Revue&amp;a=1\">"
      "the <b>comp</b></a>, <a href=\"http://Preferred Networks\">3位</a> and <a>no href</a>.</p>");
  const std::vector<kn::Link> want{{"the comp", "https://www.kaggle.com/c/x?a=1"},
                                   {"3位", "http://Preferred Networks"}};
  EXPECT_EQ(issue.sections.at(0).items.at(0).links, want);
}

TEST(Extract, CardWithNestedBlurbAndComment) {
  const kn::Issue issue = extract("<h2>News</h2><p>a</p><hr>" +
                                  card("https://Example.com/a?utm_campaign=W&amp;utm_medium=email",
                                       "Title &amp; more", "The page's own words.",
                                       "Editor says <a href=\"https://b.org/x\">read it</a>."));
  ASSERT_EQ(issue.cards.size(), 1u);
  const kn::Card& c = issue.cards[0];
  EXPECT_EQ(c.title, "Title & more");
  EXPECT_EQ(c.url, "https://Example.com/a");
  EXPECT_EQ(c.domain, "example.com");
  EXPECT_EQ(c.image, "https://s3.amazonaws.com/revue/t.png?1600000000");
  EXPECT_EQ(c.blurb, "The page's own words.");
  EXPECT_EQ(c.comment, "Editor says read it.");
  EXPECT_EQ(c.links, (std::vector<kn::Link>{{"read it", "https://b.org/x"}}));
  ASSERT_EQ(issue.sections.size(), 1u);
  EXPECT_EQ(issue.sections[0].items.size(), 1u);
}

TEST(Extract, CardWithBareBlurbNoImageNoComment) {
  const kn::Issue issue = extract(
      "<hr>\n<h2>Others</h2>\n<p>\n<strong style='display: block;'>"
      "<a href=\"https://www.qiita.com/x?utm_source=a\">Q</a></strong>\nBare  words\n</p>\n"
      "<div style='clear: both;'></div>\n<p>\n<strong style='display: block;'>"
      "<a href=\"https://b.com/\">B</a></strong>\n\n</p>\n");
  ASSERT_EQ(issue.cards.size(), 2u);
  EXPECT_TRUE(issue.sections.empty());  // headings after the rule only group cards
  EXPECT_EQ(issue.cards[0].url, "https://www.qiita.com/x");
  EXPECT_EQ(issue.cards[0].domain, "qiita.com");
  EXPECT_FALSE(issue.cards[0].image.has_value());
  EXPECT_EQ(issue.cards[0].blurb, "Bare words");
  EXPECT_EQ(issue.cards[0].comment, "");
  EXPECT_EQ(issue.cards[1].title, "B");
  EXPECT_EQ(issue.cards[1].blurb, "");
}

TEST(Extract, CommentOfSeveralParagraphs) {
  const kn::Issue issue =
      extract("<hr>" + card("https://a.com", "A", "", "one</p><p><br></p><p>two"));
  ASSERT_EQ(issue.cards.size(), 1u);
  EXPECT_EQ(issue.cards[0].blurb, "");
  EXPECT_EQ(issue.cards[0].comment, "one two");
}

TEST(Extract, EmbedsAndTweets) {
  const kn::Issue issue = extract(
      "<hr>" + card("https://a.com", "A", "b", "c") +
      "[embed https://youtu.be/abc?utm_source=x]\n<p><p>Video <a "
      "href=\"https://g.com\">g</a></p></p>\n"
      "[tweet https://twitter.com/u/status/1]\n<p><p>A tweet.</p></p>\n[embed not a url]\n");
  ASSERT_EQ(issue.cards.size(), 1u);
  ASSERT_EQ(issue.embeds.size(), 2u);
  EXPECT_EQ(issue.embeds[0].url, "https://youtu.be/abc");
  EXPECT_EQ(issue.embeds[0].comment, "Video g");
  EXPECT_EQ(issue.embeds[0].links, (std::vector<kn::Link>{{"g", "https://g.com"}}));
  EXPECT_EQ(issue.embeds[1].url, "https://twitter.com/u/status/1");
  EXPECT_EQ(issue.embeds[1].comment, "A tweet. [embed not a url]");
  EXPECT_EQ(issue.cards[0].comment, "c");
}

TEST(Extract, TextAfterTheRuleUnderNoCardIsKept) {
  const kn::Issue issue = extract("<h2>News</h2><p>a</p><hr><h2>PR</h2><p>An ad.</p>");
  ASSERT_EQ(issue.sections.size(), 2u);
  EXPECT_EQ(issue.sections[1].kind, SectionKind::pr);
  ASSERT_EQ(issue.sections[1].items.size(), 1u);
  EXPECT_EQ(issue.sections[1].items[0].text, "An ad.");
}

TEST(Extract, DateFromFileNamePrefix) {
  const kn::Issue issue =
      extract(card("https://a.com", "A", "", ""), "archive/2020-01-31_Weekly Kaggle News #7.md");
  ASSERT_TRUE(issue.date.has_value());
  EXPECT_EQ(issue.date->to_string(), "2020-01-31");
  EXPECT_FALSE(issue.date_estimated);
}

TEST(Extract, DateEstimatedFromNewestThumbnail) {
  const kn::Issue issue = extract(
      "<hr><p><img src=\"https://s3/a.png?1615550480\"><strong style='display: block;'>"
      "<a href=\"https://a.com\">A</a></strong></p>"
      "<p><img src=\"https://s3/b.jpg?1616135313\"><strong style='display: block;'>"
      "<a href=\"https://b.com\">B</a></strong></p><p><img src=\"https://s3/c.jpg?v=2\"></p>",
      "2021-02-30_not a date.md");
  ASSERT_TRUE(issue.date.has_value());
  EXPECT_EQ(issue.date->to_string(), "2021-03-19");  // 1616135313 is 2021-03-19 06:28 UTC
  EXPECT_TRUE(issue.date_estimated);
}

TEST(Extract, DateFromFileName) {
  EXPECT_EQ(kn::date_from_file_name("a/b/2022-12-30_x.md")->to_string(), "2022-12-30");
  EXPECT_FALSE(kn::date_from_file_name("2022-12-30.md"));
  EXPECT_FALSE(kn::date_from_file_name("2022-13-01_x.md"));
  EXPECT_FALSE(kn::date_from_file_name("2022-12-30_dir/x.md"));
  EXPECT_FALSE(kn::date_from_file_name("0000-01-01_x.md"));  // no year 0
}

TEST(Extract, BadInputIsRefusedWithAReason) {
  EXPECT_EQ(error_for(""), "empty file");
  EXPECT_EQ(error_for("Weekly Kaggle News #5\nhttps://e.com\n"), "no '# title' line at the top");
  EXPECT_EQ(error_for("# \nhttps://e.com\n"), "no '# title' line at the top");
  EXPECT_EQ(error_for("# Weekly Kaggle News\nhttps://e.com\n"),
            "no issue number ('#N') in the title \"Weekly Kaggle News\"");
  EXPECT_EQ(error_for("# Weekly Kaggle News #5\n"), "line 2 is not the issue's URL");
  EXPECT_EQ(error_for("# Weekly Kaggle News #5\n<h2>News</h2>\n"), "line 2 is not the issue's URL");
  std::string binary = "# W #5\nhttps://e.com\n<p>a";
  binary += '\0';
  EXPECT_EQ(error_for(binary + "b</p>"), "binary file (NUL byte at offset 25)");
  EXPECT_EQ(error_for("\xFF\xFE#\0 \0"), "UTF-16 text is not supported; convert the file to UTF-8");
  EXPECT_EQ(error_for("# Weekly Kaggle News #5\rhttps://e.com\r<p>a</p>\r"),
            "CR line endings; convert the file to LF or CRLF");
}

TEST(Extract, InvalidUtf8IsRepaired) {
  const kn::Issue issue =
      kn::extract_issue("# News \xE3\x81 #5\nhttps://e.com\n<h2>News</h2><p>a\xFF\xC0z</p>", "x");
  EXPECT_EQ(issue.title, "News \xEF\xBF\xBD #5");
  EXPECT_EQ(issue.sections.at(0).items.at(0).text, "a\xEF\xBF\xBD\xEF\xBF\xBDz");
}

// A real issue had a backspace before a card's comment; gumbo turned it
// into U+FFFD. Control characters are dropped before parsing, so no field
// carries one (the title and URLs included).
TEST(Extract, ControlCharactersAreDropped) {
  const kn::Issue issue = kn::extract_issue(
      "# Weekly \x1b[31mKaggle News #5\nhttps://e.com/5\n<h2>News</h2>"
      "<p>a\bb \x1b]0;t\x07"
      "c \u009bd <a href=\"https://k.com/\x1b"
      "x\">l</a></p>" +
          card("https://c.com/\x7f"
               "1",
               "T\x01", "blurb\x02", "\bcomment"),
      "x");
  EXPECT_EQ(issue.title, "Weekly [31mKaggle News #5");
  EXPECT_EQ(issue.sections.at(0).items.at(0).text, "ab ]0;tc d l");
  EXPECT_EQ(issue.sections.at(0).items.at(0).links.at(0).url, "https://k.com/x");
  EXPECT_EQ(issue.cards.at(0).title, "T");
  EXPECT_EQ(issue.cards.at(0).url, "https://c.com/1");
  EXPECT_EQ(issue.cards.at(0).blurb, "blurb");
  EXPECT_EQ(issue.cards.at(0).comment, "comment");
}

// Gumbo decodes character references: those that name controls are dropped
// like the file's own controls, in text, link URLs and image sources.
TEST(Extract, ControlsWrittenAsReferencesAreDropped) {
  const kn::Issue issue = kn::extract_issue(
      "# Weekly Kaggle News #5\nhttps://e.com/5\n<h2>News</h2>"
      "<p>a&#27;[31mb&#7;c&#x9d;d&#x81;e&#127;f&#x9B;g <a "
      "href=\"https://k.com/&#27;x&#x85;\">l</a></p>" +
          card("https://c.com/&#x1b;1", "T&#27;", "blurb&#x90;", "comment&#8;"),
      "x");
  // HTML reads &#x9B; and &#x85; as windows-1252 (› and …); &#x9d; and
  // &#x81; have no such reading and stay controls.
  EXPECT_EQ(issue.sections.at(0).items.at(0).text, "a[31mbcdef›g l");
  EXPECT_EQ(issue.sections.at(0).items.at(0).links.at(0).url, "https://k.com/x…");
  EXPECT_EQ(issue.cards.at(0).title, "T");
  EXPECT_EQ(issue.cards.at(0).url, "https://c.com/1");
  EXPECT_EQ(issue.cards.at(0).blurb, "blurb");
  EXPECT_EQ(issue.cards.at(0).comment, "comment");
}

TEST(Extract, CrlfAndByteOrderMark) {
  const kn::Issue issue = kn::extract_issue(
      "\xEF\xBB\xBF# Weekly Kaggle News "
      "#9\r\nhttps://e.com/9\r\n<h2>News</h2>\r\n<p>a\r\nb</p>\r\n",
      "x");
  EXPECT_EQ(issue.number, 9);
  EXPECT_EQ(issue.title, "Weekly Kaggle News #9");
  EXPECT_EQ(issue.url, "https://e.com/9");
  EXPECT_EQ(issue.sections.at(0).items.at(0).text, "a b");
}

TEST(Extract, DeepNestingIsRefusedQuickly) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  EXPECT_EQ(error_for(kHeader + html), "HTML nested deeper than 1000 levels");
}

TEST(Extract, NestingWithinTheLimitIsParsed) {
  std::string html = "<h2>News</h2>";
  for (int i = 0; i < 900; ++i) html += "<span>";
  html += "deep";
  const kn::Issue issue = extract(html);
  EXPECT_EQ(issue.sections.at(0).items.at(0).text, "deep");
}

TEST(Extract, ManyUnclosedParagraphsAreNotNesting) {
  std::string html = "<h2>News</h2>";
  for (int i = 0; i < 5000; ++i) html += "<p>x";
  EXPECT_EQ(extract(html).sections.at(0).items.size(), 5000u);
}

}  // namespace
