// A deterministic corpus for the benchmark: N issue files made from the real
// issues given, with unique numbers and URLs, in the real archive's file
// name forms. Paragraphs, cards and embeds are mixed across issues and their
// text is varied (characters swapped, words suffixed, link queries added), so
// the vocabulary grows with N instead of repeating the sources.
//
// With --repeat, the sources are copied unchanged instead, one after the
// other until there are N files, each copy with a number and a URL of its
// own: every entry ties with its copies, the worst case for ranking.
//
//   gen_corpus OUT_DIR N SOURCE...
//   gen_corpus --repeat OUT_DIR N SOURCE...
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct Pools {
  std::vector<std::string> paragraphs;  // text-section <p>…</p>
  std::vector<std::string> cards;       // a card with its comment
  std::vector<std::string> embeds;      // "[embed …]" with its comment
  std::vector<std::string> kanji;       // 3-byte characters seen in text
};

bool starts_block(const std::string& html, std::size_t at) {
  return html.compare(at, 8, "<p>\n<img") == 0 ||
         html.compare(at, 37, "<p>\n<strong style='display: block;'>") == 0 ||
         html.compare(at, 7, "[embed ") == 0 || html.compare(at, 7, "[tweet ") == 0;
}

void collect(const std::string& file, Pools& pools) {
  const std::size_t body = file.find('\n', file.find('\n') + 1) + 1;
  const std::size_t rule = file.find("<hr>", body);
  const std::string before = file.substr(body, rule - body);
  for (std::size_t at = before.find("<p>"); at != std::string::npos;
       at = before.find("<p>", at + 1)) {
    const std::size_t end = before.find("</p>", at);
    if (end == std::string::npos) break;
    std::string paragraph = before.substr(at, end + 4 - at);
    if (paragraph.find("<strong>") == 3) continue;  // a heading written as a paragraph
    pools.paragraphs.push_back(std::move(paragraph));
  }
  if (rule == std::string::npos) return;
  const std::string after = file.substr(rule + 5);
  std::vector<std::size_t> starts;
  for (std::size_t at = 0; at < after.size(); ++at) {
    if ((at == 0 || after[at - 1] == '\n') && starts_block(after, at)) starts.push_back(at);
  }
  starts.push_back(after.size());
  for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
    std::string block = after.substr(starts[k], starts[k + 1] - starts[k]);
    (block[0] == '[' ? pools.embeds : pools.cards).push_back(std::move(block));
  }
  for (std::size_t i = 0; i + 3 <= file.size(); ++i) {
    const auto c = static_cast<unsigned char>(file[i]);
    if (c >= 0xE4 && c <= 0xE9) pools.kanji.push_back(file.substr(i, 3)), i += 2;
  }
}

// Varies the text of an HTML fragment: outside tags, some kanji become
// others and some Latin words get a suffix; some link targets get a query.
std::string vary(const std::string& html, std::mt19937_64& random, const Pools& pools,
                 std::uint64_t vocabulary) {
  std::string out;
  out.reserve(html.size() + 64);
  bool in_tag = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    if (c == '<') in_tag = true;
    if (c == '>') in_tag = false;
    if (in_tag) {
      if (html.compare(i, 6, "href=\"") == 0 && random() % 3 == 0) {
        const std::size_t end = html.find('"', i + 6);
        std::string target = html.substr(i + 6, end - i - 6);
        target += target.find('?') == std::string::npos ? "?v=" : "&amp;v=";
        target += std::to_string(random() % vocabulary);
        out += "href=\"" + target;
        i = end - 1;
        continue;
      }
      out += c;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0xE4 && u <= 0xE9 && i + 3 <= html.size() && random() % 20 == 0) {
      out += pools.kanji[random() % pools.kanji.size()];
      i += 2;
      continue;
    }
    out += c;
    const bool word_end =
        std::isalpha(u) &&
        (i + 1 == html.size() || !std::isalnum(static_cast<unsigned char>(html[i + 1])));
    if (word_end && random() % 12 == 0) out += std::to_string(random() % vocabulary);
  }
  return out;
}

std::string date_of(int day_number) {
  // Civil from days (Howard Hinnant's algorithm), from 2019-12-20.
  int z = day_number + 18250 + 719468;
  const int era = z / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  const int y = yoe + era * 400 + (m <= 2);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
  return buffer;
}

