// kn_snippet and kn_highlight: FTS5's snippet() and highlight() in time
// linear in a row's matches. For snippet(), FTS5
// scores a window of tokens at every match by walking every match again,
// which took 5 s for one entry holding a word 32,000 times; here each
// column's matches, in offset order, are scored by two windows that only
// move forward. The choice of window and the text written follow
// fts5SnippetFunction (SQLite 3.40) step by step, so that the snippets are
// the same (tests/fts_snippet_test.cpp compares them row for row);
// highlight() writes with the same steps, over the whole column.
#include "snippet.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kn::detail {

namespace {

struct Instance {
  int phrase = 0;
  int offset = 0;  // in tokens
};

// The matches of a column that lie in [start, start + size): FTS5's score
// for a window (1000 for each phrase's first match in it, 1 for each
// further one), its first match and where its last one ends. Windows are
// visited in order of their start, so each match enters and leaves once.
class Window {
 public:
  Window(const std::vector<Instance>& instances, const std::vector<int>& phrase_sizes)
      : instances_(instances), phrase_sizes_(phrase_sizes), seen_(phrase_sizes.size(), 0) {}

  void move_to(std::int64_t start, std::int64_t end) {
    while (hi_ < instances_.size() && instances_[hi_].offset < end) {
      if (seen_[static_cast<std::size_t>(instances_[hi_].phrase)]++ == 0) ++distinct_;
      ++hi_;
    }
    while (lo_ < hi_ && instances_[lo_].offset < start) {
      if (--seen_[static_cast<std::size_t>(instances_[lo_].phrase)] == 0) --distinct_;
      ++lo_;
    }
  }

  int score() const { return 1000 * distinct_ + static_cast<int>(hi_ - lo_) - distinct_; }
  int first() const { return lo_ < hi_ ? instances_[lo_].offset : -1; }
  int last_end() const {
    if (lo_ == hi_) return 0;
    const Instance& last = instances_[hi_ - 1];
    return last.offset + phrase_sizes_[static_cast<std::size_t>(last.phrase)];
  }

 private:
  const std::vector<Instance>& instances_;
  const std::vector<int>& phrase_sizes_;
  std::vector<int> seen_;  // matches of each phrase in the window
  int distinct_ = 0;
  std::size_t lo_ = 0, hi_ = 0;
};

// The first token of each sentence of a column, as FTS5's sentence finder
// marks them: the first token, and one after '.' or ':' and white space.
struct SentenceStarts {
  std::string_view text;
  int position = 0;
  std::vector<int> starts;

  static int add(void* context, int flags, const char*, int, int start, int) {
    auto* self = static_cast<SentenceStarts*>(context);
    if (flags & FTS5_TOKEN_COLOCATED) return SQLITE_OK;
    if (self->position == 0) {
      self->starts.push_back(0);
    } else {
      int i = start - 1;
      char c = 0;
      for (; i >= 0; --i) {
        c = self->text[static_cast<std::size_t>(i)];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      }
      if (i != start - 1 && (c == '.' || c == ':')) self->starts.push_back(self->position);
    }
    ++self->position;
    return SQLITE_OK;
  }
};

// FTS5's coalesced phrase instances of one column: overlapping matches are
// one.
struct CoalescedMatches {
  const std::vector<Instance>* instances = nullptr;
  const std::vector<int>* phrase_sizes = nullptr;
  std::size_t next = 0;
  int start = -1, end = -1;

  void advance() {
    start = end = -1;
    for (; next < instances->size(); ++next) {
      const Instance& match = (*instances)[next];
      const int match_end =
          match.offset - 1 + (*phrase_sizes)[static_cast<std::size_t>(match.phrase)];
      if (start < 0) {
        start = match.offset;
        end = match_end;
      } else if (match.offset <= end) {
        end = std::max(end, match_end);
      } else {
        break;
      }
    }
  }
};

// The text of tokens [range_start, range_end] with each coalesced match
// wrapped in open and close, as fts5HighlightCb writes it.
struct Highlighter {
  std::string_view text, open, close;
  int range_start = 0, range_end = 0;
  CoalescedMatches matches;
  int position = 0, copied = 0;
  std::string out;

  // The text from what was copied up to offset. Tokens may overlap (a
  // bigram starts inside the one before), so offset may lie before it:
  // FTS5 then appends the whole rest of the text (fts5HighlightAppend reads
  // a negative length as "to the end"), and so does this, to write what
  // snippet() writes.
  void copy_to(int offset) {
    if (copied < 0 || static_cast<std::size_t>(copied) >= text.size()) return;
    const std::string_view rest = text.substr(static_cast<std::size_t>(copied));
    out.append(offset >= copied ? rest.substr(0, static_cast<std::size_t>(offset - copied)) : rest);
  }

