// Notes on behaviour the header leaves open:
// - Escape is "Not today" (or "Skip" on the PGIC step): the offer is recorded either way, so it
//   is not made twice in a day. Skipping the PGIC still leads on to the PSFS when it is due.
// - The 0-10 grid has six columns where each stays at least 48 dp wide, else four.
#include "app/checkin_page.h"

#include <algorithm>
#include <string>

#include "app/psfs_page.h"
#include "app/screens.h"
#include "app/view.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

// The page's heading: the overall-change question, or the pain check-in's title.
std::string checkin_heading(const CheckinScreen& s) {
  // TRANSLATORS: the heading of the Patient Global Impression of Change question.
  return s.pgic_step ? core::tr("Overall change") : checkin_title(s.target.when);
}

constexpr float kGap = 16;
constexpr float kSmallGap = 8;
constexpr float kCell = 56;
constexpr float kOption = 48;

CheckinPageLayout layout_at(const CheckinScreen& s, const Env& env, float dy) {
  CheckinPageLayout l;
  l.page = page_frame(env.window, true);
  l.save = l.page.bottom;
  const Rect bar = l.page.top_bar;
  l.not_today = top_bar_button(env.text, bar, bar.x, bar.right(),
                               s.pgic_step ? core::tr("Skip") : core::tr("Not today"), 120);
  const Rect col = l.page.column;
  const float w = std::min(col.w, 480.0f);
  Flow f{env.text, col.x, w, l.page.viewport.y + kSmallGap - dy};
  if (s.pgic_step) {
    l.title = f.add(checkin_heading(s), Font::Title, kSmallGap);
    l.subtitle = f.add(core::tr("Since you started with Unknot"), Font::Body, kGap);
    for (int i = 1; i <= 7; ++i) {
      CheckinOptionLayout o;
      o.label = text_block(env.text, pgic_label(i), Font::Body, f.x + 16, f.y + 13, f.w - 32);
      const float h = std::max(kOption, o.label.box.h + 26);
      o.box = f.take(h, kSmallGap);
      o.label.box.y = o.box.y + (h - o.label.box.h) / 2;
      l.options.push_back(std::move(o));
    }
  } else {
    l.title = f.add(checkin_heading(s), Font::Title, kSmallGap);
    l.subtitle = f.add(core::tr("0 = no pain, 10 = worst pain you can imagine"), Font::Body, kGap);
    const int cols = w >= 6 * 48 + 5 * kSmallGap + 12 ? 6 : 4;
    const float cell_w = (w - kSmallGap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    for (int v = 0; v <= 10; ++v) {
      const int row = v / cols, c = v % cols;
      l.values.push_back({f.x + static_cast<float>(c) * (cell_w + kSmallGap),
                          f.y + static_cast<float>(row) * (kCell + kSmallGap), cell_w, kCell});
    }
    f.y = l.values.back().bottom() + kGap;
  }
  l.content_h = f.y + dy - l.page.viewport.y;
  return l;
}

// The PSFS when it is due, else back Home with the offer recorded.
void after_checkin(Step& st, const CheckinScreen& s) {
  if (s.psfs) {
    open_screen(st.m, *s.psfs);
    return;
  }
  st.fx.push_back(CheckinOffered{});
  open_screen(st.m, HomeScreen{});
}

}  // namespace

CheckinPageLayout checkin_page_layout(const CheckinScreen& s, const Env& env) {
  CheckinPageLayout l = layout_at(s, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? layout_at(s, env, dy) : l;
}

std::string checkin_title(core::CheckinWhen when) {
  switch (when) {
    case core::CheckinWhen::Yesterday:
      return core::tr("Average pain yesterday");
    case core::CheckinWhen::TodaySoFar:
      return core::tr("Average pain today so far");
    case core::CheckinWhen::Today:
      return core::tr("Average pain today");
  }
  return core::tr("Average pain today");
}

void on_checkin_due(AppModel& m, const CheckinDue& due) {
  // Offered on Home (at start-up, or from the reminder time while the app stays open), never
  // over a routine, a session or a question.
  if (!std::holds_alternative<HomeScreen>(m.screen) || m.session) return;
  CheckinScreen screen;
  screen.pgic_due = due.pgic;
  screen.target = due.target;
  if (due.psfs) screen.psfs = psfs_screen(due.psfs_activities, due.psfs_from_homework);
  open_screen(m, screen);
}

ScreenFrame frame(const AppModel&, const CheckinScreen& s, const Env& env) {
  const auto l = checkin_page_layout(s, env);
  ScreenFrame f;
  f.title = checkin_heading(s);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::NotToday, 0}, l.not_today,
             s.pgic_step ? core::tr("Skip") : core::tr("Not today"));
  if (s.pgic_step) {
    for (int i = 1; i <= 7; ++i) {
      add_scrolling(f, {ControlKind::PgicOption, i}, l.options[static_cast<std::size_t>(i - 1)].box,
                    std::string(pgic_label(i)), Role::Option);
    }
  } else {
    for (int v = 0; v <= 10; ++v) {
      add_scrolling(f, {ControlKind::PainValue, v}, l.values[static_cast<std::size_t>(v)],
                    core::fill(core::tr("Pain {value}"), {{"value", std::to_string(v)}}),
                    Role::Option);
    }
  }
  add_target(f, {ControlKind::Confirm, 0}, l.save, core::tr("Save"));
  return f;
}

Control primary(const AppModel&, const CheckinScreen&) { return {ControlKind::Confirm, 0}; }

void activate(Step& st, CheckinScreen& s, Control c) {
  AppModel& m = st.m;
  switch (c.kind) {
    case ControlKind::PainValue:
      if (!s.pgic_step) s.value = std::clamp(c.index, 0, 10);
      return;
    case ControlKind::PgicOption:
      if (s.pgic_step) s.value = std::clamp(c.index, 1, 7);
      return;
    case ControlKind::Confirm:
      if (!s.value) return;
      if (s.pgic_step) {
        st.fx.push_back(SaveCheckin{CheckinKind::Pgic, *s.value, std::nullopt});
      } else {
        st.fx.push_back(SaveCheckin{CheckinKind::DailyPain, *s.value, s.target.day});
      }
      if (!s.pgic_step && s.pgic_due) {
        CheckinScreen next = s;
        next.pgic_step = true;
        next.value.reset();
        open_screen(m, next);
        return;
      }
      after_checkin(st, s);
      return;
    case ControlKind::NotToday:
      // "Not today" puts the whole check-in off; "Skip" on the PGIC goes on to the PSFS.
      if (s.pgic_step) {
        after_checkin(st, s);
        return;
      }
      st.fx.push_back(CheckinOffered{});
      open_screen(m, HomeScreen{});
      return;
    default:
      return;
  }
}

void back(Step& st, CheckinScreen& s) { activate(st, s, {ControlKind::NotToday, 0}); }

void scroll(Step& st, CheckinScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, CheckinScreen&, const TextInput&) {}

}  // namespace unknot::app
