// Writes a realistic Unknot database for benchmarks and manual testing:
//   unknot_make_history_db DIR [--years N] [--seed S]
// creates DIR (mode 0700) and DIR/unknot.db (0600) holding N years (default 10) of history that
// ends now: a morning and an evening session most days (about ten steps each, left and right,
// some skipped steps and abandoned sessions), pain ratings before and after that drift slowly
// down with noise, a few notes, a daily pain check-in most days and a PGIC answer every three
// weeks, with a Central European offset from UTC that changes with daylight saving time.
// The same seed gives the same history for the same end day. Refuses an existing database.
#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "storage/session_store.h"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono;
using namespace std::chrono_literals;
using unknot::core::Side;
using unknot::storage::CheckinKind;
using unknot::storage::CheckinRow;
using unknot::storage::SessionRecord;
using unknot::storage::SessionStatus;
using unknot::storage::StepRow;

// Integer arithmetic on std::mt19937's output (fully specified by the standard), rather than the
// standard distributions, whose output differs between libraries.
class Random {
 public:
  explicit Random(std::uint32_t seed) : engine_(seed) {}
  // 0 .. n-1 (n > 0).
  int below(int n) { return static_cast<int>(engine_() % static_cast<std::uint32_t>(n)); }
  double uniform() { return static_cast<double>(engine_()) / 4294967296.0; }  // [0, 1)
  bool chance(double p) { return uniform() < p; }
  // Roughly normal with mean 0 and standard deviation about `sd` (sum of four uniforms).
  double noise(double sd) {
    return (uniform() + uniform() + uniform() + uniform() - 2.0) * sd * 1.732;
  }

 private:
  std::mt19937 engine_;
};

struct Routine {
  std::string_view id;
  std::string_view region;
  std::array<std::string_view, 5> muscles;
};

constexpr std::array<Routine, 3> kRoutines{{
    {"neck_tension_headache",
     "Neck",
     {"upper_trapezius", "levator_scapulae", "suboccipitals", "upper_trapezius",
      "levator_scapulae"}},
    {"jaw_temple", "Jaw", {"masseter", "temporalis", "suboccipitals", "masseter", "temporalis"}},
    {"low_back_hips",
     "Lower back",
     {"quadratus_lumborum", "gluteus_medius", "piriformis", "quadratus_lumborum",
      "gluteus_medius"}},
}};

constexpr std::array<std::string_view, 8> kNotes{
    "Tight after the long drive",
    "Better than yesterday <3 & less stiff",
    "Ball > foam roller for the \"knot\" near the shoulder blade",
    "Kiefer verspannt — schlecht geschlafen",
    "Nacken müde, Schläfe drückt",
    "肩がこる。少し楽になった",
    "Headache started at work; eased after the suboccipitals",
    "Skipped the left side: too tender <ouch>",
};

// Central European time: +60, or +120 from the last Sunday of March to the last Sunday of
// October (the switch is taken at the start of the day, close enough for generated data).
int offset_on(sys_days day) {
  const year y = year_month_day{day}.year();
  const sys_days summer{y / March / Sunday[last]};
  const sys_days winter{y / October / Sunday[last]};
  return day >= summer && day < winter ? 120 : 60;
}

int clamp_pain(double value) {
  return std::clamp(static_cast<int>(value + (value < 0 ? -0.5 : 0.5)), 0, 10);
}

// One session started at `started_utc`, `pain` its trend value for the day.
SessionRecord make_session(Random& random, unknot::core::UnixSeconds started_utc, int offset,
                           double pain) {
  SessionRecord record;
  const int pick = random.below(10);  // mostly the neck routine
  const Routine& routine = kRoutines[pick < 6 ? 0 : pick < 8 ? 1 : 2];
  auto& row = record.row;
  row.routine_id = std::string(routine.id);
  row.started_at = started_utc;
  row.region = std::string(routine.region);
  row.utc_offset_min = offset;
  row.pain_before = clamp_pain(pain + random.noise(1.0));

  const bool abandoned = random.chance(0.03);
  const int step_count = 10;
  const int stop_after = abandoned ? 1 + random.below(step_count - 1) : step_count;
  microseconds elapsed = 60s;  // settling in, reading the first cue
  // A breathing block first, then five muscles, each left then right.
  record.steps.push_back(StepRow{0, "", Side::None, 60s, 60s, false});
  elapsed += 60s;
  for (int i = 0; i < stop_after; ++i) {
    StepRow step;
    step.step_index = i + 1;
    step.muscle = std::string(routine.muscles[static_cast<std::size_t>(i / 2)]);
    step.side = i % 2 == 0 ? Side::Left : Side::Right;
    step.planned = seconds{30 + 15 * random.below(5)};  // 30 .. 90 s
    step.actual = step.planned;
    if (random.chance(0.04)) {
      step.skipped = true;
      step.actual = milliseconds{
          random.below(static_cast<int>(duration_cast<milliseconds>(step.planned).count()))};
    } else if (random.chance(0.1)) {
      step.actual = step.planned - milliseconds{random.below(4000)};
    }
    elapsed += step.actual + 10s;  // moving the ball between steps
    record.steps.push_back(std::move(step));
  }
  row.resume_step = static_cast<int>(record.steps.size());
  row.ended_at = started_utc + duration_cast<seconds>(elapsed);
  if (abandoned) {
    row.status = SessionStatus::Abandoned;
  } else {
    row.status = SessionStatus::Completed;
    if (!random.chance(0.02)) {
      const double drop = 1.2 + random.noise(0.9);
      row.pain_after = std::clamp(clamp_pain(*row.pain_before - drop), 0, *row.pain_before);
    }
  }
  if (random.chance(0.06)) {
    row.note = std::string(
        kNotes[static_cast<std::size_t>(random.below(static_cast<int>(kNotes.size())))]);
  }
  return record;
}

