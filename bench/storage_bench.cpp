// Storage benchmark: times the reads behind Progress, `unknot history`, `unknot report` and the
// history list on a database made by unknot_make_history_db:
//   unknot_storage_bench DIR [--runs N]
// Each line is the median over N runs (default 21) in milliseconds, with the count it read.
// The old way of reading progress (one steps query per session) is timed too, for comparison.
// Only reads: the database is left as it was (opening it may apply pending migrations).
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "core/history_report.h"
#include "report/progress_reader.h"
#include "storage/session_store.h"

namespace {

namespace fs = std::filesystem;
using namespace std::chrono;
using Clock = steady_clock;
using unknot::storage::SessionStore;

// Runs `work` `runs` times; prints the median and the count the last run returned.
void time_it(std::string_view label, int runs, const std::function<std::size_t()>& work) {
  std::vector<double> ms;
  std::size_t count = 0;
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    count = work();
    ms.push_back(duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  const double median = ms[ms.size() / 2];
  std::printf("%-48s %9.3f ms  (min %.3f, max %.3f)  %zu\n", std::string(label).c_str(), median,
              ms.front(), ms.back(), count);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && !(argc == 4 && std::string_view(argv[2]) == "--runs")) {
    std::cerr << "usage: unknot_storage_bench DIR [--runs N]\n";
    return 2;
  }
  int runs = 21;
  if (argc == 4) {
    const std::string_view text = argv[3];
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), runs);
    if (error != std::errc{} || end != text.data() + text.size() || runs < 1) {
      std::cerr << "unknot_storage_bench: --runs wants a positive number\n";
      return 2;
    }
  }
  const fs::path file = fs::path(argv[1]) / "unknot.db";
  if (!fs::exists(file)) {
    std::cerr << "unknot_storage_bench: no database at " << file.string()
              << " (make one with unknot_make_history_db)\n";
    return 1;
  }

  try {
    time_it("open + migrate", runs, [&] {
      const SessionStore store = SessionStore::open(file);
      return static_cast<std::size_t>(store.schema_version());
    });

    const SessionStore store = SessionStore::open(file);
    const auto now = floor<seconds>(system_clock::now());
    constexpr int kOffset = 60;
    const unknot::core::Day today = unknot::core::local_day(now, minutes{kOffset});

    std::size_t step_count = 0;
    for (const auto& s : store.sessions_with_steps()) step_count += s.steps.size();
    const auto checkin_count =
        store.checkins(unknot::core::UnixSeconds::min(), unknot::core::UnixSeconds::max()).size();
    std::printf("database: %s\n", file.string().c_str());
    std::printf("%zu sessions, %zu steps, %zu check-ins; median of %d runs, count read last\n\n",
                store.all_sessions().size(), step_count, checkin_count, runs);

    time_it("sessions_with_steps (all)", runs, [&] { return store.sessions_with_steps().size(); });
    time_it("sessions_with_steps (last 12 weeks)", runs,
            [&] { return store.sessions_with_steps(now - weeks{12}).size(); });
    time_it("history_page (first 40)", runs,
            [&] { return store.history_page(std::nullopt, 40).size(); });
    const auto deep = store.history_page(std::nullopt, 2000);
    if (!deep.empty()) {
      const std::pair cursor(deep.back().row.started_at, deep.back().row.id);
      time_it("history_page (40 after the first 2000)", runs,
              [&] { return store.history_page(cursor, 40).size(); });
    }
    time_it("old way: all_sessions + steps(id) per session", runs, [&] {
      std::size_t steps = 0;
      for (const auto& row : store.all_sessions()) steps += store.steps(row.id).size();
      return steps;
    });
    time_it("read_progress (all)", runs,
            [&] { return unknot::report::read_progress(store, kOffset).sessions.size(); });

    const auto input = unknot::report::read_progress(store, kOffset);
    time_it("build_history_report (weeks 0 = all)", runs, [&] {
      return unknot::core::build_history_report(input, today, 0, 7).week_rows.size();
    });
    time_it("build_history_report (weeks 12)", runs, [&] {
      return unknot::core::build_history_report(input, today, 12, 7).week_rows.size();
    });
    time_it("read_progress + build_history_report (12)", runs, [&] {
      const auto fresh = unknot::report::read_progress(store, kOffset);
      return unknot::core::build_history_report(fresh, today, 12, 7).week_rows.size();
    });
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "unknot_storage_bench: " << error.what() << '\n';
    return 1;
  }
}
