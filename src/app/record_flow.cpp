// Notes on behaviour the header leaves open:
// - The damaged record's question stays until it is answered: Escape does not dismiss it (the
//   app would keep no sessions), it only steps back from the list or the question.
// - Restoring from the damaged screen asks nothing more: the damaged file is kept either way.
//   Restoring over a sound record (Settings › Backups) and starting afresh ask first.
// - After either change the app is on Home with a sheet naming where the old file went, and
//   everything the record holds is read again (ReloadRecord); a fresh record skips the welcome,
//   as the person has used Unknot before.
#include <algorithm>

#include "app/progress_flow.h"
#include "app/record_pages.h"
#include "app/saved_file.h"
#include "app/screens.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

ScreenFrame record_frame(const RecordPageLayout& l) {
  ScreenFrame f;
  f.title = heading_text(l.title.lines);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  if (l.back.w > 0) add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  for (const auto& p : l.parts) {
    if (p.kind == RecordPart::Kind::Row || p.kind == RecordPart::Kind::Button) {
      add_scrolling(f, p.control, p.box, p.label, p.role);
    }
  }
  for (const auto& b : l.bottom) add_target(f, b.control, b.box, b.label, b.role);
  return f;
}

// The screen again in its new state: focus on its primary control, scroll kept or reset.
void reopen(AppModel& m, Screen s, bool to_top) {
  if (to_top) m.scroll = {};
  open_screen(m, std::move(s));
}

}  // namespace

void on_record_damaged(AppModel& m, const RecordDamaged& d, std::vector<Effect>& fx) {
  if (m.session) return;  // never the case at start-up, where the check runs
  m.backups = {};
  DamagedScreen s;
  s.problem = d.problem;
  s.database = d.database;
  open_screen(m, std::move(s));
  fx.push_back(LoadBackups{});
}

void on_backups_loaded(AppModel& m, const BackupsLoaded& b) {
  m.backups = {true, b.entries, b.folder};
  if (auto* d = std::get_if<DamagedScreen>(&m.screen)) {
    DamagedScreen s = *d;
    s.chosen = std::clamp(s.chosen, 0, std::max(0, static_cast<int>(b.entries.size()) - 1));
    reopen(m, std::move(s), false);  // the primary control may be Restore now
  } else if (auto* page = std::get_if<BackupsScreen>(&m.screen)) {
    BackupsScreen s = *page;
    if (s.confirming && *s.confirming >= static_cast<int>(b.entries.size())) s.confirming.reset();
    reopen(m, std::move(s), false);
  }
}

void on_record_replaced(AppModel& m, const RecordReplaced& r, std::vector<Effect>& fx) {
  forget_progress(m);
  m.undo.reset();
  m.notice.clear();
  m.backups.loaded = false;  // the list is asked for again when next shown
  open_screen(m, HomeScreen{});
  SavedFile sheet;
  sheet.kind = r.fresh ? SavedKind::RecordStarted : SavedKind::RecordRestored;
  sheet.path = r.aside;
  // The sheet's words before the path of the file set aside (the path follows them).
  if (r.fresh) {
    sheet.lead = m.record_in_browser
                     ? core::tr(
                           "It is empty, and your sessions are kept in it from now on. The "
                           "damaged record is kept, unchanged, in this browser's storage as:")
                     : core::tr(
                           "It is empty, and your sessions are kept in it from now on. The "
                           "damaged record is kept, unchanged, in your data folder as:");
  } else {
    const std::string day = backup_day_text(r.backup.date);
    if (r.backup.sessions) {
      const auto n = static_cast<std::uint64_t>(std::max<std::int64_t>(0, *r.backup.sessions));
      // TRANSLATORS: the record after a backup was put back; {day} is the backup's date ("2 Dec
      // 2026"), {n} how many sessions it holds.
      sheet.lead = core::fill(core::trn("It is back as it was on {day}, with {n} session.",
                                        "It is back as it was on {day}, with {n} sessions.", n),
                              {{"day", day}, {"n", std::to_string(*r.backup.sessions)}});
    } else {
      // TRANSLATORS: the record after a backup was put back; {day} is the backup's date.
      sheet.lead = core::fill(core::tr("It is back as it was on {day}."), {{"day", day}});
    }
    if (!r.aside.empty()) {
      // TRANSLATORS: the path of the file set aside follows this text.
      sheet.lead += " " + core::tr("The record it replaced is kept, unchanged, as:");
    }
  }
  show_saved_file(m, std::move(sheet));
  if (r.fresh) fx.push_back(SaveOnboarded{m.wall_now});
  fx.push_back(ReloadRecord{});
  fx.push_back(LoadLastResults{});
}

void on_record_change_failed(AppModel& m, const RecordChangeFailed& f) {
  const std::string text = record_failure_text(f.failure, f.detail, m.record_in_browser);
  if (auto* d = std::get_if<DamagedScreen>(&m.screen)) {
    DamagedScreen s = *d;
    s.step = DamagedScreen::Step::Main;
    s.failure = text;
    reopen(m, std::move(s), true);
  } else if (auto* page = std::get_if<BackupsScreen>(&m.screen)) {
    BackupsScreen s = *page;
    s.confirming.reset();
    s.failure = text;
    reopen(m, std::move(s), true);
  } else {
    m.notice = text;
  }
}

