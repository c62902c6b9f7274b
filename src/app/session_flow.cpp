#include "app/session_flow.h"

#include <algorithm>

#include "core/translate.h"

namespace unknot::app {
namespace {

// Long enough to read two or three words at arm's length.
constexpr core::Duration kCaptionTime{2'500'000};

void record(ActiveSession& s, std::vector<Effect>& fx, const core::StepRecord& r) {
  const core::Step& step = s.timeline->step(r.step_index);
  RecordStep effect{
      s.session_id, s.step_offset + r.step_index, step.muscle, step.side, r.planned, r.actual,
      r.skipped};
  s.done += r.actual;
  if (s.session_id == 0) {
    s.pending.push_back(std::move(effect));
  } else {
    fx.push_back(std::move(effect));
  }
}

void begin_playing(AppModel& m, std::vector<Effect>& fx) {
  fx.push_back(AudioLoad{m.session->timeline});
  fx.push_back(AudioSync{m.session->run.clock()});
  fx.push_back(AudioRun{true});
  fx.push_back(KeepAwake{true});
}

}  // namespace

void start_session(AppModel& m, std::vector<Effect>& fx, int routine, int pain_before,
                   std::optional<int> region) {
  const CatalogEntry& entry = m.catalog.at(static_cast<std::size_t>(routine));
  std::string region_name;
  if (region && *region >= 0 && *region < static_cast<int>(entry.routine.regions.size())) {
    region_name = entry.routine.regions[static_cast<std::size_t>(*region)];
  }
  m.session.emplace(routine, entry.timeline, 0, static_cast<int>(entry.routine.steps.size()),
                    core::SessionRun(*entry.timeline, m.session_now));
  m.session->pain_before = pain_before;
  m.session->region = region_name;
  fx.push_back(BeginSessionRecord{entry.routine.id, m.wall_now, pain_before, region_name,
                                  entry.timeline->total()});
  begin_playing(m, fx);
}

void resume_interrupted(AppModel& m, std::vector<Effect>& fx, const InterruptedFound& found,
                        int routine) {
  const CatalogEntry& entry = m.catalog.at(static_cast<std::size_t>(routine));
  const core::Timeline& whole = *entry.timeline;
  // Play the steps not yet recorded as a timeline of their own, so the countdown and cues start
  // cleanly at the step where the session stopped.
  std::vector<core::Step> rest;
  for (int i = found.resume_step; i < whole.step_count(); ++i) rest.push_back(whole.step(i));
  auto tail = std::make_shared<const core::Timeline>(
      std::move(rest), [&whole](std::string_view id) -> const core::BreathPattern* {
        for (int i = 0; i < whole.step_count(); ++i) {
          if (whole.step(i).pattern_id == id) return &whole.pattern(i);
        }
        return nullptr;
      });
  m.session.emplace(routine, tail, found.resume_step, static_cast<int>(entry.routine.steps.size()),
                    core::SessionRun(*tail, m.session_now));
  m.session->session_id = found.session_id;
  m.session->pain_before = found.pain_before;
  m.session->region = found.region;
  begin_playing(m, fx);
}

void attach_record(AppModel& m, std::vector<Effect>& fx, std::int64_t session_id) {
  if (!m.session || m.session->session_id != 0) return;
  m.session->session_id = session_id;
  for (auto& pending : m.session->pending) {
    pending.session_id = session_id;
    fx.push_back(std::move(pending));
  }
  m.session->pending.clear();
  for (auto& pending : m.session->pending_feedback) {
    pending.session_id = session_id;
    fx.push_back(std::move(pending));
  }
  m.session->pending_feedback.clear();
  if (m.session->finished) {
    fx.push_back(m.session->ended_early ? Effect{AbandonSessionRecord{session_id, m.wall_now}}
                                        : Effect{CompleteSessionRecord{session_id, m.wall_now}});
  }
}

bool advance_session(AppModel& m, std::vector<Effect>& fx) {
  if (!m.session || m.session->finished) return false;
  ActiveSession& s = *m.session;
  const core::Advance adv = s.run.advance(*s.timeline, m.session_now);
  // With vibration on, a phone or controller that can buzz carries the cues by touch, for
  // eyes-closed use; whether the sound is muted has no say in it.
  Haptic felt;
  for (const auto& cue : adv.cues) {
    if (m.sound.vibration) {
      const auto pulses = core::haptic_pulses_for(s.timeline->all_cues(), cue);
      felt.pulses.insert(felt.pulses.end(), pulses.begin(), pulses.end());
    }
    if (core::is_spoken(cue.kind)) {
      s.caption = {s.timeline->cue_caption(cue), m.session_now + kCaptionTime};
    }
  }
  if (!felt.pulses.empty()) fx.push_back(std::move(felt));
  for (const auto& r : adv.finished) record(s, fx, r);
  if (!s.run.finished(*s.timeline, m.session_now) && !s.run.counting_down(m.session_now)) {
    const int current = s.timeline->position_at(s.run.elapsed(m.session_now)).step_index;
    const core::Step& step = s.timeline->step(current);
    const bool stopped =
        !step.muscle.empty() && std::find(s.stopped_muscles.begin(), s.stopped_muscles.end(),
                                          step.muscle) != s.stopped_muscles.end();
    const bool ease_over = s.eased_step == current && m.session_now >= s.eased_until;
    if (stopped || ease_over) {
      for (const auto& r : s.run.skip_step(*s.timeline, m.session_now)) record(s, fx, r);
      fx.push_back(AudioSync{s.run.clock()});
      if (ease_over) s.eased_step = -1;
    }
  }
  if (!s.run.finished(*s.timeline, m.session_now)) return false;
  s.finished = true;
  if (s.session_id != 0) fx.push_back(CompleteSessionRecord{s.session_id, m.wall_now});
  fx.push_back(KeepAwake{false});
  // The audio keeps running so the end bell rings out while the person rates their pain.
  return true;
}

void pause_session(AppModel& m, std::vector<Effect>& fx) {
  if (!m.session || m.session->finished || m.session->run.paused()) return;
  m.session->run.pause(m.session_now);
  fx.push_back(AudioSync{m.session->run.clock()});
}

void resume_session(AppModel& m, std::vector<Effect>& fx) {
  if (!m.session || m.session->finished || !m.session->run.paused()) return;
  m.session->run.resume(m.session_now);
  fx.push_back(AudioSync{m.session->run.clock()});
}

void toggle_pause(AppModel& m, std::vector<Effect>& fx) {
  if (!m.session) return;
  if (m.session->run.paused()) {
    resume_session(m, fx);
  } else {
    pause_session(m, fx);
  }
}

void skip_step(AppModel& m, std::vector<Effect>& fx) {
  if (!m.session || m.session->finished) return;
  ActiveSession& s = *m.session;
  for (const auto& r : s.run.skip_step(*s.timeline, m.session_now)) record(s, fx, r);
  fx.push_back(AudioSync{s.run.clock()});
}

void end_session_early(AppModel& m, std::vector<Effect>& fx) {
  if (!m.session || m.session->finished) return;
  ActiveSession& s = *m.session;
  // The step in progress is kept with the time it played, marked skipped.
  if (!s.run.counting_down(m.session_now)) {
    for (const auto& r : s.run.skip_step(*s.timeline, m.session_now)) record(s, fx, r);
  }
  s.finished = true;
  s.ended_early = true;
  if (s.session_id != 0) fx.push_back(AbandonSessionRecord{s.session_id, m.wall_now});
  fx.push_back(AudioClear{});
  fx.push_back(AudioRun{false});
  fx.push_back(KeepAwake{false});
}

void start_breathing(AppModel& m, std::vector<Effect>& fx, const core::BreathPattern& pattern,
                     int breaths) {
  auto timeline = std::make_shared<const core::Timeline>(
      core::breathing_steps(pattern, breaths),
      [&pattern](std::string_view id) { return id == pattern.id ? &pattern : nullptr; });
  m.session.emplace(-1, timeline, 0, 1, core::SessionRun(*timeline, m.session_now));
  m.session->pattern_id = pattern.id;
  m.session->breaths = breaths;
  fx.push_back(
      BeginSessionRecord{"breathe:" + pattern.id, m.wall_now, std::nullopt, "", timeline->total()});
  begin_playing(m, fx);
}

bool on_pressure_step(const AppModel& m) {
  if (!m.session || m.session->finished || m.session->breathing()) return false;
  const ActiveSession& s = *m.session;
  if (s.run.counting_down(m.session_now)) return false;
  const int current = s.timeline->position_at(s.run.elapsed(m.session_now)).step_index;
  return s.timeline->step(current).kind == core::StepKind::Pressure;
}

namespace {
void log_feedback(ActiveSession& s, std::vector<Effect>& fx, FeedbackKind kind, int current,
                  core::UnixSeconds at) {
  const core::Step& step = s.timeline->step(current);
  RecordFeedback feedback{s.session_id, s.step_offset + current, step.muscle, step.side, kind, at};
  if (s.session_id == 0) {
    s.pending_feedback.push_back(std::move(feedback));
  } else {
    fx.push_back(std::move(feedback));
  }
}
}  // namespace

void ease_step(AppModel& m, std::vector<Effect>& fx) {
  if (!on_pressure_step(m)) return;
  ActiveSession& s = *m.session;
  const auto pos = s.timeline->position_at(s.run.elapsed(m.session_now));
  if (s.eased_step == pos.step_index) return;  // already eased
  log_feedback(s, fx, FeedbackKind::TooIntense, pos.step_index, m.wall_now);
  if (s.run.paused()) resume_session(m, fx);
  s.eased_step = pos.step_index;
  // Shorter: at most kEaseTime more, never longer than the hold had left.
  s.eased_until = m.session_now + std::min(kEaseTime, pos.step_remaining);
  // TRANSLATORS: a caption in the player after "Ease off" during a pressure hold.
  s.caption = {core::tr("Ease off. Breathe out slowly."), m.session_now + kEaseTime};
}

void stop_muscle(AppModel& m, std::vector<Effect>& fx) {
  if (!on_pressure_step(m)) return;
  ActiveSession& s = *m.session;
  const int current = s.timeline->position_at(s.run.elapsed(m.session_now)).step_index;
  const core::Step& step = s.timeline->step(current);
  log_feedback(s, fx, FeedbackKind::Stopped, current, m.wall_now);
  if (!step.muscle.empty()) s.stopped_muscles.push_back(step.muscle);
  if (s.run.paused()) resume_session(m, fx);
  for (const auto& r : s.run.skip_step(*s.timeline, m.session_now)) record(s, fx, r);
  fx.push_back(AudioSync{s.run.clock()});
  // TRANSLATORS: a caption in the player after "Stop this point": the point is skipped from now.
  s.caption = {core::tr("Stopped this point. Tell your therapist."), m.session_now + kEaseTime};
}

void slow_down(AppModel& m, std::vector<Effect>& fx) {
  if (!m.session || m.session->finished || !m.session->breathing()) return;
  ActiveSession& s = *m.session;
  const core::Duration elapsed = std::max(core::Duration{0}, s.run.elapsed(m.session_now));
  const core::BreathPattern slower = core::slowed(s.timeline->pattern(0));
  const core::Duration remaining = s.timeline->total() - elapsed;
  const int breaths = std::max(
      1, static_cast<int>((remaining + slower.cycle() - core::Duration{1}) / slower.cycle()));
  // What was breathed so far is kept as its own step; the slower pace continues as the next.
  if (elapsed > core::Duration{0}) {
    record(s, fx, core::StepRecord{0, s.timeline->step_length(0), elapsed, false});
  }
  auto timeline = std::make_shared<const core::Timeline>(
      core::breathing_steps(slower, breaths),
      [&slower](std::string_view id) { return id == slower.id ? &slower : nullptr; },
      core::Duration{0});
  s.breaths_before += static_cast<int>(elapsed / s.timeline->pattern(0).cycle());
  s.breaths = s.breaths_before + breaths;
  s.timeline = timeline;
  s.step_offset += 1;
  s.run = core::SessionRun(*timeline, m.session_now);
  s.pattern_id = slower.id;
  s.slowed = true;
  // TRANSLATORS: a caption in the player after "Slow down" in a breathing session.
  s.caption = {core::tr("Slower now. Smaller, gentler breaths."), m.session_now + kCaptionTime};
  fx.push_back(AudioLoad{s.timeline});
  fx.push_back(AudioSync{s.run.clock()});
}

void finish_rating_after(AppModel& m, std::vector<Effect>& fx, int pain_after) {
  if (!m.session) return;
  m.session->pain_after = pain_after;
  if (m.session->session_id != 0) fx.push_back(SavePainAfter{m.session->session_id, pain_after});
}

void leave_session(AppModel& m, std::vector<Effect>& fx) {
  if (!m.session) return;
  fx.push_back(AudioRun{false});
  fx.push_back(AudioClear{});
  fx.push_back(LoadLastResults{});
  m.session.reset();
}

}  // namespace unknot::app
