#include "app/view.h"

#include <cmath>
#include <cstdlib>

namespace unknot::app {
namespace {

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string two_digits(std::int64_t v) {
  std::string text(2, '0');
  text[0] = static_cast<char>('0' + (v / 10) % 10);
  text[1] = static_cast<char>('0' + v % 10);
  return text;
}

std::string seconds_text(core::Duration d) {
  const auto s = core::ceil_seconds(d);
  if (s < 60 || s % 60 != 0) return s < 60 ? std::to_string(s) + " s" : format_clock(d);
  return std::to_string(s / 60) + " min";
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
  return std::to_string(minutes) + " min";
}

std::string routine_meta(const CatalogEntry& entry) {
  std::string text = format_minutes(entry.timeline->total());
  if (!entry.routine.regions.empty()) {
    text += " · ";
    for (std::size_t i = 0; i < entry.routine.regions.size(); ++i) {
      text += (i ? ", " : "") + entry.routine.regions[i];
    }
  }
  return text;
}

std::string last_result_text(const CatalogEntry& entry) {
  if (!entry.last) return "";
  return "Last time: pain " + std::to_string(entry.last->pain_before) + " → " +
         std::to_string(entry.last->pain_after);
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
    std::string detail =
        spec.breaths ? plural(*spec.breaths, "breath", "breaths") : seconds_text(length);
    switch (spec.sides) {
      case core::Sides::Both:
        detail += " each side";
        break;
      case core::Sides::Left:
        detail += ", left";
        break;
      case core::Sides::Right:
        detail += ", right";
        break;
      case core::Sides::None:
        break;
    }
    lines.push_back({spec.title, std::move(detail)});
  }
  return lines;
}

std::string_view pgic_label(int value) {
  switch (value) {
    case 1:
      return "Very much improved";
    case 2:
      return "Much improved";
    case 3:
      return "Minimally improved";
    case 4:
      return "No change";
    case 5:
      return "Minimally worse";
    case 6:
      return "Much worse";
    case 7:
      return "Very much worse";
    default:
      return "";
  }
}

std::string seconds_label(core::Duration d) {
  return core::tenths_text((d.count() + 50'000) / 100'000) + " s";
}

std::string pattern_timing(const core::BreathPattern& pattern) {
  const double rate = pattern.rate_per_minute();
  std::string text = core::tenths_text(std::lround(rate * 10)) + " a minute ·";
  bool first = true;
  for (const auto& phase : pattern.phases) {
    const char* word = "in";
    switch (phase.phase) {
      case core::BreathPhase::Inhale:
        word = "in";
        break;
      case core::BreathPhase::TopUp:
        word = "top up";
        break;
      case core::BreathPhase::HoldFull:
      case core::BreathPhase::HoldEmpty:
        word = "hold";
        break;
      case core::BreathPhase::Exhale:
        word = "out";
        break;
    }
    std::string secs = seconds_label(phase.length);
    secs.resize(secs.size() - 2);  // "5 s" -> "5": the unit is said once per line
    text += std::string(first ? " " : ", ") + word + " " + secs;
    first = false;
  }
  return text;
}

std::string draft_summary(const core::PatternDraft& d) {
  const core::Duration cycle = d.inhale + d.hold_full + d.exhale + d.hold_empty;
  if (cycle <= core::Duration{0}) return "";
  return core::tenths_text(std::lround(600.0 / core::to_seconds(cycle)), true) +
         " breaths a minute · " + seconds_label(cycle) + " a breath";
}

std::string length_note(const AppModel& model, const PatternScreen& screen) {
  const core::BreathPattern* p = find_pattern(model, screen.pattern_id);
  if (p == nullptr) return "";
  if (holds_barred(model, *p)) return "Not with your health profile: it holds the breath";
  const int breaths =
      core::breaths_for(*p, screen.length, in_first_month(model, screen.pattern_id));
  std::string text =
      plural(breaths, "breath", "breaths") + " · " + format_clock(p->cycle() * breaths);
  if (p->max_breaths_first_month > 0 && in_first_month(model, screen.pattern_id)) {
    text += " · " + std::to_string(p->max_breaths_first_month) + " at most in your first month";
  } else if (p->max_breaths > 0) {
    text += " · at most " + std::to_string(p->max_breaths);
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
  v.step_label =
      "Step " + std::to_string(step.source_index + 1) + " of " + std::to_string(s.routine_steps);
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
  v.tool_line = step.tool;
  if (!step.posture.empty()) v.tool_line += (v.tool_line.empty() ? "" : " · ") + step.posture;
  v.instruction = step.instruction;
  v.referral = step.referral;
  if (step.kind == core::StepKind::Pressure && step.pressure_target > 0) {
    v.pressure = "Pressure " + std::to_string(step.pressure_target) + "/10 · never above 7";
    if (s.eased_step == pos.step_index) {
      // "Too intense": a lighter prompt, and the hold ends early.
      v.pressure = "Lighter: 3/10 or less · breathe out slowly";
      v.step_left =
          format_clock(std::max(core::Duration{0}, s.eased_until - model.session_now)) + " left";
    }
    v.eased = s.eased_step == pos.step_index;
  }
  v.phase = pos.breath.phase;
  v.volume = pos.breath.volume;
  v.phase_fraction = pos.breath.phase_fraction;
  v.phase_word = std::string(core::phase_word(pos.breath.phase));
  v.phase_seconds =
      std::to_string(core::ceil_seconds(pos.breath.phase_length - pos.breath.phase_elapsed));
  if (!v.eased) v.step_left = format_clock(pos.step_remaining) + " left";
  if (!s.caption.text.empty() && model.session_now < s.caption.until) v.caption = s.caption.text;
  v.paused = s.run.paused();
  v.pause_label = v.paused ? "Resume" : "Pause";
  if (s.breathing()) {
    // Breaths count across a slow-down, which plays the rest as a second step.
    const int total = std::max(1, s.breaths);
    const int breath = std::min(total, s.breaths_before + pos.breath.cycle + 1);
    v.step_label = "Breath " + std::to_string(std::max(1, breath)) + " of " + std::to_string(total);
    v.progress = (s.breaths_before + static_cast<double>(pos.elapsed.count()) /
                                         static_cast<double>(t.pattern(0).cycle().count())) /
                 total;
    v.tool_line.clear();
    v.step_left = format_clock(pos.remaining) + " left";
  }
  if (pos.finished) {
    v.phase_word = "Done";
    v.phase_seconds.clear();
  }
  return v;
}

std::string change_text(int before, int after) {
  const int diff = before - after;
  if (diff == 0) return "No change";
  std::string text = plural(std::abs(diff), "point", "points") + (diff > 0 ? " lower" : " higher");
  if (before > 0) {
    const int percent = static_cast<int>(std::lround(100.0 * std::abs(diff) / before));
    text += " (" + std::to_string(percent) + "%)";
  }
  return text;
}

// After stopping for dizziness, nausea, a change in vision or chest pain (domain.md §2.5, §6.4).
constexpr const char* kUnwellAdvice =
    "Rest now: sit or lie down and breathe normally. If you have chest pain, or dizziness, "
    "sickness or a change in vision that does not pass within a few minutes, get urgent "
    "medical help.";

SummaryView summary_view(const AppModel& model) {
  SummaryView v;
  if (!model.session) return v;
  const ActiveSession& s = *model.session;
  v.title = s.ended_early ? "Session ended early" : "Session complete";
  if (s.breathing()) {
    v.title = s.ended_early ? "Breathing ended early" : "Breathing complete";
    v.before_after = format_clock(s.done);
    const core::BreathPattern& p = s.timeline->pattern(0);
    v.change = p.name;
    v.time_done = std::to_string(s.breaths) + " breaths planned";
    v.message = s.slowed ? "You slowed the pace when you needed to: that is exactly how to use it."
                         : "Slow breathing tends to feel easier with regular practice.";
    if (s.ended_early) v.message = "Saved as ended early. Stop whenever you feel dizzy or unwell.";
    if (s.stopped_unwell) v.message = kUnwellAdvice;
    return v;
  }
  const std::string before = s.pain_before ? std::to_string(*s.pain_before) : "–";
  const std::string after = s.pain_after ? std::to_string(*s.pain_after) : "–";
  v.before_after = before + " → " + after;
  if (s.pain_before && s.pain_after) v.change = change_text(*s.pain_before, *s.pain_after);
  v.time_done = "Time: " + format_clock(s.done);
  constexpr const char* kOneSession =
      " One session on its own says little; your trend over the weeks will say more.";
  if (s.stopped_unwell) {
    v.title = "Session stopped";
    v.message = kUnwellAdvice;
  } else if (s.ended_early) {
    v.message =
        "Saved as ended early. Stopping when something doesn't feel right is the right call.";
  } else if (!s.pain_before || !s.pain_after) {
    v.message = "Saved without an after rating.";
  } else if (*s.pain_after < *s.pain_before) {
    v.message = "You rated your pain " + plural(*s.pain_before - *s.pain_after, "point", "points") +
                " lower than before." + kOneSession;
  } else if (*s.pain_after == *s.pain_before) {
    v.message = std::string("The same rating as before.") + kOneSession;
  } else {
    v.message = "You rated your pain " + plural(*s.pain_after - *s.pain_before, "point", "points") +
                " higher. Go lighter next time (5-6 out of 10), and check with a clinician if it "
                "keeps rising.";
  }
  return v;
}

HistoryRowView history_row_view(const AppModel& model, const HistoryEntry& e) {
  using namespace std::chrono;
  HistoryRowView v;
  const sys_seconds local = e.started_at + minutes{e.utc_offset_min};
  const sys_days day = floor<days>(local);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> time{local - day};
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  v.date = std::string(kDays[weekday{day}.c_encoding()]) + " " +
           std::to_string(static_cast<unsigned>(ymd.day())) + " " +
           kMonths[(static_cast<unsigned>(ymd.month()) + 11) % 12] + " · " +
           two_digits(time.hours().count()) + ":" + two_digits(time.minutes().count());

  constexpr std::string_view kBreathe = "breathe:";
  const int routine = find_routine(model, e.routine_id);
  if (routine >= 0) {
    v.title = model.catalog[static_cast<std::size_t>(routine)].routine.title;
  } else if (e.routine_id.starts_with(kBreathe)) {
    const auto* pattern =
        find_pattern(model, std::string_view(e.routine_id).substr(kBreathe.size()));
    v.title = pattern ? pattern->name : "Breathing";
  }
  if (v.title.empty()) {
    std::string_view id = e.routine_id;
    if (id.starts_with(kBreathe)) id.remove_prefix(kBreathe.size());
    for (char ch : id) v.title += ch == '_' ? ' ' : ch;
    if (v.title.empty()) v.title = "Session";
    v.title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(v.title[0])));
  }
  const auto rating = [](const std::optional<int>& r) {
    return r ? std::to_string(*r) : std::string("–");
  };
  v.ratings = e.before || e.after ? rating(e.before) + " → " + rating(e.after) : "Not rated";
  v.minutes = e.done < seconds{30} ? std::string("Under 1 min") : format_minutes(e.done);
  switch (e.status) {
    case EntryStatus::Completed:
      v.status = "Completed";
      break;
    case EntryStatus::EndedEarly:
      v.status = "Ended early";
      break;
    case EntryStatus::Interrupted:
      v.status = "Interrupted";
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
