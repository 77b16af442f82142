// Bytes as a query: it parses into a QueryError, or into FTS5 text that
// runs against a small store without any SQLite error; read as an archive
// that links to every domain (every kaggle.com/x a URL), the same.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "kn/error.hpp"
#include "kn/extract.hpp"
#include "kn/query.hpp"
#include "kn/store.hpp"

namespace {

kn::Store& store() {
  static const std::unique_ptr<kn::Store> instance = [] {
    auto s = kn::Store::scratch_copy_of("/nonexistent/kn-fuzz.db");
    s->put_issue(kn::extract_issue("# Weekly Kaggle News #1\nhttps://e.com/1\n<h2>News</h2>"
                                   "<p>PyTorch の画像認識 <a href=\"https://github.com/x\">x</a>"
                                   "</p><hr><p><strong style='display: block;'><a "
                                   "href=\"https://www.kaggle.com/c/y\">Kaggle Y</a></strong>"
                                   "</p><p><p>解法 C++ U-Net</p></p>",
                                   "/fuzz/1.md"),
                 "h", {});
    s->sync_index();
    return s;
  }();
  return *instance;
}

void run(std::string_view text, const kn::ParseOptions& options) {
  kn::Query query;
  kn::FtsExpressions fts;
  try {
    query = kn::parse_query(text, {}, options);
    fts = kn::fts_expressions(query);
  } catch (const kn::QueryError&) {
    return;
  }
  try {
    store().search(query, {kn::SortOrder::rank, 5, 0});
    store().count(query);
  } catch (const kn::Error& e) {  // SQLite refused what the store wrote
    std::fprintf(stderr, "query %.*s -> %s / %s: %s\n", static_cast<int>(text.size()), text.data(),
                 fts.match.c_str(), fts.exclude.c_str(), e.what());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  run(text, {});
  kn::ParseOptions linked;
  linked.linked_domain = [](std::string_view) { return true; };
  run(text, linked);
  return 0;
}
