// The homework builder's draft: dosing a step within the domain's limits, and turning the draft
// into a core::Homework with its problems. Private to app; pure. (builder_flow.h declares the
// parts the screens use.)
#pragma once

#include "app/model.h"
#include "core/routine.h"

namespace unknot::app {

// The local day the draft's dates start from.
core::Day builder_today(const AppModel& m);
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

}  // namespace unknot::app