  static int token(void* context, int flags, const char*, int, int start, int end) {
    auto* self = static_cast<Highlighter*>(context);
    if (flags & FTS5_TOKEN_COLOCATED) return SQLITE_OK;
    const int at = self->position++;
    if (self->range_end > 0) {
      if (at < self->range_start || at > self->range_end) return SQLITE_OK;
      if (self->range_start && at == self->range_start) self->copied = start;
    }
    CoalescedMatches& m = self->matches;
    if (at == m.start) {
      self->copy_to(start);
      self->out.append(self->open);
      self->copied = start;
    }
    if (at == m.end) {
      if (self->range_end && m.start < self->range_start) self->out.append(self->open);
      self->copy_to(end);
      self->out.append(self->close);
      self->copied = end;
      m.advance();
    }
    if (self->range_end > 0 && at == self->range_end) {
      self->copy_to(end);
      self->copied = end;
      if (at >= m.start && at < m.end) self->out.append(self->close);
    }
    return SQLITE_OK;
  }
};

const char* text_of(sqlite3_value* value) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
  return text ? text : "";
}

// The current row's matches: each phrase's size in tokens, and the matches
// of each column in FTS5's order (by offset within a column).
struct RowMatches {
  std::vector<int> phrase_sizes;
  std::vector<std::vector<Instance>> by_column;
  int rc = SQLITE_OK;

  RowMatches(const Fts5ExtensionApi* api, Fts5Context* fts)
      : phrase_sizes(static_cast<std::size_t>(api->xPhraseCount(fts))),
        by_column(static_cast<std::size_t>(api->xColumnCount(fts))) {
    for (std::size_t p = 0; p < phrase_sizes.size(); ++p) {
      phrase_sizes[p] = api->xPhraseSize(fts, static_cast<int>(p));
    }
    int instances = 0;
    rc = api->xInstCount(fts, &instances);
    for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
      int phrase = 0, column = 0, offset = 0;
      rc = api->xInst(fts, i, &phrase, &column, &offset);
      if (rc == SQLITE_OK && column >= 0 && static_cast<std::size_t>(column) < by_column.size()) {
        by_column[static_cast<std::size_t>(column)].push_back({phrase, offset});
      }
    }
    for (auto& list : by_column) {
      std::stable_sort(list.begin(), list.end(),
                       [](const Instance& a, const Instance& b) { return a.offset < b.offset; });
    }
  }

  // The matches of column, none for a column the table does not have.
  const std::vector<Instance>& of(int column) const {
    static const std::vector<Instance> kNone;
    return column >= 0 && static_cast<std::size_t>(column) < by_column.size()
               ? by_column[static_cast<std::size_t>(column)]
               : kNone;
  }
};

