#include "ui/text_layout.h"

#include <algorithm>

namespace unknot::ui {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

// Byte offsets of every code-point boundary, 0 and text.size() included.
std::vector<std::size_t> boundaries(std::string_view text) {
  std::vector<std::size_t> out{0};
  for (std::size_t i = 0; i < text.size();) {
    i = next_code_point(text, i);
    out.push_back(i);
  }
  return out;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Largest k (index into `cuts`) such that fits(cuts[k]) holds, assuming fits is monotone;
// 0 when only the empty prefix fits (fits(0) is not asked).
template <typename Fits>
std::size_t last_fitting(const std::vector<std::size_t>& cuts, Fits fits) {
  std::size_t lo = 0, hi = cuts.size() - 1;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo + 1) / 2;
    if (fits(cuts[mid])) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

// Always ends in "…": the longest prefix of `text` that still fits with it.
FittedLine ellipsize(std::string_view text, float max_width, const Measure& measure) {
  const auto cuts = boundaries(text);
  const auto with_ellipsis = [&](std::size_t end) {
    return std::string(trim_right(text.substr(0, end))) + std::string(kEllipsis);
  };
  const std::size_t k =
      last_fitting(cuts, [&](std::size_t end) { return measure(with_ellipsis(end)) <= max_width; });
  std::string out = with_ellipsis(cuts[k]);
  if (k == 0 && measure(out) > max_width) out.clear();
  return {std::move(out), true};
}

struct Word {
  std::string_view text;
  std::size_t offset;  // in the original text
};

struct Line {
  std::string text;
  std::size_t start;  // byte offset of its first character in the original text
};

class Wrapper {
 public:
  Wrapper(float max_width, const Measure& measure) : max_width_(max_width), measure_(measure) {}

  void add_word(Word word) {
    if (!current_.text.empty()) {
      std::string candidate = current_.text + " " + std::string(word.text);
      if (measure_(candidate) <= max_width_) {
        current_.text = std::move(candidate);
        return;
      }
      end_line();
    }
    // A word too wide for a line on its own is split; at least one code point goes per line so
    // a very narrow box still terminates.
    while (measure_(word.text) > max_width_) {
      const auto cuts = boundaries(word.text);
      std::size_t k = last_fitting(
          cuts, [&](std::size_t end) { return measure_(word.text.substr(0, end)) <= max_width_; });
      k = std::max<std::size_t>(k, 1);
      if (cuts[k] >= word.text.size()) break;
      lines_.push_back({std::string(word.text.substr(0, cuts[k])), word.offset});
      word = {word.text.substr(cuts[k]), word.offset + cuts[k]};
    }
    current_ = {std::string(word.text), word.offset};
  }

  void end_line() {
    lines_.push_back(std::move(current_));
    current_ = {};
  }

  std::vector<Line> take() { return std::move(lines_); }

 private:
  float max_width_;
  const Measure& measure_;
  Line current_{};
  std::vector<Line> lines_;
};

}  // namespace

std::size_t next_code_point(std::string_view s, std::size_t i) {
  if (i >= s.size()) return s.size();
  ++i;
  while (i < s.size() && is_continuation(s[i])) ++i;
  return i;
}

FittedLine fit_line(std::string_view text, float max_width, const Measure& measure) {
  if (measure(text) <= max_width) return {std::string(text), false};
  return ellipsize(text, max_width, measure);
}

WrappedText wrap_text(std::string_view text, float max_width, int max_lines,
                      const Measure& measure) {
  if (text.empty()) return {};
  Wrapper wrapper(max_width, measure);
  std::size_t i = 0;
  while (i <= text.size()) {
    const std::size_t end = std::min(text.find('\n', i), text.size());
    const std::string_view paragraph = text.substr(i, end - i);
    for (std::size_t w = 0; w < paragraph.size();) {
      if (paragraph[w] == ' ') {
        ++w;
        continue;
      }
      const std::size_t stop = std::min(paragraph.find(' ', w), paragraph.size());
      wrapper.add_word({paragraph.substr(w, stop - w), i + w});
      w = stop;
    }
    wrapper.end_line();
    i = end + 1;
  }
  std::vector<Line> lines = wrapper.take();

  const auto limit = static_cast<std::size_t>(max_lines);
  WrappedText out;
  if (max_lines <= 0 || lines.size() <= limit) {
    for (auto& line : lines) out.lines.push_back(std::move(line.text));
    return out;
  }
  for (std::size_t n = 0; n + 1 < limit; ++n) out.lines.push_back(std::move(lines[n].text));
  // The last kept line takes as much of the remaining text as fits before the "…".
  std::string rest(text.substr(lines[limit - 1].start));
  std::replace(rest.begin(), rest.end(), '\n', ' ');
  FittedLine last = fit_line(rest, max_width, measure);
  // Text after a forced break can fit once joined; still mark that lines were dropped.
  if (!last.truncated) last = ellipsize(lines[limit - 1].text, max_width, measure);
  out.lines.push_back(std::move(last.text));
  out.truncated = true;
  return out;
}

}  // namespace unknot::ui
