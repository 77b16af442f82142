// The layer table in ARCHITECTURE.md against the build: each layer's folder,
// the layers it links and the files it compiles, as CMake configured them
// (layers.txt, written by cmake/KnLayer.cmake). A layer added, moved or
// given a new dependency without the table saying so fails here.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Layer {
  std::set<std::string> uses, files;
  bool operator==(const Layer&) const = default;
};

using Layers = std::map<std::string, Layer>;

std::set<std::string> words(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(text);
  for (std::string word; in >> word;) out.insert(word);
  return out;
}

std::string without(std::string text, const std::string& characters) {
  for (char& c : text) {
    if (characters.find(c) != std::string::npos) c = ' ';
  }
  return text;
}

// "store/fts: sqlite tokenize util | store/fts/rank.cpp ..." a line.
Layers read_build(const std::string& path) {
  Layers layers;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    const std::size_t colon = line.find(':'), bar = line.find('|');
    Layer& layer = layers[line.substr(0, colon)];
    layer.uses = words(line.substr(colon + 1, bar - colon - 1));
    for (const std::string& file : words(line.substr(bar + 1))) {
      layer.files.insert(file.substr(file.rfind('/') + 1));
    }
  }
  return layers;
}

// The table's rows: | `folder/` | `uses`, ... | `file.cpp`, ... | concern |
Layers read_table(const std::string& path) {
  Layers layers;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("| `")) continue;
    std::vector<std::string> cells;
    std::istringstream row(line.substr(1));
    for (std::string cell; std::getline(row, cell, '|');) cells.push_back(cell);
    if (cells.size() < 3) continue;
    std::string folder = without(cells[0], "` ");
    folder = *words(folder).begin();
    if (folder.ends_with('/')) folder.pop_back();
    Layer& layer = layers[folder];
    // A nested folder is named by its path: `store/fts`.
    for (std::string use : words(without(cells[1], "`,—"))) {
      if (use.ends_with('/')) use.pop_back();
      layer.uses.insert(use);
    }
    layer.files = words(without(cells[2], "`,"));
  }
  return layers;
}

std::string describe(const Layers& layers) {
  std::string out;
  for (const auto& [folder, layer] : layers) {
    out += folder + ": uses";
    for (const std::string& use : layer.uses) out += " " + use;
    out += "; files";
    for (const std::string& file : layer.files) out += " " + file;
    out += "\n";
  }
  return out;
}

TEST(LayerTable, MatchesTheLayersTheBuildLinks) {
  const Layers built = read_build(KN_LAYER_GRAPH);
  ASSERT_EQ(built.size(), 15u) << describe(built);
  const Layers table = read_table("ARCHITECTURE.md");
  EXPECT_EQ(describe(table), describe(built));
}

TEST(LayerTable, ReadsFoldersUsesAndFiles) {
  const std::string path = ::testing::TempDir() + "layers.md";
  std::ofstream(path)
      << "| layer | uses | files | concern |\n| --- | --- | --- | --- |\n"
         "| `store/` | `store/fts`, `util` | `check.cpp`, `store.cpp` | the store |\n"
         "| `store/fts/` | `tokenize`, `tokenize/fts5` | `rank.cpp` | FTS5 |\n"
         "| `util/` | — | `utf8.cpp` | text |\n";
  const Layers table = read_table(path);
  // A layer and a folder nested in it, side by side, are two uses.
  EXPECT_EQ(describe(table),
            "store: uses store/fts util; files check.cpp store.cpp\n"
            "store/fts: uses tokenize tokenize/fts5; files rank.cpp\n"
            "util: uses; files utf8.cpp\n");
}

}  // namespace
