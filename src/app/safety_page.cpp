// Notes on behaviour the header leaves open:
// - Continue needs every answer. One yes blocks: the outcome (not the answers) is saved, the
//   advice replaces the questions, and the check is asked again the next time Start is pressed
//   (screened_at is set only by a pass).
// - Yes and No stand under each question on a column narrower than 440 dp, so a question keeps
//   the full width and wraps to as few lines as it can.
#include "app/safety_page.h"

#include <algorithm>

#include "app/screens.h"
#include "core/safety.h"

namespace unknot::app {
namespace {

constexpr float kGap = 16;
constexpr float kSmallGap = 8;
constexpr float kAnswerW = 72;
constexpr float kAnswerH = 48;
constexpr float kSideBySide = 440;  // column width from which the answers sit beside a question

SafetyPageLayout layout_at(const SafetyScreen& s, const Env& env, float dy) {
  SafetyPageLayout l;
  l.page = page_frame(env.window, true);
  const Rect col = l.page.column;
  l.confirm = l.page.bottom;
  if (!s.blocked) l.back = {l.page.top_bar.x - 12, l.page.top_bar.y, 48, 48};
  const float top = l.page.viewport.y + kSmallGap;
  // Questions read best in a phone-wide column even on a desktop.
  const float w = std::min(col.w, 640.0f);
  Flow f{env.text, col.x, w, top - dy};
  if (s.blocked) {
    l.title = f.add("Not today", Font::Title, kSmallGap);
    l.intro = f.add("Thank you for answering honestly.", Font::Body, kGap);
    const float card_top = f.y;
    Flow inner{env.text, f.x + 20, f.w - 40, card_top + 20};
    l.advice = inner.add(core::red_flag_advice(), Font::Body, 0);
    l.advice_card = {f.x, card_top, f.w, inner.y + 20 - card_top};
    f.y = l.advice_card.bottom() + kGap;
  } else {
    l.title = f.add("Before you start", Font::Title, kSmallGap);
    l.intro =
        f.add("A short safety check, every four weeks. Answer each question.", Font::Body, kGap);
    const bool beside = w >= kSideBySide;
    const float answers_w = 2 * kAnswerW + kSmallGap;
    for (const auto& q : core::red_flag_questions()) {
      SafetyQuestionLayout row;
      if (beside) {
        row.text = text_block(env.text, q.text, Font::Body, f.x, f.y, w - answers_w - kGap);
        const float h = std::max(row.text.box.h, kAnswerH);
        const float ay = f.y + (h - kAnswerH) / 2;
        row.yes = {f.x + w - answers_w, ay, kAnswerW, kAnswerH};
        row.no = {row.yes.right() + kSmallGap, ay, kAnswerW, kAnswerH};
        f.y += h + kGap;
      } else {
        row.text = f.add(q.text, Font::Body, kSmallGap);
        row.yes = {f.x, f.y, kAnswerW, kAnswerH};
        row.no = {row.yes.right() + kSmallGap, f.y, kAnswerW, kAnswerH};
        f.y += kAnswerH + kGap + kSmallGap;
      }
      l.questions.push_back(std::move(row));
    }
  }
  l.content_h = f.y + dy - l.page.viewport.y;
  return l;
}

}  // namespace

SafetyPageLayout safety_page_layout(const SafetyScreen& s, const Env& env) {
  SafetyPageLayout l = layout_at(s, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? layout_at(s, env, dy) : l;
}

bool safety_answered(const SafetyScreen& s) {
  return std::all_of(s.answers.begin(), s.answers.end(),
                     [](const auto& a) { return a.has_value(); });
}

ScreenFrame frame(const AppModel&, const SafetyScreen& s, const Env& env) {
  const auto l = safety_page_layout(s, env);
  ScreenFrame f;
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  if (!s.blocked) {
    add_target(f, {ControlKind::Back, 0}, l.back, "Back");
    const auto& questions = core::red_flag_questions();
    for (std::size_t i = 0; i < l.questions.size(); ++i) {
      const int index = static_cast<int>(i);
      const std::string q(questions[i].text);
      add_scrolling(f, {ControlKind::RedFlagYes, index}, l.questions[i].yes, "Yes: " + q,
                    Role::Option);
      add_scrolling(f, {ControlKind::RedFlagNo, index}, l.questions[i].no, "No: " + q,
                    Role::Option);
    }
    add_target(f, {ControlKind::Confirm, 0}, l.confirm, "Continue", Role::Button,
               safety_answered(s));
  } else {
    add_target(f, {ControlKind::Confirm, 0}, l.confirm, "Back to Home");
  }
  return f;
}

Control primary(const AppModel&, const SafetyScreen& s) {
  if (s.blocked) return {ControlKind::Confirm, 0};
  return {ControlKind::RedFlagNo, 0};
}

void activate(Step& st, SafetyScreen& s, Control c) {
  AppModel& m = st.m;
  const int i = c.index;
  switch (c.kind) {
    case ControlKind::RedFlagYes:
    case ControlKind::RedFlagNo:
      if (!s.blocked && i >= 0 && i < kRedFlagCount) {
        s.answers[static_cast<std::size_t>(i)] = c.kind == ControlKind::RedFlagYes;
      }
      return;
    case ControlKind::Confirm: {
      if (s.blocked) {
        open_screen(m, HomeScreen{});
        return;
      }
      if (!safety_answered(s)) return;
      const bool any_yes = std::any_of(s.answers.begin(), s.answers.end(),
                                       [](const auto& a) { return a.value_or(true); });
      st.fx.push_back(SaveScreenResult{!any_yes, m.wall_now});
      if (any_yes) {
        SafetyScreen blocked;
        blocked.blocked = true;
        open_screen(m, blocked);
        return;
      }
      m.screened_at = m.wall_now;
      const int routine = s.pending_routine;
      if (routine >= 0 && routine < static_cast<int>(m.catalog.size())) {
        open_screen(m, RatingScreen::ask(RatingMoment::Before, routine));
      } else {
        open_screen(m, HomeScreen{});
      }
      return;
    }
    case ControlKind::Back:
      back(st, s);
      return;
    default:
      return;
  }
}

void back(Step& st, SafetyScreen& s) {
  // Leaving never passes the check: the session stays out of reach until it is answered.
  if (!s.blocked && s.pending_routine >= 0 &&
      s.pending_routine < static_cast<int>(st.m.catalog.size())) {
    open_screen(st.m, RoutineScreen{s.pending_routine, std::nullopt});
  } else {
    open_screen(st.m, HomeScreen{});
  }
}

void scroll(Step& st, SafetyScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, SafetyScreen&, const TextInput&) {}

}  // namespace unknot::app
