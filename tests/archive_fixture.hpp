// A store holding the seeds and the real issues of tests/data, indexed once
// for all the tests of a suite.
#pragma once

#include <gtest/gtest.h>

#include "kn/index.hpp"
#include "kn/store.hpp"
#include "test_support.hpp"

namespace kn::testing {

class ArchiveTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    store_ = new Store(*dir_ / "kn.db", Store::Access::read_write);
    Diagnostics diag;
    index_files(*store_, find_inputs({"seeds", "tests/data"}, {}, diag), {}, diag);
  }
  static void TearDownTestSuite() {
    delete store_;
    delete dir_;
  }
  static inline TempDir* dir_ = nullptr;
  static inline Store* store_ = nullptr;
};

}  // namespace kn::testing
