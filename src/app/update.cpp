#include "app/update.h"

#include <algorithm>

#include "app/bodymap_flow.h"
#include "app/builder_flow.h"
#include "app/care_flow.h"
#include "app/checkin_page.h"
#include "app/pattern_page.h"
#include "app/progress_flow.h"
#include "app/record_pages.h"
#include "app/saved_file.h"
#include "app/session_flow.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

void open(AppModel& m, Screen screen) { open_screen(m, std::move(screen)); }

// The banner of a failed save, with the storage's reason.
std::string unsaved_notice(std::string_view problem) {
  // TRANSLATORS: a banner when the app's data could not be saved; {problem} says why.
  return core::fill(core::tr("Couldn't save: {problem}"), {{"problem", problem}});
}

// Whether `notice` is one unsaved_notice made, in the current language (a recovered save clears
// it, and only it): the text around its reason matches.
bool is_unsaved_notice(std::string_view notice) {
  constexpr std::string_view kMark = "\x01";
  const std::string shape = unsaved_notice(kMark);
  const std::size_t at = shape.find(kMark);
  if (at == std::string::npos) return false;
  const std::string_view before = std::string_view(shape).substr(0, at);
  const std::string_view after = std::string_view(shape).substr(at + kMark.size());
  if (before.empty() && after.empty()) return false;
  return notice.size() >= before.size() + after.size() && notice.starts_with(before) &&
         notice.ends_with(after);
}

// The IME's candidate window follows the focused field's caret, wherever typing, scrolling or a
// resize moved it.
void place_text_input(AppModel& m, std::vector<Effect>& fx) {
  std::optional<Rect> caret;
  if (const auto field = focused_field(m))
    caret = field_layout(*field->edit, field->place, measure_of(m)).caret;
  if (caret == m.text_input_rect) return;
  m.text_input_rect = caret;
  if (caret) fx.push_back(PlaceTextInput{*caret});
}

void on_interrupted(AppModel& m, const InterruptedFound& found, std::vector<Effect>& fx) {
  // Just breathe: offered again when its pattern still exists.
  if (const auto* pattern = interrupted_pattern(m, found); pattern != nullptr && !m.session) {
    open(m, ResumeScreen{found, kBreathingResume});
    return;
  }
  const int index = find_routine(m, found.routine_id);
  const int steps =
      index >= 0 ? m.catalog[static_cast<std::size_t>(index)].timeline->step_count() : 0;
  const bool playable = index >= 0 && found.resume_step >= 0 && found.resume_step < steps;
  if (index >= 0 && found.resume_step >= steps && steps > 0) {
    // Every step was stored and only the closing write was lost (the app stopped between the
    // two): the session was done, so it counts as completed.
    fx.push_back(CompleteSessionRecord{found.session_id, m.wall_now});
    return;
  }
  if (!playable || m.session) {
    // Nothing left to resume (or the routine is gone): keep the record, closed as abandoned.
    fx.push_back(AbandonSessionRecord{found.session_id, m.wall_now});
    return;
  }
  open(m, ResumeScreen{found, index});
}

}  // namespace

