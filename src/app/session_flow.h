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
// Ends what is left of a session (audio stopped and cleared, results reloaded) before leaving
// the session screens; nothing when none is open.
void leave_session(AppModel& m, std::vector<Effect>& fx);
void finish_rating_after(AppModel& m, std::vector<Effect>& fx, int pain_after);
// A breathing session of `breaths` cycles of the pattern (recorded as routine "breathe:<id>").
void start_breathing(AppModel& m, std::vector<Effect>& fx, const core::BreathPattern& pattern,
                     int breaths);
// The time an eased ("too intense") hold still runs: long enough for a slow out-breath.
inline constexpr core::Duration kEaseTime{10'000'000};
// True during a pressure step (not the countdown): "too intense" and "stop" apply.
bool on_pressure_step(const AppModel& m);
// "Too intense": the hold ends after kEaseTime with a lighter pressure prompt, and it is logged.
void ease_step(AppModel& m, std::vector<Effect>& fx);
// "Stop: sharp, electric, numb or a pulse": skips this hold and every later one of the same
// muscle for this session, and logs it for the therapist.
void stop_muscle(AppModel& m, std::vector<Effect>& fx);
// "Dizzy or tingling?": continues the remaining breaths at a slower pace, without a countdown.
void slow_down(AppModel& m, std::vector<Effect>& fx);

}  // namespace unknot::app
