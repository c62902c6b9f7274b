#include "app/text_measure.h"

#include <cmath>

#include "app/text_util.h"

namespace unknot::app {
namespace {

class Estimate final : public TextMeasure {
 public:
  float line_height(Font font) const override { return line_height_dp(font); }
  float width(std::string_view text, Font font) const override {
    return static_cast<float>(code_points(text)) * font_size_dp(font) * 0.55f;
  }
  std::vector<std::string> lines(std::string_view text, Font font, float max_width) const override {
    std::vector<std::string> out;
    std::string line;
    const auto flush = [&] {
      out.push_back(line);
      line.clear();
    };
    std::size_t i = 0;
    while (i <= text.size()) {
      const std::size_t end = std::min(text.find_first_of(" \n", i), text.size());
      const std::string_view word = text.substr(i, end - i);
      const std::string candidate =
          line.empty() ? std::string(word) : line + " " + std::string(word);
      if (!line.empty() && width(candidate, font) > max_width) {
        flush();
        line = std::string(word);
      } else {
        line = candidate;
      }
      // A word wider than the line is broken between characters, as the real measure does.
      while (width(line, font) > max_width && code_points(line) > 1) {
        std::size_t cut = 0, fits = 0;
        while (cut < line.size()) {
          std::size_t next = cut + 1;
          while (next < line.size() && (static_cast<unsigned char>(line[next]) & 0xC0) == 0x80)
            ++next;
          if (fits > 0 && width(std::string_view(line).substr(0, next), font) > max_width) break;
          fits = next;
          cut = next;
        }
        if (fits >= line.size()) break;
        out.push_back(line.substr(0, fits));
        line.erase(0, fits);
      }
      if (end >= text.size()) break;
      if (text[end] == '\n') flush();
      i = end + 1;
    }
    if (!line.empty() || !out.empty()) flush();
    if (text.empty()) out.clear();
    return out;
  }
};

}  // namespace

float text_height(const TextMeasure& measure, std::string_view text, Font font, float width) {
  if (text.empty()) return 0;
  return static_cast<float>(measure.lines(text, font, width).size()) * measure.line_height(font);
}

const TextMeasure& estimated_text() {
  static const Estimate estimate;
  return estimate;
}

}  // namespace unknot::app
