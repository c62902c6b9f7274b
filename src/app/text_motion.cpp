#include "app/text_motion.h"

#include <algorithm>

#include "app/text_util.h"

namespace unknot::app {
namespace {

unsigned byte_at(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }
bool continuation(unsigned b) { return (b & 0xC0) == 0x80; }

enum class CharClass { Word, Space, Punct, LineBreak };

CharClass class_at(std::string_view s, std::size_t i) {
  const char32_t cp = decode_utf8(s, i).value;
  if (cp == '\n') return CharClass::LineBreak;
  if (cp == ' ' || cp == 0xA0 || cp == 0x3000) return CharClass::Space;
  const bool ascii_word =
      cp == '_' || (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return cp < 0x80 && !ascii_word ? CharClass::Punct : CharClass::Word;
}

// From `start`, `column` code points on, but not past `end`.
std::size_t advance(std::string_view s, std::size_t start, std::size_t column, std::size_t end) {
  std::size_t i = start;
  for (std::size_t n = 0; n < column && i < end; ++n) i = next_boundary(s, i);
  return i;
}

std::size_t column_of(std::string_view s, std::size_t i) {
  const std::size_t start = line_start(s, i);
  return code_points(s.substr(start, i - start));
}

}  // namespace

CodePoint decode_utf8(std::string_view text, std::size_t i) {
  if (i >= text.size()) return {};
  const unsigned lead = byte_at(text, i);
  if (lead < 0x80) return {lead, 1};
  std::size_t n = 0;
  char32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    n = 2, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    n = 3, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    n = 4, min = 0x10000;
  } else {
    return {};
  }
  if (i + n > text.size()) return {};
  char32_t cp = lead & (0x7Fu >> n);
  for (std::size_t k = 1; k < n; ++k) {
    const unsigned b = byte_at(text, i + k);
    if (!continuation(b)) return {};
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, n};
}

std::size_t next_boundary(std::string_view text, std::size_t i) {
  if (i >= text.size()) return text.size();
  ++i;
  while (i < text.size() && continuation(byte_at(text, i))) ++i;
  return i;
}

std::size_t prev_boundary(std::string_view text, std::size_t i) {
  i = std::min(i, text.size());
  if (i == 0) return 0;
  --i;
  while (i > 0 && continuation(byte_at(text, i))) --i;
  return i;
}

std::size_t word_left(std::string_view text, std::size_t i) {
  i = std::min(i, text.size());
  const auto before_is_word = [&] {
    return class_at(text, prev_boundary(text, i)) == CharClass::Word;
  };
  while (i > 0 && !before_is_word()) i = prev_boundary(text, i);
  while (i > 0 && before_is_word()) i = prev_boundary(text, i);
  return i;
}

std::size_t word_right(std::string_view text, std::size_t i) {
  i = std::min(i, text.size());
  while (i < text.size() && class_at(text, i) != CharClass::Word) i = next_boundary(text, i);
  while (i < text.size() && class_at(text, i) == CharClass::Word) i = next_boundary(text, i);
  return i;
}

ByteRange run_at(std::string_view text, std::size_t i) {
  i = std::min(i, text.size());
  const ByteRange none{i, i};
  if (i == text.size() || class_at(text, i) == CharClass::LineBreak) {
    if (i == 0) return none;
    i = prev_boundary(text, i);
  }
  const CharClass c = class_at(text, i);
  if (c == CharClass::LineBreak) return none;
  ByteRange r{i, i};
  while (r.begin > 0 && class_at(text, prev_boundary(text, r.begin)) == c) {
    r.begin = prev_boundary(text, r.begin);
  }
  while (r.end < text.size() && class_at(text, r.end) == c) r.end = next_boundary(text, r.end);
  return r;
}

std::size_t line_start(std::string_view text, std::size_t i) {
  i = std::min(i, text.size());
  const std::size_t nl = i == 0 ? std::string_view::npos : text.rfind('\n', i - 1);
  return nl == std::string_view::npos ? 0 : nl + 1;
}

std::size_t line_end(std::string_view text, std::size_t i) {
  return std::min(text.find('\n', std::min(i, text.size())), text.size());
}

std::size_t line_up(std::string_view text, std::size_t i) {
  i = std::min(i, text.size());
  const std::size_t start = line_start(text, i);
  if (start == 0) return 0;
  return advance(text, line_start(text, start - 1), column_of(text, i), start - 1);
}

std::size_t line_down(std::string_view text, std::size_t i) {
  i = std::min(i, text.size());
  const std::size_t end = line_end(text, i);
  if (end == text.size()) return text.size();
  return advance(text, end + 1, column_of(text, i), line_end(text, end + 1));
}

}  // namespace unknot::app
