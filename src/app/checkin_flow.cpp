#include "app/checkin_flow.h"

#include <algorithm>

#include "app/breathe_flow.h"

namespace unknot::app {

void on_checkin_due(AppModel& m, const CheckinDue& due) {
  // Offered when the app opens on Home, never over a routine, a session or a question.
  if (!std::holds_alternative<HomeScreen>(m.screen) || m.session) return;
  CheckinScreen screen;
  screen.pgic_due = due.pgic;
  open_screen(m, screen);
}

bool on_checkin_activated(AppModel& m, const Activated& a, std::vector<Effect>& fx) {
  auto* screen = std::get_if<CheckinScreen>(&m.screen);
  if (screen == nullptr) return false;
  CheckinScreen s = *screen;
  switch (a.control.kind) {
    case ControlKind::PainValue:
      if (!s.pgic_step) s.value = std::clamp(a.control.index, 0, 10);
      break;
    case ControlKind::PgicOption:
      if (s.pgic_step) s.value = std::clamp(a.control.index, 1, 7);
      break;
    case ControlKind::Confirm:
      if (!s.value) break;
      fx.push_back(SaveCheckin{s.pgic_step ? CheckinKind::Pgic : CheckinKind::DailyPain, *s.value});
      if (!s.pgic_step && s.pgic_due) {
        CheckinScreen next;
        next.pgic_step = true;
        next.pgic_due = true;
        open_screen(m, next);
        return true;
      }
      fx.push_back(CheckinOffered{});
      open_screen(m, HomeScreen{});
      return true;
    case ControlKind::NotToday:
      fx.push_back(CheckinOffered{});
      open_screen(m, HomeScreen{});
      return true;
    default: break;
  }
  *screen = s;
  return true;
}

}  // namespace unknot::app
