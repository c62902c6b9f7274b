#include "core/pain_stats.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <map>
#include <tuple>

#include "core/translate.h"

namespace unknot::core {
namespace {

using std::chrono::days;
using std::chrono::weekday;

bool valid_pain(int pain) { return pain >= 0 && pain <= 10; }

bool rated(const SessionSample& s) {
  return s.before && s.after && valid_pain(*s.before) && valid_pain(*s.after);
}

// Means are binary floating point, so a change of exactly 30 % on paper can come out as
// 29.999999999999993; the tolerance keeps each boundary where domain.md puts it.
constexpr double kTolerance = 1e-9;

// Consecutive weeks, indexed from the first, so weekly series line up in a chart even across
// weeks without data; bucketing by index keeps every per-week function linear.
class WeekGrid {
 public:
  WeekGrid(Day lo, Day hi, weekday first_day)
      : first_(week_start_of(lo, first_day)), first_day_(first_day) {
    count_ = hi < lo ? 0 : index(hi) + 1;
  }
  std::size_t count() const { return count_; }
  std::size_t index(Day day) const {
    return static_cast<std::size_t>((week_start_of(day, first_day_) - first_).count() / 7);
  }
  bool contains(Day day) const { return day >= first_ && index(day) < count_; }
  Day start(std::size_t i) const { return first_ + days{7 * static_cast<days::rep>(i)}; }

 private:
  Day first_;
  weekday first_day_;
  std::size_t count_ = 0;
};

// The weeks spanning the sessions `counts` accepts; none when it accepts none.
template <typename Counts>
std::optional<WeekGrid> grid_of(std::span<const SessionSample> sessions, Counts counts,
                                weekday first_day) {
  std::optional<Day> lo, hi;
  for (const SessionSample& s : sessions) {
    if (!counts(s)) continue;
    lo = std::min(lo.value_or(s.day), s.day);
    hi = std::max(hi.value_or(s.day), s.day);
  }
  if (!lo) return std::nullopt;
  return WeekGrid(*lo, *hi, first_day);
}

struct Sum {
  double total = 0;
  int count = 0;
  void add(double v) {
    total += v;
    ++count;
  }
  double mean() const { return total / count; }
};

std::optional<Baseline> baseline_from(const std::vector<DayValue>& means, Day first_day) {
  Sum sum;
  for (const DayValue& d : means)
    if (d.day >= first_day && d.day < first_day + days{7}) sum.add(d.mean);
  if (sum.count == 0) return std::nullopt;
  return Baseline{first_day, sum.count, sum.mean()};
}

ChangeBand band_of(double percent) {
  const double size = std::abs(percent) + kTolerance;
  const bool better = percent > 0;
  if (size < 10) return ChangeBand::NoClearChange;
  if (size < 30) return better ? ChangeBand::MinimalImprovement : ChangeBand::MinimalWorsening;
  if (size < 50) {
    return better ? ChangeBand::ClinicallyImportantImprovement
                  : ChangeBand::ClinicallyImportantWorsening;
  }
  return better ? ChangeBand::SubstantialImprovement : ChangeBand::SubstantialWorsening;
}

}  // namespace

std::int64_t tenths_toward_zero(double value) {
  const auto size =
      static_cast<std::int64_t>(std::floor((std::abs(value) + kDisplayTolerance) * 10));
  return value < 0 ? -size : size;
}

std::int64_t whole_toward_zero(double value) {
  const auto size = static_cast<std::int64_t>(std::floor(std::abs(value) + kDisplayTolerance));
  return value < 0 ? -size : size;
}

Day week_start_of(Day day, weekday first_day) { return day - (weekday{day} - first_day); }

std::vector<DayValue> daily_means(std::span<const DailyRating> ratings) {
  std::vector<DailyRating> sorted;
  sorted.reserve(ratings.size());
  for (const DailyRating& r : ratings)
    if (valid_pain(r.pain)) sorted.push_back(r);
  std::sort(sorted.begin(), sorted.end(),
            [](const DailyRating& a, const DailyRating& b) { return a.day < b.day; });

  std::vector<DayValue> out;
  for (std::size_t i = 0; i < sorted.size();) {
    Sum sum;
    const Day day = sorted[i].day;
    for (; i < sorted.size() && sorted[i].day == day; ++i) sum.add(sorted[i].pain);
    out.push_back({day, sum.mean(), sum.count});
  }
  return out;
}

std::vector<DayValue> rolling_mean_7(std::span<const DayValue> days_in) {
  std::vector<DayValue> out;
  out.reserve(days_in.size());
  for (std::size_t i = 0; i < days_in.size(); ++i) {
    // With one entry per day the window holds at most 7 entries, so summing it afresh costs as
    // little as a running sum and never accumulates rounding drift over ten years.
    Sum sum;
    const Day oldest = days_in[i].day - days{6};
    for (std::size_t k = i + 1; k-- > 0 && days_in[k].day >= oldest;) sum.add(days_in[k].mean);
    out.push_back({days_in[i].day, sum.mean(), sum.count});
  }
  return out;
}

std::vector<WeekSummary> weekly_pain(std::span<const DailyRating> ratings, weekday first_day) {
  const auto means = daily_means(ratings);
  if (means.empty()) return {};
  const WeekGrid grid(means.front().day, means.back().day, first_day);

  std::vector<WeekSummary> out(grid.count());
  std::vector<Sum> sums(grid.count());
  for (std::size_t i = 0; i < out.size(); ++i) out[i].week_start = grid.start(i);
  for (const DayValue& d : means) sums[grid.index(d.day)].add(d.mean);
  for (const DailyRating& r : ratings) {
    if (!valid_pain(r.pain)) continue;
    auto& worst = out[grid.index(r.day)].worst;
    worst = std::max(worst.value_or(r.pain), r.pain);
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].days_with_data = sums[i].count;
    if (sums[i].count >= kMinDaysForWeeklyMean) out[i].mean = sums[i].mean();
  }
  return out;
}

