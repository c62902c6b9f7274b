#include "app/view.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "core/breath.h"
#include "core/content_language.h"
#include "core/local_text.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

std::uint64_t count_of(int n) { return static_cast<std::uint64_t>(std::max(0, n)); }

// "12 breaths", "1 breath".
std::string breaths_text(int n) {
  return core::fill(core::trn("{n} breath", "{n} breaths", count_of(n)),
                    {{"n", std::to_string(n)}});
}

// A count of tenths as the language writes it: "4.5", "4" (or "4.0" with keep_zero).
std::string tenths(std::int64_t t, bool keep_zero = false) {
  const double v = static_cast<double>(t) / 10.0;
  return keep_zero ? core::decimal_text(v, 1) : core::short_decimal_text(v, 1);
}

// "4.5" for 4.5 s: tenths of a second, rounded.
std::string seconds_number(core::Duration d) { return tenths((d.count() + 50'000) / 100'000); }

// "45 s": a whole number of seconds with its unit.
std::string whole_seconds_text(std::int64_t s) {
  // TRANSLATORS: a length in seconds ("45 s", "4.5 s"); keep the unit short.
  return core::fill(core::tr("{n} s"), {{"n", std::to_string(s)}});
}

// "12 min".
std::string minutes_text(std::int64_t minutes) {
  // TRANSLATORS: a length in whole minutes ("12 min"); keep the unit short.
  return core::fill(core::tr("{n} min"), {{"n", std::to_string(minutes)}});
}

// "0:45 left": a countdown of the time left.
std::string time_left_text(core::Duration d) {
  // TRANSLATORS: under the pacer: the time left of a step or session ({time} as "0:45").
  return core::fill(core::tr("{time} left"), {{"time", format_clock(d)}});
}

std::string two_digits(std::int64_t v) {
  std::string text(2, '0');
  text[0] = static_cast<char>('0' + (v / 10) % 10);
  text[1] = static_cast<char>('0' + v % 10);
  return text;
}

std::string seconds_text(core::Duration d) {
  const auto s = core::ceil_seconds(d);
  if (s < 60 || s % 60 != 0) return s < 60 ? whole_seconds_text(s) : format_clock(d);
  return minutes_text(s / 60);
}

}  // namespace

std::string format_clock(core::Duration d) {
  const std::int64_t total = core::ceil_seconds(d);
  const std::int64_t h = total / 3600, m = (total / 60) % 60, s = total % 60;
  if (h > 0) return std::to_string(h) + ":" + two_digits(m) + ":" + two_digits(s);
  return std::to_string(m) + ":" + two_digits(s);
}

std::string format_minutes(core::Duration d) {
  const auto minutes = std::max<std::int64_t>(1, (core::ceil_seconds(d) + 30) / 60);
  return minutes_text(minutes);
}

std::string routine_meta(const CatalogEntry& entry) {
  std::string text = format_minutes(entry.timeline->total());
  if (!entry.routine.regions.empty()) {
    text += " · ";
    for (std::size_t i = 0; i < entry.routine.regions.size(); ++i) {
      text += (i ? ", " : "") + core::region_text(entry.routine.regions[i]);
    }
  }
  return text;
}

std::string last_result_text(const CatalogEntry& entry) {
  if (!entry.last) return "";
  // TRANSLATORS: on a routine's card: the pain ratings (0-10) before and after its last session.
  return core::fill(core::tr("Last time: pain {before} → {after}"),
                    {{"before", std::to_string(entry.last->pain_before)},
                     {"after", std::to_string(entry.last->pain_after)}});
}