struct Options {
  fs::path dir;
  int years = 10;
  std::uint32_t seed = 20261125;
};

bool parse_int(std::string_view text, long long low, long long high, long long& out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc{} && end == text.data() + text.size() && out >= low && out <= high;
}

int usage(std::string_view problem) {
  std::cerr << "unknot_make_history_db: " << problem
            << "\nusage: unknot_make_history_db DIR [--years N] [--seed S]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    long long value = 0;
    if ((args[i] == "--years" || args[i] == "--seed") && i + 1 < args.size()) {
      const bool years = args[i] == "--years";
      if (!parse_int(args[++i], years ? 1 : 0, years ? 100 : 4294967295LL, value)) {
        return usage(std::string(years ? "--years wants 1..100" : "--seed wants 0..4294967295"));
      }
      if (years) {
        options.years = static_cast<int>(value);
      } else {
        options.seed = static_cast<std::uint32_t>(value);
      }
    } else if (options.dir.empty() && !args[i].starts_with("--")) {
      options.dir = args[i];
    } else {
      return usage("unexpected argument " + std::string(args[i]));
    }
  }
  if (options.dir.empty()) return usage("no folder given");

  try {
    const fs::path file = options.dir / "unknot.db";
    fs::create_directories(options.dir);
    fs::permissions(options.dir, fs::perms::owner_all, fs::perm_options::replace);
    if (fs::exists(file)) {
      std::cerr << "unknot_make_history_db: " << file.string()
                << " exists; choose an empty folder\n";
      return 1;
    }

    const auto started = steady_clock::now();
    Random random(options.seed);
    const auto now = floor<seconds>(system_clock::now());
    const sys_days last_day = floor<days>(now);
    const int day_count = options.years * 365 + options.years / 4;
    const sys_days first_day = last_day - days{day_count - 1};

    std::vector<SessionRecord> sessions;
    std::vector<CheckinRow> checkins;
    sessions.reserve(static_cast<std::size_t>(day_count) * 2);
    checkins.reserve(static_cast<std::size_t>(day_count));
    for (int n = 0; n < day_count; ++n) {
      const sys_days day = first_day + days{n};
      const int offset = offset_on(day);
      // Pain drifts from about 7 to about 3.5 across the history, with slow swings of a few
      // weeks and the odd bad day.
      const double progress = static_cast<double>(n) / day_count;
      double pain = 7.0 - 3.5 * progress + 0.8 * std::sin(n / 11.0) + random.noise(0.4);
      if (random.chance(0.03)) pain += 2.5;
      const auto local_midnight_utc = unknot::core::UnixSeconds{day} - minutes{offset};
      const auto at = [&](minutes local) { return local_midnight_utc + local; };

      if (!random.chance(0.08)) {
        const auto t = at(7h + 15min + minutes{random.below(60)});
        if (t <= now) sessions.push_back(make_session(random, t, offset, pain));
      }
      if (!random.chance(0.15)) {
        const auto t = at(20h + minutes{random.below(90)});
        if (t <= now) sessions.push_back(make_session(random, t, offset, pain - 0.5));
      }
      if (!random.chance(0.06)) {
        const auto t = at(21h + 45min + minutes{random.below(30)});
        if (t <= now) {
          CheckinRow row;
          row.kind = CheckinKind::DailyPain;
          row.value = clamp_pain(pain + random.noise(0.7));
          row.recorded_at = t;
          row.utc_offset_min = offset;
          if (random.chance(0.03)) row.note = "Schlecht geschlafen — \"worse\" <again> & stiff";
          checkins.push_back(std::move(row));
        }
      }
      if (n >= 14 && (n - 14) % 21 == 0) {
        const auto t = at(9h);
        if (t <= now) {
          CheckinRow row;
          row.kind = CheckinKind::Pgic;
          row.value =
              std::clamp(static_cast<int>(4.0 - 2.0 * progress + random.noise(0.6) + 0.5), 1, 7);
          row.recorded_at = t;
          row.utc_offset_min = offset;
          checkins.push_back(std::move(row));
        }
      }
    }

    unknot::storage::SessionStore store = unknot::storage::SessionStore::open(file);
    store.insert_sessions(sessions);
    store.add_checkins(checkins);

    std::size_t steps = 0;
    for (const auto& s : sessions) steps += s.steps.size();
    const double ms = duration<double, std::milli>(steady_clock::now() - started).count();
    std::cout << "Wrote " << file.string() << ": " << sessions.size() << " sessions, " << steps
              << " steps, " << checkins.size() << " check-ins over " << day_count << " days (seed "
              << options.seed << ") in " << static_cast<long long>(ms) << " ms\n";
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "unknot_make_history_db: " << error.what() << '\n';
    return 1;
  }
}
