// Notes on behaviour the header leaves open:
// - Nothing is saved until the last activity is rated: "Not now" (or Escape) leaves no partial
//   sitting, and the PSFS is asked again at the next check-in.
// - Names are trimmed; an empty field is left out, so naming only the second field is one
//   activity. Activities the homework named cannot be changed here.
// - The 0-10 grid has six columns where each stays at least 48 dp wide, else four (as the daily
//   check-in's).
#include "app/psfs_page.h"

#include <algorithm>

#include "app/screens.h"
#include "app/view.h"
#include "core/psfs.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

// The page's heading: the naming question, or the activity being rated.
std::string psfs_heading(const PsfsScreen& s) {
  if (s.naming) return core::tr("What is hard to do?");
  if (s.activities.empty()) return {};
  const int last = static_cast<int>(s.activities.size()) - 1;
  return s.activities[static_cast<std::size_t>(std::clamp(s.index, 0, last))];
}

constexpr float kGap = 16;
constexpr float kSmallGap = 8;
constexpr float kCell = 56;
constexpr float kFieldPad = 12;
// TRANSLATORS: the labels of the fields where the person names everyday activities.
constexpr const char* kNameLabels[] = {core::tr_noop("Activity 1"),
                                       core::tr_noop("Activity 2 (optional)"),
                                       core::tr_noop("Activity 3 (optional)")};

Control name_control(std::size_t i) { return {ControlKind::PsfsField, static_cast<int>(i)}; }

PsfsPageLayout layout_at(const PsfsScreen& s, const Env& env, float dy) {
  PsfsPageLayout l;
  const TextMeasure& t = env.text;
  l.page = page_frame(env.window, true);
  l.next = l.page.bottom;
  const Rect bar = l.page.top_bar;
  l.not_now = top_bar_button(t, bar, bar.x, bar.right(), core::tr("Not now"), 120);
  const Rect col = l.page.column;
  const float w = std::min(col.w, 480.0f);
  Flow f{t, col.x, w, l.page.viewport.y + kSmallGap - dy};
  if (s.naming) {
    l.title = f.add(psfs_heading(s), Font::Title, kSmallGap);
    l.question = f.add(
        core::tr("Name up to three everyday activities you cannot do, or find hard, because of "
                 "this problem: for example \u201CLifting my child\u201D or \u201CTurning my head "
                 "to reverse the car\u201D."),
        Font::Body, kGap);
    for (std::size_t i = 0; i < s.names.size(); ++i) {
      PsfsNameLayout n;
      n.label = f.add(core::tr(kNameLabels[i]), Font::Caption, 4);
      n.place = {{f.x, f.y, f.w, 0}, Font::Body, kFieldPad, true};
      const auto lines = static_cast<float>(
          std::max<std::size_t>(1, field_layout(s.names[i], n.place, t).lines.size()));
      n.place.box =
          f.take(std::max(48.0f, lines * t.line_height(Font::Body) + 2 * kFieldPad), kGap);
      l.names.push_back(std::move(n));
    }
    // TRANSLATORS: "Not now" is the button at the top of the page.
    l.note = f.add(s.needs_name ? core::tr("Name at least one activity, or choose Not now.")
                                : core::tr("You rate each one now, and again every two weeks."),
                   Font::Caption, kGap);
  } else {
    const auto count = s.activities.size();
    const auto index =
        static_cast<std::size_t>(std::clamp<int>(s.index, 0, static_cast<int>(count) - 1));
    l.step =
        // TRANSLATORS: which activity is being rated, e.g. "Activity 2 of 3".
        f.add(core::fill(core::tr("Activity {number} of {total}"),
                         {{"number", std::to_string(index + 1)}, {"total", std::to_string(count)}}),
              Font::Caption, 4);
    l.title = f.add(psfs_heading(s), Font::Title, kSmallGap);
    l.question = f.add(core::tr("How able are you to do this today?"), Font::Body, 4);
    l.anchors =
        f.add(core::tr("0 = unable to do it, 10 = able to do it as well as before the problem"),
              Font::Caption, kGap);
    const int cols = w >= 6 * 48 + 5 * kSmallGap + 12 ? 6 : 4;
    const float cell_w = (w - kSmallGap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    for (int v = 0; v <= 10; ++v) {
      const int row = v / cols, c = v % cols;
      l.values.push_back({f.x + static_cast<float>(c) * (cell_w + kSmallGap),
                          f.y + static_cast<float>(row) * (kCell + kSmallGap), cell_w, kCell});
    }
    f.y = l.values.back().bottom() + kGap;
    if (s.from_homework) {
      l.note = f.add(core::tr("Your therapist chose these activities."), Font::Caption, kGap);
    } else if (s.index == 0) {
      l.rename = f.take(48, kGap);
    }
  }
  l.content_h = f.y + dy - l.page.viewport.y;
  return l;
}

// The names in the fields, trimmed, empty ones left out.
std::vector<std::string> named(const PsfsScreen& s) {
  std::vector<std::string> out;
  for (const auto& edit : s.names) {
    std::string name = core::psfs_trimmed(edit.text());
    if (!name.empty()) out.push_back(std::move(name));
  }
  return out;
}

void finish(Step& st) {
  st.fx.push_back(CheckinOffered{});
  open_screen(st.m, HomeScreen{});
}

void start_naming(AppModel& m, PsfsScreen& s) {
  PsfsScreen next = s;
  next.naming = true;
  next.needs_name = false;
  for (std::size_t i = 0; i < next.names.size(); ++i) {
    next.names[i] = TextEdit(i < s.activities.size() ? s.activities[i] : std::string(),
                             core::kPsfsMaxActivityChars);
  }
  open_screen(m, next);
}

}  // namespace

