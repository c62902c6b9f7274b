#include "app/muscle_page.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "app/screens.h"
#include "core/content_language.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

constexpr const char* kNotFound = core::tr_noop("Muscle not found");  // the heading without one

constexpr float kGap = 16;
constexpr float kSmallGap = 8;

const core::MuscleInfo* muscle_of(const AppModel& m, const MuscleScreen& s) {
  return m.library ? m.library->find(s.muscle) : nullptr;
}

MusclePageLayout layout_at(const AppModel& m, const MuscleScreen& s, const Env& env, float dy) {
  MusclePageLayout l;
  l.page = page_frame(env.window, false);
  l.back = {l.page.top_bar.x - 12, l.page.top_bar.y, 48, 48};
  const Rect col = l.page.column;
  const float w = std::min(col.w, 640.0f);
  Flow f{env.text, col.x, w, l.page.viewport.y + kSmallGap - dy};
  const core::MuscleInfo* muscle = muscle_of(m, s);
  if (muscle == nullptr) {
    l.title = f.add(core::tr(kNotFound), Font::Title, kGap);
    l.content_h = f.y + dy - l.page.viewport.y;
    return l;
  }
  l.title = f.add(muscle->name, Font::Title, kGap);
  if (m.body_map) {
    // Two figures, front and back, with the legend beside them (under them when narrow).
    const float h = std::round(std::clamp(env.window.h * 0.28f, 168.0f, 240.0f));
    const float fw = std::round(h * 100 / 220);
    l.front_figure = {f.x, f.y, fw, h};
    l.back_figure = {f.x + fw + kSmallGap, f.y, fw, h};
    // TRANSLATORS: under the body figures: the front and the back of the body.
    l.front_label = text_block(env.text, core::trc("body view", "Front"), Font::Caption,
                               l.front_figure.x, l.front_figure.bottom() + 4, fw);
    l.back_label = text_block(env.text, core::trc("body view", "Back"), Font::Caption,
                              l.back_figure.x, l.back_figure.bottom() + 4, fw);
    const float figures_bottom = l.front_label.box.bottom();
    const float side_x = l.back_figure.right() + kGap;
    const bool beside = f.x + w - side_x >= 120;
    Flow side = beside ? Flow{env.text, side_x, f.x + w - side_x, 0}
                       : Flow{env.text, f.x, w, figures_bottom + kSmallGap};
    std::vector<FigureLegendItem> items;
    for (const bool spread : {false, true}) {
      FigureLegendItem item;
      item.spread = spread;
      item.text = text_block(
          env.text,
          spread ? core::tr("Where its pain may spread") : core::tr("Where the muscle lies"),
          Font::Caption, side.x + 18, side.y, side.w - 18);
      item.dot = {side.x + 6, side.y + env.text.line_height(Font::Caption) / 2};
      side.y = item.text.box.bottom() + 4;
      items.push_back(std::move(item));
    }
    if (beside) {  // the legend sits at the foot of the figures
      const float shift = figures_bottom - side.y;
      for (auto& item : items) {
        item.text.box.y += shift;
        item.dot.y += shift;
      }
      f.y = figures_bottom + kGap;
    } else {
      f.y = side.y + kGap;
    }
    l.legend = std::move(items);
  }
  const auto heading = [&](std::string_view text) {
    l.blocks.push_back(f.add(text, Font::Heading, 4));
  };
  const auto para = [&](std::string_view text, float gap) {
    if (!text.empty()) l.blocks.push_back(f.add(text, Font::Body, gap));
  };
  if (!muscle->where.empty()) {
    heading(core::tr("Where to find it"));
    para(muscle->where, kGap);
  }
  if (!muscle->referral.empty()) {
    heading(core::tr("Where its pain may spread"));
    para(muscle->referral, kGap);
  }
  std::string tool = core::tool_text(muscle->tool);
  if (!muscle->posture.empty()) tool += (tool.empty() ? "" : " · ") + muscle->posture;
  if (!tool.empty() || !muscle->instruction.empty()) {
    heading(core::tr("Tool and posture"));
    para(tool, 4);
    para(muscle->instruction, kGap);
  }
  heading(core::tr("Hold and pressure"));
  std::string dose;
  if (muscle->sided) {
    // TRANSLATORS: a muscle's dose: {seconds} a hold on each side, {pressure} out of 10.
    dose = core::tr("{seconds} s on each side · pressure {pressure} of 10, never above 7");
  } else {
    // TRANSLATORS: a muscle's dose: {seconds} a hold, {pressure} out of 10.
    dose = core::tr("{seconds} s · pressure {pressure} of 10, never above 7");
  }
  para(core::fill(dose, {{"seconds", std::to_string(muscle->hold_seconds)},
                         {"pressure", std::to_string(muscle->pressure)}}),
       kGap);
  if (!muscle->cautions.empty()) {
    heading(core::tr("Cautions"));
    for (const auto& c : muscle->cautions) para(c, kSmallGap);
    f.y += kSmallGap;
  }
  if (!muscle->sources.empty()) {
    heading(core::tr("Sources"));
    for (const auto& src : muscle->sources) l.blocks.push_back(f.add(src, Font::Caption, 6));
  }
  l.content_h = f.y + kGap + dy - l.page.viewport.y;
  return l;
}

}  // namespace

MusclePageLayout muscle_page_layout(const AppModel& m, const MuscleScreen& s, const Env& env) {
  MusclePageLayout l = layout_at(m, s, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? layout_at(m, s, env, dy) : l;
}

ScreenFrame frame(const AppModel& m, const MuscleScreen& s, const Env& env) {
  const auto l = muscle_page_layout(m, s, env);
  ScreenFrame f;
  const core::MuscleInfo* muscle = muscle_of(m, s);
  f.title = muscle != nullptr ? muscle->name : core::tr(kNotFound);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  return f;
}

Control primary(const AppModel&, const MuscleScreen&) { return {ControlKind::Back, 0}; }

void activate(Step& st, MuscleScreen& s, Control c) {
  if (c.kind == ControlKind::Back) back(st, s);
}

void back(Step& st, MuscleScreen& s) {
  AppModel& m = st.m;
  const BodyMapScreen map = s.back_to;
  const std::string muscle = s.muscle;
  open_screen(m, map);
  // Focus returns to the details button of the row the person left from.
  const auto rows = bodymap_rows(m, map);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i]->id != muscle) continue;
    const auto list = controls(m);
    const auto it =
        std::find(list.begin(), list.end(), Control{ControlKind::MuscleInfo, static_cast<int>(i)});
    if (it != list.end()) m.focus = static_cast<int>(it - list.begin());
  }
  reveal_focus(m);
}

void scroll(Step& st, MuscleScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, MuscleScreen&, const TextInput&) {}

}  // namespace unknot::app
