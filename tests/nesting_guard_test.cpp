#include "extract/nesting_guard.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace {

struct Case {
  std::string_view html;
  std::size_t depth;
};

TEST(NestingGuard, NestingDepth) {
  const Case cases[] = {
      {"", 0},
      {"plain", 0},
      {"<div></div>", 1},
      {"<div><div><span>x</span></div></div>", 3},
      {"<div></div><div></div>", 1},
      {"<p><p><p><li><li><br><img src=x><hr>", 1},  // closed implicitly, or void
      {"<div/><div/>", 2},                          // HTML ignores the slash: both open
      {"<DIV><Div></div></DIV>", 2},
      {"<div></span></span><div>", 2},  // stray end tags close nothing
      {"<div a=\"x>y\" b='<div>'><!-- <div><div> --></div>", 1},
      {"<h3><h2>News</h2><p>a</p></h3>", 2},
      {"< div>1 < 2 <", 0},
  };
  for (const Case& c : cases) EXPECT_EQ(kn::html_nesting_depth(c.html), c.depth) << c.html;
}

// Inside <svg> and <math> HTML closes nothing by itself and no element holds
// raw text: the fuzzer found <svg><td>… eleven deep in gumbo's tree while
// the guard counted 1, and <svg><script></script ><script>… eighteen deep
// while it counted 2.
TEST(NestingGuard, ForeignContentNestsEverything) {
  const Case cases[] = {
      {"<svg><td><td><td>'", 4},
      {"<math><p><p></math><p><p>", 3},
      {"<svg><style><g><g></g></g></style></svg>", 4},
      {"<style><g><g></style>", 1},  // raw text outside foreign content
      {"<svg><g></g><g></g><g>", 2},
      {"<svg><g></g ><g></g/><g></G>", 4},  // as gumbo reads it: only "</g>" closes
      {"<div></div ><div>", 1},
  };
  for (const Case& c : cases) EXPECT_EQ(kn::html_nesting_depth(c.html), c.depth) << c.html;
}

// <li>, <dd> and <dt> close only a sibling that is the current node, and
// ruby's parts only while a <ruby> is in scope: the fuzzer found
// <li><dd><li><dd>… nine deep in gumbo's tree while the guard, which skipped
// them, counted 0, <ruby><applet><rt><p><rt>… 72 deep while it counted 9,
// and <uy><ruby></uy><p><rb><rb>… 30 deep while it counted 3; and
// <rtc><p><rt><rt>… without a ruby 23 deep while it counted 3.
TEST(NestingGuard, ElementsThatCloseTheirSiblingsNestAnywhereElse) {
  const Case cases[] = {
      {"<li><dd><li><dd>", 4},
      {"<dt><li><dt><li>", 4},
      {"<li>a<li>b<li>c", 1},
      {"<dl><dt>a<dd>b<dt>c<dd>d</dl>", 2},
      {"<ul><li><a href=x>y</a><li>z</ul>", 3},
      {"<li><span>x</li><li>y", 2},  // the span stays open: the next item nests
      {"<rt><rt><rt>", 3},
      {"<ruby>a<rb>b<rt>c<rp>d<rtc>e<rt>f</ruby>", 3},  // <rt> nests in <rtc>
      {"<ruby><rt>a<p>b<rt>c", 2},
      {"<ruby><applet><rt><rt>", 4},      // the <applet> puts the <ruby> out of scope
      {"<ruby><table><rtc><rt><rt>", 5},  // and so does a <table>
      {"<rtc><p><rt><rt><rt><rt>", 5},    // no <ruby> at all: an unseen <p> between
      {"<ruby><div><rt><rt><rt>", 3},     // in scope, though not directly inside
      {"<x><ruby></x><rb><rb>", 3},       // </x> may have closed the ruby
      {"<optgroup><optgroup>", 2},        // outside a <select> nothing closes them
  };
  for (const Case& c : cases) EXPECT_EQ(kn::html_nesting_depth(c.html), c.depth) << c.html;
}

// Each way HTML5 reads markup that a plain scan for '<' and quotes gets
// wrong: these hid 128k nested divs from the guard.
TEST(NestingGuard, ReadsCommentsAndAttributesAsHtml5Does) {
  const Case cases[] = {
      {"<!--><div><div>", 2},   // "<!-->" is a whole comment
      {"<!---><div><div>", 2},  // and so is "<!--->"
      {"<!-- x --!><div>", 1},  // "--!>" ends one
      {"<!-- x ---><div>", 1},
      {"<!-- <div> -- x --><div>", 1},
      {"<div a=b'c><div>", 2},  // a quote in an unquoted value is part of it
      {"<div a=b\"c><div>", 2},
      {"<div a='x>y'><div>", 2},  // a quoted value may hold '>'
      {"<div =x><div>", 2},       // '=' may start a name
      {"<div a = \"x\" / b><div>", 2},
      {"</div a='>'><div>", 1},      // end tags have attributes too
      {"<! bogus <div> ><div>", 1},  // a bogus comment ends at '>'
      {"<?php <div> ?><div>", 1},
      {"</ 1 <div> ><div>", 1},
      {"</><div>", 1},
      {"<script><div><div></script ><div>", 1},  // raw text up to its end tag
      {"<SCRIPT><div></scripts></SCRIPT><div>", 1},
      {"<style>a<b{}</style><b>", 1},
      {"<textarea><div></textarea><div>", 1},
      {"<div", 0},  // a tag the document ends inside is none
      {"<div a='", 0},
  };
  for (const Case& c : cases) EXPECT_EQ(kn::html_nesting_depth(c.html), c.depth) << c.html;
  std::string hidden = "<!-->";
  for (int i = 0; i < 128000; ++i) hidden += "<div a=b'c>";
  EXPECT_EQ(kn::html_nesting_depth(hidden), 128000u);
}

TEST(NestingGuard, NestingDepthOfHostileInput) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div><b>";
  EXPECT_EQ(kn::html_nesting_depth(html), 200000u);
}

}  // namespace
