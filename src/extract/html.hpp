// A parsed HTML document (gumbo, owned) and walkers over its tree. Every
// walk is iterative: nesting depth is bounded only by kMaxHtmlDepth (see
// nesting_guard.hpp), and no walk depends on the stack size.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "kn/issue.hpp"

namespace kn {

class HtmlDocument {
 public:
  // Parses text from byte offset on (the HTML after a file's header
  // lines); text must be valid UTF-8. The document keeps text.
  explicit HtmlDocument(std::string text, std::size_t offset = 0);
  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  const GumboNode* root() const { return output_->root; }

 private:
  std::string text_;  // gumbo keeps pointers into it
  GumboOutput* output_;
};

bool is_element(const GumboNode* node, GumboTag tag);
// Returns the attribute's value as gumbo decoded it, or nullptr when the
// element does not have it. For what is kept, use attribute_text.
const char* attribute(const GumboNode* node, const char* name);

// Returns the attribute's value without control characters, or nullopt when
// the element does not have it. Gumbo decodes character references ("&#27;"),
// so a value may hold controls the file's bytes did not: they are dropped as
// the file's own were (sanitize.hpp).
std::optional<std::string> attribute_text(const GumboNode* node, const char* name);
bool has_flag(const GumboNode* node, GumboParseFlags flag);

const GumboVector& children(const GumboNode* node);
inline const GumboNode* child(const GumboVector& nodes, std::size_t i) {
  return static_cast<const GumboNode*>(nodes.data[i]);
}

// A run of siblings: children [first, last) of parent.
struct Span {
  const GumboNode* parent;
  std::size_t first, last;
};

inline Span whole(const GumboNode* node) { return {node, 0, children(node).length}; }

// Calls visit(node) for each node of span and its descendants in document
// order; visit returns false to skip the node's descendants.
template <typename Visit>
void walk(Span span, Visit visit) {
  struct Frame {
    const GumboVector* nodes;
    std::size_t next, end;
  };
  std::vector<Frame> stack{{&children(span.parent), span.first, span.last}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next == top.end) {
      stack.pop_back();
      continue;
    }
    const GumboNode* node = child(*top.nodes, top.next++);
    if (visit(node)) {
      const GumboVector& kids = children(node);
      if (kids.length > 0) stack.push_back({&kids, 0, kids.length});
    }
  }
}

// Returns the text of span (skipping the node skip): entities decoded (gumbo
// did that), tags dropped, <br> as a space, white space collapsed and
// trimmed.
std::string text_of(Span span, const GumboNode* skip = nullptr);

// Returns the links of span (<a href>), with their text and canonical URL.
std::vector<Link> links_in(Span span);

// Returns the first element of span (or below) with the tag, skipping `skip`.
const GumboNode* find_element(Span span, GumboTag tag, const GumboNode* skip = nullptr);

// The document flattened into headings, paragraphs and rules, in order. A
// paragraph is a run of inline content with the block element that holds
// it, so <p>, <li> and bare text between blocks all count.
enum class BlockType { heading, paragraph, rule };

struct Block {
  BlockType type;
  Span span;
};

std::vector<Block> flatten_blocks(const GumboNode* body);

// Returns the <body> element under root (root itself when there is none).
const GumboNode* find_body(const GumboNode* root);

}  // namespace kn
