#include <algorithm>

#include "app/update.h"

namespace unknot::app {

std::vector<Control> controls(const AppModel& m) {
  std::vector<Control> list;
  const auto add = [&list](ControlKind kind, int index = 0) { list.push_back({kind, index}); };
  if (std::holds_alternative<HomeScreen>(m.screen)) {
    for (int i = 0; i < static_cast<int>(m.catalog.size()); ++i) add(ControlKind::RoutineCard, i);
  } else if (std::holds_alternative<RoutineScreen>(m.screen)) {
    add(ControlKind::Back);
    add(ControlKind::Start);
  } else if (const auto* r = std::get_if<RatingScreen>(&m.screen)) {
    if (r->moment == RatingMoment::Before) add(ControlKind::Back);
    for (int v = 0; v <= 10; ++v) add(ControlKind::PainValue, v);
    if (r->moment == RatingMoment::Before) {
      const auto& regions = m.catalog.at(static_cast<std::size_t>(r->routine)).routine.regions;
      for (int i = 0; i < static_cast<int>(regions.size()); ++i) add(ControlKind::Region, i);
    }
    add(ControlKind::Confirm);
  } else if (const auto* p = std::get_if<PlayerScreen>(&m.screen)) {
    if (p->confirming_end) {
      add(ControlKind::EndCancel);
      add(ControlKind::EndConfirm);
    } else {
      add(ControlKind::Pause);
      add(ControlKind::Skip);
      add(ControlKind::End);
    }
  } else if (std::holds_alternative<SummaryScreen>(m.screen)) {
    add(ControlKind::Done);
  } else if (std::holds_alternative<ResumeScreen>(m.screen)) {
    add(ControlKind::ResumeSession);
    add(ControlKind::CloseSession);
  } else if (std::holds_alternative<ErrorScreen>(m.screen)) {
    add(ControlKind::Dismiss);
  }
  return list;
}

Control primary_control(const AppModel& m) {
  if (std::holds_alternative<HomeScreen>(m.screen)) return {ControlKind::RoutineCard, 0};
  if (std::holds_alternative<RoutineScreen>(m.screen)) return {ControlKind::Start, 0};
  if (std::holds_alternative<RatingScreen>(m.screen)) return {ControlKind::Confirm, 0};
  if (const auto* p = std::get_if<PlayerScreen>(&m.screen)) {
    return {p->confirming_end ? ControlKind::EndConfirm : ControlKind::Pause, 0};
  }
  if (std::holds_alternative<SummaryScreen>(m.screen)) return {ControlKind::Done, 0};
  if (std::holds_alternative<ResumeScreen>(m.screen)) return {ControlKind::ResumeSession, 0};
  return {ControlKind::Dismiss, 0};
}

std::optional<Control> focused_control(const AppModel& m) {
  const auto list = controls(m);
  if (list.empty()) return std::nullopt;
  return list[static_cast<std::size_t>(std::clamp(m.focus, 0, static_cast<int>(list.size()) - 1))];
}

bool animating(const AppModel& m) {
  return std::holds_alternative<PlayerScreen>(m.screen) && m.session && !m.session->finished &&
         !m.session->run.paused();
}

CatalogEntry make_catalog_entry(core::Routine routine, const core::PatternLookup& lookup) {
  auto steps = core::expand(routine, lookup);
  auto timeline = std::make_shared<const core::Timeline>(std::move(steps), lookup);
  return CatalogEntry{std::move(routine), std::move(timeline), std::nullopt};
}

}  // namespace unknot::app
