#include "kn/extract.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <unordered_set>
#include <utility>
#include <vector>

#include "kn/error.hpp"
#include "kn/html.hpp"
#include "kn/url.hpp"
#include "kn/utf8.hpp"

namespace kn {

namespace {

// ---------------------------------------------------------------------------
// Tree walking. Everything is iterative: nesting depth is bounded only by
// kMaxHtmlDepth, and the walks must not depend on the stack size.

const GumboVector& children(const GumboNode* node) {
  static const GumboVector kEmpty{nullptr, 0, 0};
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
    return node->v.element.children;
  }
  if (node->type == GUMBO_NODE_DOCUMENT) return node->v.document.children;
  return kEmpty;
}

const GumboNode* child(const GumboVector& nodes, std::size_t i) {
  return static_cast<const GumboNode*>(nodes.data[i]);
}

// A run of siblings: children [first, last) of parent.
struct Span {
  const GumboNode* parent;
  std::size_t first, last;
};

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

Span whole(const GumboNode* node) { return {node, 0, children(node).length}; }

// Text as the rules want it: entities decoded (gumbo did that), tags dropped,
// <br> as a space, white space collapsed and trimmed.
std::string text_of(Span span, const GumboNode* skip = nullptr) {
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
  return collapse_whitespace(raw);
}

std::vector<Link> links_in(Span span) {
  std::vector<Link> links;
  walk(span, [&](const GumboNode* node) {
    if (!is_element(node, GUMBO_TAG_A)) return true;
    if (const char* href = attribute(node, "href")) {
      links.push_back({text_of(whole(node)), canonical_url(href)});
    }
    return false;  // HTML does not nest links
  });
  return links;
}

// First element of span (or below) with the tag, skipping `skip`.
const GumboNode* find_element(Span span, GumboTag tag, const GumboNode* skip = nullptr) {
  const GumboNode* found = nullptr;
  walk(span, [&](const GumboNode* node) {
    if (found || node == skip) return false;
    if (is_element(node, tag)) found = node;
    return !found;
  });
  return found;
}

// ---------------------------------------------------------------------------
// Blocks: the document flattened into headings, paragraphs and rules, in
// order. A paragraph is a run of inline content with the block element that
// holds it, so <p>, <li> and bare text between blocks all count.

enum class BlockType { heading, paragraph, rule };

struct Block {
  BlockType type;
  Span span;
};

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

// ---------------------------------------------------------------------------
// Recognizers for the parts of a Revue issue.

bool is_bold_or_span(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  switch (node->v.element.tag) {
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_B:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_I:
    case GUMBO_TAG_U:
    case GUMBO_TAG_FONT: return true;
    default: return false;
  }
}

// Some issues write a heading as a paragraph holding nothing but a known
// heading in bold or a styled span: <p><strong>Competitions</strong></p>.
std::optional<SectionKind> heading_paragraph_kind(const Block& block) {
  const GumboNode* wrapper = nullptr;
  const GumboVector& kids = children(block.span.parent);
  for (std::size_t i = block.span.first; i < block.span.last; ++i) {
    const GumboNode* node = child(kids, i);
    if (node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_COMMENT ||
        is_element(node, GUMBO_TAG_BR)) {
      continue;
    }
    if (wrapper || !is_bold_or_span(node)) return std::nullopt;
    wrapper = node;
  }
  if (!wrapper || find_element(whole(wrapper), GUMBO_TAG_A)) return std::nullopt;
  return known_section_kind(text_of(whole(wrapper)));
}

bool has_block_display(const GumboNode* node) {
  const char* style = attribute(node, "style");
  if (!style) return false;
  const std::string_view s(style);
  const std::size_t display = s.find("display");
  return display != std::string_view::npos && s.find("block", display) != std::string_view::npos;
}

// The <strong> that holds a card's linked title. Revue styles it as a block;
// after the rule, an image beside a bold link marks a card too.
const GumboNode* card_title_element(const Block& block, bool after_rule) {
  if (block.type != BlockType::paragraph || !is_element(block.span.parent, GUMBO_TAG_P)) {
    return nullptr;
  }
  const GumboNode* bold_link = nullptr;
  bool has_image = false;
  const GumboVector& kids = children(block.span.parent);
  for (std::size_t i = block.span.first; i < block.span.last; ++i) {
    const GumboNode* node = child(kids, i);
    if (is_element(node, GUMBO_TAG_IMG)) has_image = true;
    if (!is_element(node, GUMBO_TAG_STRONG) && !is_element(node, GUMBO_TAG_B)) continue;
    if (has_block_display(node)) return node;
    if (!bold_link && find_element(whole(node), GUMBO_TAG_A)) bold_link = node;
  }
  return has_image && after_rule ? bold_link : nullptr;
}

// "[embed URL]" or "[tweet URL]": the URL, or "" when text is not one.
std::string embed_url(std::string_view text) {
  if (!text.starts_with('[') || !text.ends_with(']')) return {};
  text = text.substr(1, text.size() - 2);
  const std::size_t space = text.find(' ');
  if (space == std::string_view::npos || space == 0) return {};
  const std::string_view word = text.substr(0, space);
  const std::string_view url = text.substr(space + 1);
  if (!std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return {};
  }
  if (!url.starts_with("http://") && !url.starts_with("https://")) return {};
  if (url.find(' ') != std::string_view::npos) return {};
  return canonical_url(url);
}

bool has_flag(const GumboNode* node, GumboParseFlags flag) {
  return node->type == GUMBO_NODE_ELEMENT && (node->parse_flags & flag) != 0;
}

void append_text(std::string& to, const std::string& text) {
  if (text.empty()) return;
  if (!to.empty()) to += ' ';
  to += text;
}

// ---------------------------------------------------------------------------

class Extractor {
 public:
  explicit Extractor(Issue& issue) : issue_(issue) {}