std::vector<StepLine> step_lines(const core::Routine& routine, const core::PatternLookup& lookup) {
  std::vector<StepLine> lines;
  for (const auto& spec : routine.steps) {
    core::Duration length{};
    if (spec.duration) {
      length = *spec.duration;
    } else if (spec.breaths) {
      const core::BreathPattern* p = lookup(spec.pattern_id);
      length = p ? p->cycle() * *spec.breaths : core::Duration{};
    }
    std::string detail = spec.breaths ? breaths_text(*spec.breaths) : seconds_text(length);
    switch (spec.sides) {
      case core::Sides::Both:
        // TRANSLATORS: a step's length on the routine page, done on both sides ("45 s each
        // side", "6 breaths each side").
        detail = core::fill(core::tr("{length} each side"), {{"length", detail}});
        break;
      case core::Sides::Left:
        // TRANSLATORS: a step's length on the routine page, on the left side only ("45 s, left").
        detail = core::fill(core::tr("{length}, left"), {{"length", detail}});
        break;
      case core::Sides::Right:
        // TRANSLATORS: a step's length on the routine page, on the right side only ("45 s, right").
        detail = core::fill(core::tr("{length}, right"), {{"length", detail}});
        break;
      case core::Sides::None:
        break;
    }
    lines.push_back({spec.title, std::move(detail)});
  }
  return lines;
}

std::string pgic_label(int value) {
  // The Patient Global Impression of Change: how the person's condition has changed since the
  // start, on seven steps.
  switch (value) {
    case 1:
      return core::tr("Very much improved");
    case 2:
      return core::tr("Much improved");
    case 3:
      return core::tr("Minimally improved");
    case 4:
      return core::tr("No change");
    case 5:
      return core::tr("Minimally worse");
    case 6:
      return core::tr("Much worse");
    case 7:
      return core::tr("Very much worse");
    default:
      return "";
  }
}

std::string seconds_label(core::Duration d) {
  return core::fill(core::tr("{n} s"), {{"n", seconds_number(d)}});
}

std::string pattern_timing(const core::BreathPattern& pattern) {
  const double rate = pattern.rate_per_minute();
  // The unit is said once per line: "in 5", not "in 5 s".
  std::string phases;
  for (const auto& phase : pattern.phases) {
    const std::string secs = seconds_number(phase.length);
    std::string part;
    switch (phase.phase) {
      case core::BreathPhase::Inhale:
        // TRANSLATORS: a breathing pattern's phase and its seconds, in a line such as "6 a
        // minute · in 5, out 5"; keep it short.
        part = core::fill(core::tr("in {seconds}"), {{"seconds", secs}});
        break;
      case core::BreathPhase::TopUp:
        // TRANSLATORS: a second, short breath in on top of a full one ("in 4, top up 1, out 8").
        part = core::fill(core::tr("top up {seconds}"), {{"seconds", secs}});
        break;
      case core::BreathPhase::HoldFull:
      case core::BreathPhase::HoldEmpty:
        // TRANSLATORS: holding the breath, in a pattern's timing ("in 4, hold 7, out 8").
        part = core::fill(core::tr("hold {seconds}"), {{"seconds", secs}});
        break;
      case core::BreathPhase::Exhale:
        // TRANSLATORS: breathing out, in a pattern's timing ("in 5, out 5").
        part = core::fill(core::tr("out {seconds}"), {{"seconds", secs}});
        break;
    }
    phases += (phases.empty() ? "" : ", ") + part;
  }
  // TRANSLATORS: a breathing pattern's pace: {rate} breaths a minute, then its phases in
  // seconds ("6 a minute · in 5, out 5").
  return core::fill(core::tr("{rate} a minute · {phases}"),
                    {{"rate", tenths(std::lround(rate * 10))}, {"phases", phases}});
}

std::string draft_summary(const core::PatternDraft& d) {
  const core::Duration cycle = d.inhale + d.hold_full + d.exhale + d.hold_empty;
  if (cycle <= core::Duration{0}) return "";
  // TRANSLATORS: under the pattern editor: the pace in breaths a minute ({rate}, with one
  // decimal) and the length of one breath ({length}, as "10 s").
  return core::fill(core::tr("{rate} breaths a minute · {length} a breath"),
                    {{"rate", tenths(std::lround(600.0 / core::to_seconds(cycle)), true)},
                     {"length", seconds_label(cycle)}});
}