Transition update(AppModel m, const Action& action) {
  std::vector<Effect> fx;
  Step st{m, fx};
  std::visit(
      Overloaded{
          [&](const Tick& t) {
            m.session_now = t.session_now;
            m.wall_now = t.wall_now;
            m.ui_now = t.ui_now;
            if (m.scroll.velocity != 0) coast(m.scroll, screen_frame(m), t.ui_now);
            if (m.undo && m.wall_now >= m.undo->until) m.undo.reset();
            if (!m.toast.empty() && m.wall_now >= m.toast_until) m.toast.clear();
            if (std::holds_alternative<PlayerScreen>(m.screen) && advance_session(m, fx)) {
              // A breathing session has no pain question; a routine asks again.
              if (m.session->breathing()) {
                open(m, SummaryScreen{});
              } else {
                open(m, RatingScreen::ask(RatingMoment::After, m.session->routine));
              }
            }
          },
          [&](const Activated& a) { screen_activate(st, a.control); },
          [&](const FocusMoved& f) {
            const auto n = static_cast<int>(controls(m).size());
            if (n > 0) m.focus = ((m.focus + f.delta) % n + n) % n;
            reveal_focus(m);
            if (focused_field(m)) screen_text(st, FieldFocused{});
          },
          [&](const BackPressed&) { screen_back(st); },
          [&](const PauseToggled&) {
            if (auto* p = std::get_if<PlayerScreen>(&m.screen);
                p && !p->confirming_end && !p->asking_intensity && !p->asking_dizzy) {
              toggle_pause(m, fx);
            }
          },
          [&](const PainTyped& p) {
            const auto* psfs = std::get_if<PsfsScreen>(&m.screen);
            if (std::holds_alternative<RatingScreen>(m.screen) ||
                std::holds_alternative<CheckinScreen>(m.screen) || (psfs && !psfs->naming)) {
              screen_activate(st, {ControlKind::PainValue, p.value});
            }
          },
          [&](const PainNudged& p) {
            if (auto* c = std::get_if<CheckinScreen>(&m.screen); c && !c->pgic_step) {
              const int base = c->value ? *c->value : (p.delta > 0 ? -1 : 11);
              screen_activate(st, {ControlKind::PainValue, std::clamp(base + p.delta, 0, 10)});
            }
            if (auto* ps = std::get_if<PsfsScreen>(&m.screen); ps && !ps->naming) {
              const int base = ps->value ? *ps->value : (p.delta > 0 ? -1 : 11);
              screen_activate(st, {ControlKind::PainValue, std::clamp(base + p.delta, 0, 10)});
            }
            if (auto* r = std::get_if<RatingScreen>(&m.screen)) {
              const int base = r->pain ? *r->pain : (p.delta > 0 ? -1 : 11);
              screen_activate(st, {ControlKind::PainValue, std::clamp(base + p.delta, 0, 10)});
            }
          },
          [&](const AppBackgrounded&) { pause_session(m, fx); },
          [&](const SessionRecordStarted& s) { attach_record(m, fx, s.session_id); },
          [&](const StorageFailed& s) { m.notice = unsaved_notice(s.message); },
          [&](const CatalogLoaded& c) {
            m.catalog = c.entries;
            apply_profile_to_catalog(m);
            clamp_scroll(m.scroll, screen_frame(m));
          },
          [&](const LastResultsLoaded& r) {
            for (auto& entry : m.catalog) entry.last.reset();
            for (const auto& result : r.results) {
              const int i = find_routine(m, result.routine_id);
              if (i >= 0) m.catalog[static_cast<std::size_t>(i)].last = result;
            }
          },
          [&](const InterruptedFound& f) { on_interrupted(m, f, fx); },
          [&](const Scrolled& s) { screen_scroll(st, s.dy); },
          [&](const Flung& f) { fling(m.scroll, f.velocity, m.ui_now); },
          [&](const Paged& p) {
            const ScreenFrame frame = screen_frame(m);
            const float page = frame.viewport.w > 0 ? frame.viewport.h : m.window_h;
            screen_scroll(st, static_cast<float>(p.pages) * std::max(48.0f, page - 48.0f));
          },
          [&](const ScrolledToEnd& e) { screen_scroll(st, e.end ? 1e7f : -1e7f); },
          [&](const TextMeasureReady& t) {
            m.text = t.text;
            clamp_scroll(m.scroll, screen_frame(m));
          },
          [&](const Resized& r) {
            m.window_w = r.w;
            m.window_h = r.h;
            clamp_scroll(m.scroll, screen_frame(m));
            reveal_focus(m);
          },
          [&](const TextTyped& t) { screen_text(st, t); },
          [&](const FieldKeyed& k) { screen_text(st, k); },
          [&](const FieldPressed& p) { screen_text(st, p); },
          [&](const FieldDragged& d) { screen_text(st, d); },
          [&](const FieldReleased&) { m.field_dragging = false; },
          [&](const FieldComposed& c) { screen_text(st, c); },
          [&](const ClipboardRead& c) { screen_text(st, c); },
          [&](const ProgressLoaded& p) { on_progress_loaded(m, p); },
          [&](const CareLoaded& c) { on_care_loaded(m, c); },
          [&](const DoseDueLoaded& d) { m.dose_due = d.due; },
          [&](const HomeworkLoaded& h) { on_homework_loaded(m, h); },
          [&](const FileOpenFailed& f) {
            if (!m.session) open(m, ErrorScreen{f.title, f.message, false, f.homework});
          },
          [&](const RecordDamaged& d) { on_record_damaged(m, d, fx); },
          [&](const BackupsLoaded& b) { on_backups_loaded(m, b); },
          [&](const RecordReplaced& r) { on_record_replaced(m, r, fx); },
          [&](const RecordChangeFailed& f) { on_record_change_failed(m, f); },
          [&](const FileImported& f) {
            m.toast = f.message;
            m.toast_until = m.wall_now + std::chrono::seconds{6};
            if (!m.session) open(m, HomeScreen{});
          },
          [&](const RoutineFileOpened& r) { on_routine_file_opened(m, r); },
          [&](const LibraryLoaded& l) { on_library_loaded(m, l); },
          [&](const HistoryLoaded& h) { on_history_loaded(m, h); },
          [&](const WeeklyTargetLoaded& w) {
            m.weekly_target = std::clamp(w.target, 1, kMaxWeeklyTarget);
          },
          [&](const PlatformFound& p) {
            m.can_pick_files = p.file_picker;
            m.saves_as_downloads = p.downloads;
            m.record_in_browser = p.record_in_browser;
          },
          [&](const StorageRecovered&) {
            if (is_unsaved_notice(m.notice)) m.notice.clear();
          },
          [&](const HomeworkExported& e) {
            SavedFile saved;
            saved.kind = SavedKind::Homework;
            saved.path = e.path;
            saved.beside = e.calendar;
            if (e.downloaded) saved.opened = OpenOutcome::Downloaded;
            show_saved_file(m, saved);
          },
          [&](const ReportShared& r) {
            const bool calendar = r.path.ends_with(".ics");
            SavedFile saved;
            saved.kind = calendar ? SavedKind::Calendar : SavedKind::Report;
            saved.path = r.path;
            saved.opened = r.opened;
            // A report asked for on Share report is shown over Progress, where it came from.
            if (const auto* share = std::get_if<ShareScreen>(&m.screen))
              open_screen(m, share->from);
            show_saved_file(m, saved);
          },
          [&](const FolderShown& f) {
            if (m.saved_file) m.saved_file->folder_failed = !f.shown;
          },
          [&](const CustomPatternSaved& saved) {
            PatternScreen page{"custom_" + std::to_string(saved.id), {}};
            if (const auto* p = find_pattern(m, page.pattern_id)) page.length = default_length(*p);
            open(m, std::move(page));
          },
          [&](const PatternsLoaded& p) {
            m.custom_patterns = p.custom;
            clamp_scroll(m.scroll, screen_frame(m));
          },
          [&](const SoundSettingsLoaded& s) {
            m.sound = s.settings;
            fx.push_back(AudioSettings{m.sound});
          },
          [&](const ComfortLoaded& c) {
            m.comfort = c.settings;
            m.comfort.text_percent = core::valid_text_percent(m.comfort.text_percent);
            fx.push_back(ApplyComfort{m.comfort});
          },
          [&](const CheckinDue& due) { on_checkin_due(m, due); },
          [&](const FirstUseLoaded& f) {
            std::erase_if(m.first_use, [&](const auto& e) { return e.first == f.pattern_id; });
            if (f.first) m.first_use.emplace_back(f.pattern_id, *f.first);
            if (auto* ps = std::get_if<PatternScreen>(&m.screen);
                ps && ps->length.unit == core::BreathingLength::Unit::Breaths) {
              ps->length.value = planned_breaths(m, *ps);
            }
          },
      },
      action);
  // Anything that changes the record makes what Progress and History loaded out of date.
  const bool record_changed = std::any_of(fx.begin(), fx.end(), [](const Effect& e) {
    return std::holds_alternative<BeginSessionRecord>(e) || std::holds_alternative<RecordStep>(e) ||
           std::holds_alternative<CompleteSessionRecord>(e) ||
           std::holds_alternative<AbandonSessionRecord>(e) ||
           std::holds_alternative<SavePainAfter>(e) || std::holds_alternative<SaveCheckin>(e) ||
           std::holds_alternative<SavePsfs>(e);
  });
  if (record_changed) forget_progress(m);
  // A tick focuses no field, so it only measures while one is focused (not every session frame).
  if (!std::holds_alternative<Tick>(action) || m.text_input_rect) place_text_input(m, fx);
  return {std::move(m), std::move(fx)};
}

}  // namespace unknot::app
