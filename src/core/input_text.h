// Bounds and wording for text that comes from outside the app: file sizes, encodings, names quoted
// in messages and text printed to a terminal. Pure std: no I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace unknot::core {

// The largest routine and homework files read (README "Routine files", "Homework files").
inline constexpr std::size_t kMaxRoutineFileBytes = 1024 * 1024;
inline constexpr std::size_t kMaxHomeworkFileBytes = 1024 * 1024;
// Longest name or value quoted in a problem message, in characters.
inline constexpr std::size_t kMaxQuotedChars = 60;

// "512 bytes", "4.2 MB (4404019 bytes)": decimal units for a person, exact bytes for a check.
std::string byte_size_text(std::uintmax_t bytes);
// "1 MiB", "4 MiB", or the bytes when not a whole number of MiB.
std::string limit_text(std::uintmax_t bytes);
// "is 4.2 MB (4404019 bytes); the most a routine file may be is 1 MiB"; `what` is "a routine
// file", in English and marked with tr_noop: it is translated here, as the rest. These texts,
// encoding_problem's and quote_text's count are in the current language (core/translate.h).
std::string too_large_text(std::uintmax_t bytes, std::string_view what, std::uintmax_t limit);

// When `text` is plainly not UTF-8 because it was saved as UTF-16 or UTF-32 (a byte-order mark,
// or NUL bytes, which no text file holds), what to say about it; nothing otherwise.
std::optional<std::string> encoding_problem(std::string_view text);

// At most `max_chars` code points of `text`: the text itself when short enough, else its start
// followed by "…". Never splits a code point.
std::string cut_text(std::string_view text, std::size_t max_chars);
// `text` quoted for a one-line message: "name", or "start…" (16384 characters) when longer than
// kMaxQuotedChars; control characters shown as '?'.
std::string quote_text(std::string_view text);

// `text` made harmless for a terminal: C0 controls (tab and newline included), DEL and C1
// controls are written as visible escapes (\x1b, \u009b), bytes that are not UTF-8 as \xNN; all
// other text is kept as it is. Use it on every path or piece of file text printed by the CLI.
std::string terminal_safe(std::string_view text);
// The same for text of several lines: '\n' is kept, everything else as terminal_safe.
std::string terminal_safe_lines(std::string_view text);

}  // namespace unknot::core
