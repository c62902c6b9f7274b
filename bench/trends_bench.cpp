// Trends benchmark: ten years of generated history (a daily pain rating and two sessions a day,
// with missed days) run through every pain_stats function; prints each one's median time over
// several runs and the median total. Target: the whole all-time trend in at most 10 ms.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "core/pain_stats.h"

namespace {

using namespace unknot::core;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr int kYears = 10;
constexpr int kRuns = 21;
constexpr double kTargetMs = 10.0;
constexpr std::uint64_t kSeed = 20240304;

// splitmix64: fully specified, so every standard library generates the same history.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  double uniform() {  // [0, 1)
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return static_cast<double>((z ^ (z >> 31)) >> 11) / 9007199254740992.0;
  }
  bool chance(double p) { return uniform() < p; }
  double noise() { return (uniform() + uniform() + uniform() - 1.5) * 1.4; }  // roughly normal

 private:
  std::uint64_t state_;
};

int clamp_pain(double value) { return std::clamp(static_cast<int>(value + 0.5), 0, 10); }

struct History {
  std::vector<DailyRating> ratings;
  std::vector<SessionSample> sessions;
  std::vector<Day> practised;
  Day first, last;
};

// Pain drifts from about 7 down to 3 over the ten years with day-to-day noise; about one day in
// twenty has no rating and one in twelve no sessions; one session in ten stops early.
History generate() {
  Random random(kSeed);
  History h;
  h.first = std::chrono::sys_days{std::chrono::year{2015} / 1 / 5};
  const int day_count = kYears * 365;
  h.last = h.first + std::chrono::days{day_count - 1};
  const char* muscles[] = {"upper_trapezius", "levator_scapulae", "infraspinatus"};
  for (int n = 0; n < day_count; ++n) {
    const Day day = h.first + std::chrono::days{n};
    const double level = 7.0 - 4.0 * n / day_count;
    if (!random.chance(0.05)) h.ratings.push_back({day, clamp_pain(level + random.noise())});
    if (random.chance(0.08)) continue;
    h.practised.push_back(day);
    for (int k = 0; k < 2; ++k) {
      SessionSample s;
      s.day = day;
      s.planned = 12min;
      s.done = random.chance(0.1) ? 6min : 12min;
      const int before = clamp_pain(level + random.noise());
      s.before = before;
      s.after = clamp_pain(before - 1.0 + random.noise() / 2);
      s.region = k == 0 ? "neck" : "shoulder";
      s.side = (n + k) % 2 == 0 ? Side::Left : Side::Right;
      for (const char* muscle : muscles) s.doses.push_back({muscle, s.side, 90s});
      h.sessions.push_back(std::move(s));
    }
  }
  return h;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main() {
  const History h = generate();
  std::size_t sink = 0;  // results feed this so no call is optimised away
  const std::vector<std::pair<const char*, std::function<void()>>> steps{
      {"daily_means", [&] { sink += daily_means(h.ratings).size(); }},
      {"rolling_mean_7", [&] { sink += rolling_mean_7(daily_means(h.ratings)).size(); }},
      {"weekly_pain", [&] { sink += weekly_pain(h.ratings).size(); }},
      {"pain_baseline", [&] { sink += pain_baseline(h.ratings).has_value() ? 1u : 0u; }},
      {"change_vs_baseline", [&] { sink += change_vs_baseline(6.5, 3.1).band ? 1u : 0u; }},
      {"session_change_by_week", [&] { sink += session_change_by_week(h.sessions).size(); }},
      {"adherence_by_week",
       [&] {
         sink += adherence_by_week(h.sessions, {14, 12min}, h.first, h.last).size();
       }},
      {"dose_by_week", [&] { sink += dose_by_week(h.sessions).size(); }},
      {"current_streak",
       [&] { sink += static_cast<std::size_t>(current_streak(h.practised, h.last).days); }},
      {"left_vs_right", [&] { sink += left_vs_right(h.sessions).size(); }},
  };

  std::vector<std::vector<double>> times(steps.size());
  std::vector<double> totals;
  for (int run = 0; run < kRuns; ++run) {
    double total = 0;
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const auto start = Clock::now();
      steps[i].second();
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
      times[i].push_back(ms);
      total += ms;
    }
    totals.push_back(total);
  }

  std::size_t doses = 0;
  for (const SessionSample& s : h.sessions) doses += s.doses.size();
  std::printf("Trends over %d years: %zu ratings, %zu sessions, %zu doses (seed %llu)\n", kYears,
              h.ratings.size(), h.sessions.size(), doses, static_cast<unsigned long long>(kSeed));
  std::printf("median of %d runs, ms\n", kRuns);
  for (std::size_t i = 0; i < steps.size(); ++i)
    std::printf("  %-24s %8.3f\n", steps[i].first, median(times[i]));
  const double total = median(totals);
  const bool met = total <= kTargetMs;
  std::printf("  %-24s %8.3f  (target <= %.0f ms: %s)\n", "total", total, kTargetMs,
              met ? "met" : "MISSED");
  std::printf("(checksum %zu)\n", sink);
  return met ? 0 : 1;
}