std::string length_note(const AppModel& model, const PatternScreen& screen) {
  const core::BreathPattern* p = find_pattern(model, screen.pattern_id);
  if (p == nullptr) return "";
  if (holds_barred(model, *p)) return core::tr("Not with your health profile: it holds the breath");
  const int breaths =
      core::breaths_for(*p, screen.length, in_first_month(model, screen.pattern_id));
  const std::string form =
      // TRANSLATORS: under the length chooser: the breaths that will be played and how long they
      // take ("12 breaths · 2:00").
      core::trn("{n} breath · {time}", "{n} breaths · {time}", count_of(breaths));
  std::string text = core::fill(
      form, {{"n", std::to_string(breaths)}, {"time", format_clock(p->cycle() * breaths)}});
  if (p->max_breaths_first_month > 0 && in_first_month(model, screen.pattern_id)) {
    // TRANSLATORS: a limit on a breathing pattern: at most {n} breaths a session in the first
    // month of using it.
    text += " · " + core::fill(core::tr("{n} at most in your first month"),
                               {{"n", std::to_string(p->max_breaths_first_month)}});
  } else if (p->max_breaths > 0) {
    // TRANSLATORS: a limit on a breathing pattern: at most {n} breaths a session.
    text += " · " + core::fill(core::tr("at most {n}"), {{"n", std::to_string(p->max_breaths)}});
  }
  return text;
}

PlayerView player_view(const AppModel& model) {
  PlayerView v;
  if (!model.session) return v;
  const ActiveSession& s = *model.session;
  const core::Timeline& t = *s.timeline;
  const core::Duration elapsed = s.run.elapsed(model.session_now);
  const core::TimelinePosition pos = t.position_at(elapsed);
  const core::Step& step = t.step(pos.step_index);

  v.counting_down = pos.countdown_left > core::Duration{0};
  v.countdown = std::to_string(core::ceil_seconds(pos.countdown_left));
  // TRANSLATORS: over the player: the routine's step now playing and how many it has.
  v.step_label = core::fill(core::tr("Step {step} of {total}"),
                            {{"step", std::to_string(step.source_index + 1)},
                             {"total", std::to_string(s.routine_steps)}});
  // Progress over the whole routine, so a resumed session continues the same bar.
  if (s.step_offset == 0) {
    v.progress = pos.progress;
  } else {
    const double length = static_cast<double>(t.step_length(pos.step_index).count());
    const double within = length > 0 ? static_cast<double>(pos.step_elapsed.count()) / length : 0.0;
    const int played_steps = s.step_offset + t.step_count();
    v.progress = (s.step_offset + pos.step_index + within) / std::max(1, played_steps);
  }
  v.heading = core::step_heading(step);
  v.tool_line = core::tool_text(step.tool);
  if (!step.posture.empty()) v.tool_line += (v.tool_line.empty() ? "" : " · ") + step.posture;
  v.instruction = step.instruction;
  v.referral = step.referral;
  if (step.kind == core::StepKind::Pressure && step.pressure_target > 0) {
    // TRANSLATORS: the pressure to press with during a hold, on a scale of 0-10 ({target}).
    v.pressure = core::fill(core::tr("Pressure {target}/10 · never above 7"),
                            {{"target", std::to_string(step.pressure_target)}});
    if (s.eased_step == pos.step_index) {
      // "Too intense": a lighter prompt, and the hold ends early.
      v.pressure = core::tr("Lighter: 3/10 or less · breathe out slowly");
      v.step_left = time_left_text(std::max(core::Duration{0}, s.eased_until - model.session_now));
    }
    v.eased = s.eased_step == pos.step_index;
  }
  v.phase = pos.breath.phase;
  v.volume = pos.breath.volume;
  v.phase_fraction = pos.breath.phase_fraction;
  v.phase_word = std::string(core::phase_word(pos.breath.phase));
  v.phase_seconds =
      std::to_string(core::ceil_seconds(pos.breath.phase_length - pos.breath.phase_elapsed));
  if (!v.eased) v.step_left = time_left_text(pos.step_remaining);
  if (!s.caption.text.empty() && model.session_now < s.caption.until) v.caption = s.caption.text;
  v.paused = s.run.paused();
  v.pause_label = v.paused ? core::trc("button", "Resume") : core::trc("button", "Pause");
  if (s.breathing()) {
    // Breaths count across a slow-down, which plays the rest as a second step.
    const int total = std::max(1, s.breaths);
    const int breath = std::min(total, s.breaths_before + pos.breath.cycle + 1);
    // TRANSLATORS: over the player during a breathing session: the breath now and how many.
    const std::string form = core::tr("Breath {breath} of {total}");
    v.step_label = core::fill(
        form, {{"breath", std::to_string(std::max(1, breath))}, {"total", std::to_string(total)}});
    v.progress = (s.breaths_before + static_cast<double>(pos.elapsed.count()) /
                                         static_cast<double>(t.pattern(0).cycle().count())) /
                 total;
    v.tool_line.clear();
    v.step_left = time_left_text(pos.remaining);
  }
  if (pos.finished) {
    // TRANSLATORS: in the pacer, in place of "Breathe in" or "Breathe out", once the session
    // has ended.
    v.phase_word = core::trc("pacer", "Done");
    v.phase_seconds.clear();
  }
  return v;
}

