#include "core/plural_rule.h"

#include <cctype>
#include <span>
#include <utility>

namespace unknot::core {

// A recursive-descent parser over the expression's characters, one function per C precedence
// level, building PluralRule's nodes.
class PluralParser {
 public:
  PluralParser(std::string_view text, PluralRule& rule) : text_(text), rule_(rule) {}

  bool parse(std::string* error) {
    rule_.nodes_.clear();
    const int root = conditional();
    skip_spaces();
    if (root >= 0 && at_ < text_.size()) fail("unexpected '" + std::string(1, text_[at_]) + "'");
    if (!problem_.empty()) {
      if (error != nullptr) *error = problem_;
      return false;
    }
    rule_.root_ = root;
    return true;
  }

 private:
  using Op = PluralRule::Op;

  void skip_spaces() {
    while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_])) != 0) ++at_;
  }
  bool take(std::string_view token) {
    skip_spaces();
    if (text_.substr(at_, token.size()) != token) return false;
    at_ += token.size();
    return true;
  }
  // "<" but not "<=": a one-character operator must not eat the start of a two-character one.
  bool take_alone(char op) {
    skip_spaces();
    if (at_ >= text_.size() || text_[at_] != op) return false;
    if (at_ + 1 < text_.size() && (text_[at_ + 1] == '=' || text_[at_ + 1] == op)) return false;
    ++at_;
    return true;
  }
  int fail(const std::string& what) {
    if (problem_.empty()) problem_ = what + " at column " + std::to_string(at_ + 1);
    return -1;
  }
  int add(Op op, int a = -1, int b = -1, int c = -1, std::uint64_t value = 0) {
    if (!problem_.empty()) return -1;
    if (rule_.nodes_.size() >= 256) return fail("expression too long");
    rule_.nodes_.push_back({op, value, a, b, c});
    return static_cast<int>(rule_.nodes_.size()) - 1;
  }

  int conditional() {
    const int test = binary(0);
    if (test < 0 || !take("?")) return test;
    const int yes = conditional();
    if (yes < 0) return -1;
    if (!take(":")) return fail("expected ':'");
    const int no = conditional();
    if (no < 0) return -1;
    return add(Op::Choose, test, yes, no);
  }

  // One binary operator: its text, its node, and whether it must stand alone ("<" not as the
  // start of "<=" or "<<").
  struct BinaryOp {
    std::string_view token;
    Op op;
    bool alone = false;
  };
  // The binary operators of C's precedence levels, loosest first.
  static constexpr std::size_t kLevels = 6;
  static std::span<const BinaryOp> operators(std::size_t level) {
    static constexpr BinaryOp kOr[] = {{"||", Op::Or}};
    static constexpr BinaryOp kAnd[] = {{"&&", Op::And}};
    static constexpr BinaryOp kEquality[] = {{"==", Op::Equal}, {"!=", Op::NotEqual}};
    static constexpr BinaryOp kRelation[] = {
        {"<=", Op::LessEq}, {">=", Op::GreaterEq}, {"<", Op::Less, true}, {">", Op::Greater, true}};
    static constexpr BinaryOp kSum[] = {{"+", Op::Add}, {"-", Op::Sub}};
    static constexpr BinaryOp kProduct[] = {{"*", Op::Mul}, {"/", Op::Div}, {"%", Op::Mod}};
    static constexpr std::span<const BinaryOp> kTable[kLevels] = {kOr,       kAnd, kEquality,
                                                                  kRelation, kSum, kProduct};
    return kTable[level];
  }

  // Operands joined by `level`'s operators, left to right; the operands are the next level's.
  int binary(std::size_t level) {
    if (level == kLevels) return unary();
    int left = binary(level + 1);
    while (left >= 0) {
      const BinaryOp* found = nullptr;
      for (const BinaryOp& candidate : operators(level)) {
        if (candidate.alone ? take_alone(candidate.token[0]) : take(candidate.token)) {
          found = &candidate;
          break;
        }
      }
      if (found == nullptr) break;
      const int right = binary(level + 1);
      if (right < 0) return -1;
      left = add(found->op, left, right);
    }
    return left;
  }
  int unary() {
    if (take_alone('!')) {
      const int operand = unary();
      return operand < 0 ? -1 : add(Op::Not, operand);
    }
    return primary();
  }
  int primary() {
    skip_spaces();
    if (at_ >= text_.size()) return fail("unexpected end");
    const char c = text_[at_];
    if (c == '(') {
      ++at_;
      const int inner = conditional();
      if (inner < 0) return -1;
      if (!take(")")) return fail("expected ')'");
      return inner;
    }
    if (c == 'n') {
      ++at_;
      return add(Op::N);
    }
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      std::uint64_t value = 0;
      while (at_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[at_])) != 0) {
        value = value * 10 + static_cast<std::uint64_t>(text_[at_] - '0');
        if (value > 1'000'000'000) return fail("number too large");
        ++at_;
      }
      return add(Op::Number, -1, -1, -1, value);
    }
    return fail("unexpected '" + std::string(1, c) + "'");
  }

  std::string_view text_;
  PluralRule& rule_;
  std::size_t at_ = 0;
  std::string problem_;
};