std::optional<Baseline> pain_baseline(std::span<const DailyRating> ratings,
                                      std::optional<Day> assigned_on) {
  const auto means = daily_means(ratings);
  if (means.empty()) return std::nullopt;
  if (!assigned_on) return baseline_from(means, means.front().day);
  if (auto before = baseline_from(means, *assigned_on - days{7})) return before;
  const auto after = std::find_if(means.begin(), means.end(),
                                  [&](const DayValue& d) { return d.day >= *assigned_on; });
  if (after == means.end()) return std::nullopt;
  return baseline_from(means, after->day);
}

std::string_view band_label(ChangeBand band) {
  // Indexed in the enum's worst-to-best order.
  // English, marked for the catalogs: shown through tr() (core/translate.h).
  static constexpr std::string_view kLabels[] = {
      // TRANSLATORS: how much the pain changed against the baseline, in a sentence such as "Weekly
      // pain 2.1 points lower (35 %): clinically important improvement".
      tr_noop("substantial worsening"),  tr_noop("clinically important worsening"),
      tr_noop("minimal worsening"),      tr_noop("no clear change"),
      tr_noop("minimal improvement"),    tr_noop("clinically important improvement"),
      tr_noop("substantial improvement")};
  return kLabels[static_cast<std::size_t>(band)];
}

Change change_vs_baseline(double baseline_mean, double current_mean) {
  Change c;
  c.raw_points = baseline_mean - current_mean;
  const double size = std::abs(c.raw_points) + kTolerance;
  c.reaches_one_point = size >= 1;
  c.reaches_two_points = size >= 2;
  if (baseline_mean + kTolerance >= kMinBaselineForPercent) {
    c.percent = c.raw_points / baseline_mean * 100;
    c.band = band_of(*c.percent);
  }
  return c;
}

bool counts_as_completed(const SessionSample& session) {
  // Integer microseconds: done >= 0.8 x planned without a rounding question at the boundary.
  return session.planned > Duration{0} && session.done * 5 >= session.planned * 4;
}

std::vector<SessionChangeWeek> session_change_by_week(std::span<const SessionSample> sessions,
                                                      weekday first_day) {
  const auto grid = grid_of(sessions, rated, first_day);
  if (!grid) return {};

  std::vector<Sum> sums(grid->count());
  for (const SessionSample& s : sessions)
    if (rated(s)) sums[grid->index(s.day)].add(*s.before - *s.after);
  std::vector<SessionChangeWeek> out(grid->count());
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].week_start = grid->start(i);
    out[i].rated_sessions = sums[i].count;
    if (sums[i].count > 0) out[i].mean_drop = sums[i].mean();
  }
  return out;
}

