// Notes on behaviour the header leaves open:
// - Progress data loads when the Progress tab opens and stays until something changes the
//   record; History loads a page of kHistoryPage at a time, the next page when the list is
//   scrolled within two screens of its end or focus walks past the last loaded row.
// - Edits are saved only on Save; Back with unsaved edits discards them (the entry is as it
//   was, so nothing is lost that was stored).
// - Deleting asks first, then removes the entry at once and offers Undo for kUndoTime on the
//   History list. Undo puts the same entry back (same id, steps and note).
// - The weekly target saves on every step so leaving the screen never loses it.
#include "app/progress_flow.h"

#include <algorithm>
#include <array>
#include <set>

#include "app/breathe_flow.h"
#include "app/progress_layout.h"
#include "app/text_util.h"
#include "app/update.h"

namespace unknot::app {
namespace {

Size window_of(const AppModel& m) { return {m.window_w, m.window_h}; }

void open_trends(AppModel& m, std::vector<Effect>& fx) {
  // Filters survive a trip to another tab and back.
  TrendsScreen screen;
  if (const auto* t = std::get_if<TrendsScreen>(&m.screen)) screen = *t;
  screen.scroll = 0;
  open_screen(m, screen);
  if (!m.progress && !m.progress_loading) {
    m.progress_loading = true;
    fx.push_back(LoadProgress{});
  }
}

void open_history(AppModel& m, std::vector<Effect>& fx) {
  open_screen(m, HistoryScreen{});
  if (!m.history.loaded && !m.history.loading) {
    m.history.loading = true;
    fx.push_back(LoadHistory{std::nullopt, kHistoryPage});
  }
}

void load_more_history(AppModel& m, std::vector<Effect>& fx) {
  if (!m.history.loaded || !m.history.more || m.history.loading || m.history.entries.empty()) return;
  const HistoryEntry& last = m.history.entries.back();
  m.history.loading = true;
  fx.push_back(LoadHistory{HistoryCursor{last.started_at, last.id}, kHistoryPage});
}

bool on_tab(AppModel& m, ControlKind kind, std::vector<Effect>& fx) {
  const bool tabbed = std::holds_alternative<HomeScreen>(m.screen) ||
                      std::holds_alternative<TrendsScreen>(m.screen) ||
                      std::holds_alternative<HistoryScreen>(m.screen) ||
                      std::holds_alternative<SettingsScreen>(m.screen);
  if (!tabbed) return false;
  switch (kind) {
    case ControlKind::TabHome: open_screen(m, HomeScreen{}); return true;
    case ControlKind::TabProgress: open_trends(m, fx); return true;
    case ControlKind::TabHistory: open_history(m, fx); return true;
    case ControlKind::Settings: open_screen(m, SettingsScreen{}); return true;
    default: return false;
  }
}

void on_trends(AppModel& m, TrendsScreen& s, const Activated& a, std::vector<Effect>& fx) {
  const int i = a.control.index;
  switch (a.control.kind) {
    case ControlKind::Period:
      if (i >= 0 && i <= 2) s.period = static_cast<TrendsPeriod>(i);
      s.scroll = std::clamp(s.scroll, 0.0f, trends_max_scroll(window_of(m), m, s));
      break;
    case ControlKind::RegionFilter: {
      const auto regions = trends_regions(m);
      s.region = i >= 1 && i <= static_cast<int>(regions.size())
                     ? regions[static_cast<std::size_t>(i - 1)]
                     : std::string{};
      break;
    }
    case ControlKind::SideFilter:
      s.side = i == 1 ? core::Side::Left : i == 2 ? core::Side::Right : core::Side::None;
      break;
    case ControlKind::TargetDown:
    case ControlKind::TargetUp: {
      if (target_prescribed(m)) break;  // the therapist's schedule sets it
      const int step = a.control.kind == ControlKind::TargetUp ? 1 : -1;
      const int next = std::clamp(m.weekly_target + step, 1, kMaxWeeklyTarget);
      if (next != m.weekly_target) {
        m.weekly_target = next;
        fx.push_back(SaveWeeklyTarget{next});
      }
      break;
    }
    case ControlKind::ShareReport:
      fx.push_back(ShareReportFile{period_weeks(s.period), effective_weekly_target(m)});
      break;
    default: break;
  }
}

void open_entry(AppModel& m, int index) {
  if (index < 0 || index >= static_cast<int>(m.history.entries.size())) return;
  const HistoryEntry& entry = m.history.entries[static_cast<std::size_t>(index)];
  EntryScreen screen;
  screen.entry = entry;
  screen.before = entry.before;
  screen.after = entry.after;
  screen.note = entry.note;
  open_screen(m, screen);
}

std::string day_label(const HistoryEntry& e) {
  using namespace std::chrono;
  const year_month_day ymd{core::local_day(e.started_at, minutes{e.utc_offset_min})};
  static constexpr std::array<std::string_view, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         std::string(kMonths[static_cast<unsigned>(ymd.month()) - 1]);
}

void step_rating(std::optional<int>& value, int delta) {
  // From "not rated" the first step lands on 0 (up) or 10 (down); below 0 goes back to unrated,
  // so a rating given by mistake can be taken away.
  if (!value) {
    value = delta > 0 ? 0 : 10;
    return;
  }
  const int next = *value + delta;
  if (next < 0) {
    value.reset();
  } else {
    value = std::min(next, 10);
  }
}

void on_entry(AppModel& m, EntryScreen& s, const Activated& a, std::vector<Effect>& fx) {
  const int i = a.control.index;
  switch (a.control.kind) {
    case ControlKind::Back: open_screen(m, HistoryScreen{}); return;
    case ControlKind::RatingDown:
    case ControlKind::RatingUp:
      step_rating(i == 0 ? s.before : s.after, a.control.kind == ControlKind::RatingUp ? 1 : -1);
      break;
    case ControlKind::NoteField: break;  // focus moves there (see below); typing edits the note
    case ControlKind::Save: {
      if (s.dirty()) {
        fx.push_back(UpdateEntry{s.entry.id, s.before, s.after, s.note});
        for (auto& e : m.history.entries) {
          if (e.id != s.entry.id) continue;
          e.before = s.before;
          e.after = s.after;
          e.note = s.note;
        }
        m.progress.reset();
        m.toast = "Changes saved";
        m.toast_until = m.wall_now + std::chrono::seconds{4};
      }
      const float scroll = 0;
      open_screen(m, HistoryScreen{scroll});
      return;
    }
    case ControlKind::Delete:
      if (i == 0) {
        s.confirming_delete = true;
        open_screen(m, s);
        return;
      }
      fx.push_back(DeleteEntry{s.entry.id});
      std::erase_if(m.history.entries, [&](const HistoryEntry& e) { return e.id == s.entry.id; });
      m.progress.reset();
      m.undo = PendingUndo{s.entry.id, "Session of " + day_label(s.entry) + " deleted",
                           m.wall_now + kUndoTime};
      open_screen(m, HistoryScreen{});
      return;
    case ControlKind::EndCancel:
      s.confirming_delete = false;
      open_screen(m, s);
      return;
    default: break;
  }
  if (auto* still = std::get_if<EntryScreen>(&m.screen)) *still = s;
}

}  // namespace

std::vector<std::string> trends_regions(const AppModel& m) {
  if (!m.progress) return {};
  std::set<std::string> regions;
  for (const auto& session : m.progress->input.sessions) {
    if (!session.sample.region.empty()) regions.insert(session.sample.region);
  }
  return {regions.begin(), regions.end()};
}

int period_weeks(TrendsPeriod period) {
  switch (period) {
    case TrendsPeriod::Weeks4: return 4;
    case TrendsPeriod::Weeks12: return 12;
    case TrendsPeriod::All: return 0;
  }
  return 4;
}

bool target_prescribed(const AppModel& m) {
  return std::any_of(m.homework.begin(), m.homework.end(),
                     [](const HomeworkStatus& h) { return h.active && h.prescribed_week > 0; });
}

int effective_weekly_target(const AppModel& m) {
  if (!target_prescribed(m)) return m.weekly_target;
  int sum = 0;
  for (const auto& h : m.homework) {
    if (h.active) sum += h.prescribed_week;
  }
  return sum;
}

bool undo_showing(const AppModel& m) { return m.undo && m.wall_now < m.undo->until; }

bool on_progress_activated(AppModel& m, const Activated& a, std::vector<Effect>& fx) {
  if (on_tab(m, a.control.kind, fx)) return true;
  if (auto* t = std::get_if<TrendsScreen>(&m.screen)) {
    TrendsScreen copy = *t;
    on_trends(m, copy, a, fx);
    if (auto* still = std::get_if<TrendsScreen>(&m.screen)) *still = copy;
    return true;
  }
  if (std::holds_alternative<HistoryScreen>(m.screen)) {
    if (a.control.kind == ControlKind::HistoryRow) open_entry(m, a.control.index);
    if (a.control.kind == ControlKind::Undo && undo_showing(m)) {
      fx.push_back(RestoreEntry{m.undo->id});
      m.undo.reset();
      m.progress.reset();
      // The restored entry comes back in its place with the first page.
      m.history = HistoryList{};
      m.history.loading = true;
      fx.push_back(LoadHistory{std::nullopt, kHistoryPage});
    }
    return true;
  }
  if (auto* e = std::get_if<EntryScreen>(&m.screen)) {
    EntryScreen copy = *e;
    on_entry(m, copy, a, fx);
    return true;
  }
  return false;
}

bool on_progress_back(AppModel& m, std::vector<Effect>& fx) {
  if (std::holds_alternative<TrendsScreen>(m.screen) ||
      std::holds_alternative<HistoryScreen>(m.screen)) {
    open_screen(m, HomeScreen{});
    return true;
  }
  if (auto* e = std::get_if<EntryScreen>(&m.screen)) {
    const Control c = e->confirming_delete ? Control{ControlKind::EndCancel, 0}
                                           : Control{ControlKind::Back, 0};
    on_progress_activated(m, Activated{c}, fx);
    return true;
  }
  return false;
}

void on_progress_loaded(AppModel& m, ProgressLoaded loaded) {
  m.progress = std::move(loaded.data);
  m.progress_loading = false;
  if (auto* t = std::get_if<TrendsScreen>(&m.screen)) {
    // A region that no longer has sessions (an entry was deleted) falls back to every region.
    const auto regions = trends_regions(m);
    if (!t->region.empty() && std::find(regions.begin(), regions.end(), t->region) == regions.end())
      t->region.clear();
    t->scroll = std::clamp(t->scroll, 0.0f, trends_max_scroll(window_of(m), m, *t));
  }
}

void on_history_loaded(AppModel& m, HistoryLoaded loaded) {
  HistoryList& h = m.history;
  if (!loaded.append) h.entries.clear();
  for (auto& entry : loaded.entries) {
    // A page can overlap what is shown if the record changed in between: keep one of each.
    const bool seen = std::any_of(h.entries.begin(), h.entries.end(),
                                  [&](const HistoryEntry& e) { return e.id == entry.id; });
    if (!seen) h.entries.push_back(std::move(entry));
  }
  h.loaded = true;
  h.loading = false;
  h.more = loaded.more;
}

void on_progress_scrolled(AppModel& m, float dy, std::vector<Effect>& fx) {
  const Size window = window_of(m);
  if (auto* t = std::get_if<TrendsScreen>(&m.screen)) {
    t->scroll = std::clamp(t->scroll + dy, 0.0f, trends_max_scroll(window, m, *t));
  } else if (auto* h = std::get_if<HistoryScreen>(&m.screen)) {
    const int rows = static_cast<int>(m.history.entries.size());
    const float limit = history_max_scroll(window, rows);
    h->scroll = std::clamp(h->scroll + dy, 0.0f, limit);
    if (limit - h->scroll < 2 * window.h) load_more_history(m, fx);
  }
}

void progress_focus_into_view(AppModel& m) {
  const auto focus = focused_control(m);
  if (!focus) return;
  const Size window = window_of(m);
  if (auto* h = std::get_if<HistoryScreen>(&m.screen); h && focus->kind == ControlKind::HistoryRow) {
    const int rows = static_cast<int>(m.history.entries.size());
    const auto l = history_layout(window, rows, h->scroll);
    const Rect row = l.rows.at(static_cast<std::size_t>(focus->index));
    if (row.y < l.viewport.y) h->scroll -= l.viewport.y - row.y;
    if (row.bottom() > l.viewport.bottom()) h->scroll += row.bottom() - l.viewport.bottom();
    h->scroll = std::clamp(h->scroll, 0.0f, history_max_scroll(window, rows));
  } else if (auto* t = std::get_if<TrendsScreen>(&m.screen)) {
    // The controls below the header (the target stepper) scroll into view when focused.
    const auto l = trends_layout(window, m, *t);
    Rect target{};
    if (focus->kind == ControlKind::TargetDown) target = l.target_down;
    if (focus->kind == ControlKind::TargetUp) target = l.target_up;
    if (focus->kind == ControlKind::RegionFilter && focus->index < static_cast<int>(l.regions.size()))
      target = l.regions[static_cast<std::size_t>(focus->index)];
    if (focus->kind == ControlKind::SideFilter && focus->index < static_cast<int>(l.sides.size()))
      target = l.sides[static_cast<std::size_t>(focus->index)];
    if (focus->kind == ControlKind::Period && focus->index < static_cast<int>(l.periods.size()))
      target = l.periods[static_cast<std::size_t>(focus->index)];
    if (target.h <= 0) return;
    if (target.y < l.viewport.y) t->scroll -= l.viewport.y - target.y;
    if (target.bottom() > l.viewport.bottom()) t->scroll += target.bottom() - l.viewport.bottom();
    t->scroll = std::clamp(t->scroll, 0.0f, trends_max_scroll(window, m, *t));
  }
}

bool on_progress_text(AppModel& m, const TextTyped& t) {
  auto* e = std::get_if<EntryScreen>(&m.screen);
  if (e == nullptr || e->confirming_delete ||
      focused_control(m) != Control{ControlKind::NoteField, 0}) {
    return e != nullptr;
  }
  append_typed(e->note, t.text, kMaxNoteLength);
  return true;
}

bool on_progress_erase(AppModel& m) {
  auto* e = std::get_if<EntryScreen>(&m.screen);
  if (e == nullptr) return false;
  if (e->note.empty() || focused_control(m) != Control{ControlKind::NoteField, 0}) return true;
  erase_last_char(e->note);
  return true;
}

void forget_progress(AppModel& m) {
  m.progress.reset();
  m.history = HistoryList{};
}

void add_tab_controls(std::vector<Control>& list) {
  for (const ControlKind kind : {ControlKind::TabHome, ControlKind::TabProgress, ControlKind::TabHistory,
                                 ControlKind::Settings}) {
    list.push_back({kind, 0});
  }
}

bool progress_controls(const AppModel& m, std::vector<Control>& list) {
  const auto add = [&list](ControlKind kind, int index = 0) { list.push_back({kind, index}); };
  const auto tabs = [&list] { add_tab_controls(list); };
  if (const auto* t = std::get_if<TrendsScreen>(&m.screen)) {
    for (int i = 0; i < 3; ++i) add(ControlKind::Period, i);
    const auto regions = trends_regions(m);
    if (regions.size() >= 2) {
      for (int i = 0; i <= static_cast<int>(regions.size()); ++i) add(ControlKind::RegionFilter, i);
    }
    if (m.progress && has_sided_dose(*m.progress)) {
      for (int i = 0; i < 3; ++i) add(ControlKind::SideFilter, i);
    }
    if (!target_prescribed(m)) {
      add(ControlKind::TargetDown);
      add(ControlKind::TargetUp);
    }
    add(ControlKind::ShareReport);
    (void)t;
    tabs();
    return true;
  }
  if (std::holds_alternative<HistoryScreen>(m.screen)) {
    for (int i = 0; i < static_cast<int>(m.history.entries.size()); ++i) add(ControlKind::HistoryRow, i);
    if (undo_showing(m)) add(ControlKind::Undo);
    tabs();
    return true;
  }
  if (const auto* e = std::get_if<EntryScreen>(&m.screen)) {
    if (e->confirming_delete) {
      add(ControlKind::EndCancel);
      add(ControlKind::Delete, 1);
      return true;
    }
    add(ControlKind::Back);
    add(ControlKind::RatingDown, 0);
    add(ControlKind::RatingUp, 0);
    add(ControlKind::RatingDown, 1);
    add(ControlKind::RatingUp, 1);
    add(ControlKind::NoteField);
    add(ControlKind::Delete);
    add(ControlKind::Save);
    return true;
  }
  return false;
}

std::optional<Control> progress_primary(const AppModel& m) {
  if (std::holds_alternative<TrendsScreen>(m.screen)) return Control{ControlKind::TabProgress, 0};
  if (std::holds_alternative<HistoryScreen>(m.screen)) {
    if (!m.history.entries.empty()) return Control{ControlKind::HistoryRow, 0};
    return Control{ControlKind::TabHistory, 0};
  }
  if (const auto* e = std::get_if<EntryScreen>(&m.screen)) {
    return Control{e->confirming_delete ? ControlKind::EndCancel : ControlKind::Save, 0};
  }
  return std::nullopt;
}

bool has_sided_dose(const ProgressData& data) {
  for (const auto& session : data.input.sessions) {
    for (const auto& dose : session.sample.doses) {
      if (dose.side != core::Side::None) return true;
    }
  }
  return false;
}

}  // namespace unknot::app