// kn_snippet(table, column, open, close, ellipsis, tokens): what
// snippet() returns with the same arguments.
void kn_snippet(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int count,
                sqlite3_value** args) {
  if (count != 5) {
    sqlite3_result_error(result, "wrong number of arguments to function kn_snippet()", -1);
    return;
  }
  const int only_column = sqlite3_value_int(args[0]);
  const std::string_view open = text_of(args[1]), close = text_of(args[2]),
                         ellipsis = text_of(args[3]);
  const int tokens = sqlite3_value_int(args[4]);

  const RowMatches row(api, fts);
  const int columns = static_cast<int>(row.by_column.size());
  int rc = row.rc;
  int best_column = only_column >= 0 ? only_column : 0;
  int best_start = 0, best_score = 0, column_size = 0;
  for (int c = 0; rc == SQLITE_OK && c < columns; ++c) {
    const std::vector<Instance>& list = row.of(c);
    // A column without matches scores nothing: it is not read.
    if ((only_column >= 0 && only_column != c) || list.empty()) continue;
    SentenceStarts sentences;
    const char* text = nullptr;
    int bytes = 0, size = 0;
    rc = api->xColumnText(fts, c, &text, &bytes);
    if (rc != SQLITE_OK) break;
    sentences.text = std::string_view(text ? text : "", static_cast<std::size_t>(bytes));
    rc = api->xTokenize(fts, text, bytes, &sentences, SentenceStarts::add);
    if (rc != SQLITE_OK) break;
    rc = api->xColumnSize(fts, c, &size);
    if (rc != SQLITE_OK) break;

    Window at_match(list, row.phrase_sizes), at_sentence(list, row.phrase_sizes);
    std::size_t sentence = 0;
    for (const Instance& match : list) {
      if (match.offset > size) {
        rc = SQLITE_CORRUPT_VTAB;
        break;
      }
      at_match.move_to(match.offset, std::int64_t{match.offset} + tokens);
      if (const int score = at_match.score(); score > best_score) {
        const int first = at_match.first();
        std::int64_t start = first - (tokens - (at_match.last_end() - first)) / 2;
        if (start + tokens > size) start = size - tokens;
        best_score = score;
        best_column = c;
        best_start = static_cast<int>(std::max<std::int64_t>(start, 0));
        column_size = size;
      }
      // The sentence this match is in, scored from its start.
      const std::vector<int>& starts = sentences.starts;
      if (starts.empty() || size <= tokens) continue;
      while (sentence + 1 < starts.size() && starts[sentence + 1] <= match.offset) ++sentence;
      if (starts[sentence] >= match.offset) continue;
      at_sentence.move_to(starts[sentence], std::int64_t{starts[sentence]} + tokens);
      const int score = at_sentence.score() + (starts[sentence] == 0 ? 120 : 100);
      if (score > best_score) {
        best_score = score;
        best_column = c;
        best_start = starts[sentence];
        column_size = size;
      }
    }
  }

  Highlighter highlight;
  const char* text = nullptr;
  int bytes = 0;
  if (rc == SQLITE_OK) rc = api->xColumnText(fts, best_column, &text, &bytes);
  if (rc == SQLITE_OK && column_size == 0) rc = api->xColumnSize(fts, best_column, &column_size);
  if (rc == SQLITE_OK && text) {
    highlight.text = std::string_view(text, static_cast<std::size_t>(bytes));
    highlight.open = open;
    highlight.close = close;
    highlight.range_start = best_start;
    highlight.range_end = best_start + tokens - 1;
    highlight.matches = {&row.of(best_column), &row.phrase_sizes};
    highlight.matches.advance();
    if (best_start > 0) highlight.out.append(ellipsis);
    while (highlight.matches.start >= 0 && highlight.matches.start < best_start) {
      highlight.matches.advance();
    }
    rc = api->xTokenize(fts, text, bytes, &highlight, Highlighter::token);
    if (highlight.range_end >= column_size - 1) {
      highlight.copy_to(bytes);
    } else {
      highlight.out.append(ellipsis);
    }
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  if (!text) {
    sqlite3_result_null(result);  // a NULL column, as snippet() says
    return;
  }
  sqlite3_result_text(result, highlight.out.data(), static_cast<int>(highlight.out.size()),
                      SQLITE_TRANSIENT);
}

// kn_highlight(table, column, open, close): what highlight() returns with
// the same arguments. highlight() copies all it has written at each match
// (sqlite3_mprintf("%z%.*s")), in time quadratic in the matches.
void kn_highlight(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int count,
                  sqlite3_value** args) {
  if (count != 3) {
    sqlite3_result_error(result, "wrong number of arguments to function kn_highlight()", -1);
    return;
  }
  const int column = sqlite3_value_int(args[0]);
  const RowMatches row(api, fts);
  int rc = row.rc;
  const char* text = nullptr;
  int bytes = 0;
  if (rc == SQLITE_OK) rc = api->xColumnText(fts, column, &text, &bytes);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  if (!text) {
    sqlite3_result_null(result);
    return;
  }
  // No range: every token is read, every match marked.
  Highlighter highlight;
  highlight.text = std::string_view(text, static_cast<std::size_t>(bytes));
  highlight.open = text_of(args[1]);
  highlight.close = text_of(args[2]);
  highlight.matches = {&row.of(column), &row.phrase_sizes};
  highlight.matches.advance();
  rc = api->xTokenize(fts, text, bytes, &highlight, Highlighter::token);
  highlight.copy_to(bytes);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  sqlite3_result_text(result, highlight.out.data(), static_cast<int>(highlight.out.size()),
                      SQLITE_TRANSIENT);
}

}  // namespace

void register_snippet(Database& db, fts5_api* api) {
  if (api->xCreateFunction(api, "kn_snippet", nullptr, kn_snippet, nullptr) != SQLITE_OK ||
      api->xCreateFunction(api, "kn_highlight", nullptr, kn_highlight, nullptr) != SQLITE_OK) {
    db.fail();
  }
}

}  // namespace kn::detail
