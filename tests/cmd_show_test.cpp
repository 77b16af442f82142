// kn show end to end.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>

#include "kn/extract.hpp"
#include "kn/files.hpp"
#include "kn_binary.hpp"
#include "render/issue_json.hpp"

namespace {

namespace fs = std::filesystem;
using kn::testing::Result;
using kn::testing::slurp;
using kn::testing::without_time;

class ShowCommandTest : public kn::testing::SeedsTest {};

TEST_F(ShowCommandTest, ShowFormats) {
  Result run = kn("show 84 --format json --db '" + db_ + "'");
  EXPECT_EQ(run.status, 0);
  const std::string path = "seeds/001_c6642d8709a2e47b.txt";
  kn::Issue parsed = kn::extract_issue(kn::read_file(path, 1 << 20), path);
  parsed.source = fs::absolute(path).lexically_normal().string();
  EXPECT_EQ(run.out, kn::issue_json(parsed) + "\n");
  run = kn("show 84 --format md --db '" + db_ + "'");
  EXPECT_EQ(run.status, 0);
  EXPECT_TRUE(
      run.out.starts_with("# Weekly Kaggle News #84\n\n2021-07-21 (estimated) · "
                          "<https://www.getrevue.co/profile/upura/issues/"
                          "weekly-kaggle-news-84-692345>\n\n## News\n\n- Kaggleが"))
      << run.out.substr(0, 300);
  run = kn("show 84 --db '" + db_ + "'");
  EXPECT_TRUE(run.out.starts_with("Weekly Kaggle News #84\n2021-07-21 (estimated)  https://"));
  // An issue as hits and lists label it.
  EXPECT_EQ(kn("show '#84' --db '" + db_ + "'").out, run.out);
  EXPECT_EQ(kn("show '#x' --db '" + db_ + "'").err, "kn: #x: not an issue number (kn show 66)\n");
  run = kn("show 999 --db '" + db_ + "'");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err, "kn: no issue #999 in " + db_ + "\n");
}

}  // namespace
