// The extractor on every real issue at hand (the seeds and the corpus in
// tests/data), compared whole with golden files: tests/golden/<name>.json
// holds `kn parse --json` of each, one key or value a line so that a
// change reads as a diff. They replace hand-written expectations (checked
// against an independent reading of the raw HTML) that they were shown to
// satisfy, field by field. After a deliberate change to the extractor,
// rewrite them and review the diff before committing:
//
//   KN_UPDATE_GOLDEN=1 build/tests/kn_tests --gtest_filter='RealIssues/Golden*'
//   git diff tests/golden/
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "kn/extract.hpp"
#include "kn/files.hpp"
#include "render/issue_json.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> real_issues() {
  std::vector<std::string> paths;
  for (const char* dir : {"seeds", "tests/data"}) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      if (name.ends_with(".txt") || name.ends_with(".md")) paths.push_back(entry.path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// Compact JSON with a line break after every '{', '[' and ',' outside
// strings, and before every '}' and ']', indented by depth.
std::string one_item_a_line(const std::string& json) {
  std::string out;
  int depth = 0;
  bool in_string = false;
  const auto newline = [&] { out += '\n' + std::string(2 * static_cast<std::size_t>(depth), ' '); };
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      out += c;
      if (c == '\\') out += json[++i];
      if (c == '"') in_string = false;
      continue;
    }
    if ((c == '}' || c == ']') && out.back() != '{' && out.back() != '[') {
      --depth;
      newline();
    } else if (c == '}' || c == ']') {
      --depth;
    }
    out += c;
    if (c == '"') in_string = true;
    if (c == ',') newline();
    if ((c == '{' || c == '[') && json[i + 1] != '}' && json[i + 1] != ']') {
      ++depth;
      newline();
    } else if (c == '{' || c == '[') {
      ++depth;
    }
  }
  return out + '\n';
}

std::string golden_path(const std::string& issue) {
  return "tests/golden/" + fs::path(issue).stem().string() + ".json";
}

class GoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, ParseGivesTheGoldenFile) {
  const std::string& path = GetParam();
  const kn::Issue issue = kn::extract_issue(kn::read_file(path, kn::kDefaultMaxFileSize), path);
  const std::string got = one_item_a_line(kn::issue_json(issue));
  if (std::getenv("KN_UPDATE_GOLDEN")) std::ofstream(golden_path(path), std::ios::binary) << got;
  EXPECT_EQ(got, kn::testing::slurp(golden_path(path))) << "see " << golden_path(path);
}

std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (const char c : fs::path(info.param).stem().string()) {
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(RealIssues, GoldenTest, testing::ValuesIn(real_issues()), test_name);

}  // namespace
