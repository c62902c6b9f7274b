// Notes on behaviour the header leaves open:
// - Edits are saved only on Save; Back with unsaved edits discards them (the entry is as it
//   was, so nothing is lost that was stored).
// - Deleting asks first, then removes the entry at once and offers Undo for kUndoTime on the
//   History list. Undo puts the same entry back (same id, steps and note).
#include "app/entry_page.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "app/progress_flow.h"
#include "app/screens.h"
#include "app/view.h"
#include "core/content_language.h"
#include "core/local_text.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

constexpr float kTargetH = 48;
constexpr float kValueW = 64;
constexpr float kFieldPad = 12;
constexpr Control kNoteField{ControlKind::NoteField, 0};

EntryStepperLayout stepper(const TextMeasure& t, Flow& f, std::string_view label) {
  EntryStepperLayout r;
  const float controls_w = 2 * kTargetH + kValueW;
  r.label = text_block(t, label, Font::Body, f.x, f.y, f.w - controls_w - 8);
  const float h = std::max(kTargetH, r.label.box.h);
  r.label.box.y = f.y + (h - r.label.box.h) / 2;
  const float y = f.y + (h - kTargetH) / 2;
  r.up = {f.x + f.w - kTargetH, y, kTargetH, kTargetH};
  r.value = {r.up.x - kValueW, y, kValueW, kTargetH};
  r.down = {r.value.x - kTargetH, y, kTargetH, kTargetH};
  f.y += h + 8;
  return r;
}

EntryLayout lay_out(const AppModel& m, const EntryScreen& s, const Env& env, float dy) {
  EntryLayout l;
  const TextMeasure& t = env.text;
  l.page = page_frame(env.window, true);
  const Rect col = l.page.column, bar = l.page.top_bar;
  l.back = {bar.x - 12, bar.y, 48, 48};
  l.remove =
      top_bar_button(t, bar, l.back.right() + 8, bar.right(), core::trc("button", "Delete"), 96);
  l.save = l.page.bottom;
  const HistoryRowView v = history_row_view(m, s.entry);
  // A form reads best in a phone-wide column, even on a desktop.
  const float w = std::min(col.w, 560.0f);
  Flow f{t, col.x, w, l.page.viewport.y + 8 - dy};
  l.title = f.add(v.title, Font::Title, 4);
  l.meta = f.add(v.date + " · " + v.minutes, Font::Body, 0);
  l.status = f.add(
      s.entry.region.empty() ? v.status : v.status + " · " + core::region_text(s.entry.region),
      Font::Caption, 16);
  // TRANSLATORS: the pain rating given just before the session.
  l.before = stepper(t, f, core::tr("Pain before"));
  // TRANSLATORS: the pain rating given just after the session.
  l.after = stepper(t, f, core::tr("Pain after"));
  f.y += 8;
  // TRANSLATORS: the label of the session's note field (a noun).
  l.note_label = f.add(core::trc("noun", "Note"), Font::Caption, 4);
  l.placeholder = text_block(t, core::tr("How did it feel? (optional)"), Font::Body,
                             f.x + kFieldPad, f.y + kFieldPad, f.w - 2 * kFieldPad);
  // Room for three lines at least, and one more than the note takes, for the next words.
  l.note_field = f.take(field_height(s.note, f.w, t, 3, Font::Body, kFieldPad), 0);
  l.content_h = f.y + 16 + dy - l.page.viewport.y;
  l.dialog = dialog_box(t, env.window, col, core::tr("Delete session?"),
                        core::tr("It leaves your record and charts; you can undo it for a moment."),
                        core::trc("button", "Keep"), core::trc("button", "Delete"));
  return l;
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

std::string day_label(const HistoryEntry& e) {
  using namespace std::chrono;
  const year_month_day ymd{core::local_day(e.started_at, minutes{e.utc_offset_min})};
  return core::day_month_text(ymd);
}

}  // namespace

EntryScreen entry_screen(const HistoryEntry& entry) {
  EntryScreen s;
  s.entry = entry;
  s.before = entry.before;
  s.after = entry.after;
  s.note = TextEdit(entry.note, kMaxNoteLength, true);
  return s;
}

FieldPlace entry_note_place(const EntryLayout& l) { return {l.note_field, Font::Body, kFieldPad}; }

std::optional<FieldRef> text_field(const AppModel& m, const EntryScreen& s, Control c,
                                   const Env& env) {
  if (c != kNoteField || s.confirming_delete) return std::nullopt;
  return FieldRef{c, &s.note, entry_note_place(entry_layout(m, s, env))};
}