PsfsPageLayout psfs_page_layout(const PsfsScreen& s, const Env& env) {
  PsfsPageLayout l = layout_at(s, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? layout_at(s, env, dy) : l;
}

PsfsScreen psfs_screen(std::vector<std::string> activities, bool from_homework) {
  PsfsScreen s;
  if (activities.size() > static_cast<std::size_t>(core::kPsfsMaxActivities)) {
    activities.resize(static_cast<std::size_t>(core::kPsfsMaxActivities));
  }
  s.activities = std::move(activities);
  s.from_homework = from_homework && !s.activities.empty();
  s.naming = s.activities.empty();
  for (auto& edit : s.names) edit = TextEdit("", core::kPsfsMaxActivityChars);
  return s;
}

std::string psfs_next_label(const PsfsScreen& s) {
  if (s.naming) return core::tr("Continue");
  return s.index + 1 < static_cast<int>(s.activities.size()) ? core::tr("Next") : core::tr("Save");
}

std::optional<FieldRef> text_field(const AppModel&, const PsfsScreen& s, Control c,
                                   const Env& env) {
  if (!s.naming || c.kind != ControlKind::PsfsField || c.index < 0 || c.index > 2) {
    return std::nullopt;
  }
  const auto l = psfs_page_layout(s, env);
  const auto i = static_cast<std::size_t>(c.index);
  return FieldRef{c, &s.names[i], l.names[i].place};
}

ScreenFrame frame(const AppModel&, const PsfsScreen& s, const Env& env) {
  const auto l = psfs_page_layout(s, env);
  ScreenFrame f;
  f.title = psfs_heading(s);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::NotToday, 0}, l.not_now, core::tr("Not now"));
  if (s.naming) {
    for (std::size_t i = 0; i < l.names.size(); ++i) {
      add_scrolling(f, name_control(i), l.names[i].place.box, core::tr(kNameLabels[i]),
                    Role::Field);
    }
  } else {
    for (int v = 0; v <= 10; ++v) {
      add_scrolling(f, {ControlKind::PainValue, v}, l.values[static_cast<std::size_t>(v)],
                    // TRANSLATORS: what a screen reader says for an ability rating, 0 to 10.
                    core::fill(core::tr("Able {value}"), {{"value", std::to_string(v)}}),
                    Role::Option);
    }
    if (l.rename)
      add_scrolling(f, {ControlKind::PsfsRename, 0}, *l.rename, core::tr("Change activities"));
  }
  add_target(f, {ControlKind::Confirm, 0}, l.next, psfs_next_label(s));
  return f;
}

Control primary(const AppModel&, const PsfsScreen& s) {
  if (s.naming) return name_control(0);
  return {ControlKind::Confirm, 0};
}

void activate(Step& st, PsfsScreen& s, Control c) {
  AppModel& m = st.m;
  switch (c.kind) {
    case ControlKind::PainValue:
      if (!s.naming) s.value = std::clamp(c.index, 0, 10);
      return;
    case ControlKind::PsfsField:
      focus_control(m, c);
      return;
    case ControlKind::PsfsRename:
      if (!s.naming && !s.from_homework) start_naming(m, s);
      return;
    case ControlKind::Confirm:
      if (s.naming) {
        auto names = named(s);
        if (names.empty()) {
          s.needs_name = true;
          clamp_scroll(m.scroll, screen_frame(m));
          return;
        }
        open_screen(m, psfs_screen(std::move(names), false));
        return;
      }
      if (!s.value) return;
      s.values.push_back(*s.value);
      if (s.values.size() < s.activities.size()) {
        PsfsScreen next = s;
        next.index = static_cast<int>(s.values.size());
        next.value.reset();
        open_screen(m, next);
        return;
      }
      {
        SavePsfs save;
        save.from_homework = s.from_homework;
        for (std::size_t i = 0; i < s.activities.size(); ++i) {
          save.answers.push_back({s.activities[i], s.values[i]});
        }
        st.fx.push_back(std::move(save));
      }
      finish(st);
      return;
    case ControlKind::NotToday:
      finish(st);
      return;
    default:
      return;
  }
}

void back(Step& st, PsfsScreen& s) { activate(st, s, {ControlKind::NotToday, 0}); }

void scroll(Step& st, PsfsScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step& st, PsfsScreen& s, const TextInput& t) {
  if (!s.naming) return;
  AppModel& m = st.m;
  const auto l = psfs_page_layout(s, env_of(m));
  bool changed = false, submit = false;
  for (std::size_t i = 0; i < s.names.size(); ++i) {
    const FieldOutcome out = edit_field(st, s.names[i], name_control(i), l.names[i].place, t);
    changed = changed || out.text_changed;
    submit = submit || out.submit;
  }
  if (changed) {
    s.needs_name = false;
    clamp_scroll(m.scroll, screen_frame(m));
  }
  // Enter goes on to the next field, and from the last to Continue.
  if (submit) {
    const auto focus = focused_control(m);
    if (focus && focus->kind == ControlKind::PsfsField && focus->index < 2) {
      focus_control(m, name_control(static_cast<std::size_t>(focus->index + 1)));
    } else {
      focus_control(m, {ControlKind::Confirm, 0});
    }
  }
}

}  // namespace unknot::app
