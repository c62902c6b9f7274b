#include "core/json_locator.h"

#include <cstdint>
#include <optional>
#include <unordered_set>

namespace unknot::core {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Columns count code points, so skip UTF-8 continuation bytes; editors agree on this far more
// often than on byte columns. Only '\n' starts a line (a lone '\r' is JSON whitespace).
void advance_position(TextPosition& at, unsigned char byte) {
  if (byte == '\n') {
    ++at.line;
    at.column = 1;
  } else if ((byte & 0xC0) != 0x80) {
    ++at.column;
  }
}

std::size_t content_start(std::string_view text) {
  return text.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  auto byte = [&out](std::uint32_t b) { out.push_back(static_cast<char>(b)); };
  if (cp < 0x80) {
    byte(cp);
  } else if (cp < 0x800) {
    byte(0xC0 | (cp >> 6));
    byte(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    byte(0xE0 | (cp >> 12));
    byte(0x80 | ((cp >> 6) & 0x3F));
    byte(0x80 | (cp & 0x3F));
  } else {
    byte(0xF0 | (cp >> 18));
    byte(0x80 | ((cp >> 12) & 0x3F));
    byte(0x80 | ((cp >> 6) & 0x3F));
    byte(0x80 | (cp & 0x3F));
  }
}

// Bytes that end a number or a bare literal.
bool is_delimiter(char c) {
  return std::string_view(" \t\n\r,:[]{}\"").find(c) != std::string_view::npos;
}

}  // namespace

TextPosition position_at(std::string_view text, std::size_t offset) {
  TextPosition at{1, 1};
  const std::size_t end = offset < text.size() ? offset : text.size();
  for (std::size_t i = content_start(text); i < end; ++i) {
    advance_position(at, static_cast<unsigned char>(text[i]));
  }
  return at;
}

std::string pointer_append(std::string_view parent, std::string_view key) {
  std::string out(parent);
  out.push_back('/');
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string pointer_append(std::string_view parent, std::size_t index) {
  std::string out(parent);
  out.push_back('/');
  out += std::to_string(index);
  return out;
}

// A forgiving tokenizer: it needs no grammar beyond "which slot does this value fill", and an
// explicit stack instead of recursion keeps hostile nesting from exhausting the call stack.
class JsonScanner {
 public:
  JsonScanner(std::string_view text, JsonLocator& out) : text_(text), out_(out) {}

  void run() {
    pos_ = content_start(text_);
    while (pos_ < text_.size() && out_.entries_.size() < JsonLocator::kMaxEntries) {
      const char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        advance();
      } else if (hidden_depth_ > 0) {
        skip_hidden(c);
      } else if (c == '{' || c == '[') {
        open(c == '{');
      } else if (c == '}' || c == ']') {
        if (!frames_.empty()) frames_.pop_back();
        advance();
      } else if (c == ',') {
        if (!frames_.empty()) {
          ++frames_.back().index;
          frames_.back().expect_key = frames_.back().object;
        }
        advance();
      } else if (c == ':') {
        if (!frames_.empty()) frames_.back().expect_key = false;
        advance();
      } else if (c == '"') {
        string_token();
      } else {
        record(here());
        do {
          advance();
        } while (pos_ < text_.size() && !is_delimiter(text_[pos_]));
      }
    }
  }

 private:
  struct Frame {
    bool object = false;
    bool expect_key = false;
    std::size_t index = 0;  // element index (arrays)
    std::string pointer;
    std::string key;  // current member (objects)
    TextPosition key_at;
    std::unordered_set<std::string> seen;
  };

  TextPosition here() const { return at_; }

  void advance() {
    advance_position(at_, static_cast<unsigned char>(text_[pos_]));
    ++pos_;
  }

  void open(bool object) {
    const std::optional<std::string> pointer = record(here());
    if (!pointer || frames_.size() >= JsonLocator::kMaxDepth ||
        pointer->size() > JsonLocator::kMaxPointerBytes) {
      ++hidden_depth_;
    } else {
      Frame frame;
      frame.object = object;
      frame.expect_key = object;
      frame.pointer = *pointer;
      frames_.push_back(std::move(frame));
    }
    advance();
  }

  // Inside containers too deep to record, only brackets matter; strings are skipped so that a
  // bracket inside one is not counted.
  void skip_hidden(char c) {
    if (c == '"') {
      read_string();
      return;
    }
    if (c == '{' || c == '[') ++hidden_depth_;
    if (c == '}' || c == ']') --hidden_depth_;
    advance();
  }

  void string_token() {
    const TextPosition start = here();
    std::string s = read_string();
    if (!frames_.empty() && frames_.back().expect_key) {
      Frame& frame = frames_.back();
      if (!frame.seen.insert(s).second) {
        out_.duplicates_.emplace_back(pointer_append(frame.pointer, s), start);
      }
      frame.key = std::move(s);
      frame.key_at = start;
      frame.expect_key = false;
    } else {
      record(start);
    }
  }

  // Records the value starting at `at` in the slot the enclosing container expects; returns
  // its pointer, or nothing when the value fills no slot (a second root, garbage).
  std::optional<std::string> record(TextPosition at) {
    if (frames_.empty()) {
      if (root_seen_) return std::nullopt;
      root_seen_ = true;
      out_.entries_[""] = {at, {}};
      return std::string();
    }
    const Frame& frame = frames_.back();
    std::string pointer;
    TextPosition key_at;
    if (frame.object) {
      pointer = pointer_append(frame.pointer, frame.key);
      key_at = frame.key_at;
    } else {
      pointer = pointer_append(frame.pointer, frame.index);
    }
    // A repeated key overwrites: nlohmann_json keeps the last value too.
    out_.entries_[pointer] = {at, key_at};
    return pointer;
  }

  // Reads a string token starting at its opening quote and returns it unescaped, so member
  // names match the keys nlohmann_json reports.
  std::string read_string() {
    std::string out;
    advance();  // opening quote
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      advance();
      if (c == '"') break;
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (pos_ >= text_.size()) break;
      const char e = text_[pos_];
      advance();
      switch (e) {
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'u':
          append_utf8(out, read_escaped_code_point());
          break;
        default:
          out.push_back(e);
          break;  // '"', '\\', '/'
      }
    }
    return out;
  }

