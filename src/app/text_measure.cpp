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
    // The same arithmetic as width(), on counts of code points: linear in the text, however
    // long its words.
    const auto fits = [&](std::size_t chars) {
      return static_cast<float>(chars) * font_size_dp(font) * 0.55f <= max_width;
    };
    std::vector<std::string> out;
    std::string line;
    std::size_t line_chars = 0;
    const auto flush = [&] {
      out.push_back(line);
      line.clear();
      line_chars = 0;
    };
    std::size_t i = 0;
    while (i <= text.size()) {
      const std::size_t end = std::min(text.find_first_of(" \n", i), text.size());
      const std::string_view word = text.substr(i, end - i);
      const std::size_t word_chars = code_points(word);
      if (!line.empty() && !fits(line_chars + 1 + word_chars)) {
        flush();
        line = std::string(word);
        line_chars = word_chars;
      } else {
        if (!line.empty()) {
          line += ' ';
          ++line_chars;
        }
        line += word;
        line_chars += word_chars;
      }
      // A word wider than the line is broken between characters, as the real measure does:
      // as many as fit on each line, at least one.
      if (line_chars > 1 && !fits(line_chars)) {
        std::size_t per_line = 1;
        while (fits(per_line + 1)) ++per_line;
        std::size_t start = 0;
        while (line_chars > per_line) {
          std::size_t cut = start;
          for (std::size_t n = 0; n < per_line; ++n) {
            ++cut;
            while (cut < line.size() && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
              ++cut;
          }
          out.push_back(line.substr(start, cut - start));
          start = cut;
          line_chars -= per_line;
        }
        line.erase(0, start);
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
