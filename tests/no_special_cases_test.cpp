// kn must work on issues it has never seen: nothing in src/ may name a
// competition or an issue of the real issues the tests read.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "kn/extract.hpp"
#include "model/competition.hpp"
#include "test_support.hpp"
#include "util/text.hpp"

namespace {

namespace fs = std::filesystem;
using kn::testing::slurp;

// What the real issues of seeds/ and tests/data/ name: their numbers and
// the identifiers of the competitions they link to.
struct Named {
  std::set<int> issues;
  std::set<std::string> slugs;
};

Named named_by_real_issues() {
  Named named;
  for (const char* folder : {"seeds", "tests/data"}) {
    for (const auto& file : fs::directory_iterator(folder)) {
      const kn::Issue issue = kn::extract_issue(slurp(file.path().string()), file.path().string());
      named.issues.insert(issue.number);
      std::vector<std::string> urls;
      for (const kn::Section& section : issue.sections) {
        for (const kn::Item& item : section.items) {
          for (const kn::Link& link : item.links) urls.push_back(link.url);
        }
      }
      for (const kn::Card& card : issue.cards) {
        urls.push_back(card.url);
        for (const kn::Link& link : card.links) urls.push_back(link.url);
      }
      for (const kn::Embed& embed : issue.embeds) {
        urls.push_back(embed.url);
        for (const kn::Link& link : embed.links) urls.push_back(link.url);
      }
      for (const std::string& url : urls) {
        if (const auto competition = kn::competition_of(url)) {
          named.slugs.insert(
              kn::ascii_lower(competition->url.substr(competition->url.find_last_of('/') + 1)));
        }
      }
    }
  }
  return named;
}

// A source file split into what the compiler reads as code (comments
// dropped) and its string literals, raw ones too, lower-cased.
struct Source {
  std::string path, code;
  std::vector<std::string> literals;
};

// Returns where find() found something, or the end of text.
std::size_t at_or_end(const std::string& text, std::size_t found) {
  return found == std::string::npos ? text.size() : found;
}

Source split_source(const std::string& path) {
  const std::string text = kn::ascii_lower(slurp(path));
  Source source{path, {}, {}};
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, "//") == 0) {
      i = at_or_end(text, text.find('\n', i));
    } else if (text.compare(i, 2, "/*") == 0) {
      i = std::min(text.size(), at_or_end(text, text.find("*/", i + 2)) + 2);
    } else if (text.compare(i, 2, "r\"") == 0 && (i == 0 || !kn::is_ascii_alnum(text[i - 1]))) {
      const std::size_t open = at_or_end(text, text.find('(', i));
      const std::string close = ")" + text.substr(i + 2, open - i - 2) + "\"";
      const std::size_t end = at_or_end(text, text.find(close, open));
      source.literals.push_back(
          text.substr(std::min(open + 1, end), end - std::min(open + 1, end)));
      i = std::min(text.size(), end + close.size());
    } else if (text[i] == '"') {
      std::string literal;
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) literal += text[i++];
        literal += text[i];
      }
      source.literals.push_back(literal);
      ++i;
    } else if (text[i] == '\'' && i + 2 < text.size()) {  // a character literal, '"' among them
      const std::size_t close = text.find('\'', i + (text[i + 1] == '\\' ? 3 : 2));
      i = std::min(text.size(), at_or_end(text, close) + 1);
    } else {
      source.code += text[i++];
    }
  }
  return source;
}

// Every file of src/.
std::vector<Source> sources() {
  std::vector<Source> out;
  for (const auto& file : fs::recursive_directory_iterator("src")) {
    if (file.is_regular_file()) out.push_back(split_source(file.path().string()));
  }
  return out;
}

// Where a name may stand in the sources without being a special case: in
// comments, and in prose (help, messages, examples), a literal with a
// space; never in code or in a literal that is a bare name or URL.
std::vector<std::string> unexplained(const Source& source) {
  std::vector<std::string> out{source.code};
  for (const std::string& literal : source.literals) {
    if (literal.find_first_of(" \n") == std::string::npos) out.push_back(literal);
  }
  return out;
}

TEST(NoSpecialCases, SourcesNameNoCompetitionOfTheRealIssues) {
  const Named named = named_by_real_issues();
  ASSERT_GE(named.slugs.size(), 40u);  // the 42 competitions, less ids shared by form
  for (const Source& source : sources()) {
    for (const std::string& text : unexplained(source)) {
      for (const std::string& slug : named.slugs) {
        // A numeric id is named as a path: competitions/443.
        const bool number = std::all_of(slug.begin(), slug.end(), kn::is_ascii_digit);
        const std::string form = number ? "/" + slug : slug;
        EXPECT_EQ(text.find(form), std::string::npos) << source.path << " names " << slug;
      }
    }
  }
}

TEST(NoSpecialCases, SourcesNameNoIssueOfTheRealIssues) {
  const Named named = named_by_real_issues();
  ASSERT_EQ(named.issues.size(), 14u);
  // "#66", or a number or an issue compared with 66.
  std::string numbers;
  for (const int issue : named.issues)
    numbers += (numbers.empty() ? "" : "|") + std::to_string(issue);
  const std::regex special("(#|(number|issue)[a-z_]*\\s*(==|!=|<=|>=|<|>)\\s*)(" + numbers +
                           ")(?![0-9])");
  for (const Source& source : sources()) {
    for (const std::string& text : unexplained(source)) {
      std::smatch found;
      EXPECT_FALSE(std::regex_search(text, found, special)) << source.path << ": " << found.str();
    }
  }
}

// The split finds names where a special case would put them, so the tests
// above can fail.
TEST(NoSpecialCases, TheSplitSeesCodeAndBareLiterals) {
  const kn::testing::TempDir dir;
  const std::string path =
      dir.write("x.cpp",
                "if (slug == \"halite\" || number == 66) {}  // halite, #66\n"
                "const char* kHelp = \"kn competition halite\";\n"
                "const char* kSql = R\"sql(SELECT 'x')sql\"; char q = '\"'; char e = '\\'';\n");
  const Source source = split_source(path);
  EXPECT_EQ(source.literals,
            (std::vector<std::string>{"halite", "kn competition halite", "select 'x'"}));
  EXPECT_EQ(unexplained(source).size(), 2u);
  EXPECT_NE(source.code.find("number == 66"), std::string::npos) << source.code;
  EXPECT_EQ(source.code.find("#66"), std::string::npos) << source.code;
}

}  // namespace