// The sources copied until there are count files: line 1's "#N" and line
// 2's URL made unique, the rest as it is; a copy keeps its source's file
// name (and so its date), with the copy's index before the extension.
int repeat(const fs::path& out_dir, int count, const std::vector<std::string>& sources) {
  for (const std::string& source : sources) {
    const std::string file = fs::is_regular_file(source) ? slurp(source) : "";
    if (!file.starts_with("# ") || std::count(file.begin(), file.end(), '\n') < 2) {
      std::fprintf(stderr, "gen_corpus: %s: not an issue file (# title, then its URL)\n",
                   source.c_str());
      return 2;
    }
  }
  fs::create_directories(out_dir);
  for (int i = 0; i < count; ++i) {
    const fs::path source = sources[static_cast<std::size_t>(i) % sources.size()];
    const std::string file = slurp(source.string());
    const std::size_t title_end = file.find('\n');
    const std::size_t url_end = file.find('\n', title_end + 1);
    std::string title = file.substr(0, title_end);
    const std::size_t hash = title.rfind('#');
    std::size_t digits = hash + 1;
    while (digits < title.size() && std::isdigit(static_cast<unsigned char>(title[digits]))) {
      ++digits;
    }
    title.replace(hash + 1, digits - hash - 1, std::to_string(i + 1));
    const std::string url = file.substr(title_end + 1, url_end - title_end - 1);
    const int copy = i / static_cast<int>(sources.size());
    const std::string name =
        source.stem().string() + " copy " + std::to_string(copy) + source.extension().string();
    std::ofstream(out_dir / name, std::ios::binary)
        << title << '\n'
        << url << "-copy-" << copy << file.substr(url_end);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 5 && std::string(argv[1]) == "--repeat") {
    return repeat(argv[2], std::stoi(argv[3]), std::vector<std::string>(argv + 4, argv + argc));
  }
  if (argc < 4) {
    std::fprintf(stderr,
                 "usage: gen_corpus OUT_DIR N SOURCE...\n"
                 "       gen_corpus --repeat OUT_DIR N SOURCE...\n");
    return 2;
  }
  const fs::path out_dir = argv[1];
  const int count = std::stoi(argv[2]);
  Pools pools;
  for (int k = 3; k < argc; ++k) collect(slurp(argv[k]), pools);
  // Every pool is drawn from: a directory given as a source, or a file that
  // is no issue, left them empty and the draw divided by zero.
  if (pools.paragraphs.empty() || pools.cards.empty() || pools.embeds.empty() ||
      pools.kanji.empty()) {
    std::fprintf(stderr,
                 "gen_corpus: the sources hold no paragraphs, cards, embeds or kanji: give "
                 "issue files (not directories)\n");
    return 2;
  }
  fs::create_directories(out_dir);

  std::mt19937_64 random(20261123);
  const std::uint64_t vocabulary = static_cast<std::uint64_t>(count) * 8 + 64;
  const auto pick = [&](const std::vector<std::string>& pool) {
    return vary(pool[random() % pool.size()], random, pools, vocabulary);
  };
  for (int i = 0; i < count; ++i) {
    const int number = i + 1;
    std::string html = "<h3><h2>News</h2>";
    for (int k = 0, n = 1 + static_cast<int>(random() % 3); k < n; ++k)
      html += pick(pools.paragraphs);
    html += "<h2>Competitions</h2>";
    for (int k = 0, n = 1 + static_cast<int>(random() % 4); k < n; ++k)
      html += pick(pools.paragraphs);
    html += "</h3>\n<hr>\n";
    for (int k = 0, n = 3 + static_cast<int>(random() % 8); k < n; ++k) html += pick(pools.cards);
    if (random() % 3 == 0) html += pick(pools.embeds);

    const std::string file = "# Weekly Kaggle News #" + std::to_string(number) +
                             "\nhttps://www.getrevue.co/profile/upura/issues/weekly-kaggle-news-" +
                             std::to_string(number) + "-" + std::to_string(700000 + i) + "\n" +
                             html;
    char seed_name[64];
    std::snprintf(seed_name, sizeof seed_name, "%05d_%016llx.txt", i,
                  static_cast<unsigned long long>(random()));
    const std::string name =
        i % 4 == 0 ? std::string(seed_name)
                   : date_of(7 * i) + "_Weekly Kaggle News #" + std::to_string(number) + ".md";
    std::ofstream(out_dir / name, std::ios::binary) << file;
  }
  return 0;
}
