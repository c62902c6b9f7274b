#include "app/model.h"

#include <chrono>

namespace unknot::app {

std::vector<const core::BreathPattern*> all_patterns(const AppModel& model) {
  std::vector<const core::BreathPattern*> out;
  for (const auto& p : core::builtin_patterns()) out.push_back(&p);
  for (const auto& p : model.custom_patterns) out.push_back(&p);
  return out;
}

const core::BreathPattern* find_pattern(const std::vector<core::BreathPattern>& custom,
                                        std::string_view id) {
  if (const auto* p = core::find_builtin_pattern(id)) return p;
  for (const auto& p : custom) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

const core::BreathPattern* find_pattern(const AppModel& model, std::string_view id) {
  return find_pattern(model.custom_patterns, id);
}

bool in_first_month(const AppModel& model, std::string_view pattern_id) {
  for (const auto& [id, first] : model.first_use) {
    if (id == pattern_id) return model.wall_now - first < std::chrono::days(30);
  }
  return true;  // never used: the first month has not even started
}

bool holds_barred(const AppModel& m, const core::BreathPattern& pattern) {
  return (m.profile.pregnant || m.profile.seizures || m.profile.heart_disease) &&
         pattern.has_hold();
}

const core::BreathPattern* interrupted_pattern(const AppModel& model,
                                               const InterruptedFound& found) {
  constexpr std::string_view kBreathe = "breathe:";
  const std::string_view id = found.routine_id;
  if (!id.starts_with(kBreathe)) return nullptr;
  return find_pattern(model, id.substr(kBreathe.size()));
}

int find_routine(const AppModel& model, std::string_view id) {
  for (std::size_t i = 0; i < model.catalog.size(); ++i) {
    if (model.catalog[i].routine.id == id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace unknot::app
