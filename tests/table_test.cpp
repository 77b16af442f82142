#include "render/table.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

TEST(Table, CsvQuotesAsRfc4180Says) {
  EXPECT_EQ(kn::csv_row({"a", "b,c", "d\"e", "f\ng", ""}), "a,\"b,c\",\"d\"\"e\",\"f\ng\",\r\n");
}

// A cell a spreadsheet would run as a formula is written as text.
TEST(Table, CsvCellsNeverStartAFormula) {
  EXPECT_EQ(kn::csv_row({"=HYPERLINK(\"http://evil\",\"x\")", "+1", "-2", "@SUM(A1)", "a=b"}),
            "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'+1,'-2,'@SUM(A1),a=b\r\n");
  EXPECT_EQ(kn::csv_row({"\t=1"}), "' =1\r\n");  // the tab is a space; the = stays text
}

TEST(Table, TsvFieldsHoldNoTabsOrLineBreaks) {
  EXPECT_EQ(kn::tsv_row({"a\tb", "c\nd\re", "\x1b[1mx"}), "a b\tc d e\t[1mx\n");
}

}  // namespace
