// The therapist's homework builder as part of the state machine (therapist mode only): a
// routine (title, a breathing block in, pressure steps from the muscle library, a breathing
// block out), each step's dose, the prescription (times a day, days, start, weeks, therapist,
// note), Export (a validated core::Homework for the shell to write with its calendar) and
// "Try it now". The draft lives in AppModel::homework_draft, so leaving keeps it. Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actions.h"
#include "app/effects.h"
#include "app/model.h"
#include "core/homework.h"

namespace unknot::app {

// What a BuilderDown / BuilderUp control changes (its index).
enum class BuilderValue {
  SettleMinutes = 0,
  SettlePattern = 1,
  CloseMinutes = 2,
  ClosePattern = 3,
  Hold = 10,  // the step's hold, in seconds (5-s steps) or breaths
  Reps = 11,
  Rest = 12,
  Pressure = 13,
  StepPattern = 14,
  TimesPerDay = 20,
  StartDay = 21,
  StartWeek = 22,
  Weeks = 23,
};
inline constexpr int value_index(BuilderValue v) { return static_cast<int>(v); }

// Text fields (BuilderField's index) and their limits in characters.
enum class BuilderText { Title = 0, Instruction = 1, Therapist = 2, Note = 3 };
inline constexpr int kMaxTitleChars = 80;
inline constexpr int kMaxInstructionChars = 200;
inline constexpr int kMaxTherapistChars = 80;
inline constexpr int kMaxNoteChars = 1000;

// Limits of the dose (domain.md §2.3, §6.5; README "Step fields").
inline constexpr int kMinHoldSeconds = 20, kMaxHoldSeconds = 90, kHoldStep = 5;
inline constexpr int kMaxReps = 3, kMaxRestSeconds = 60, kDefaultRestSeconds = 30;
inline constexpr int kMaxPressure = 7;
inline constexpr int kMaxBlockMinutes = 5, kMaxTimesPerDay = 6, kMaxWeeks = 12;

// Patterns a breathing block may use (built-in, no per-session breath limit) and those a
// pressure step may use (also without breath holds), in the built-in order.
std::vector<const core::BreathPattern*> block_patterns();
std::vector<const core::BreathPattern*> hold_patterns();

// A pressure step for a library muscle with the library's defaults.
core::StepSpec step_for(const core::MuscleInfo& muscle);
// "Both sides · 2 × 45 s · 5/10" for a step row (the rest is on the step's screen).
std::string step_dose_text(const core::StepSpec& step);
// The first day of the block: the chosen one, or today.
core::Day draft_start(const AppModel& m);
core::Day draft_end(const AppModel& m);
// The routine and prescription the draft stands for (id and revision as they are now).
core::Homework draft_homework(const AppModel& m);
// Played length of the draft's routine.
core::Duration draft_length(const AppModel& m);
// What stops the draft from being exported, as sentences naming the step or field; empty when
// it is valid (parse_homework(homework_json(h)) reports nothing, and it has a muscle).
std::vector<std::string> draft_problems(const AppModel& m);

// The muscle picker's list: every library muscle (therapist-only ones too), grouped by region
// in the order regions first appear. `heading` is set on the first row of each group.
struct PickRow {
  std::string heading;
  const core::MuscleInfo* muscle = nullptr;
};
std::vector<PickRow> builder_pick_rows(const AppModel& m);

bool on_builder_activated(AppModel& m, const Activated& a, std::vector<Effect>& fx);
bool on_builder_back(AppModel& m, std::vector<Effect>& fx);
// Typing and Backspace in the focused builder field; false when not on a builder screen.
bool on_builder_text(AppModel& m, const TextTyped& t);
bool on_builder_erase(AppModel& m);
// True when the focus is on a builder text field (typing goes there).
bool builder_editing_text(const AppModel& m);
void on_builder_scrolled(AppModel& m, float dy);
void builder_focus_into_view(AppModel& m);
bool builder_controls(const AppModel& m, std::vector<Control>& list);
std::optional<Control> builder_primary(const AppModel& m);

}  // namespace unknot::app
