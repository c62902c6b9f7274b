#include "ui/text_layout.h"

#include <algorithm>

namespace unknot::ui {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// The first code-point boundary at or after byte i.
std::size_t boundary_from(std::string_view text, std::size_t i) {
  while (i < text.size() && is_continuation(text[i])) ++i;
  return std::min(i, text.size());
}

// Byte length of the longest prefix of `text`, ending on a code-point boundary, for which
// fits(end) holds; fits must be monotone and true for the empty prefix, which is not asked.
// Probes grow by doubling and then halve the gap, so only prefixes up to about twice the answer
// are measured: breaking a megabyte-long word costs in proportion to the lines it makes, not to
// the lines times the word.
template <typename Fits>
std::size_t longest_prefix(std::string_view text, Fits fits) {
  if (text.empty()) return 0;
  std::size_t good = 0;
  std::size_t bad = 0;
  for (std::size_t probe = next_code_point(text, 0);;
       probe = boundary_from(text, std::min(text.size(), 2 * probe))) {
    if (!fits(probe)) {
      bad = probe;
      break;
    }
    good = probe;
    if (probe == text.size()) return good;
  }
  for (;;) {
    std::size_t mid = boundary_from(text, good + (bad - good) / 2);
    if (mid <= good) mid = next_code_point(text, good);
    if (mid >= bad) return good;
    if (fits(mid)) {
      good = mid;
    } else {
      bad = mid;
    }
  }
}

// Always ends in "…": the longest prefix of `text` that still fits with it.
FittedLine ellipsize(std::string_view text, float max_width, const Measure& measure) {
  const auto with_ellipsis = [&](std::size_t end) {
    return std::string(trim_right(text.substr(0, end))) + std::string(kEllipsis);
  };
  const std::size_t end =
      longest_prefix(text, [&](std::size_t e) { return measure(with_ellipsis(e)) <= max_width; });
  std::string out = with_ellipsis(end);
  if (end == 0 && measure(out) > max_width) out.clear();
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
  // No line of any screen holds this many bytes.
  static constexpr std::size_t kJoinBytes = 16384;

  Wrapper(float max_width, const Measure& measure) : max_width_(max_width), measure_(measure) {}

  void add_word(Word word) {
    // A word longer than a line's worth of bytes cannot join the line; measuring it whole, and
    // keeping that width in the measure's cache, would cost as much as the word is long.
    if (!current_.text.empty()) {
      if (word.text.size() <= kJoinBytes) {
        std::string candidate = current_.text + " " + std::string(word.text);
        if (measure_(candidate) <= max_width_) {
          current_.text = std::move(candidate);
          return;
        }
      }
      end_line();
    }
    // A word too wide for a line on its own is split; at least one code point goes per line so
    // a very narrow box still terminates.
    for (;;) {
      const std::size_t end = std::max(
          longest_prefix(
              word.text,
              [&](std::size_t e) { return measure_(word.text.substr(0, e)) <= max_width_; }),
          next_code_point(word.text, 0));
      if (end >= word.text.size()) break;
      lines_.push_back({std::string(word.text.substr(0, end)), word.offset});
      word = {word.text.substr(end), word.offset + end};
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
