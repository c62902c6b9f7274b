// Notes on behaviour the header leaves open:
// - Switches change a draft; only Save keeps it (and re-applies the profile to every routine).
//   Back discards the draft. With nothing ticked the same button reads "None of these": one tap
//   keeps an empty profile.
#include "app/profile_page.h"

#include <algorithm>

#include "app/care_flow.h"
#include "app/screens.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

constexpr const char* kTitle = core::tr_noop("Health profile");  // the page's heading

constexpr float kGap = 16;
constexpr float kSmallGap = 8;
constexpr float kPad = 16;
constexpr float kTrackW = 52;
constexpr float kTrackH = 28;
constexpr float kMinRow = 64;

ProfilePageLayout layout_at(const Env& env, float dy) {
  ProfilePageLayout l;
  l.page = page_frame(env.window, true);
  l.back = {l.page.top_bar.x - 12, l.page.top_bar.y, 48, 48};
  l.skip = {l.page.top_bar.right() - 120, l.page.top_bar.y, 120, 48};
  l.save = l.page.bottom;
  const Rect col = l.page.column;
  const float w = std::min(col.w, 640.0f);
  Flow f{env.text, col.x, w, l.page.viewport.y + kSmallGap - dy};
  l.title = f.add(core::tr(kTitle), Font::Title, kSmallGap);
  l.intro = f.add(core::tr("Tick any that apply to you. Routines change to suit them, and say why. "
                           "Kept on this device only."),
                  Font::Body, kGap);
  const auto& texts = profile_flag_texts();
  for (const auto& t : texts) {
    ProfileRowLayout r;
    const float text_x = f.x + kPad;
    const float text_w = w - 2 * kPad - kTrackW - kGap;
    r.label = text_block(env.text, core::tr(t.label), Font::BodyStrong, text_x, f.y + 12, text_w);
    r.detail = text_block(env.text, core::tr(t.detail), Font::Caption, text_x,
                          r.label.box.bottom() + 2, text_w);
    const float h = std::max(kMinRow, r.detail.box.bottom() + 12 - f.y);
    r.row = f.take(h, kSmallGap);
    // Short texts sit in the middle of the row.
    const float spare = h - (r.detail.box.bottom() + 12 - r.row.y);
    if (spare > 0) {
      r.label.box.y += spare / 2;
      r.detail.box.y += spare / 2;
    }
    r.track = {r.row.right() - kPad - kTrackW, r.row.y + (h - kTrackH) / 2, kTrackW, kTrackH};
    l.rows.push_back(std::move(r));
  }
  l.content_h = f.y + kSmallGap + dy - l.page.viewport.y;
  return l;
}

}  // namespace

ProfilePageLayout profile_page_layout(const Env& env) {
  ProfilePageLayout l = layout_at(env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? layout_at(env, dy) : l;
}

ScreenFrame frame(const AppModel&, const ProfileScreen& s, const Env& env) {
  const auto l = profile_page_layout(env);
  ScreenFrame f;
  f.title = core::tr(kTitle);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  if (s.onboarding) add_target(f, {ControlKind::Skip, 0}, l.skip, core::tr("Not now"));
  const auto& texts = profile_flag_texts();
  for (std::size_t i = 0; i < l.rows.size(); ++i) {
    const int index = static_cast<int>(i);
    const std::string label = core::tr(texts[i].label);
    // TRANSLATORS: what a screen reader says for a health profile switch that is on; {label} is
    // the condition.
    const std::string on = core::tr("{label}: on");
    // TRANSLATORS: what a screen reader says for a health profile switch that is off; {label}
    // is the condition.
    const std::string off = core::tr("{label}: off");
    add_scrolling(f, {ControlKind::ProfileFlag, index}, l.rows[i].row,
                  core::fill(profile_flag(s.draft, index) ? on : off, {{"label", label}}),
                  Role::Toggle);
  }
  add_target(f, {ControlKind::Save, 0}, l.save, profile_save_label(s));
  return f;
}

std::string profile_save_label(const ProfileScreen& s) {
  return profile_empty(s.draft) ? core::tr("None of these") : core::tr("Save");
}

// One tap: "None of these" with nothing ticked, else Save.
Control primary(const AppModel&, const ProfileScreen&) { return {ControlKind::Save, 0}; }

void activate(Step& st, ProfileScreen& s, Control c) {
  AppModel& m = st.m;
  switch (c.kind) {
    case ControlKind::ProfileFlag:
      if (c.index >= 0 && c.index < static_cast<int>(profile_flag_texts().size())) {
        set_profile_flag(s.draft, c.index, !profile_flag(s.draft, c.index));
      }
      return;
    case ControlKind::Save: {
      // The first Save counts even with nothing ticked: "none of these" is an answer.
      if (s.draft != m.profile || !m.profile_answered) {
        m.profile = s.draft;
        m.profile_answered = true;
        st.fx.push_back(SaveProfile{m.profile});
        apply_profile_to_catalog(m);
      }
      const ProfileScreen done = s;
      if (done.onboarding) {
        OnboardingScreen next;
        next.step = OnboardingStep::Rating;
        open_screen(m, next);
      } else if (done.pending_routine >= 0 &&
                 done.pending_routine < static_cast<int>(m.catalog.size())) {
        start_routine(m, done.pending_routine);  // on to the safety check
      } else {
        open_screen(m, SettingsScreen{});
      }
      return;
    }
    case ControlKind::Skip:
      // "Not now" in the welcome tour: asked again before the first session.
      if (s.onboarding) {
        OnboardingScreen next;
        next.step = OnboardingStep::Rating;
        open_screen(m, next);
      }
      return;
    case ControlKind::Back:
      back(st, s);
      return;
    default:
      return;
  }
}

void back(Step& st, ProfileScreen& s) {
  AppModel& m = st.m;
  if (s.onboarding) {
    OnboardingScreen prev;
    prev.step = OnboardingStep::Pressing;
    open_screen(m, prev);
  } else if (s.pending_routine >= 0 && s.pending_routine < static_cast<int>(m.catalog.size())) {
    open_screen(m, RoutineScreen{s.pending_routine, std::nullopt});
  } else {
    open_screen(m, SettingsScreen{});
  }
}

void scroll(Step& st, ProfileScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, ProfileScreen&, const TextInput&) {}

}  // namespace unknot::app
