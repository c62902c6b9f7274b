#include "app/builder_pick_page.h"

#include <algorithm>

#include "app/builder_draft.h"
#include "app/builder_flow.h"
#include "app/screens.h"
#include "core/content_language.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

constexpr const char* kTitle = core::tr_noop("Add a muscle");  // the page's heading

// "Supervised · Added · 45 s · 5/10 · Ball against a wall"
std::string detail_of(const AppModel& m, const core::MuscleInfo& muscle) {
  std::string detail =
      seconds_text(muscle.hold_seconds) + " \u00B7 " + std::to_string(muscle.pressure) + "/10";
  if (!muscle.tool.empty()) detail += " \u00B7 " + core::tool_text(muscle.tool);
  const auto& steps = m.homework_draft.steps;
  if (std::any_of(steps.begin(), steps.end(), [&](const auto& s) { return s.muscle == muscle.id; }))
    // TRANSLATORS: a muscle already in the homework; {detail} is its dose.
    detail = core::fill(core::tr("Added · {detail}"), {{"detail", detail}});
  if (muscle.therapist_only) detail = supervised_text(detail);
  return detail;
}

BuilderPickPageLayout lay_out(const AppModel& m, const Env& env, float dy) {
  BuilderPickPageLayout l;
  const TextMeasure& t = env.text;
  l.page = form_frame(env.window, false);
  const Rect col = l.page.column, bar = l.page.top_bar;
  l.back = {bar.x - 12, bar.y, 48, 48};
  const auto rows = builder_pick_rows(m);
  Flow f{t, col.x, col.w, l.page.viewport.y + 8 - dy};
  l.title = f.add(core::tr(kTitle), Font::Title, 4);
  l.intro = f.add(rows.empty() ? core::tr("The muscle library is not loaded.")
                               : core::tr("Every muscle in the library, by region."),
                  Font::Caption, 16);
  for (const auto& row : rows) {
    BuilderPickRowLayout r;
    if (!row.heading.empty()) {
      if (!l.rows.empty()) f.y += 8;
      r.heading = f.add(row.heading, Font::Heading, 8);
    }
    r.card = card_layout(f, row.muscle->name, detail_of(m, *row.muscle), Font::Caption, 64, 8);
    r.card.caution = row.muscle->therapist_only;
    l.rows.push_back(std::move(r));
  }
  l.content_h = f.y + 16 + dy - l.page.viewport.y;
  return l;
}

}  // namespace

BuilderPickPageLayout builder_pick_page_layout(const AppModel& m, const Env& env) {
  BuilderPickPageLayout l = lay_out(m, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? lay_out(m, env, dy) : l;
}

ScreenFrame frame(const AppModel& m, const BuilderPickScreen&, const Env& env) {
  const BuilderPickPageLayout l = builder_pick_page_layout(m, env);
  ScreenFrame f;
  f.title = core::tr(kTitle);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  for (std::size_t i = 0; i < l.rows.size(); ++i) {
    const auto& r = l.rows[i];
    const auto& name = r.card.title.lines;
    // TRANSLATORS: the spoken name of a muscle's card: adds it to the homework.
    const std::string add = core::tr("Add {muscle}");
    add_scrolling(f, {ControlKind::MusclePick, static_cast<int>(i)}, r.card.card,
                  core::fill(add, {{"muscle", name.empty() ? std::string{} : name[0]}}), Role::Row);
  }
  return f;
}

Control primary(const AppModel& m, const BuilderPickScreen&) {
  return {builder_pick_rows(m).empty() ? ControlKind::Back : ControlKind::MusclePick, 0};
}

void activate(Step& st, BuilderPickScreen& s, Control c) {
  AppModel& m = st.m;
  if (c.kind == ControlKind::Back) {
    open_builder(m, s.builder_scroll, Control{ControlKind::AddMuscle, 0});
    return;
  }
  if (c.kind != ControlKind::MusclePick) return;
  const auto rows = builder_pick_rows(m);
  if (c.index < 0 || c.index >= static_cast<int>(rows.size())) return;
  auto& steps = m.homework_draft.steps;
  steps.push_back(step_for(*rows[static_cast<std::size_t>(c.index)].muscle));
  // The routine page as it was, its new card in view and focused.
  open_builder(m, s.builder_scroll,
               Control{ControlKind::StepRow, static_cast<int>(steps.size()) - 1});
}

void back(Step& st, BuilderPickScreen& s) { activate(st, s, {ControlKind::Back, 0}); }

void scroll(Step& st, BuilderPickScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, BuilderPickScreen&, const TextInput&) {}

}  // namespace unknot::app
