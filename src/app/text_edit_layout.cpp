#include "app/text_edit_layout.h"

#include <algorithm>

#include "app/text_motion.h"

namespace unknot::app {
namespace {

// The end of the longest code-point prefix of text[begin, limit) no wider than max_width, and at
// least one code point so that wrapping always advances.
std::size_t fitting_prefix_end(std::string_view text, std::size_t begin, std::size_t limit,
                               float max_width, const EditMeasure& measure) {
  std::size_t end = next_boundary(text, begin);
  for (std::size_t next = next_boundary(text, end); end < limit; next = next_boundary(text, end)) {
    if (measure(text.substr(begin, next - begin)) > max_width) break;
    end = next;
  }
  return end;
}

void wrap_paragraph(std::string_view text, std::size_t begin, std::size_t end, float max_width,
                    const EditMeasure& measure, std::vector<LineSpan>& lines) {
  std::size_t start = begin;
  while (true) {
    // Add words (each with the spaces after it, which hang past the edge) while they fit.
    std::size_t fit = start;
    std::size_t i = start;
    while (i < end) {
      std::size_t word_end = i;
      while (word_end < end && text[word_end] != ' ') ++word_end;
      std::size_t spaces_end = word_end;
      while (spaces_end < end && text[spaces_end] == ' ') ++spaces_end;
      if (measure(text.substr(start, word_end - start)) > max_width) break;
      fit = i = spaces_end;
    }
    if (i >= end) {
      lines.push_back({start, end});
      return;
    }
    if (fit == start) fit = fitting_prefix_end(text, start, end, max_width, measure);
    lines.push_back({start, fit});
    if (fit == end) return;  // a broken word ended the paragraph: no empty line after it
    start = fit;
  }
}

}  // namespace

std::vector<LineSpan> edit_lines(std::string_view text, float max_width,
                                 const EditMeasure& measure) {
  std::vector<LineSpan> lines;
  std::size_t begin = 0;
  while (true) {
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    wrap_paragraph(text, begin, end, max_width, measure, lines);
    if (end == text.size()) return lines;
    begin = end + 1;
  }
}

std::size_t caret_at_x(std::string_view line, float x, const EditMeasure& measure) {
  if (line.empty() || x <= 0) return 0;
  if (measure(line) <= x) return line.size();
  std::vector<std::size_t> stops{0};
  for (std::size_t i = 0; i < line.size();) stops.push_back(i = next_boundary(line, i));
  // Binary search for the first stop whose prefix reaches x; the whole line does.
  std::size_t lo = 1;
  std::size_t hi = stops.size() - 1;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (measure(line.substr(0, stops[mid])) >= x) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  const float after = measure(line.substr(0, stops[lo]));
  const float before = measure(line.substr(0, stops[lo - 1]));
  return x - before < after - x ? stops[lo - 1] : stops[lo];
}

std::size_t caret_at(std::string_view text, const std::vector<LineSpan>& lines, std::size_t line,
                     float x, const EditMeasure& measure) {
  if (lines.empty()) return 0;
  line = std::min(line, lines.size() - 1);
  const LineSpan span = lines[line];
  const std::size_t caret =
      span.begin + caret_at_x(text.substr(span.begin, span.end - span.begin), x, measure);
  const bool wraps = line + 1 < lines.size() && lines[line + 1].begin == span.end;
  if (wraps && caret == span.end && span.end > span.begin) return prev_boundary(text, caret);
  return caret;
}

CaretPlace caret_place(std::string_view text, const std::vector<LineSpan>& lines, std::size_t caret,
                       const EditMeasure& measure) {
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const LineSpan span = lines[n];
    const bool next_takes_it = n + 1 < lines.size() && lines[n + 1].begin <= caret;
    if (caret < span.begin || next_takes_it) continue;
    const std::size_t at = std::min(caret, span.end);
    return {n, measure(text.substr(span.begin, at - span.begin))};
  }
  return {};
}

}  // namespace unknot::app
