#include "nesting_guard.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "util/text.hpp"

namespace kn {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Elements that never have children, or that close by themselves before
// they could hold themselves (<p> inside <p>, <option> inside <option>,
// table rows and cells): none can build depth.
bool builds_no_depth(std::string_view tag) {
  static constexpr std::array<std::string_view, 20> kTags{
      "area",   "base", "br",    "col",    "embed", "hr", "img", "input", "link", "meta",
      "option", "p",    "param", "source", "td",    "th", "tr",  "track", "wbr",  "keygen"};
  return std::find(kTags.begin(), kTags.end(), tag) != kTags.end();
}

// The open elements a start tag closes when one of them is the current
// node: <li> after <li>, <dd> after <dt>, and ruby's parts after one
// another while a <ruby> is in scope (not across an <applet> or a <table>).
// Anywhere else these nest: <li><dd><li><dd> is four deep, and so is
// <rtc><rt><rt><rt> without a <ruby>.
bool closes_sibling(std::string_view tag, std::string_view current, bool ruby_in_scope) {
  if (tag == "li") return current == "li";
  if (tag == "dd" || tag == "dt") return current == "dd" || current == "dt";
  if (!ruby_in_scope) return false;
  const bool part = current == "rb" || current == "rp" || current == "rt";
  if (tag == "rp" || tag == "rt") return part;
  return (tag == "rb" || tag == "rtc") && (part || current == "rtc");
}

// Elements that end the scope an element is looked for in: a <ruby> below
// one of them is not in scope. (<td> and <th> too, but the guard never
// holds them open; their <table> stands for them.)
bool bounds_scope(std::string_view tag) {
  static constexpr std::array<std::string_view, 7> kTags{"applet", "caption", "html",    "marquee",
                                                         "object", "table",   "template"};
  return std::find(kTags.begin(), kTags.end(), tag) != kTags.end();
}

// Elements whose content is text up to their end tag, not markup.
bool holds_raw_text(std::string_view tag) {
  static constexpr std::array<std::string_view, 8> kTags{
      "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title"};
  return std::find(kTags.begin(), kTags.end(), tag) != kTags.end();
}

// A scan of the tags of an HTML document as the HTML5 tokenizer reads
// them: comments (<!-->, <!---> and <!-- ... --!> included), bogus
// comments (<! ..>, <? ..>, </ ..>), attributes quoted or not (a quote
// inside an unquoted value is part of it), raw text up to its end tag.
class TagScanner {
 public:
  explicit TagScanner(std::string_view html) : html_(html) {}

  struct Tag {
    std::string name;  // lower-case
    bool closing = false;
    bool bare = false;  // the name ends at '>': "</g>", not "</g >"
  };

  // The next start or end tag; false at the end of the document. In
  // foreign content (inside <svg> or <math>) no element holds raw text.
  bool next(Tag& tag, bool foreign) {
    while ((i_ = html_.find('<', i_)) != std::string_view::npos) {
      ++i_;
      if (at("!--")) {
        comment();
      } else if (at("!") || at("?")) {
        skip_past('>');
      } else if (at("/")) {
        ++i_;
        if (i_ < html_.size() && is_ascii_alpha(html_[i_])) return read_tag(tag, true);
        if (!at(">")) skip_past('>');  // "</>" is nothing, "</ x>" a bogus comment
      } else if (i_ < html_.size() && is_ascii_alpha(html_[i_])) {
        if (!read_tag(tag, false)) return false;
        if (!foreign && holds_raw_text(tag.name)) skip_raw_text(tag.name);
        return true;
      }
    }
    i_ = html_.size();
    return false;
  }

 private:
  bool at(std::string_view s) const { return html_.substr(i_).starts_with(s); }

  void skip_past(char c) {
    const std::size_t end = html_.find(c, i_);
    i_ = end == std::string_view::npos ? html_.size() : end + 1;
  }

  // After "<!--": "<!-->" and "<!--->" are whole comments; otherwise up
  // to "-->" or "--!>".
  void comment() {
    i_ += 3;
    if (at(">")) return void(++i_);
    if (at("->")) return void(i_ += 2);
    while (i_ < html_.size()) {
      const std::size_t dashes = html_.find("--", i_);
      if (dashes == std::string_view::npos) break;
      i_ = dashes + 2;
      while (at("-")) ++i_;  // "--->" ends it too
      if (at(">")) return void(++i_);
      if (at("!>")) return void(i_ += 2);
    }
    i_ = html_.size();
  }

  // A tag whose name starts at i_; false when the document ends inside it
  // (HTML5 then emits no tag).
  bool read_tag(Tag& tag, bool closing) {
    tag.closing = closing;
    tag.name.clear();
    while (i_ < html_.size() && !is_space(html_[i_]) && html_[i_] != '/' && html_[i_] != '>') {
      tag.name += lower(html_[i_++]);
    }
    tag.bare = i_ < html_.size() && html_[i_] == '>';
    return attributes();
  }

  // Attributes up to the '>' that ends the tag; false at the end of the
  // document. A name's first character may be anything (even '='); the
  // name ends at white space, '/', '>' or '='.
  bool attributes() {
    while (i_ < html_.size()) {
      const char c = html_[i_];
      if (c == '>') return ++i_, true;
      ++i_;
      if (is_space(c) || c == '/') continue;
      while (i_ < html_.size() && !is_space(html_[i_]) && html_[i_] != '/' && html_[i_] != '>' &&
             html_[i_] != '=') {
        ++i_;
      }
      while (i_ < html_.size() && is_space(html_[i_])) ++i_;
      if (i_ < html_.size() && html_[i_] == '=') value();
    }
    return false;
  }

