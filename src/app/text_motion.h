// UTF-8 decoding and caret motions (code point, word, line) as pure functions of a text and a byte
// offset, for text_edit and text_edit_layout. Pure std. Offsets past the text are clamped.
#pragma once

#include <cstddef>
#include <string_view>

namespace unknot::app {

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 0;  // bytes; 0 when text[i] starts no valid UTF-8 sequence
};
// Strict: overlong forms, surrogates and values past U+10FFFF are not valid.
CodePoint decode_utf8(std::string_view text, std::size_t i);

// The code-point boundary after / before byte i, in valid UTF-8.
std::size_t next_boundary(std::string_view text, std::size_t i);
std::size_t prev_boundary(std::string_view text, std::size_t i);

// Words are runs of letters (any script), digits, '_' and emoji; spaces and ASCII punctuation
// separate them. word_left: the start of the word before i, skipping separators; word_right: the
// end of the word after i, skipping separators.
std::size_t word_left(std::string_view text, std::size_t i);
std::size_t word_right(std::string_view text, std::size_t i);

struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};
// The run of word characters, of spaces or of punctuation holding the code point at i (at a '\n'
// or the text's end, the one before it); empty at i on an empty line or in empty text.
ByteRange run_at(std::string_view text, std::size_t i);

// The ends of the '\n'-separated line holding i ('\n' excluded).
std::size_t line_start(std::string_view text, std::size_t i);
std::size_t line_end(std::string_view text, std::size_t i);
// The same code-point column on the previous / next line, clamped to that line's length; from the
// first / last line, the text's start / end.
std::size_t line_up(std::string_view text, std::size_t i);
std::size_t line_down(std::string_view text, std::size_t i);

}  // namespace unknot::app
