// Notes on behaviour the header leaves open:
// - Continue needs every answer in the full check. One yes blocks: the block (when, the offset,
//   which questions) is saved and the advice replaces the questions. Start pressed again that
//   day shows the advice again; the next day the full check comes back (core::screen_kind).
// - Only a full pass is saved (the four-week schedule counts from it); a brief pass is not.
// - Yes and No stand under each question on a column narrower than 440 dp, so a question keeps
//   the full width and wraps to as few lines as it can.
#include "app/safety_page.h"

#include <algorithm>

#include "app/care_flow.h"
#include "app/screens.h"
#include "core/safety.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

// The page's heading: the check (in full or brief), or its answer when it stops the session.
std::string safety_heading(const SafetyScreen& s) {
  // TRANSLATORS: a heading when the safety check stops today's session (and, elsewhere, a
  // button that puts the daily check-in off).
  return s.blocked ? core::tr("Not today") : core::tr("Before you start");
}

constexpr float kGap = 16;
constexpr float kSmallGap = 8;
constexpr float kAnswerW = 72;
constexpr float kAnswerH = 48;
constexpr float kSideBySide = 440;  // column width from which the answers sit beside a question

constexpr float kItemPad = 12;
constexpr float kBox = 24;

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
    l.title = f.add(safety_heading(s), Font::Title, kSmallGap);
    l.intro = f.add(core::tr("Thank you for answering honestly."), Font::Body, kGap);
    for (const core::RedFlagQuestion* q : safety_yes_questions(s)) {
      SafetyAdviceLayout a;
      const float card_top = f.y;
      Flow inner{env.text, f.x + 20, f.w - 40, card_top + 20};
      a.heading = inner.add(core::tr(q->brief), Font::BodyStrong, kSmallGap);
      a.text = inner.add(core::tr(q->advice), Font::Body, 0);
      a.card = {f.x, card_top, f.w, inner.y + 20 - card_top};
      f.y = a.card.bottom() + kSmallGap;
      l.advices.push_back(std::move(a));
    }
    f.y += kSmallGap;
    const float card_top = f.y;
    Flow inner{env.text, f.x + 20, f.w - 40, card_top + 20};
    l.advice = inner.add(core::tr(core::red_flag_advice()), Font::Body, 0);
    l.advice_card = {f.x, card_top, f.w, inner.y + 20 - card_top};
    f.y = l.advice_card.bottom() + kGap;
  } else if (s.brief) {
    l.title = f.add(safety_heading(s), Font::Title, kSmallGap);
    l.intro =
        f.add(core::tr("Since last time, any of these? Tick any that apply."), Font::Body, kGap);
    for (const auto& q : core::red_flag_questions()) {
      SafetyItemLayout item;
      const float text_x = f.x + kItemPad + kBox + kItemPad;
      item.text = text_block(env.text, core::tr(q.brief), Font::Body, text_x, f.y + kItemPad,
                             f.x + w - kItemPad - text_x);
      const float h = std::max(kAnswerH, item.text.box.h + 2 * kItemPad);
      item.row = {f.x, f.y, w, h};
      item.box = {f.x + kItemPad, f.y + (h - kBox) / 2, kBox, kBox};
      f.y += h + kSmallGap;
      l.items.push_back(std::move(item));
    }
    f.y += kSmallGap;
  } else {
    l.title = f.add(safety_heading(s), Font::Title, kSmallGap);
    l.intro = f.add(core::tr("A short safety check, every four weeks. Answer each question."),
                    Font::Body, kGap);
    const bool beside = w >= kSideBySide;
    const float answers_w = 2 * kAnswerW + kSmallGap;
    for (const auto& q : core::red_flag_questions()) {
      SafetyQuestionLayout row;
      if (beside) {
        row.text =
            text_block(env.text, core::tr(q.text), Font::Body, f.x, f.y, w - answers_w - kGap);
        const float h = std::max(row.text.box.h, kAnswerH);
        const float ay = f.y + (h - kAnswerH) / 2;
        row.yes = {f.x + w - answers_w, ay, kAnswerW, kAnswerH};
        row.no = {row.yes.right() + kSmallGap, ay, kAnswerW, kAnswerH};
        f.y += h + kGap;
      } else {
        row.text = f.add(core::tr(q.text), Font::Body, kSmallGap);
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

int urgency_rank(core::CareUrgency u) { return static_cast<int>(u); }

}  // namespace

SafetyPageLayout safety_page_layout(const SafetyScreen& s, const Env& env) {
  SafetyPageLayout l = layout_at(s, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? layout_at(s, env, dy) : l;
}

bool safety_answered(const SafetyScreen& s) {
  if (s.brief) return true;  // an unticked item is a "no"
  return std::all_of(s.answers.begin(), s.answers.end(),
                     [](const auto& a) { return a.has_value(); });
}

bool safety_any_yes(const SafetyScreen& s) {
  return std::any_of(s.answers.begin(), s.answers.end(),
                     [](const auto& a) { return a.value_or(false); });
}

std::string safety_confirm_label(const SafetyScreen& s) {
  // TRANSLATORS: a button that leaves the safety check's advice for the Home screen.
  if (s.blocked) return core::tr("Back to Home");
  // TRANSLATORS: the one button of the brief safety check when nothing is ticked.
  if (s.brief && !safety_any_yes(s)) return core::tr("None of these");
  return core::tr("Continue");
}

std::vector<const core::RedFlagQuestion*> safety_yes_questions(const SafetyScreen& s) {
  std::vector<const core::RedFlagQuestion*> out;
  for (const std::string& id : s.yes_ids) {
    if (const auto* q = core::find_red_flag(id)) out.push_back(q);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
    return urgency_rank(a->urgency) < urgency_rank(b->urgency);
  });
  return out;
}

ScreenFrame frame(const AppModel&, const SafetyScreen& s, const Env& env) {
  const auto l = safety_page_layout(s, env);
  ScreenFrame f;
  f.title = safety_heading(s);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  if (!s.blocked) {
    add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
    const auto& questions = core::red_flag_questions();
    for (std::size_t i = 0; i < l.questions.size(); ++i) {
      const int index = static_cast<int>(i);
      const std::string q = core::tr(questions[i].text);
      const std::optional<bool> answer = s.answers[i];
      // TRANSLATORS: what a screen reader says for the Yes answer of a safety question.
      std::string yes = core::fill(core::tr("Yes: {question}"), {{"question", q}});
      // TRANSLATORS: what a screen reader says for the No answer of a safety question.
      std::string no = core::fill(core::tr("No: {question}"), {{"question", q}});
      add_scrolling(f, {ControlKind::RedFlagYes, index}, l.questions[i].yes, std::move(yes),
                    Role::Option);
      set_checked(f, answer == true);
      add_scrolling(f, {ControlKind::RedFlagNo, index}, l.questions[i].no, std::move(no),
                    Role::Option);
      set_checked(f, answer == false);
    }
    for (std::size_t i = 0; i < l.items.size(); ++i) {
      // A tick toggles: the item's control is its "yes".
      add_scrolling(f, {ControlKind::RedFlagYes, static_cast<int>(i)}, l.items[i].row,
                    core::tr(questions[i].brief), Role::Option);
      set_checked(f, s.answers[i] == true);
    }
    add_target(f, {ControlKind::Confirm, 0}, l.confirm, safety_confirm_label(s), Role::Button,
               safety_answered(s));
  } else {
    add_target(f, {ControlKind::Confirm, 0}, l.confirm, safety_confirm_label(s));
  }
  return f;
}

Control primary(const AppModel&, const SafetyScreen& s) {
  // Brief: "None of these" is the one tap most days need.
  if (s.blocked || s.brief) return {ControlKind::Confirm, 0};
  return {ControlKind::RedFlagNo, 0};
}

void activate(Step& st, SafetyScreen& s, Control c) {
  AppModel& m = st.m;
  const int i = c.index;
  switch (c.kind) {
    case ControlKind::RedFlagYes:
    case ControlKind::RedFlagNo:
      if (!s.blocked && i >= 0 && i < kRedFlagCount) {
        auto& answer = s.answers[static_cast<std::size_t>(i)];
        if (s.brief) {
          answer = !answer.value_or(false);
        } else {
          answer = c.kind == ControlKind::RedFlagYes;
        }
      }
      return;
    case ControlKind::Confirm: {
      if (s.blocked) {
        open_screen(m, HomeScreen{});
        return;
      }
      if (!safety_answered(s)) return;
      if (safety_any_yes(s)) {
        core::SafetyBlock block{m.wall_now, m.utc_offset_min, {}};
        const auto& questions = core::red_flag_questions();
        for (std::size_t q = 0; q < questions.size(); ++q) {
          if (s.answers[q].value_or(false)) block.ids.emplace_back(questions[q].id);
        }
        st.fx.push_back(SaveSafetyBlock{block});
        std::string ids;
        for (const std::string& id : block.ids) ids += (ids.empty() ? "" : ",") + id;
        st.fx.push_back(RecordSafetyEvent{core::SafetyEventKind::Blocked, ids});
        m.safety_block = block;
        open_screen(m, blocked_screen(block));
        return;
      }
      if (!s.brief) {
        st.fx.push_back(SaveScreenResult{true, m.wall_now});
        m.screened_at = m.wall_now;
      }
      after_safety_check(m, s.pending_routine);
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
  open_pending_routine(st.m, s.blocked ? -1 : s.pending_routine);
}

void scroll(Step& st, SafetyScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, SafetyScreen&, const TextInput&) {}

}  // namespace unknot::app
