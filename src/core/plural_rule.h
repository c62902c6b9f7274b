// A language's plural rule, as GNU gettext catalogs state it in their header
// ("Plural-Forms: nplurals=2; plural=(n != 1);"): a C expression in n that picks which of the
// translated forms to use. Parsed once into a small tree and evaluated for each count. Pure std.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unknot::core {

class PluralRule {
 public:
  // English's rule, and the fallback: form 0 for exactly one, form 1 otherwise.
  PluralRule();

  // Parses `expression` (the part after "plural=") for a language with `forms` plural forms
  // (1-6). Understands what gettext's own parser does: n, whole numbers, ( ), ! and the binary
  // * / % + - < <= > >= == != && || and ?:, with C's precedence. On a mistake returns nullopt
  // and puts the reason, with its column (from 1), in `error`.
  static std::optional<PluralRule> parse(std::string_view expression, int forms,
                                         std::string* error = nullptr);

  // Reads "nplurals=N; plural=EXPR;" (a catalog header's Plural-Forms value).
  static std::optional<PluralRule> from_header_value(std::string_view value,
                                                     std::string* error = nullptr);

  int forms() const { return forms_; }
  // The form to use for a count of `n`: always within [0, forms()), whatever the expression
  // gives (a division by zero or an index past the last form gives form 0).
  int form_for(std::uint64_t n) const;

 private:
  enum class Op : std::uint8_t {
    Number,
    N,
    Not,
    Mul,
    Div,
    Mod,
    Add,
    Sub,
    Less,
    LessEq,
    Greater,
    GreaterEq,
    Equal,
    NotEqual,
    And,
    Or,
    Choose
  };
  struct Node {
    Op op = Op::Number;
    std::uint64_t value = 0;
    int a = -1, b = -1, c = -1;  // operands, as indices into nodes_
  };
  friend class PluralParser;

  std::uint64_t eval(int node, std::uint64_t n, bool& failed) const;

  std::vector<Node> nodes_;
  int root_ = -1;
  int forms_ = 2;
};

}  // namespace unknot::core