  void value() {
    ++i_;  // '='
    while (i_ < html_.size() && is_space(html_[i_])) ++i_;
    if (i_ >= html_.size()) return;
    const char quote = html_[i_];
    if (quote == '"' || quote == '\'') {
      ++i_;
      skip_past(quote);
      return;
    }
    while (i_ < html_.size() && !is_space(html_[i_]) && html_[i_] != '>') ++i_;
  }

  // Up to "</name" followed by white space, '/' or '>', any case.
  void skip_raw_text(const std::string& name) {
    while ((i_ = html_.find("</", i_)) != std::string_view::npos) {
      std::size_t k = i_ + 2, n = 0;
      while (n < name.size() && k < html_.size() && lower(html_[k]) == name[n]) ++k, ++n;
      if (n == name.size() &&
          (k == html_.size() || is_space(html_[k]) || html_[k] == '/' || html_[k] == '>')) {
        return;
      }
      i_ += 2;
    }
    i_ = html_.size();
  }

  std::string_view html_;
  std::size_t i_ = 0;
};

// The open elements as the guard models them: how many of each name (an
// end tag closes one, if any is open) and, for closes_sibling, which is
// current and whether a <ruby> is in scope. An end tag that closes one below the top leaves it
// marked in `closed`, dropped when the top falls to it, so no tag costs a search. HTML may have
// closed what was above it too (<x><ruby></x> closes the ruby), and gumbo closes an unknown element
// for the end tag of any unknown name (<x><ruby></y> closes both), so what was open then is no
// longer known to be current.
class OpenElements {
 public:
  std::size_t depth() const { return depth_; }
  bool any(const std::string& name) const {
    const auto it = count_.find(name);
    return it != count_.end() && it->second > 0;
  }
  std::string_view current() const { return top_known() ? stack_.back() : std::string_view(); }
  // A <ruby> is open, known to be, and no scope boundary is above it.
  bool ruby_in_scope() const {
    return top_known() && ruby_at_.back() != kNone && ruby_at_.back() >= known_from_;
  }

  void open(const std::string& name) {
    ++count_[name];
    ++depth_;
    stack_.push_back(name);
    ruby_at_.push_back(name == "ruby"       ? stack_.size() - 1
                       : bounds_scope(name) ? kNone
                       : stack_.size() > 1  ? ruby_at_[stack_.size() - 2]
                                            : kNone);
  }
  // Only ruby's parts, <li>, <dd> and <dt> take a sibling's place: none is
  // a <ruby> or bounds a scope, so where the ruby in scope is stays.
  void replace_current(const std::string& name) {
    --count_[stack_.back()];
    ++count_[name];
    stack_.back() = name;
  }
  void close(const std::string& name) {
    if (!any(name)) {  // gumbo closes the nearest unknown element for any unknown name
      known_from_ = stack_.size();
      return;
    }
    --count_[name];
    --depth_;
    if (stack_.back() == name) {
      pop();
      drop_closed();
    } else {
      ++closed_[name];
      known_from_ = stack_.size();
    }
  }

 private:
  static constexpr std::size_t kNone = SIZE_MAX;

  bool top_known() const { return !stack_.empty() && stack_.size() - 1 >= known_from_; }

  void pop() {
    stack_.pop_back();
    ruby_at_.pop_back();
    known_from_ = std::min(known_from_, stack_.size());
  }

  void drop_closed() {
    while (!stack_.empty()) {
      auto it = closed_.find(stack_.back());
      if (it == closed_.end() || it->second == 0) return;
      --it->second;
      pop();
    }
  }

  std::unordered_map<std::string, std::size_t> count_, closed_;
  std::vector<std::string> stack_;
  std::vector<std::size_t> ruby_at_;  // per entry: where the ruby in scope is, or kNone
  std::size_t depth_ = 0;
  std::size_t known_from_ = 0;  // stack_[known_from_, end) is known to be open
};

}  // namespace

std::size_t html_nesting_depth(std::string_view html) {
  OpenElements open;
  std::size_t deepest = 0;
  TagScanner scanner(html);
  TagScanner::Tag tag;
  // Inside <svg> and <math>, HTML closes nothing by itself: every element
  // there nests (<svg><td><td> is two deep), and none holds raw text.
  const auto foreign = [&] { return open.any("svg") || open.any("math"); };
  while (scanner.next(tag, foreign())) {
    const bool in_foreign = foreign();
    if (!in_foreign && builds_no_depth(tag.name)) continue;
    if (tag.closing) {
      // In foreign content gumbo matches an end tag's whole text against
      // the element's name, so "</g >" and "</g/>" close nothing there.
      if (!in_foreign || tag.bare) open.close(tag.name);
    } else if (!in_foreign && closes_sibling(tag.name, open.current(), open.ruby_in_scope())) {
      open.replace_current(tag.name);
    } else {
      // "<div/>" opens a div: HTML ignores the slash on elements that are
      // not void (only foreign ones, in <svg>, honour it).
      open.open(tag.name);
      deepest = std::max(deepest, open.depth());
    }
  }
  return deepest;
}

}  // namespace kn
