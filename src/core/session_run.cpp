#include "core/session_run.h"

#include <algorithm>

namespace unknot::core {
namespace {
// Cues are delivered for onsets in (cursor, now]; starting the cursor one tick before a point
// makes the cues exactly at that point fire.
constexpr Duration kJustBefore{1};
}  // namespace

SessionRun::SessionRun(const Timeline& timeline, Instant now)
    : SessionRun(timeline, now, -timeline.countdown()) {}

SessionRun::SessionRun(const Timeline& timeline, Instant now, Duration from)
    : countdown_(timeline.countdown()),
      total_(timeline.total()),
      cursor_(from - kJustBefore),
      next_record_(timeline.step_at(from)) {
  clock_.playing = true;
  clock_.origin = now - from;
}

Duration SessionRun::elapsed(Instant now) const {
  return std::clamp(clock_.elapsed_at(now), -countdown_, total_);
}

bool SessionRun::finished(const Timeline& timeline, Instant now) const {
  return clock_.elapsed_at(now) >= timeline.total() && cursor_ >= timeline.total();
}

void SessionRun::pause(Instant now) {
  if (!clock_.playing) return;
  clock_.frozen = elapsed(now);
  clock_.playing = false;
}

void SessionRun::resume(Instant now) {
  if (clock_.playing) return;
  clock_.origin = now - clock_.frozen;
  clock_.playing = true;
}

void SessionRun::collect_finished(const Timeline& timeline, Duration elapsed,
                                  std::vector<StepRecord>& out) {
  while (next_record_ < timeline.step_count() && timeline.step_start(next_record_ + 1) <= elapsed) {
    const Duration length = timeline.step_length(next_record_);
    out.push_back({next_record_, length, length, false});
    ++next_record_;
  }
}

Advance SessionRun::advance(const Timeline& timeline, Instant now) {
  Advance result;
  const Duration e = elapsed(now);
  if (e > cursor_) {
    result.cues = timeline.cues_between(cursor_, e);
    cursor_ = e;
  }
  collect_finished(timeline, e, result.finished);
  return result;
}

std::vector<StepRecord> SessionRun::skip_step(const Timeline& timeline, Instant now) {
  std::vector<StepRecord> records;
  const Duration e = elapsed(now);
  collect_finished(timeline, e, records);
  if (next_record_ >= timeline.step_count()) return records;  // already at the end

  if (e < Duration{0}) return records;  // nothing to skip during the countdown
  const int index = next_record_;
  const Duration start = timeline.step_start(index);
  records.push_back({index, timeline.step_length(index), std::max(Duration{0}, e - start), true});
  ++next_record_;

  const Duration target = timeline.step_start(index + 1);
  if (clock_.playing) {
    clock_.origin = now - target;
  } else {
    clock_.frozen = target;
  }
  cursor_ = target - kJustBefore;
  return records;
}

}  // namespace unknot::core