PluralRule::PluralRule() {
  nodes_ = {{Op::N, 0, -1, -1, -1}, {Op::Number, 1, -1, -1, -1}, {Op::NotEqual, 0, 0, 1, -1}};
  root_ = 2;
}

std::optional<PluralRule> PluralRule::parse(std::string_view expression, int forms,
                                            std::string* error) {
  if (forms < 1 || forms > 6) {
    if (error != nullptr) *error = "nplurals must be 1 to 6, not " + std::to_string(forms);
    return std::nullopt;
  }
  PluralRule rule;
  PluralParser parser(expression, rule);
  if (!parser.parse(error)) return std::nullopt;
  rule.forms_ = forms;
  return rule;
}

std::optional<PluralRule> PluralRule::from_header_value(std::string_view value,
                                                        std::string* error) {
  const auto field = [&value](std::string_view name) -> std::optional<std::string_view> {
    const std::size_t at = value.find(name);
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view rest = value.substr(at + name.size());
    const std::size_t end = rest.find(';');
    return rest.substr(0, end);
  };
  const auto count = field("nplurals=");
  const auto expression = field("plural=");
  if (!count || !expression) {
    if (error != nullptr) *error = "Plural-Forms needs nplurals=N; plural=EXPRESSION;";
    return std::nullopt;
  }
  int forms = 0;
  for (const char c : *count) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) continue;
    if (std::isdigit(static_cast<unsigned char>(c)) == 0 || forms > 6) {
      if (error != nullptr) *error = "nplurals is not a small whole number";
      return std::nullopt;
    }
    forms = forms * 10 + (c - '0');
  }
  return parse(*expression, forms, error);
}

std::uint64_t PluralRule::eval(int node, std::uint64_t n, bool& failed) const {
  const Node& x = nodes_[static_cast<std::size_t>(node)];
  switch (x.op) {
    case Op::Number:
      return x.value;
    case Op::N:
      return n;
    case Op::Not:
      return eval(x.a, n, failed) == 0 ? 1 : 0;
    case Op::And:
      return eval(x.a, n, failed) != 0 && eval(x.b, n, failed) != 0 ? 1 : 0;
    case Op::Or:
      return eval(x.a, n, failed) != 0 || eval(x.b, n, failed) != 0 ? 1 : 0;
    case Op::Choose:
      return eval(x.a, n, failed) != 0 ? eval(x.b, n, failed) : eval(x.c, n, failed);
    default:
      break;
  }
  const std::uint64_t a = eval(x.a, n, failed);
  const std::uint64_t b = eval(x.b, n, failed);
  switch (x.op) {
    case Op::Mul:
      return a * b;
    case Op::Div:
    case Op::Mod:
      if (b == 0) {
        failed = true;
        return 0;
      }
      return x.op == Op::Div ? a / b : a % b;
    case Op::Add:
      return a + b;
    case Op::Sub:
      return a - b;
    case Op::Less:
      return a < b ? 1 : 0;
    case Op::LessEq:
      return a <= b ? 1 : 0;
    case Op::Greater:
      return a > b ? 1 : 0;
    case Op::GreaterEq:
      return a >= b ? 1 : 0;
    case Op::Equal:
      return a == b ? 1 : 0;
    case Op::NotEqual:
      return a != b ? 1 : 0;
    default:
      return 0;
  }
}

int PluralRule::form_for(std::uint64_t n) const {
  bool failed = false;
  const std::uint64_t form = eval(root_, n, failed);
  if (failed || form >= static_cast<std::uint64_t>(forms_)) return 0;
  return static_cast<int>(form);
}

}  // namespace unknot::core
