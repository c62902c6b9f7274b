#include "core/input_text.h"

#include <cstdio>

#include "core/translate.h"

namespace unknot::core {
namespace {

constexpr std::uintmax_t kMiB = 1024 * 1024;

bool is_continuation(unsigned char b) { return (b & 0xC0U) == 0x80U; }

// Length of the well-formed UTF-8 sequence at s[i] and its code point, or 0 when the bytes there
// are not UTF-8 (a stray continuation, a cut sequence, an overlong form or a surrogate).
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& code) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t length = 0;
  char32_t min = 0;
  if (b0 < 0x80) {
    code = b0;
    return 1;
  }
  if ((b0 & 0xE0U) == 0xC0U) {
    length = 2;
    code = b0 & 0x1FU;
    min = 0x80;
  } else if ((b0 & 0xF0U) == 0xE0U) {
    length = 3;
    code = b0 & 0x0FU;
    min = 0x800;
  } else if ((b0 & 0xF8U) == 0xF0U) {
    length = 4;
    code = b0 & 0x07U;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (!is_continuation(b)) return 0;
    code = (code << 6) | (b & 0x3FU);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

std::string hex_escape(const char* format, unsigned value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

std::string one_decimal(std::uintmax_t bytes, std::uintmax_t unit) {
  // Rounded to a tenth without floating point, so the text is the same everywhere.
  const std::uintmax_t tenths = (bytes * 10 + unit / 2) / unit;
  // TRANSLATORS: the decimal separator, as in 13.5 min: "," in Spanish.
  return std::to_string(tenths / 10) + trc("decimal separator", ".") + std::to_string(tenths % 10);
}

}  // namespace

std::string byte_size_text(std::uintmax_t bytes) {
  const std::string exact =
      // TRANSLATORS: a file's size in bytes, in a message about a file too large to read.
      fill(trn("{n} byte", "{n} bytes", bytes), {{"n", std::to_string(bytes)}});
  if (bytes < 1000) return exact;
  // Past 1e15 bytes the multiplication by ten could overflow; no file is that large.
  if (bytes >= 1'000'000'000'000'000ULL) return exact;
  std::string human;
  if (bytes < 1'000'000) {
    human = one_decimal(bytes, 1000) + " kB";
  } else if (bytes < 1'000'000'000) {
    human = one_decimal(bytes, 1'000'000) + " MB";
  } else {
    human = one_decimal(bytes, 1'000'000'000) + " GB";
  }
  return human + " (" + exact + ")";
}

std::string limit_text(std::uintmax_t bytes) {
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  return fill(trn("{n} byte", "{n} bytes", bytes), {{"n", std::to_string(bytes)}});
}

std::string too_large_text(std::uintmax_t bytes, std::string_view what, std::uintmax_t limit) {
  // TRANSLATORS: completes "the file ..." in a message about a file too large to read: {size}
  // as "4.2 MB (4404019 bytes)", {what} as "a routine file", {limit} as "1 MiB".
  return fill(tr("is {size}; the most {what} may be is {limit}"),
              {{"size", byte_size_text(bytes)}, {"what", tr(what)}, {"limit", limit_text(limit)}});
}

std::optional<std::string> encoding_problem(std::string_view text) {
  const auto starts = [&](std::string_view prefix) { return text.starts_with(prefix); };
  using namespace std::string_view_literals;
  // UTF-32's marks begin with UTF-16's, so they are looked for first.
  if (starts("\xFF\xFE\x00\x00"sv) || starts("\x00\x00\xFE\xFF"sv)) {
    // TRANSLATORS: what is wrong with a routine or homework file that is not UTF-8 text.
    return tr("the file is saved as UTF-32; save it as UTF-8");
  }
  if (starts("\xFF\xFE"sv) || starts("\xFE\xFF"sv)) {
    return tr("the file is saved as UTF-16; save it as UTF-8");
  }
  if (text.find('\0') != std::string_view::npos) {
    return tr("the file holds NUL bytes, as text saved as UTF-16 does; save it as UTF-8");
  }
  return std::nullopt;
}

std::string cut_text(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_continuation(static_cast<unsigned char>(text[i]))) continue;
    if (chars++ == max_chars) return std::string(text.substr(0, i)) + "\u2026";
  }
  return std::string(text);
}

std::string quote_text(std::string_view text) {
  std::size_t chars = 0;
  for (char c : text) {
    if (!is_continuation(static_cast<unsigned char>(c))) ++chars;
  }
  std::string out = "\"" + cut_text(text, kMaxQuotedChars) + "\"";
  for (char& c : out) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) c = '?';
  }
  if (chars > kMaxQuotedChars) {
    out += " (" +
           // TRANSLATORS: after a long name cut short in a message: its whole length in characters.
           fill(trn("{n} character", "{n} characters", chars), {{"n", std::to_string(chars)}}) +
           ")";
  }
  return out;
}

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t code = 0;
    const std::size_t length = utf8_sequence(text, i, code);
    if (length == 0) {
      out += hex_escape("\\x%02x", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    if (code < 0x20 || code == 0x7F) {
      out += hex_escape("\\x%02x", static_cast<unsigned>(code));
    } else if (code >= 0x80 && code <= 0x9F) {
      out += hex_escape("\\u%04x", static_cast<unsigned>(code));
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string terminal_safe_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find('\n', start);
    out += terminal_safe(text.substr(start, end - start));
    if (end == std::string_view::npos) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace unknot::core
