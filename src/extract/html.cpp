#include "html.hpp"

#include <algorithm>

#include "util/sanitize.hpp"
#include "util/url.hpp"
#include "util/utf8.hpp"

namespace kn {

HtmlDocument::HtmlDocument(std::string text, std::size_t offset) : text_(std::move(text)) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // each recorded error copies the open-element stack
  offset = std::min(offset, text_.size());
  output_ = gumbo_parse_with_options(&options, text_.data() + offset, text_.size() - offset);
}

HtmlDocument::~HtmlDocument() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }

bool is_element(const GumboNode* node, GumboTag tag) {
  return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

const char* attribute(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr ? attr->value : nullptr;
}

std::optional<std::string> attribute_text(const GumboNode* node, const char* name) {
  const char* value = attribute(node, name);
  if (!value) return std::nullopt;
  return without_controls(value);
}

bool has_flag(const GumboNode* node, GumboParseFlags flag) {
  return node->type == GUMBO_NODE_ELEMENT && (node->parse_flags & flag) != 0;
}

const GumboVector& children(const GumboNode* node) {
  static const GumboVector kEmpty{nullptr, 0, 0};
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
    return node->v.element.children;
  }
  if (node->type == GUMBO_NODE_DOCUMENT) return node->v.document.children;
  return kEmpty;
}

std::string text_of(Span span, const GumboNode* skip) {
  std::string raw;
  walk(span, [&](const GumboNode* node) {
    if (node == skip) return false;
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE: raw += node->v.text.text; return false;
      case GUMBO_NODE_ELEMENT:
        if (node->v.element.tag == GUMBO_TAG_BR) raw += ' ';
        return true;
      case GUMBO_NODE_TEMPLATE: return true;
      default: return false;
    }
  });
  // Character references decode to controls too ("&#27;"): dropped as the
  // file's own were.
  return collapse_whitespace(without_controls(raw));
}

std::vector<Link> links_in(Span span) {
  std::vector<Link> links;
  walk(span, [&](const GumboNode* node) {
    if (!is_element(node, GUMBO_TAG_A)) return true;
    if (const std::optional<std::string> href = attribute_text(node, "href")) {
      links.push_back({text_of(whole(node)), canonical_url(*href)});
    }
    return false;  // HTML does not nest links
  });
  return links;
}

const GumboNode* find_element(Span span, GumboTag tag, const GumboNode* skip) {
  const GumboNode* found = nullptr;
  walk(span, [&](const GumboNode* node) {
    if (found || node == skip) return false;
    if (is_element(node, tag)) found = node;
    return !found;
  });
  return found;
}

namespace {

bool is_heading_tag(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL: return true;
    default: return is_heading_tag(tag);
  }
}

bool is_block(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT && is_block_tag(node->v.element.tag);
}

// The export wraps the text before the rule in an <h3> it never closes; the
// parser ends that element at the first block inside or keeps the paragraphs
// in it. Text directly in such a wrapper is body text, not a heading.
bool is_real_heading(const GumboNode* node) {
  if (!is_heading_tag(node->v.element.tag) ||
      (node->parse_flags & GUMBO_INSERTION_IMPLICIT_END_TAG)) {
    return false;
  }
  const GumboVector& kids = children(node);
  for (std::size_t i = 0; i < kids.length; ++i) {
    if (is_block(child(kids, i))) return false;
  }
  return true;
}

}  // namespace

std::vector<Block> flatten_blocks(const GumboNode* body) {
  std::vector<Block> blocks;
  struct Frame {
    const GumboNode* node;
    std::size_t next;
    std::size_t run_start;  // first child of the pending inline run
    bool run_has_content;
  };
  const auto flush = [&](Frame& f) {
    if (f.run_has_content) {
      const BlockType type = is_real_heading(f.node) ? BlockType::heading : BlockType::paragraph;
      blocks.push_back({type, {f.node, f.run_start, f.next}});
    }
    f.run_has_content = false;
  };
  std::vector<Frame> stack{{body, 0, 0, false}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector& kids = children(top.node);
    if (top.next == kids.length) {
      flush(top);
      stack.pop_back();
      continue;
    }
    const GumboNode* node = child(kids, top.next);
    if (is_block(node)) {
      flush(top);
      ++top.next;
      if (is_element(node, GUMBO_TAG_HR)) {
        blocks.push_back({BlockType::rule, whole(node)});
      } else {
        stack.push_back({node, 0, 0, false});  // invalidates top
      }
      continue;
    }
    if (!top.run_has_content) top.run_start = top.next;
    if (node->type != GUMBO_NODE_WHITESPACE && node->type != GUMBO_NODE_COMMENT) {
      top.run_has_content = true;
    }
    ++top.next;
  }
  return blocks;
}

const GumboNode* find_body(const GumboNode* root) {
  const GumboVector& kids = children(root);
  for (std::size_t i = 0; i < kids.length; ++i) {
    if (is_element(child(kids, i), GUMBO_TAG_BODY)) return child(kids, i);
  }
  return root;
}

}  // namespace kn
