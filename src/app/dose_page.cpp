// Notes on behaviour the header leaves open:
// - Sore and Bruised toggle, and marking one clears the other: a muscle has one answer.
// - The answer is saved once Continue (or "No soreness or bruising") is pressed; Back before
//   that returns to the routine and asks again next time. The changes page has no Back: the
//   answer is kept, and Escape goes on as Continue does.
// - The changes name how much lighter each muscle is now in all (core::pressure_eases), which
//   can be more than this answer alone after earlier soreness.
#include "app/dose_page.h"

#include <algorithm>
#include <cmath>

#include "app/care_flow.h"
#include "app/screens.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

// The page's heading: the changes made, or the question about the last session.
std::string dose_heading(const DoseScreen& s) {
  return s.showing_changes ? core::tr("Lighter from now on") : core::tr("After your last session");
}

constexpr float kGap = 16;
constexpr float kSmallGap = 8;
constexpr float kCardPad = 16;
constexpr float kChipW = 112;
constexpr float kChipH = 48;
constexpr float kSideBySide = 440;  // column width from which the chips sit beside the name

bool marked(const DoseScreen& s) {
  return std::any_of(s.answers.begin(), s.answers.end(),
                     [](core::DoseReaction r) { return r != core::DoseReaction::Fine; });
}

std::string lighter_text(const core::PressureEase* ease, core::DoseReaction said) {
  const int less = ease ? ease->less : 0;
  const auto n = static_cast<std::uint64_t>(std::max(0, less));
  if (said == core::DoseReaction::Bruised) {
    return core::fill(
        // TRANSLATORS: a muscle reported bruised after the last session: its pressure target is now
        // {n} points (of 10) lower everywhere.
        core::trn("Bruised: now {n} point lighter than its usual target, in every routine. A "
                  "session that feels fine brings it back one point at a time.",
                  "Bruised: now {n} points lighter than its usual target, in every routine. "
                  "A session that feels fine brings it back one point at a time.",
                  n),
        {{"n", std::to_string(less)}});
  }
  return core::fill(
      // TRANSLATORS: a muscle reported still sore after the last session: its pressure target is
      // now {n} points (of 10) lower everywhere.
      core::trn("Still sore: now {n} point lighter than its usual target, in every "
                "routine. A session that feels fine brings it back one point at a time.",
                "Still sore: now {n} points lighter than its usual target, in every "
                "routine. A session that feels fine brings it back one point at a time.",
                n),
      {{"n", std::to_string(less)}});
}

DosePageLayout layout_at(const AppModel& m, const DoseScreen& s, const Env& env, float dy) {
  DosePageLayout l;
  // The button as tall as its longer label needs, so it keeps its size when one is marked.
  DoseScreen unmarked = s;
  std::fill(unmarked.answers.begin(), unmarked.answers.end(), core::DoseReaction::Fine);
  l.page = page_frame(env.window, env.text, dose_confirm_label(unmarked));
  const Rect col = l.page.column;
  l.confirm = l.page.bottom;
  if (!s.showing_changes) l.back = {l.page.top_bar.x - 12, l.page.top_bar.y, 48, 48};
  const float w = std::min(col.w, 640.0f);
  Flow f{env.text, col.x, w, l.page.viewport.y + kSmallGap - dy};
  if (s.showing_changes) {
    l.title = f.add(dose_heading(s), Font::Title, kSmallGap);
    l.intro =
        f.add(core::tr("Unknot will ask for less pressure on these muscles."), Font::Body, kGap);
    const auto eases = core::pressure_eases(m.dose_checks);
    for (std::size_t i = 0; i < s.muscles.size() && i < s.answers.size(); ++i) {
      if (s.answers[i] == core::DoseReaction::Fine) continue;
      DoseChangeLayout c;
      const float top = f.y;
      Flow inner{env.text, f.x + kCardPad, f.w - 2 * kCardPad, top + kCardPad};
      c.heading = inner.add(muscle_display_name(m, s.muscles[i]), Font::BodyStrong, kSmallGap);
      c.text = inner.add(lighter_text(core::find_ease(eases, s.muscles[i]), s.answers[i]),
                         Font::Body, 0);
      c.card = {f.x, top, f.w, inner.y + kCardPad - top};
      f.y = c.card.bottom() + kSmallGap;
      l.changes.push_back(std::move(c));
    }
    f.y += kSmallGap;
    l.advice = f.add(
        core::tr("Bruising means the pressure was far too deep. If bruises come without a clear "
                 "reason, or keep coming, show them to your doctor or therapist."),
        Font::Body, kGap);
  } else {
    l.title = f.add(dose_heading(s), Font::Title, kSmallGap);
    l.intro = f.add(
        core::tr("How did the places you pressed feel afterwards? Mark any that stayed sore or "
                 "bruised: Unknot will go lighter there."),
        Font::Body, kGap);
    // Each answer as wide as the longer of the two words (at least kChipW): beside the name on
    // a wide column, else under it, side by side when they fit and one above the other if not.
    const float chip_w =
        std::max({kChipW, std::ceil(env.text.width(core::tr("Sore"), Font::BodyStrong)) + 32,
                  std::ceil(env.text.width(core::tr("Bruised"), Font::BodyStrong)) + 32});
    const float chips_w = 2 * chip_w + kSmallGap;
    const bool beside = w >= kSideBySide && w - 3 * kCardPad - chips_w >= kChipW;
    const float inner_w = w - 2 * kCardPad;
    const bool stacked = chips_w > inner_w;
    for (const std::string& muscle : s.muscles) {
      DoseRowLayout r;
      const float top = f.y;
      const std::string name = muscle_display_name(m, muscle);
      if (beside) {
        r.name = text_block(env.text, name, Font::Body, f.x + kCardPad, top + kCardPad,
                            w - 3 * kCardPad - chips_w);
        const float h = std::max(r.name.box.h, kChipH) + 2 * kCardPad;
        r.name.box.y = top + (h - r.name.box.h) / 2;
        const float cy = top + (h - kChipH) / 2;
        r.sore = {f.x + w - kCardPad - chips_w, cy, chip_w, kChipH};
        r.bruised = {r.sore.right() + kSmallGap, cy, chip_w, kChipH};
        r.card = {f.x, top, w, h};
      } else {
        r.name = text_block(env.text, name, Font::Body, f.x + kCardPad, top + kCardPad,
                            w - 2 * kCardPad);
        const float cy = r.name.box.bottom() + kSmallGap;
        if (stacked) {
          const float one_w = std::min(chip_w, inner_w);
          r.sore = {f.x + kCardPad, cy, one_w, kChipH};
          r.bruised = {f.x + kCardPad, r.sore.bottom() + kSmallGap, one_w, kChipH};
        } else {
          r.sore = {f.x + kCardPad, cy, chip_w, kChipH};
          r.bruised = {r.sore.right() + kSmallGap, cy, chip_w, kChipH};
        }
        r.card = {f.x, top, w, r.bruised.bottom() + kCardPad - top};
      }
      f.y = r.card.bottom() + kSmallGap;
      l.rows.push_back(std::move(r));
    }
    f.y += kSmallGap;
  }
  l.content_h = f.y + dy - l.page.viewport.y;
  return l;
}

}  // namespace

