// Notes on behaviour the header leaves open:
// - History loads a page of kHistoryPage at a time (history_page.cpp asks for the next one); a
//   page that overlaps what is shown keeps one of each entry.
#include "app/progress_flow.h"

#include <algorithm>
#include <set>

#include "app/screens.h"
#include "app/update.h"

namespace unknot::app {

std::vector<std::string> trends_regions(const AppModel& m) {
  if (!m.progress) return {};
  std::set<std::string> regions;
  for (const auto& session : m.progress->input.sessions) {
    if (!session.sample.region.empty()) regions.insert(session.sample.region);
  }
  return {regions.begin(), regions.end()};
}

int period_weeks(TrendsPeriod period) {
  switch (period) {
    case TrendsPeriod::Weeks4:
      return 4;
    case TrendsPeriod::Weeks12:
      return 12;
    case TrendsPeriod::All:
      return 0;
  }
  return 4;
}

bool target_prescribed(const AppModel& m) {
  return std::any_of(m.homework.begin(), m.homework.end(),
                     [](const HomeworkStatus& h) { return h.active && h.prescribed_week > 0; });
}

int effective_weekly_target(const AppModel& m) {
  if (!target_prescribed(m)) return m.weekly_target;
  int sum = 0;
  for (const auto& h : m.homework) {
    if (h.active) sum += h.prescribed_week;
  }
  return sum;
}

bool undo_showing(const AppModel& m) { return m.undo && m.wall_now < m.undo->until; }

void on_progress_loaded(AppModel& m, ProgressLoaded loaded) {
  m.progress = std::move(loaded.data);
  m.progress_loading = false;
  if (auto* t = std::get_if<TrendsScreen>(&m.screen)) {
    // A region that no longer has sessions (an entry was deleted) falls back to every region.
    const auto regions = trends_regions(m);
    if (!t->region.empty() && std::find(regions.begin(), regions.end(), t->region) == regions.end())
      t->region.clear();
    clamp_scroll(m.scroll, screen_frame(m));
  }
}

void on_history_loaded(AppModel& m, HistoryLoaded loaded) {
  HistoryList& h = m.history;
  if (!loaded.append) h.entries.clear();
  for (auto& entry : loaded.entries) {
    // A page can overlap what is shown if the record changed in between: keep one of each.
    const bool seen = std::any_of(h.entries.begin(), h.entries.end(),
                                  [&](const HistoryEntry& e) { return e.id == entry.id; });
    if (!seen) h.entries.push_back(std::move(entry));
  }
  h.loaded = true;
  h.loading = false;
  h.more = loaded.more;
}

void forget_progress(AppModel& m) {
  m.progress.reset();
  m.history = HistoryList{};
}

bool has_sided_dose(const ProgressData& data) {
  for (const auto& session : data.input.sessions) {
    for (const auto& dose : session.sample.doses) {
      if (dose.side != core::Side::None) return true;
    }
  }
  return false;
}

}  // namespace unknot::app
