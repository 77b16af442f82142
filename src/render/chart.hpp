// Counts drawn for a person: a horizontal bar per row in Unicode block
// characters (eighths of a cell), scaled to the width, the numbers beside.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "terminal.hpp"

namespace kn {

struct ChartRow {
  std::string label;
  std::vector<std::int64_t> values;
};

// Returns rows under a header of label_name and value_names, and over the
// bars the name of what they measure, values[measure]. When the width leaves
// the bar too little room, only the measured number stays beside it.
std::string bar_chart(const std::string& label_name, const std::vector<std::string>& value_names,
                      std::size_t measure, const std::vector<ChartRow>& rows,
                      const Rendering& render);

// Returns a bar of value/most of `cells` cells, in eighths: "███▍".
std::string bar(std::int64_t value, std::int64_t most, std::size_t cells);

}  // namespace kn