DosePageLayout dose_page_layout(const AppModel& m, const DoseScreen& s, const Env& env) {
  DosePageLayout l = layout_at(m, s, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? layout_at(m, s, env, dy) : l;
}

DoseScreen dose_screen(const core::DoseDue& due, int routine) {
  DoseScreen s;
  s.pending_routine = routine;
  s.session_id = due.session_id;
  s.muscles = due.muscles;
  s.answers.assign(due.muscles.size(), core::DoseReaction::Fine);
  return s;
}

std::string dose_confirm_label(const DoseScreen& s) {
  if (s.showing_changes || marked(s)) return core::tr("Continue");
  // TRANSLATORS: the button under the question about the last session, when no muscle is marked.
  return core::tr("No soreness or bruising");
}

std::string muscle_display_name(const AppModel& m, std::string_view id) {
  if (m.library) {
    if (const core::MuscleInfo* info = m.library->find(id)) return info->name;
  }
  return core::readable_muscle_id(id);
}

ScreenFrame frame(const AppModel& m, const DoseScreen& s, const Env& env) {
  const auto l = dose_page_layout(m, s, env);
  ScreenFrame f;
  f.title = dose_heading(s);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  if (!s.showing_changes) {
    add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
    for (std::size_t i = 0; i < l.rows.size(); ++i) {
      const int index = static_cast<int>(i);
      const std::string name = muscle_display_name(m, s.muscles[i]);
      // TRANSLATORS: a screen reader's name for the "Sore" choice beside a muscle ({muscle}).
      const std::string sore = core::tr("Sore: {muscle}");
      // TRANSLATORS: a screen reader's name for the "Bruised" choice beside a muscle ({muscle}).
      const std::string bruised = core::tr("Bruised: {muscle}");
      add_scrolling(f, {ControlKind::DoseSore, index}, l.rows[i].sore,
                    core::fill(sore, {{"muscle", name}}), Role::Option);
      add_scrolling(f, {ControlKind::DoseBruised, index}, l.rows[i].bruised,
                    core::fill(bruised, {{"muscle", name}}), Role::Option);
    }
  }
  add_target(f, {ControlKind::Confirm, 0}, l.confirm, std::string(dose_confirm_label(s)));
  return f;
}

Control primary(const AppModel&, const DoseScreen&) { return {ControlKind::Confirm, 0}; }

void activate(Step& st, DoseScreen& s, Control c) {
  AppModel& m = st.m;
  const int i = c.index;
  switch (c.kind) {
    case ControlKind::DoseSore:
    case ControlKind::DoseBruised: {
      if (s.showing_changes || i < 0 || i >= static_cast<int>(s.answers.size())) return;
      const auto chosen =
          c.kind == ControlKind::DoseSore ? core::DoseReaction::Sore : core::DoseReaction::Bruised;
      auto& answer = s.answers[static_cast<std::size_t>(i)];
      answer = answer == chosen ? core::DoseReaction::Fine : chosen;
      return;
    }
    case ControlKind::Confirm: {
      if (s.showing_changes) {
        ask_rating_before(m, s.pending_routine);
        return;
      }
      std::vector<core::DoseAnswer> answers;
      for (std::size_t k = 0; k < s.muscles.size() && k < s.answers.size(); ++k)
        answers.push_back({s.muscles[k], s.answers[k]});
      st.fx.push_back(SaveDoseCheck{s.session_id, answers});
      m.dose_checks.push_back({m.wall_now, std::move(answers)});
      m.dose_due.reset();
      apply_profile_to_catalog(m);
      if (!marked(s)) {
        ask_rating_before(m, s.pending_routine);
        return;
      }
      DoseScreen next = s;
      next.showing_changes = true;
      m.scroll = {};  // the changes start at their top
      open_screen(m, next);
      return;
    }
    case ControlKind::Back:
      back(st, s);
      return;
    default:
      return;
  }
}

void back(Step& st, DoseScreen& s) {
  if (s.showing_changes) {
    ask_rating_before(st.m, s.pending_routine);
  } else {
    open_pending_routine(st.m, s.pending_routine);
  }
}

void scroll(Step& st, DoseScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, DoseScreen&, const TextInput&) {}

}  // namespace unknot::app