std::string change_text(int before, int after) {
  const int diff = before - after;
  if (diff == 0) return core::tr("No change");
  const int points = std::abs(diff);
  const std::string n = std::to_string(points);
  if (before <= 0) {
    // TRANSLATORS: the change in a pain rating (0-10) after a session, in points.
    const std::string lower = core::trn("{n} point lower", "{n} points lower", count_of(points));
    // TRANSLATORS: the change in a pain rating (0-10) after a session, in points.
    const std::string higher = core::trn("{n} point higher", "{n} points higher", count_of(points));
    return core::fill(diff > 0 ? lower : higher, {{"n", n}});
  }
  const int percent = static_cast<int>(std::lround(100.0 * points / before));
  // TRANSLATORS: the change in a pain rating (0-10) after a session, in points and as a share
  // of the rating before ("3 points lower (50%)").
  return core::fill(diff > 0 ? core::trn("{n} point lower ({percent}%)",
                                         "{n} points lower ({percent}%)", count_of(points))
                             : core::trn("{n} point higher ({percent}%)",
                                         "{n} points higher ({percent}%)", count_of(points)),
                    {{"n", n}, {"percent", std::to_string(percent)}});
}

// After stopping for dizziness, nausea, a change in vision or chest pain (domain.md §2.5, §6.4).
constexpr const char* kUnwellAdvice = core::tr_noop(
    "Rest now: sit or lie down and breathe normally. If you have chest pain, or dizziness, "
    "sickness or a change in vision that does not pass within a few minutes, get urgent "
    "medical help.");

SummaryView summary_view(const AppModel& model) {
  SummaryView v;
  if (!model.session) return v;
  const ActiveSession& s = *model.session;
  v.title = s.ended_early ? core::tr("Session ended early") : core::tr("Session complete");
  if (s.breathing()) {
    v.title = s.ended_early ? core::tr("Breathing ended early") : core::tr("Breathing complete");
    v.before_after = format_clock(s.done);
    const core::BreathPattern& p = s.timeline->pattern(0);
    v.change = core::pattern_name(p);
    const std::string planned =
        // TRANSLATORS: after a breathing session: the breaths it was set to play.
        core::trn("{n} breath planned", "{n} breaths planned", count_of(s.breaths));
    v.time_done = core::fill(planned, {{"n", std::to_string(s.breaths)}});
    v.message =
        s.slowed
            ? core::tr("You slowed the pace when you needed to: that is exactly how to use it.")
            : core::tr("Slow breathing tends to feel easier with regular practice.");
    if (s.ended_early)
      v.message = core::tr("Saved as ended early. Stop whenever you feel dizzy or unwell.");
    if (s.stopped_unwell) v.message = core::tr(kUnwellAdvice);
    return v;
  }
  const std::string before = s.pain_before ? std::to_string(*s.pain_before) : "–";
  const std::string after = s.pain_after ? std::to_string(*s.pain_after) : "–";
  v.before_after = before + " → " + after;
  if (s.pain_before && s.pain_after) v.change = change_text(*s.pain_before, *s.pain_after);
  // TRANSLATORS: after a session: the time it took ({time} as "12:30").
  v.time_done = core::fill(core::tr("Time: {time}"), {{"time", format_clock(s.done)}});
  if (s.stopped_unwell) {
    v.title = core::tr("Session stopped");
    v.message = core::tr(kUnwellAdvice);
  } else if (s.ended_early) {
    v.message = core::tr(
        "Saved as ended early. Stopping when something doesn't feel right is the right call.");
  } else if (!s.pain_before || !s.pain_after) {
    v.message = core::tr("Saved without an after rating.");
  } else if (*s.pain_after < *s.pain_before) {
    const int points = *s.pain_before - *s.pain_after;
    const std::string form = core::trn(
        // TRANSLATORS: after a session: the pain rating (0-10) is {n} points lower than before.
        "You rated your pain {n} point lower than before. "
        "One session on its own says little; your trend over the weeks will say more.",
        "You rated your pain {n} points lower than before. "
        "One session on its own says little; your trend over the weeks will say more.",
        count_of(points));
    v.message = core::fill(form, {{"n", std::to_string(points)}});
  } else if (*s.pain_after == *s.pain_before) {
    v.message = core::tr(
        "The same rating as before. One session on its own says little; your trend over the "
        "weeks will say more.");
  } else {
    const int points = *s.pain_after - *s.pain_before;
    const std::string form = core::trn(
        // TRANSLATORS: after a session: the pain rating (0-10) is {n} points higher than before.
        "You rated your pain {n} point higher. "
        "Go lighter next time (5-6 out of 10), and check with a clinician if it keeps "
        "rising.",
        "You rated your pain {n} points higher. "
        "Go lighter next time (5-6 out of 10), and check with a clinician if it keeps "
        "rising.",
        count_of(points));
    v.message = core::fill(form, {{"n", std::to_string(points)}});
  }
  return v;
}

