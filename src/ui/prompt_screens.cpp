#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {
namespace {
int body_lines(const app::PromptLayout& l) {
  return std::max(1, static_cast<int>(l.body.h / app::kBodyLine));
}
}  // namespace

void draw_resume(DrawContext& dc, const app::AppModel& m, const app::ResumeScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::prompt_layout(dc.window);
  const auto& entry = m.catalog.at(static_cast<std::size_t>(s.routine));
  c.text_wrapped("Continue where you left off?", l.title, Font::Title, p.text, Align::Left, 2);
  const std::string body = entry.routine.title + " stopped before step " +
                           std::to_string(s.found.resume_step + 1) + " of " +
                           std::to_string(entry.timeline->step_count()) +
                           ". Continue from there, or close it; either way it stays in your record.";
  c.text_wrapped(body, l.body, Font::Body, p.muted, Align::Left, body_lines(l));
  button(dc, l.primary, "Continue", ButtonStyle::Primary, dc.focused(app::ControlKind::ResumeSession));
  button(dc, l.secondary, "Close it", ButtonStyle::Secondary, dc.focused(app::ControlKind::CloseSession));
}

void draw_error(DrawContext& dc, const app::ErrorScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::prompt_layout(dc.window);
  c.text_wrapped(s.title, l.title, Font::Title, p.text, Align::Left, 2);
  // One problem per paragraph; each keeps its own lines so file:line stays readable.
  float y = l.body.y;
  std::size_t start = 0;
  while (start <= s.message.size() && y + app::kCaptionLine <= l.body.bottom()) {
    const std::size_t end = std::min(s.message.find('\n', start), s.message.size());
    const std::string para = s.message.substr(start, end - start);
    const int max_lines = std::max(1, static_cast<int>((l.body.bottom() - y) / app::kCaptionLine));
    y += c.text_wrapped(para, {l.body.x, y, l.body.w, l.body.bottom() - y}, Font::Caption, p.text,
                        Align::Left, std::min(max_lines, 4)) + 8;
    start = end + 1;
  }
  button(dc, l.secondary, "Back to routines", ButtonStyle::Primary, dc.focused(app::ControlKind::Dismiss));
}

// Screens drawn elsewhere are routed here by type (see care_screens.cpp and bodymap_screens.cpp).
template <class S>
void draw_care_screen(DrawContext& dc, const app::AppModel& m, const S& screen) {
  if constexpr (std::is_same_v<S, app::SafetyScreen>) draw_safety(dc, m, screen);
  else if constexpr (std::is_same_v<S, app::ProfileScreen>) draw_profile(dc, m, screen);
  else if constexpr (std::is_same_v<S, app::SettingsScreen>) draw_settings(dc, m);
  else if constexpr (std::is_same_v<S, app::SourcesScreen>) draw_sources(dc, m, screen);
  else if constexpr (std::is_same_v<S, app::BodyMapScreen>) draw_body_map(dc, m, screen);
  else if constexpr (std::is_same_v<S, app::MuscleScreen>) draw_muscle(dc, m, screen);
  else if constexpr (std::is_same_v<S, app::BuilderScreen> || std::is_same_v<S, app::BuilderStepScreen> ||
                     std::is_same_v<S, app::BuilderPickScreen> || std::is_same_v<S, app::BuilderPlanScreen>) {
    draw_builder(dc, m, screen);
  }
  else static_assert(sizeof(S) == 0, "a screen without a draw function");
}

void draw(DrawContext& dc, const app::AppModel& m) {
  std::visit(
      [&](const auto& screen) {
        using S = std::decay_t<decltype(screen)>;
        if constexpr (std::is_same_v<S, app::HomeScreen>) {
          draw_home(dc, m);
          draw_tab_bar(dc, app::ControlKind::TabHome);
        }
        else if constexpr (std::is_same_v<S, app::RoutineScreen>) draw_routine(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::RatingScreen>) draw_rating(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::PlayerScreen>) draw_player(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::SummaryScreen>) draw_summary(dc, m);
        else if constexpr (std::is_same_v<S, app::ResumeScreen>) draw_resume(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::BreatheListScreen>) draw_breathe_list(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::PatternScreen>) draw_pattern(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::EditorScreen>) draw_editor(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::SoundScreen>) draw_sound(dc, m);
        else if constexpr (std::is_same_v<S, app::CheckinScreen>) draw_checkin(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::TrendsScreen>) draw_trends(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::HistoryScreen>) draw_history(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::EntryScreen>) draw_entry(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::ErrorScreen>) draw_error(dc, screen);
        else draw_care_screen(dc, m, screen);
      },
      m.screen);
  if (!m.notice.empty()) {
    const app::Rect bar{0, 0, dc.window.w, 28};
    dc.canvas.fill_rect(bar, dc.palette.caution);
    dc.canvas.text_in(m.notice, bar.inset(4), Font::Caption, Color{0x14, 0x1E, 0x24, 255}, Align::Center);
  }
}

}  // namespace unknot::ui