  void run(const GumboNode* body) {
    for (const Block& block : flatten_blocks(body)) {
      if (consumed_.contains(block.span.parent)) continue;
      switch (block.type) {
        case BlockType::rule:
          after_rule_ = true;
          target_ = Target::none;
          break;
        case BlockType::heading: {
          std::string text = text_of(block.span);
          const auto kind = known_section_kind(text);
          heading(std::move(text), kind);
          break;
        }
        case BlockType::paragraph: paragraph(block); break;
      }
    }
  }

 private:
  enum class Target { none, card, embed };

  void heading(std::string text, std::optional<SectionKind> kind) {
    if (text.empty()) return;
    if (after_rule_) {  // after the rule, headings only group cards
      target_ = Target::none;
      group_heading_ = std::move(text);
      orphan_section_ = false;
      return;
    }
    issue_.sections.push_back({kind.value_or(SectionKind::other), std::move(text), {}});
  }

  void paragraph(const Block& block) {
    if (const GumboNode* title = card_title_element(block, after_rule_)) {
      card(block, title);
      return;
    }
    std::string text = text_of(block.span);
    if (std::string url = embed_url(text); !url.empty()) {
      after_rule_ = true;
      issue_.embeds.push_back({std::move(url), {}, {}});
      target_ = Target::embed;
      return;
    }
    if (text.empty()) return;
    if (const auto kind = heading_paragraph_kind(block)) {
      heading(std::move(text), kind);
      return;
    }
    std::vector<Link> links = links_in(block.span);
    switch (after_rule_ ? target_ : Target::none) {
      case Target::card:
        append_text(issue_.cards.back().comment, text);
        append_links(issue_.cards.back().links, std::move(links));
        return;
      case Target::embed:
        append_text(issue_.embeds.back().comment, text);
        append_links(issue_.embeds.back().links, std::move(links));
        return;
      case Target::none: break;
    }
    // Text in a section, or after the rule but under no card: keep it as an
    // item so that no text is lost.
    if (issue_.sections.empty() || (after_rule_ && !orphan_section_)) {
      const std::string& heading = after_rule_ ? group_heading_ : std::string();
      issue_.sections.push_back(
          {known_section_kind(heading).value_or(SectionKind::other), heading, {}});
      orphan_section_ = after_rule_;
    }
    issue_.sections.back().items.push_back({std::move(text), std::move(links)});
  }

  static void append_links(std::vector<Link>& to, std::vector<Link> links) {
    to.insert(to.end(), std::make_move_iterator(links.begin()),
              std::make_move_iterator(links.end()));
  }

  void card(const Block& block, const GumboNode* title_element) {
    after_rule_ = true;
    Card card;
    if (const GumboNode* link = find_element(whole(title_element), GUMBO_TAG_A)) {
      card.title = text_of(whole(link));
      if (const char* href = attribute(link, "href")) card.url = canonical_url(href);
    } else {
      card.title = text_of(whole(title_element));
    }
    card.domain = url_domain(card.url);
    const GumboNode* image = find_element(block.span, GUMBO_TAG_IMG, title_element);
    if (const char* src = image ? attribute(image, "src") : nullptr) card.image = src;
    card.blurb = text_of(block.span, title_element);
    append_text(card.blurb, nested_blurb(block.span.parent));
    issue_.cards.push_back(std::move(card));
    target_ = Target::card;
  }

