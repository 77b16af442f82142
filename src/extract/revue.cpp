#include "revue.hpp"

#include <algorithm>
#include <charconv>
#include <string>
#include <unordered_set>
#include <vector>

#include "html.hpp"
#include "util/url.hpp"

namespace kn::detail {

namespace {

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
      if (const auto href = attribute_text(link, "href")) card.url = canonical_url(*href);
    } else {
      card.title = text_of(whole(title_element));
    }
    card.domain = url_domain(card.url);
    const GumboNode* image = find_element(block.span, GUMBO_TAG_IMG, title_element);
    if (image) card.image = attribute_text(image, "src");
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

}  // namespace

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

void read_revue_body(const GumboNode* body, Issue& issue) { Extractor(issue).run(body); }

}  // namespace kn::detail
