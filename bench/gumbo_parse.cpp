// The ceiling for indexing: parse each file with gumbo and walk the tree,
// nothing else. Prints MB/s for the files named on the command line.
#include <gumbo.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  std::vector<std::string> files(argv + 1, argv + argc);
  std::size_t bytes = 0, nodes = 0;
  const auto start = std::chrono::steady_clock::now();
  for (const std::string& path : files) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string html = buffer.str();
    bytes += html.size();
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
    std::vector<const GumboNode*> stack{output->root};
    while (!stack.empty()) {
      const GumboNode* node = stack.back();
      stack.pop_back();
      ++nodes;
      if (node->type == GUMBO_NODE_ELEMENT) {
        const GumboVector& children = node->v.element.children;
        for (unsigned i = 0; i < children.length; ++i) {
          stack.push_back(static_cast<const GumboNode*>(children.data[i]));
        }
      }
    }
    gumbo_destroy_output(&options, output);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%.3f %zu %zu\n", seconds, bytes, nodes);
  return 0;
}