void open_backups(AppModel& m, std::vector<Effect>& fx) {
  open_screen(m, BackupsScreen{});
  fx.push_back(LoadBackups{});
}

// ---- The damaged record ----

ScreenFrame frame(const AppModel& m, const DamagedScreen& s, const Env& env) {
  return record_frame(record_page_layout(m, s, env));
}

Control primary(const AppModel& m, const DamagedScreen& s) {
  switch (s.step) {
    case DamagedScreen::Step::Choosing:
      return {ControlKind::BackupRow, s.chosen};
    case DamagedScreen::Step::ConfirmFresh:
      return {ControlKind::EndCancel, 0};
    case DamagedScreen::Step::Main:
      break;
  }
  if (s.chosen < static_cast<int>(m.backups.entries.size())) {
    return {ControlKind::RestoreChosen, 0};
  }
  // Until the backups are listed, nothing is offered yet but the details.
  return {m.backups.loaded ? ControlKind::StartFresh : ControlKind::ShowDetails, 0};
}

void activate(Step& st, DamagedScreen& screen, Control c) {
  AppModel& m = st.m;
  DamagedScreen s = screen;
  switch (c.kind) {
    case ControlKind::RestoreChosen:
      if (s.chosen >= 0 && s.chosen < static_cast<int>(m.backups.entries.size())) {
        st.fx.push_back(RestoreBackup{m.backups.entries[static_cast<std::size_t>(s.chosen)]});
      }
      return;
    case ControlKind::ChooseBackup:
      s.step = DamagedScreen::Step::Choosing;
      reopen(m, std::move(s), true);
      return;
    case ControlKind::BackupRow:
      if (c.index < 0 || c.index >= static_cast<int>(m.backups.entries.size())) return;
      s.chosen = c.index;
      s.step = DamagedScreen::Step::Main;
      reopen(m, std::move(s), true);
      return;
    case ControlKind::StartFresh:
      if (c.index == 0) {
        s.step = DamagedScreen::Step::ConfirmFresh;
        reopen(m, std::move(s), true);
      } else if (s.step == DamagedScreen::Step::ConfirmFresh) {
        st.fx.push_back(StartFresh{});
      }
      return;
    case ControlKind::ShowDetails:
      s.details = !s.details;
      screen = s;
      clamp_scroll(m.scroll, screen_frame(m));
      focus_control(m, c);
      return;
    case ControlKind::Back:
    case ControlKind::EndCancel:
      back(st, screen);
      return;
    default:
      return;
  }
}

void back(Step& st, DamagedScreen& screen) {
  if (screen.step == DamagedScreen::Step::Main) return;
  const bool fresh = screen.step == DamagedScreen::Step::ConfirmFresh;
  DamagedScreen s = screen;
  s.step = DamagedScreen::Step::Main;
  reopen(st.m, std::move(s), true);
  if (fresh) focus_control(st.m, {ControlKind::StartFresh, 0});
}

void scroll(Step& st, DamagedScreen&, float dy) { scroll_content(st.m, dy); }
void text_input(Step&, DamagedScreen&, const TextInput&) {}

// ---- Settings › Backups ----

ScreenFrame frame(const AppModel& m, const BackupsScreen& s, const Env& env) {
  return record_frame(record_page_layout(m, s, env));
}

Control primary(const AppModel& m, const BackupsScreen& s) {
  if (s.confirming) return {ControlKind::EndCancel, 0};
  if (!m.backups.entries.empty()) return {ControlKind::BackupRow, 0};
  return {ControlKind::Back, 0};
}

void activate(Step& st, BackupsScreen& screen, Control c) {
  AppModel& m = st.m;
  BackupsScreen s = screen;
  switch (c.kind) {
    case ControlKind::BackupRow:
      if (c.index < 0 || c.index >= static_cast<int>(m.backups.entries.size())) return;
      s.confirming = c.index;
      reopen(m, std::move(s), true);
      return;
    case ControlKind::RestoreChosen:
      if (!s.confirming || *s.confirming >= static_cast<int>(m.backups.entries.size())) return;
      if (m.session) return;  // a session is writing to the record
      st.fx.push_back(RestoreBackup{m.backups.entries[static_cast<std::size_t>(*s.confirming)]});
      return;
    case ControlKind::Back:
    case ControlKind::EndCancel:
      back(st, screen);
      return;
    default:
      return;
  }
}

void back(Step& st, BackupsScreen& screen) {
  if (screen.confirming) {
    const int row = *screen.confirming;
    BackupsScreen s = screen;
    s.confirming.reset();
    reopen(st.m, std::move(s), true);
    focus_control(st.m, {ControlKind::BackupRow, row});
    reveal_focus(st.m);
    return;
  }
  open_screen(st.m, SettingsScreen{});
  focus_control(st.m, {ControlKind::Backups, 0});
  reveal_focus(st.m);
}

void scroll(Step& st, BackupsScreen&, float dy) { scroll_content(st.m, dy); }
void text_input(Step&, BackupsScreen&, const TextInput&) {}

}  // namespace unknot::app
