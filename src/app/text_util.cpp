#include "app/text_util.h"

#include <algorithm>
#include <cmath>

namespace unknot::app {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !continuation(c); }));
}

int estimated_lines(std::string_view text, float width, float font_px) {
  if (text.empty()) return 0;
  const float per_line = std::max(1.0f, std::floor(width / (font_px * 0.55f)));
  return std::max(1, static_cast<int>(std::ceil(static_cast<float>(code_points(text)) / per_line)));
}

}  // namespace unknot::app