HistoryRowView history_row_view(const AppModel& model, const HistoryEntry& e) {
  using namespace std::chrono;
  HistoryRowView v;
  const sys_seconds local = e.started_at + minutes{e.utc_offset_min};
  const sys_days day = floor<days>(local);
  const hh_mm_ss<seconds> time{local - day};
  // The day as the language writes it ("Sun 3 Dec"), then the 24-hour time.
  v.date = core::weekday_day_month_text(day) + " · " + two_digits(time.hours().count()) + ":" +
           two_digits(time.minutes().count());

  constexpr std::string_view kBreathe = "breathe:";
  const int routine = find_routine(model, e.routine_id);
  if (routine >= 0) {
    v.title = model.catalog[static_cast<std::size_t>(routine)].routine.title;
  } else if (e.routine_id.starts_with(kBreathe)) {
    const auto* pattern =
        find_pattern(model, std::string_view(e.routine_id).substr(kBreathe.size()));
    v.title = pattern ? core::pattern_name(*pattern) : core::tr("Breathing");
  }
  if (v.title.empty()) {
    std::string_view id = e.routine_id;
    if (id.starts_with(kBreathe)) id.remove_prefix(kBreathe.size());
    for (char ch : id) v.title += ch == '_' ? ' ' : ch;
    if (v.title.empty()) v.title = core::tr("Session");
    v.title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(v.title[0])));
  }
  const auto rating = [](const std::optional<int>& r) {
    return r ? std::to_string(*r) : std::string("–");
  };
  v.ratings =
      e.before || e.after ? rating(e.before) + " → " + rating(e.after) : core::tr("Not rated");
  // TRANSLATORS: in History: a session shorter than half a minute; keep it short.
  v.minutes = e.done < seconds{30} ? core::tr("Under 1 min") : format_minutes(e.done);
  switch (e.status) {
    case EntryStatus::Completed:
      // TRANSLATORS: how a session in History ended: "Completed", "Ended early", "Interrupted".
      v.status = core::trc("session status", "Completed");
      break;
    case EntryStatus::EndedEarly:
      v.status = core::trc("session status", "Ended early");
      break;
    case EntryStatus::Interrupted:
      v.status = core::trc("session status", "Interrupted");
      break;
  }
  // The first line, cut at a word near 60 characters (whole UTF-8 characters).
  std::string note = e.note.substr(0, e.note.find('\n'));
  constexpr std::size_t kMax = 60;
  if (note.size() > kMax) {
    std::size_t cut = note.rfind(' ', kMax);
    if (cut == std::string::npos || cut < kMax / 2) {
      cut = kMax;
      while (cut > 0 && (static_cast<unsigned char>(note[cut]) & 0xC0) == 0x80) --cut;
    }
    note = note.substr(0, cut) + "…";
  }
  v.note = note;
  return v;
}

}  // namespace unknot::app