std::vector<AdherenceWeek> adherence_by_week(std::span<const SessionSample> sessions,
                                             const Prescription& prescription, Day from, Day to,
                                             weekday first_day) {
  const WeekGrid grid(from, to, first_day);
  std::vector<AdherenceWeek> out(grid.count());
  const Duration prescribed_time = prescription.session_length * prescription.sessions_per_week;
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].week_start = grid.start(i);
    out[i].prescribed = prescription.sessions_per_week;
    out[i].prescribed_time = prescribed_time;
  }
  for (const SessionSample& s : sessions) {
    if (!grid.contains(s.day)) continue;
    AdherenceWeek& week = out[grid.index(s.day)];
    ++week.logged;
    week.done += s.done;
    if (counts_as_completed(s)) ++week.completed;
  }
  for (AdherenceWeek& week : out) {
    if (week.prescribed > 0)
      week.percent = std::min(100.0, 100.0 * week.completed / week.prescribed);
    if (prescribed_time > Duration{0}) {
      week.dose_percent = 100.0 * static_cast<double>(week.done.count()) /
                          static_cast<double>(prescribed_time.count());
    }
  }
  return out;
}

std::vector<WeekDose> dose_by_week(std::span<const SessionSample> sessions, weekday first_day) {
  const auto grid = grid_of(
      sessions, [](const SessionSample& s) { return !s.doses.empty(); }, first_day);
  if (!grid) return {};

  // A week touches only a handful of muscles, so a linear search per dose over views of the
  // names is cheaper than sorting every dose (ten years hold some 20,000); only the few sums
  // per week are sorted and copied into strings.
  struct Pressed {
    std::string_view muscle;
    Side side;
    Duration pressed;
  };
  std::vector<std::vector<Pressed>> sums(grid->count());
  for (const SessionSample& s : sessions) {
    if (s.doses.empty()) continue;
    auto& week = sums[grid->index(s.day)];
    for (const MuscleDose& d : s.doses) {
      const auto same = [&d](const Pressed& m) { return m.side == d.side && m.muscle == d.muscle; };
      const auto it = std::find_if(week.begin(), week.end(), same);
      if (it == week.end()) {
        week.push_back({d.muscle, d.side, d.pressed});
      } else {
        it->pressed += d.pressed;
      }
    }
  }

  std::vector<WeekDose> out(grid->count());
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i].week_start = grid->start(i);
    std::sort(sums[i].begin(), sums[i].end(), [](const Pressed& a, const Pressed& b) {
      return std::tie(a.muscle, a.side) < std::tie(b.muscle, b.side);
    });
    for (const Pressed& m : sums[i])
      out[i].muscles.push_back({std::string(m.muscle), m.side, m.pressed});
  }
  return out;
}

Streak current_streak(std::span<const Day> practised, Day today) {
  std::vector<Day> sorted;
  sorted.reserve(practised.size());
  for (Day d : practised)
    if (d <= today) sorted.push_back(d);
  std::sort(sorted.begin(), sorted.end(), std::greater<>{});
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  if (sorted.empty() || today - sorted.front() > days{2}) return {};

  Streak streak{1, 1};
  Day earliest = sorted.front();
  for (std::size_t i = 1; i < sorted.size() && earliest - sorted[i] <= days{2}; ++i) {
    earliest = sorted[i];
    ++streak.days_practised;
  }
  streak.days = static_cast<int>((sorted.front() - earliest).count()) + 1;
  return streak;
}

std::vector<LeftRight> left_vs_right(std::span<const SessionSample> sessions) {
  struct BothSides {
    Sum before[2], after[2];
  };
  std::map<std::string_view, BothSides> by_region;  // ordered: the result comes out sorted
  for (const SessionSample& s : sessions) {
    if (!rated(s) || s.side == Side::None) continue;
    const std::size_t k = s.side == Side::Left ? 0 : 1;
    BothSides& sides = by_region[s.region];
    sides.before[k].add(*s.before);
    sides.after[k].add(*s.after);
  }

  std::vector<LeftRight> out;
  for (const auto& entry : by_region) {
    const BothSides& sides = entry.second;  // a plain reference: lambdas capture it on clang 14
    if (sides.before[0].count == 0 || sides.before[1].count == 0) continue;
    const auto side_change = [&sides](std::size_t k) {
      const double before = sides.before[k].mean(), after = sides.after[k].mean();
      return SideChange{sides.before[k].count, before, after, before - after};
    };
    out.push_back({std::string(entry.first), side_change(0), side_change(1)});
  }
  return out;
}

}  // namespace unknot::core
