#include "app/text_util.h"

#include <algorithm>
#include <cmath>

namespace unknot::app {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return !continuation(c); }));
}

void append_typed(std::string& to, std::string_view typed, std::size_t limit) {
  std::size_t length = code_points(to);
  for (std::size_t i = 0; i < typed.size();) {
    const auto lead = static_cast<unsigned char>(typed[i]);
    const std::size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    std::string ch(typed.substr(i, n));
    i += n;
    if (ch == "\r") continue;
    if (ch == "\n" || ch == "\t") ch = " ";
    if (length >= limit) break;
    to += ch;
    ++length;
  }
}

void erase_last_char(std::string& text) {
  if (text.empty()) return;
  std::size_t cut = text.size() - 1;
  while (cut > 0 && continuation(text[cut])) --cut;
  text.erase(cut);
}

int estimated_lines(std::string_view text, float width, float font_px) {
  if (text.empty()) return 0;
  const float per_line = std::max(1.0f, std::floor(width / (font_px * 0.55f)));
  return std::max(1, static_cast<int>(std::ceil(static_cast<float>(code_points(text)) / per_line)));
}

}  // namespace unknot::app
