#include "app/rating_page.h"

#include <algorithm>
#include <string>

#include "app/screens.h"
#include "app/session_flow.h"
#include "core/content_language.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

const char* const kTitle = core::tr_noop("Pain right now");  // the page's heading

constexpr float kGap = 16;
constexpr float kSmallGap = 8;
constexpr float kCell = 56;
constexpr float kChip = 48;

const std::vector<std::string>& regions_of(const AppModel& m, const RatingScreen& s) {
  static const std::vector<std::string> kNone;
  if (s.moment != RatingMoment::Before || s.routine < 0 ||
      s.routine >= static_cast<int>(m.catalog.size()))
    return kNone;
  return m.catalog[static_cast<std::size_t>(s.routine)].routine.regions;
}

}  // namespace

RatingPageLayout rating_page_layout(const AppModel& m, const RatingScreen& s, const Env& env) {
  RatingPageLayout l;
  const bool before = s.moment == RatingMoment::Before;
  l.page = page_frame(env.window, true);
  // The rating is a phone-width column even on a desktop: eleven big numbers, not a strip.
  Rect col = l.page.column;
  if (col.w > 480) col = {col.x + (col.w - 480) / 2, col.y, 480, col.h};
  l.page.bottom = {col.x, l.page.bottom.y, col.w, l.page.bottom.h};
  l.confirm = l.page.bottom;
  if (before) {
    l.back = {l.page.top_bar.x - 12, l.page.top_bar.y, 48, 48};
  } else {
    l.skip = {l.page.top_bar.right() - 96, l.page.top_bar.y, 96, 48};
  }
  // The hint sits just above Continue, outside the scrolling part.
  if (s.needs_value_hint) {
    l.hint = text_block(env.text, core::tr("Choose a number from 0 to 10 first"), Font::Caption,
                        col.x, 0, col.w);
    l.hint.box.y = l.confirm.y - kSmallGap - l.hint.box.h;
    l.page.viewport.h = std::max(0.0f, l.hint.box.y - kSmallGap - l.page.viewport.y);
  }
  const float scroll = env.scroll;
  Flow f{env.text, col.x, col.w, l.page.viewport.y + 4};
  // The question and its anchors stay word for word the same before and after (domain.md §4.3).
  l.moment = f.add(before          ? core::tr("Before you start")
                   : s.ended_early ? core::tr("You ended early: how is it now?")
                                   : core::tr("After the session"),
                   Font::Caption, 4);
  l.title = f.add(core::tr(kTitle), Font::Title, kSmallGap);
  // TRANSLATORS: the two ends of the pain scale, the same words before and after a session.
  l.anchors = f.add(core::tr("0 = no pain, 10 = worst pain you can imagine"), Font::Body, kGap);
  // Six columns where each target stays at least 48 dp wide, else four.
  const int cols = col.w >= 6 * 48 + 5 * kSmallGap + 12 ? 6 : 4;
  const float cell_w =
      (col.w - kSmallGap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  for (int v = 0; v <= 10; ++v) {
    const int row = v / cols, c = v % cols;
    l.values.push_back({col.x + static_cast<float>(c) * (cell_w + kSmallGap),
                        f.y + static_cast<float>(row) * (kCell + kSmallGap), cell_w, kCell});
  }
  f.y += static_cast<float>(10 / cols + 1) * (kCell + kSmallGap) + kSmallGap;
  const auto& regions = regions_of(m, s);
  if (!regions.empty()) {
    l.region_label = f.add(core::tr("Where does it hurt most? (optional)"), Font::Body, kSmallGap);
    const float chip_w = (col.w - kSmallGap) / 2;
    for (std::size_t i = 0; i < regions.size(); i += 2) {
      float row_h = kChip;
      std::vector<TextBlock> names;
      for (std::size_t k = i; k < std::min(regions.size(), i + 2); ++k) {
        const float x = col.x + static_cast<float>(k - i) * (chip_w + kSmallGap);
        names.push_back(text_block(env.text, core::region_text(regions[k]), Font::Body, x + 12, 0,
                                   chip_w - 24));
        row_h = std::max(row_h, names.back().box.h + 16);
      }
      for (std::size_t k = i; k < std::min(regions.size(), i + 2); ++k) {
        const float x = col.x + static_cast<float>(k - i) * (chip_w + kSmallGap);
        l.regions.push_back({x, f.y, chip_w, row_h});
        TextBlock name = names[k - i];
        name.box.y = f.y + (row_h - name.box.h) / 2;
        l.region_names.push_back(name);
      }
      f.y += row_h + kSmallGap;
    }
  }
  l.content_h = f.y - l.page.viewport.y;
  if (s.confirming_skip) {
    l.dialog = dialog_box(env.text, env.window, l.page.column, core::tr("Skip the rating?"),
                          core::tr("Your session is kept either way."), core::tr("Rate it"),
                          core::tr("Leave"));
  }
  const float dy = std::clamp(scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  for (TextBlock* b : {&l.moment, &l.title, &l.anchors, &l.region_label}) b->box.y -= dy;
  for (auto& r : l.values) r.y -= dy;
  for (auto& r : l.regions) r.y -= dy;
  for (auto& b : l.region_names) b.box.y -= dy;
  return l;
}

ScreenFrame frame(const AppModel& m, const RatingScreen& s, const Env& env) {
  const auto l = rating_page_layout(m, s, env);
  ScreenFrame f;
  f.title = core::tr(kTitle);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  if (s.confirming_skip) {  // modal: its answers are the only targets
    // TRANSLATORS: the answers to "Skip the rating?": rate the pain after all, or leave unrated.
    add_target(f, {ControlKind::EndCancel, 0}, l.dialog.cancel, core::tr("Rate it"));
    add_target(f, {ControlKind::Skip, 1}, l.dialog.confirm, core::tr("Leave"));
    return f;
  }
  if (l.back.w > 0) add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  if (l.skip.w > 0) add_target(f, {ControlKind::Skip, 0}, l.skip, core::tr("Skip"));
  for (int v = 0; v <= 10; ++v) {
    add_scrolling(f, {ControlKind::PainValue, v}, l.values[static_cast<std::size_t>(v)],
                  // TRANSLATORS: a screen reader's name for one number of the pain scale (0-10).
                  core::fill(core::tr("Pain {n}"), {{"n", std::to_string(v)}}), Role::Option);
    set_checked(f, s.pain == v);
  }
  const auto& regions = regions_of(m, s);
  for (std::size_t i = 0; i < l.regions.size(); ++i) {
    add_scrolling(f, {ControlKind::Region, static_cast<int>(i)}, l.regions[i],
                  core::region_text(regions[i]), Role::Toggle);
  }
  add_target(f, {ControlKind::Confirm, 0}, l.confirm,
             s.moment == RatingMoment::Before ? core::tr("Continue") : core::tr("Save"));
  return f;
}

Control primary(const AppModel&, const RatingScreen& s) {
  if (s.confirming_skip) return {ControlKind::EndCancel, 0};  // rating is the gentle default
  return {ControlKind::Confirm, 0};
}

void activate(Step& st, RatingScreen& s, Control c) {
  AppModel& m = st.m;
  switch (c.kind) {
    case ControlKind::PainValue:
      s.pain = std::clamp(c.index, 0, 10);
      s.needs_value_hint = false;
      return;
    case ControlKind::Region:
      s.region = s.region == c.index ? std::nullopt : std::optional<int>(c.index);
      return;
    case ControlKind::Back:
      back(st, s);
      return;
    case ControlKind::Skip:
      if (s.moment != RatingMoment::After) return;
      if (c.index == 0) {  // ask first
        RatingScreen asking = s;
        asking.confirming_skip = true;
        open_screen(m, asking);
      } else {
        open_screen(m, SummaryScreen{});
      }
      return;
    case ControlKind::EndCancel: {
      RatingScreen back_to = s;
      back_to.confirming_skip = false;
      open_screen(m, back_to);
      return;
    }
    case ControlKind::Confirm: {
      if (!s.pain) {
        s.needs_value_hint = true;
        return;
      }
      const RatingScreen r = s;  // opening the next screen replaces `s`
      if (r.moment == RatingMoment::Before) {
        start_session(m, st.fx, r.routine, *r.pain, r.region);
        open_screen(m, PlayerScreen{});
      } else {
        finish_rating_after(m, st.fx, *r.pain);
        open_screen(m, SummaryScreen{});
      }
      return;
    }
    default:
      return;
  }
}

void back(Step& st, RatingScreen& s) {
  if (s.moment == RatingMoment::Before) {
    open_screen(st.m, RoutineScreen{s.routine, {}});
  } else if (s.confirming_skip) {
    activate(st, s, {ControlKind::EndCancel, 0});  // Escape on the question: back to rating
  } else {
    activate(st, s, {ControlKind::Skip, 0});  // optional, but asked before leaving without
  }
}

void scroll(Step& st, RatingScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, RatingScreen&, const TextInput&) {}

}  // namespace unknot::app
