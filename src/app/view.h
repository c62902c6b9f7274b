// Everything the screens show, derived from the model as plain strings and numbers, so labels
// are unit-tested without SDL. Pure std + core.
#pragma once

#include <optional>
#include <string>

#include "app/model.h"
#include "core/breath.h"

namespace unknot::app {

// "0:45", "12:05", "1:02:03"; whole seconds rounded up so a countdown shows 0:01 until it ends.
std::string format_clock(core::Duration d);
// "12 min" (rounded to the nearest minute, at least 1).
std::string format_minutes(core::Duration d);
// "12 min · Neck, Upper back, Head"
std::string routine_meta(const CatalogEntry& entry);
// "Last time: pain 6 → 3", or empty when there is no rated session.
std::string last_result_text(const CatalogEntry& entry);
// One line per authored step for the routine screen: title "Upper trapezius", detail
// "45 s each side" (or "6 breaths", "60 s", "45 s, left").
struct StepLine {
  std::string title;
  std::string detail;
};
std::vector<StepLine> step_lines(const core::Routine& routine, const core::PatternLookup& lookup);

struct PlayerView {
  bool counting_down = false;
  std::string countdown;   // "3", "2", "1"
  std::string step_label;  // "Step 3 of 8"
  double progress = 0;     // whole session, 0..1
  std::string heading;     // "Left upper trapezius"
  std::string tool_line;   // "Ball against a wall · Standing, back to the wall"
  std::string instruction;
  std::string referral;
  std::string pressure;  // "Pressure 5/10 · never above 7", empty for breathing
  bool eased = false;    // "too intense" was pressed on this hold
  core::BreathPhase phase = core::BreathPhase::Inhale;
  double volume = 0;  // pacer ring size 0..1
  double phase_fraction = 0;
  std::string phase_word;     // "Breathe out"
  std::string phase_seconds;  // "4"
  std::string step_left;      // "0:45 left"
  std::string caption;        // the last spoken cue while it is fresh
  bool paused = false;
  std::string pause_label;  // "Pause" / "Resume"
};
PlayerView player_view(const AppModel& model);

// "3 points lower (50%)", "1 point higher (25%)", "No change"; no percent when before is 0.
std::string change_text(int before, int after);

// "6 a minute · in 5, out 5"; holds and top-ups named ("in 4, hold 7, out 8").
std::string pattern_timing(const core::BreathPattern& pattern);
// "4.5 s", "0 s"
std::string seconds_label(core::Duration d);
// "6.0 breaths a minute · 10 s a breath"
std::string draft_summary(const core::PatternDraft& draft);
// Under the length chooser: what will be played, and any limit that applies.
std::string length_note(const AppModel& model, const PatternScreen& screen);

// The seven answers of the Patient Global Impression of Change, 1 = very much improved.
std::string pgic_label(int value);

struct SummaryView {
  std::string title;         // "Session complete" / "Session ended early"
  std::string before_after;  // "6 → 3" or "6 → –"
  std::string change;
  std::string time_done;  // "Time: 12:30"
  std::string message;    // modest: no claim one session cannot support (domain.md §4.3)
};
SummaryView summary_view(const AppModel& model);

// One History row (and the entry screen's heading).
struct HistoryRowView {
  std::string date;     // "Tue 24 Nov · 18:05", local time by the entry's own offset
  std::string title;    // the routine's title, the breathing pattern's name, or the humanised id
  std::string ratings;  // "6 → 3", "6 → –", or "Not rated"
  std::string minutes;  // "12 min" (time actually done)
  std::string status;   // "Completed", "Ended early", "Interrupted"
  std::string note;     // the note's first line, shortened to about 60 characters
};
HistoryRowView history_row_view(const AppModel& model, const HistoryEntry& entry);

}  // namespace unknot::app