  // After "\u": four hex digits, joined with a following "\uDC00".."\uDFFF" low surrogate.
  std::uint32_t read_escaped_code_point() {
    std::uint32_t cp = read_hex4();
    if (cp >= 0xD800 && cp <= 0xDBFF && text_.substr(pos_).starts_with("\\u")) {
      const std::size_t saved_pos = pos_;
      const TextPosition saved_at = at_;
      advance();
      advance();
      const std::uint32_t low = read_hex4();
      if (low >= 0xDC00 && low <= 0xDFFF) return 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      pos_ = saved_pos;
      at_ = saved_at;
    }
    return cp;
  }

  std::uint32_t read_hex4() {
    std::uint32_t value = 0;
    for (int i = 0; i < 4 && pos_ < text_.size(); ++i) {
      const char h = text_[pos_];
      std::uint32_t digit = 0;
      if (h >= '0' && h <= '9') {
        digit = static_cast<std::uint32_t>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        digit = static_cast<std::uint32_t>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        digit = static_cast<std::uint32_t>(h - 'A' + 10);
      } else {
        break;
      }
      value = value * 16 + digit;
      advance();
    }
    return value;
  }

  std::string_view text_;
  JsonLocator& out_;
  std::size_t pos_ = 0;
  TextPosition at_{1, 1};
  std::vector<Frame> frames_;
  std::size_t hidden_depth_ = 0;
  bool root_seen_ = false;
};

JsonLocator::JsonLocator(std::string_view text) { JsonScanner(text, *this).run(); }

const JsonLocator::Entry* JsonLocator::nearest(std::string_view pointer) const {
  while (true) {
    if (auto it = entries_.find(std::string(pointer)); it != entries_.end()) return &it->second;
    if (pointer.empty()) return nullptr;
    const std::size_t slash = pointer.rfind('/');
    pointer = pointer.substr(0, slash == std::string_view::npos ? 0 : slash);
  }
}

TextPosition JsonLocator::value(std::string_view pointer) const {
  const Entry* entry = nearest(pointer);
  return entry ? entry->value : TextPosition{};
}

TextPosition JsonLocator::key(std::string_view pointer) const {
  if (auto it = entries_.find(std::string(pointer)); it != entries_.end()) {
    if (it->second.key.line > 0) return it->second.key;
  }
  return value(pointer);
}

}  // namespace unknot::core
