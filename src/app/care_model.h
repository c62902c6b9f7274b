// The "where does it hurt?" body map, homework and safety parts of the app state. Pure std +
// core. The shell loads the muscle library and the body map from assets, and homework and the
// health profile from storage, and hands them over as actions.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/text_edit.h"
#include "core/body_map.h"
#include "core/dose.h"
#include "core/muscle_library.h"
#include "core/pain_stats.h"
#include "core/routine.h"
#include "core/safety.h"
#include "core/translate.h"

namespace unknot::app {

// ---- Body map and muscle library ----
struct BodyMapScreen {
  core::BodyView view = core::BodyView::Front;
  std::string zone;                   // the tapped zone, empty before a tap
  std::vector<std::string> selected;  // muscle ids picked, in the order picked (1-4)
  bool head = false;                  // the close-up of the view's head and neck
};
// One muscle's details: where to find it, referral, tool, cautions, sources.
struct MuscleScreen {
  std::string muscle;
  BodyMapScreen back_to;  // the map as it was, to return to
};

// ---- Homework ----
// Today's homework as Home shows it, worked out by the shell from storage and the clock.
struct HomeworkStatus {
  std::string id;         // the homework id
  int routine = -1;       // catalog index of its routine
  std::string title;      // the routine's title
  std::string therapist;  // may be empty
  std::string note;       // the therapist's note, may be empty
  int done_today = 0, prescribed_today = 0;
  int done_week = 0, prescribed_week = 0;  // this calendar week (Monday first)
  int days_left = 0;         // until the prescription ends, today included; 0 when it ended
  bool active = true;        // false before its start or after its end
  core::Day start{}, end{};  // the prescription's first and last day
};

// ---- Safety (domain.md §2.5, §6.1, §6.2) ----
using core::HealthProfile;

inline constexpr int kRedFlagCount = static_cast<int>(core::kRedFlagQuestions);

// The check before a session (core::screen_kind): the full seven questions, or the brief
// "Since last time, any of these?" whose items are ticked (answers[i] == true) and whose
// primary action, with none ticked, is "None of these".
struct SafetyScreen {
  std::array<std::optional<bool>, kRedFlagCount> answers{};  // yes / no per question
  int pending_routine = -1;  // the routine to open once the screen is passed (-1: Home)
  bool brief = false;
  bool blocked = false;              // a yes was given today: the advice, no session
  std::vector<std::string> yes_ids;  // when blocked: what was answered yes (for its advice)
};
// "Since your last session" (dose_page.h, domain.md §2.2): how each muscle pressed in the last
// session felt afterwards, asked once before the next session on a later day. Unmarked is fine;
// soreness or bruising makes that muscle lighter from now on. With anything marked, Continue
// shows what changes before going on.
struct DoseScreen {
  int pending_routine = -1;  // the routine to go on to (its rating before)
  std::int64_t session_id = 0;
  std::vector<std::string> muscles;         // library ids, in the order first pressed
  std::vector<core::DoseReaction> answers;  // same order
  bool showing_changes = false;             // answered: what becomes lighter, and Continue
};
struct ProfileScreen {
  HealthProfile draft;
  int pending_routine = -1;  // asked before a first session: the routine to go on to
  bool onboarding = false;   // a step of the welcome tour: Save goes on to the first rating
};

// ---- The welcome tour (onboarding_page.h) ----
// The health profile is the tour's third step, on the profile screen itself.
enum class OnboardingStep { Welcome, Pressing, Rating };
struct OnboardingScreen {
  OnboardingStep step = OnboardingStep::Welcome;
  bool review = false;      // opened from Settings: the welcome and pressing pages only
  std::optional<int> pain;  // the first rating, 0..10
};
struct SettingsScreen {};
// A routine's sources, in full (domain.md §7).
struct SourcesScreen {
  int routine = 0;
};

// ---- Homework builder (therapist mode; builder_draft.h, builder_page.h) ----
// The homework a therapist is putting together: kept in the model while they move between
// screens, and exported as a .unknot file with its calendar.
struct HomeworkDraft {
  std::string id;    // "hw-..." from the first export or try; stable after that
  int revision = 0;  // of the last export; 0 before the first
  // TRANSLATORS: the title a new homework routine starts with, until the therapist changes it.
  std::string title = core::tr("Home programme");
  int settle_minutes = 2;  // breathing in, 1..5
  std::string settle_pattern = "resonance_6";
  std::vector<core::StepSpec> steps;  // the pressure steps, in order
  int close_minutes = 1;              // breathing out, 1..5
  std::string close_pattern = "cyclic_sigh";
  int times_per_day = 1;                                               // 1..6
  std::array<bool, 7> days{true, true, true, true, true, true, true};  // Monday .. Sunday
  std::optional<core::Day> start;                                      // empty: today
  int weeks = 4;                                                       // 1..12
  std::string therapist;
  std::string note;

  friend bool operator==(const HomeworkDraft&, const HomeworkDraft&) = default;
};
// The routine and its steps; problems from the last Export or Try, shown until they are fixed.
// Its scroll is the model's (AppModel::scroll), as every page's. A page's text fields are
// TextEdits filled from the draft as the page opens (builder_page.h: builder_screen, and the
// like for the step and the schedule); what is typed goes back to the draft at once.
struct BuilderScreen {
  std::vector<std::string> problems;
  bool confirming_new = false;  // "Start afresh?" is open
  TextEdit title;               // the routine's title
};
// The pages below keep the routine page's scroll, to return to it as it was.
struct BuilderStepScreen {  // one pressure step of the draft
  int step = 0;
  float builder_scroll = 0;
  TextEdit instruction;  // the step's
};
struct BuilderPickScreen {  // every muscle of the library, grouped by region
  float builder_scroll = 0;
};
struct BuilderPlanScreen {  // the prescription: how often, which days, when, who
  float builder_scroll = 0;
  TextEdit therapist;  // the therapist's name
  TextEdit note;       // to the client: multi-line
};

}  // namespace unknot::app
