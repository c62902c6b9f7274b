// Made-up but plausible Progress data for tests: daily ratings easing over the period, sessions
// on most days in three regions, some rated on one side, with pressure per muscle. Deterministic.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "app/model.h"
#include "core/history_report.h"

namespace unknot::test {

inline core::Day day_of(int y, unsigned m, unsigned d) {
  return core::Day{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}};
}

// `days` days of data ending on `today`.
inline core::HistoryInput progress_input(core::Day today, int days, bool with_sides = true) {
  using namespace std::chrono;
  core::HistoryInput in;
  std::uint32_t seed = 12345;
  const auto rnd = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return static_cast<double>((seed >> 8) % 1000) / 1000.0;
  };
  const core::Day first = today - std::chrono::days{days - 1};
  const char* regions[] = {"Neck", "Jaw", "Low back"};
  const char* muscles[] = {"upper_trapezius", "masseter", "quadratus_lumborum"};
  for (int i = 0; i < days; ++i) {
    const core::Day d = first + std::chrono::days{i};
    const double progress = static_cast<double>(i) / std::max(1, days - 1);
    if (rnd() < 0.8) {
      const double pain = 6.5 - 3 * progress + (rnd() - 0.5) * 3;
      in.ratings.push_back({d, std::clamp(static_cast<int>(std::lround(pain)), 0, 10)});
    }
    if (rnd() < 0.7) {
      core::HistorySession s;
      s.sample.day = d;
      const auto k = static_cast<std::size_t>(i % 3);
      s.sample.region = regions[k];
      const int before = std::clamp(static_cast<int>(std::lround(6 - 2 * progress + (rnd() - 0.5) * 4)), 1, 10);
      const int after = std::clamp(before - static_cast<int>(std::lround(rnd() * 3 - 0.5)), 0, 10);
      s.sample.before = before;
      s.sample.after = after;
      s.sample.planned = minutes{10};
      s.sample.done = rnd() < 0.85 ? minutes{10} : minutes{4};
      s.completed_status = s.sample.done == s.sample.planned;
      if (with_sides && i % 4 == 1) {
        s.sample.side = i % 8 == 1 ? core::Side::Left : core::Side::Right;
        s.sample.doses.push_back({muscles[k], s.sample.side, seconds{120}});
      } else if (with_sides) {
        s.sample.doses.push_back({muscles[k], core::Side::Left, seconds{90}});
        s.sample.doses.push_back({muscles[k], core::Side::Right, seconds{90}});
      } else {
        s.sample.doses.push_back({muscles[k], core::Side::None, seconds{180}});
      }
      in.sessions.push_back(s);
    }
  }
  return in;
}

inline app::AppModel with_progress(app::AppModel m, core::Day today, int days, bool with_sides = true) {
  m.progress = app::ProgressData{progress_input(today, days, with_sides), today};
  return m;
}

}  // namespace unknot::test
