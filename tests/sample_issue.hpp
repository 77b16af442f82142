// A small issue with one of everything, for the output tests.
#pragma once

#include "kn/issue.hpp"

namespace kn::testing {

inline kn::Issue sample_issue() {
  kn::Issue issue;
  issue.source = "seeds/x.txt";
  issue.number = 66;
  issue.title = "Weekly Kaggle News #66";
  issue.url = "https://e.com/66";
  issue.date = kn::Date{2021, 3, 19};
  issue.date_estimated = true;
  issue.sections = {
      {kn::SectionKind::news, "News", {{"Colab \"Pro\"", {{"Colab", "https://colab.com"}}}}},
      {kn::SectionKind::other, "", {{"a", {}}, {"b", {}}}},
  };
  issue.cards = {{"T",
                  "https://t.com/a",
                  "t.com",
                  "https://img/1.png?1",
                  "blurb",
                  "comment",
                  {{"l", "https://l.com"}}},
                 {"U", "https://u.com", "u.com", std::nullopt, "", "", {}}};
  issue.embeds = {{"https://youtu.be/x", "video", {}}};
  return issue;
}

}  // namespace kn::testing
