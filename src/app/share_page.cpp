#include "app/share_page.h"

#include <algorithm>

#include "app/progress_flow.h"
#include "app/screens.h"
#include "app/text_util.h"
#include "core/psfs.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

constexpr const char* kTitle = core::tr_noop("Share a report");  // the page's heading

constexpr Control kNameField{ControlKind::NameField, 0};
constexpr Control kSave{ControlKind::Save, 0};
constexpr float kFormWidth = 480;

SharePageLayout lay_out(const ShareScreen& s, const Env& env, float dy) {
  SharePageLayout l;
  l.page = page_frame(env.window, true);
  const Rect col = l.page.column;
  const Rect bar = l.page.top_bar;
  l.back = {bar.x - 12, bar.y, 48, 48};
  l.save = l.page.bottom;
  // A short form: on a desktop it keeps a phone's reading width, over the Save button.
  Flow f{env.text, col.x, std::min(col.w, kFormWidth), l.page.viewport.y + 8 - dy};
  l.title = f.add(core::tr(kTitle), Font::Title, 16);
  l.intro = f.add(
      core::tr("A report for your therapist or doctor: pain before and after sessions, your daily "
               "ratings, how often you practised against your plan, and what the safety checks "
               "recorded."),
      Font::Body, 8);
  l.privacy = f.add(
      s.downloads ? core::tr("It is downloaded as a file, to your downloads. Nothing is sent: you "
                             "choose who gets it.")
                  : core::tr("It is saved as a file in your Documents folder that only you can "
                             "read. Nothing is sent: you choose who gets it."),
      Font::Caption, 24);
  // TRANSLATORS: the label over the choice of weeks a report covers.
  l.period_label = f.add(core::tr("Covers"), Font::Caption, 8);
  const char* periods[] = {core::tr_noop("Last 4 weeks"), core::tr_noop("Last 12 weeks"),
                           core::tr_noop("All history")};
  std::vector<ChipItem> items;
  for (int i = 0; i < 3; ++i)
    items.push_back(
        {core::tr(periods[i]), {ControlKind::Period, i}, static_cast<int>(s.period) == i});
  chip_group(env.text, f, items, 3, l.chips);
  f.y += 16;
  l.name_label = f.add(core::tr("Name on the report (optional)"), Font::Caption, 8);
  l.name_field = f.take(48, 8);
  const bool full = code_points(s.name.text()) >= kMaxReportName;
  l.name_note = f.add(full ? core::tr("That is the longest name a report can carry.")
                           : core::tr("Leave it empty for a report without a name."),
                      Font::Caption, 16);
  l.content_h = f.y + dy - l.page.viewport.y;
  return l;
}

}  // namespace

SharePageLayout share_page_layout(const ShareScreen& s, const Env& env) {
  SharePageLayout l = lay_out(s, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? lay_out(s, env, dy) : l;
}

ShareScreen share_screen(const AppModel& m, const TrendsScreen& from) {
  ShareScreen s;
  s.from = from;
  s.period = from.period;
  s.name = TextEdit(m.report_name, kMaxReportName);
  s.downloads = m.saves_as_downloads;
  return s;
}

FieldPlace share_name_place(const SharePageLayout& l) { return {l.name_field, Font::Body, 12}; }

ShareReportFile share_request(const AppModel& m, const ShareScreen& s) {
  ShareReportFile share;
  share.weeks = period_weeks(s.period);
  share.target = m.weekly_target;
  share.client_name = core::psfs_trimmed(s.name.text());
  for (const auto& entry : m.catalog)
    share.routine_titles.emplace_back(entry.routine.id, entry.routine.title);
  if (m.library) {
    for (const auto& muscle : m.library->muscles)
      share.muscle_names.emplace_back(muscle.id, muscle.name);
  }
  return share;
}

std::optional<FieldRef> text_field(const AppModel&, const ShareScreen& s, Control c,
                                   const Env& env) {
  if (c != kNameField) return std::nullopt;
  return FieldRef{c, &s.name, share_name_place(share_page_layout(s, env))};
}

ScreenFrame frame(const AppModel&, const ShareScreen& s, const Env& env) {
  const auto l = share_page_layout(s, env);
  ScreenFrame f;
  f.title = core::tr(kTitle);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  for (const auto& chip : l.chips) {
    const std::string label = chip.label.lines.empty() ? std::string{} : chip.label.lines[0];
    add_scrolling(f, chip.control, chip.rect, label, Role::Option);
  }
  add_scrolling(f, kNameField, l.name_field, core::tr("Name on the report"), Role::Field);
  add_target(f, kSave, l.save, core::tr("Save report"));
  return f;
}

Control primary(const AppModel&, const ShareScreen&) { return kSave; }

void activate(Step& st, ShareScreen& s, Control c) {
  switch (c.kind) {
    case ControlKind::Back:
      back(st, s);
      return;
    case ControlKind::Period:
      s.period = static_cast<TrendsPeriod>(std::clamp(c.index, 0, 2));
      break;
    case ControlKind::NameField:
      focus_control(st.m, c);  // typing goes there
      return;
    case ControlKind::Save:
      st.m.report_name = core::psfs_trimmed(s.name.text());
      st.fx.push_back(share_request(st.m, s));
      break;
    default:
      break;
  }
  clamp_scroll(st.m.scroll, screen_frame(st.m));
}

void back(Step& st, ShareScreen& s) {
  st.m.report_name = core::psfs_trimmed(s.name.text());
  open_screen(st.m, s.from);
}

void scroll(Step& st, ShareScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step& st, ShareScreen& s, const TextInput& t) {
  const FieldPlace place = share_name_place(share_page_layout(s, env_of(st.m)));
  const FieldOutcome r = edit_field(st, s.name, kNameField, place, t);
  if (r.text_changed) clamp_scroll(st.m.scroll, screen_frame(st.m));
  if (r.submit) activate(st, s, kSave);  // Enter saves, as Save report does
}

}  // namespace unknot::app