  // Revue writes a card's description as a <p> inside the card's <p>. The
  // parser closes the card at the inner <p> (an implicit end tag), and the
  // card's own </p> later turns into an empty <p>: the paragraphs between the
  // two are the description.
  std::string nested_blurb(const GumboNode* card_paragraph) {
    std::string blurb;
    if (!has_flag(card_paragraph, GUMBO_INSERTION_IMPLICIT_END_TAG)) return blurb;
    const GumboNode* parent = card_paragraph->parent;
    const GumboVector& siblings = children(parent);
    for (std::size_t i = card_paragraph->index_within_parent + 1; i < siblings.length; ++i) {
      const GumboNode* node = child(siblings, i);
      if (node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_COMMENT) continue;
      if (!is_element(node, GUMBO_TAG_P) ||
          has_flag(node, GUMBO_INSERTION_CONVERTED_FROM_END_TAG)) {
        break;
      }
      append_text(blurb, text_of(whole(node)));
      consumed_.insert(node);
    }
    return blurb;
  }

  Issue& issue_;
  bool after_rule_ = false;
  Target target_ = Target::none;
  std::string group_heading_;
  bool orphan_section_ = false;  // the last section holds text found after the rule
  std::unordered_set<const GumboNode*> consumed_;
};

// Revue thumbnails carry their upload time: ".../thumb/x.png?1615550480".
std::optional<Date> newest_thumbnail_date(const GumboNode* root) {
  long long newest = -1;
  walk(whole(root), [&](const GumboNode* node) {
    if (!is_element(node, GUMBO_TAG_IMG)) return true;
    const char* src = attribute(node, "src");
    if (!src) return false;
    std::string_view query(src);
    const std::size_t question = query.find('?');
    if (question == std::string_view::npos) return false;
    query = query.substr(question + 1);
    query = query.substr(0, query.find('#'));
    long long seconds = 0;
    const auto [end, ec] = std::from_chars(query.data(), query.data() + query.size(), seconds);
    const bool plausible = query.size() >= 9 && query.size() <= 10;  // 1973..2286
    if (ec == std::errc() && end == query.data() + query.size() && plausible) {
      newest = std::max(newest, seconds);
    }
    return false;
  });
  if (newest < 0) return std::nullopt;
  return Date::from_unix_seconds(newest);
}

// ---------------------------------------------------------------------------
// The two header lines.

std::string_view next_line(std::string_view& text) {
  const std::size_t end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

void check_encoding(std::string_view bytes) {
  if (bytes.empty()) throw Error("empty file");
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    throw Error("UTF-16 text is not supported; convert the file to UTF-8");
  }
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    throw Error(fmt::format("binary file (NUL byte at offset {})", nul));
  }
}

std::string parse_title(std::string_view line) {
  if (!line.starts_with("# ")) throw Error("no '# title' line at the top");
  std::string title = collapse_whitespace(line.substr(2));
  if (title.empty()) throw Error("no '# title' line at the top");
  return title;
}

int parse_number(std::string_view title) {
  for (std::size_t hash = title.find('#'); hash != std::string_view::npos;
       hash = title.find('#', hash + 1)) {
    std::string_view rest = title.substr(hash + 1);
    while (rest.starts_with(' ')) rest.remove_prefix(1);
    int number = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), number);
    if (ec == std::errc() && end != rest.data()) return number;
  }
  throw Error(fmt::format("no issue number ('#N') in the title \"{}\"", title));
}

std::string parse_url(std::string_view line) {
  std::string url = collapse_whitespace(line);
  if (url.find("://") == std::string::npos || url.find(' ') != std::string::npos) {
    throw Error("line 2 is not the issue's URL");
  }
  return url;
}

}  // namespace

std::optional<Date> date_from_file_name(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name.size() < 11 || name[10] != '_') return std::nullopt;
  return Date::parse(name.substr(0, 10));
}

Issue extract_issue(std::string_view bytes, std::string source) {
  check_encoding(bytes);
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const std::string text = repair_utf8(bytes);
  std::string_view rest = text;

  Issue issue;
  issue.source = std::move(source);
  issue.title = parse_title(next_line(rest));
  issue.number = parse_number(issue.title);
  issue.url = parse_url(next_line(rest));

  if (html_nesting_depth(rest) > kMaxHtmlDepth) {
    throw Error(fmt::format("HTML nested deeper than {} levels", kMaxHtmlDepth));
  }
  const HtmlDocument html{std::string(rest)};
  Extractor(issue).run(find_body(html.root()));

  if ((issue.date = date_from_file_name(issue.source))) {
    issue.date_estimated = false;
  } else if ((issue.date = newest_thumbnail_date(html.root()))) {
    issue.date_estimated = true;
  }
  return issue;
}

}  // namespace kn
