// Session steps of the state machine (start, pause, skip, end, resume, finish), shared by
// update(). Private to app; pure: mutates the model and appends effects.
#pragma once

#include <optional>
#include <vector>

#include "app/effects.h"
#include "app/model.h"

namespace unknot::app {

void start_session(AppModel& m, std::vector<Effect>& fx, int routine, int pain_before,
                   std::optional<int> region);
void resume_interrupted(AppModel& m, std::vector<Effect>& fx, const InterruptedFound& found,
                        int routine);
void attach_record(AppModel& m, std::vector<Effect>& fx, std::int64_t session_id);
// Advances the running session to m.session_now; true when it just finished.
bool advance_session(AppModel& m, std::vector<Effect>& fx);
void pause_session(AppModel& m, std::vector<Effect>& fx);
void resume_session(AppModel& m, std::vector<Effect>& fx);
void toggle_pause(AppModel& m, std::vector<Effect>& fx);
void skip_step(AppModel& m, std::vector<Effect>& fx);
void end_session_early(AppModel& m, std::vector<Effect>& fx);
void finish_rating_after(AppModel& m, std::vector<Effect>& fx, int pain_after);
// A breathing session of `breaths` cycles of the pattern (recorded as routine "breathe:<id>").
void start_breathing(AppModel& m, std::vector<Effect>& fx, const core::BreathPattern& pattern,
                     int breaths);
// "Dizzy or tingling?": continues the remaining breaths at a slower pace, without a countdown.
void slow_down(AppModel& m, std::vector<Effect>& fx);

}  // namespace unknot::app