EntryLayout entry_layout(const AppModel& m, const EntryScreen& s, const Env& env) {
  EntryLayout l = lay_out(m, s, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? lay_out(m, s, env, dy) : l;
}

ScreenFrame frame(const AppModel& m, const EntryScreen& s, const Env& env) {
  const EntryLayout l = entry_layout(m, s, env);
  ScreenFrame f;
  f.title = history_row_view(m, s.entry).title;  // the heading entry_layout draws
  if (s.confirming_delete) {
    // TRANSLATORS: a button: keep the session (do not delete it).
    add_target(f, {ControlKind::EndCancel, 0}, l.dialog.cancel, core::trc("button", "Keep"));
    add_target(f, {ControlKind::Delete, 1}, l.dialog.confirm, core::trc("button", "Delete"));
    return f;
  }
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  add_target(f, {ControlKind::Delete, 0}, l.remove, core::trc("button", "Delete"));
  // TRANSLATORS: spoken names of the buttons that lower or raise a pain rating.
  add_scrolling(f, {ControlKind::RatingDown, 0}, l.before.down, core::tr("Pain before lower"),
                Role::Stepper);
  add_scrolling(f, {ControlKind::RatingUp, 0}, l.before.up, core::tr("Pain before higher"),
                Role::Stepper);
  add_scrolling(f, {ControlKind::RatingDown, 1}, l.after.down, core::tr("Pain after lower"),
                Role::Stepper);
  add_scrolling(f, {ControlKind::RatingUp, 1}, l.after.up, core::tr("Pain after higher"),
                Role::Stepper);
  add_scrolling(f, kNoteField, l.note_field, core::trc("noun", "Note"), Role::Field);
  add_target(f, {ControlKind::Save, 0}, l.save, core::trc("button", "Save"));
  return f;
}

Control primary(const AppModel&, const EntryScreen& s) {
  return {s.confirming_delete ? ControlKind::EndCancel : ControlKind::Save, 0};
}

void activate(Step& st, EntryScreen& s, Control c) {
  AppModel& m = st.m;
  const int i = c.index;
  switch (c.kind) {
    case ControlKind::Back:
      open_screen(m, HistoryScreen{});
      return;
    case ControlKind::RatingDown:
    case ControlKind::RatingUp:
      step_rating(i == 0 ? s.before : s.after, c.kind == ControlKind::RatingUp ? 1 : -1);
      return;
    case ControlKind::NoteField:
      focus_control(m, c);  // typing goes to the note
      return;
    case ControlKind::Save: {
      if (s.dirty()) {
        st.fx.push_back(UpdateEntry{s.entry.id, s.before, s.after, s.note.text()});
        for (auto& e : m.history.entries) {
          if (e.id != s.entry.id) continue;
          e.before = s.before;
          e.after = s.after;
          e.note = s.note.text();
        }
        m.progress.reset();
        m.toast = core::tr("Changes saved");
        m.toast_until = m.wall_now + std::chrono::seconds{4};
      }
      open_screen(m, HistoryScreen{});
      return;
    }
    case ControlKind::Delete: {
      if (i == 0) {
        EntryScreen asking = s;
        asking.confirming_delete = true;
        open_screen(m, std::move(asking));
        return;
      }
      const HistoryEntry entry = s.entry;
      st.fx.push_back(DeleteEntry{entry.id});
      std::erase_if(m.history.entries, [&](const HistoryEntry& e) { return e.id == entry.id; });
      m.progress.reset();
      // TRANSLATORS: {date} is a short date, as in "Session of 24 Nov deleted".
      const std::string deleted = core::tr("Session of {date} deleted");
      m.undo = PendingUndo{entry.id, core::fill(deleted, {{"date", day_label(entry)}}),
                           m.wall_now + kUndoTime};
      open_screen(m, HistoryScreen{});
      return;
    }
    case ControlKind::EndCancel: {
      EntryScreen kept = s;
      kept.confirming_delete = false;
      open_screen(m, std::move(kept));
      return;
    }
    default:
      return;
  }
}

void back(Step& st, EntryScreen& s) {
  activate(st, s, {s.confirming_delete ? ControlKind::EndCancel : ControlKind::Back, 0});
}

void scroll(Step& st, EntryScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step& st, EntryScreen& s, const TextInput& t) {
  if (s.confirming_delete) return;
  const FieldPlace place = entry_note_place(entry_layout(st.m, s, env_of(st.m)));
  if (edit_field(st, s.note, kNoteField, place, t).submit) activate(st, s, {ControlKind::Save, 0});
}

}  // namespace unknot::app
