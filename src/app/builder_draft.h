// The therapist's homework draft (AppModel::homework_draft): each value's limits and what its
// − and + do, the routine and prescription the draft stands for, what stops it from being
// exported, and the muscle picker's rows. Pure std + core; the builder's pages
// (builder_page.h, builder_step_page.h, builder_pick_page.h, builder_plan_page.h) use it.
#pragma once

#include <string>
#include <vector>

#include "app/model.h"
#include "core/homework.h"
#include "core/routine.h"

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
inline constexpr int field_index(BuilderText t) { return static_cast<int>(t); }
inline constexpr int kMaxTitleChars = 80;
inline constexpr int kMaxInstructionChars = 200;
inline constexpr int kMaxTherapistChars = 80;
inline constexpr int kMaxNoteChars = 1000;

// Limits of the dose (domain.md §2.3, §6.5; README "Step fields").
inline constexpr int kMinHoldSeconds = 20, kMaxHoldSeconds = 90, kHoldStep = 5;
inline constexpr int kMaxReps = 3, kMaxRestSeconds = 60, kDefaultRestSeconds = 30;
inline constexpr int kMaxPressure = 7;
inline constexpr int kMaxBlockMinutes = 5, kMaxTimesPerDay = 6, kMaxWeeks = 12;
// How far ahead a block may start, in days from today.
inline constexpr int kMaxStartDays = 365;

// Patterns a breathing block may use (built-in, no per-session breath limit) and those a
// pressure step may use (also without breath holds), in the built-in order.
std::vector<const core::BreathPattern*> block_patterns();
std::vector<const core::BreathPattern*> hold_patterns();

// A pressure step for a library muscle with the library's defaults.
core::StepSpec step_for(const core::MuscleInfo& muscle);
// "Both sides · 2 × 45 s · 5/10" for a step's card (the rest is on the step's page).
std::string step_dose_text(const core::StepSpec& step);
// A hold as shown: "6 breaths", "45 s".
std::string breaths_text(int breaths);
std::string seconds_text(int seconds);
// A muscle kept for supervised use: "Supervised · " and `detail`.
std::string supervised_text(const std::string& detail);

// The local day the draft's dates start from.
core::Day builder_today(const AppModel& m);
// The first day of the block (the chosen one, or today) and its last.
core::Day draft_start(const AppModel& m);
core::Day draft_end(const AppModel& m);
// The routine and prescription the draft stands for (id and revision as they are now).
core::Homework draft_homework(const AppModel& m);
// Played length of the draft's routine.
core::Duration draft_length(const AppModel& m);
// What stops the draft from being exported, as sentences naming the step or field; empty when
// it is valid (parse_homework(homework_json(h)) reports nothing, and it has a muscle).
std::vector<std::string> draft_problems(const AppModel& m);

// A hold's length in seconds, whether it is set in seconds or in breaths.
int hold_seconds(const core::StepSpec& s);
// Sets the hold in seconds (5-s steps within 20-90 s), or in breaths (what fits 20-90 s).
void set_seconds(core::StepSpec& s, int secs);
void set_breaths(core::StepSpec& s, int breaths);
// Seconds one breath of a built-in pattern takes (10 for an unknown one).
double cycle_seconds(const std::string& pattern_id);
// Breaths that keep a hold within 20-90 s on this pattern.
int min_breaths(const std::string& pattern_id);
int max_breaths(const std::string& pattern_id);

// One press of a value's − (delta -1) or + (delta +1). Numbers stay within their limits;
// patterns go round. Values of another part leave it as it was.
void nudge_block(HomeworkDraft& d, BuilderValue v, int delta);  // the breathing blocks
void nudge_step(core::StepSpec& s, BuilderValue v, int delta);  // a pressure step's dose
void nudge_plan(HomeworkDraft& d, core::Day today, BuilderValue v, int delta);  // the schedule
// Whether that press would change anything (a − at its minimum would not): the control is
// enabled only then.
bool block_can(const HomeworkDraft& d, BuilderValue v, int delta);
bool step_can(const core::StepSpec& s, BuilderValue v, int delta);
bool plan_can(const HomeworkDraft& d, core::Day today, BuilderValue v, int delta);

// The muscle picker's list: every library muscle (therapist-only ones too), grouped by region
// in the order regions first appear. `heading` is set on the first row of each group.
struct PickRow {
  std::string heading;
  const core::MuscleInfo* muscle = nullptr;
};
std::vector<PickRow> builder_pick_rows(const AppModel& m);

}  // namespace unknot::app
