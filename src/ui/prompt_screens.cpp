#include <algorithm>

#include "app/prompt_pages.h"
#include "app/saved_file.h"
#include "app/screens.h"
#include "core/translate.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {
namespace {

void draw_prompt(DrawContext& dc, const app::AppModel& m, const app::PromptPageLayout& l) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    for (std::size_t i = 0; i < l.paragraphs.size(); ++i)
      c.text_block(l.paragraphs[i], i == 0 ? p.text : p.muted);
  }
  scroll_indicator(dc, l.page.viewport, l.content_h, m.scroll.offset);
}

}  // namespace

void draw_resume(DrawContext& dc, const app::AppModel& m, const app::ResumeScreen& s) {
  const auto l = app::prompt_page_layout({dc.window, app::measure_of(m), m.scroll.offset},
                                         core::tr("Continue where you left off?"),
                                         {app::resume_text(m, s)}, Font::Body, true);
  draw_prompt(dc, m, l);
  button(dc, l.primary, core::tr("Continue"), ButtonStyle::Primary,
         dc.focused(app::ControlKind::ResumeSession));
  button(dc, l.secondary, core::tr("Close it"), ButtonStyle::Secondary,
         dc.focused(app::ControlKind::CloseSession));
}

void draw_error(DrawContext& dc, const app::AppModel& m, const app::ErrorScreen& s) {
  const auto l = app::prompt_page_layout({dc.window, app::measure_of(m), m.scroll.offset}, s.title,
                                         app::error_paragraphs(s), Font::Body, !s.message.empty());
  draw_prompt(dc, m, l);
  if (!s.message.empty()) {
    button(dc, l.primary, s.details ? core::tr("Hide details") : core::tr("Details"),
           ButtonStyle::Secondary, dc.focused(app::ControlKind::ShowDetails));
  }
  button(dc, l.secondary, core::tr("Back to routines"), ButtonStyle::Primary,
         dc.focused(app::ControlKind::Dismiss));
}

// Screens drawn elsewhere are routed here by type (see care_screens.cpp and bodymap_screens.cpp).
template <class S>
void draw_care_screen(DrawContext& dc, const app::AppModel& m, const S& screen) {
  if constexpr (std::is_same_v<S, app::SafetyScreen>)
    draw_safety(dc, m, screen);
  else if constexpr (std::is_same_v<S, app::DoseScreen>)
    draw_dose(dc, m, screen);
  else if constexpr (std::is_same_v<S, app::ProfileScreen>)
    draw_profile(dc, m, screen);
  else if constexpr (std::is_same_v<S, app::OnboardingScreen>)
    draw_onboarding(dc, m, screen);
  else if constexpr (std::is_same_v<S, app::SettingsScreen>)
    draw_settings(dc, m);
  else if constexpr (std::is_same_v<S, app::SourcesScreen>)
    draw_sources(dc, m, screen);
  else if constexpr (std::is_same_v<S, app::DamagedScreen>)
    draw_damaged(dc, m, screen);
  else if constexpr (std::is_same_v<S, app::BackupsScreen>)
    draw_backups(dc, m, screen);
  else if constexpr (std::is_same_v<S, app::BodyMapScreen>)
    draw_body_map(dc, m, screen);
  else if constexpr (std::is_same_v<S, app::MuscleScreen>)
    draw_muscle(dc, m, screen);
  else if constexpr (std::is_same_v<S, app::BuilderScreen> ||
                     std::is_same_v<S, app::BuilderStepScreen> ||
                     std::is_same_v<S, app::BuilderPickScreen> ||
                     std::is_same_v<S, app::BuilderPlanScreen>) {
    draw_builder(dc, m, screen);
  } else
    static_assert(sizeof(S) == 0, "a screen without a draw function");
}

// The sheet naming a saved file, over the dimmed screen.
static void draw_saved_file(DrawContext& dc, const app::AppModel& m) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const app::SavedFileLayout l = app::saved_file_layout(
      *m.saved_file, app::Env{dc.window, app::measure_of(m), m.scroll.offset});
  c.fill_rect(l.scrim, Color{0, 0, 0, 150});
  c.fill_rounded(l.sheet, 24, p.surface);
  {
    Clip clip(c, l.text);
    c.text_block(l.title, p.text);
    for (std::size_t i = 0; i < l.paragraphs.size(); ++i) {
      const bool plain = i == 0 || l.paragraphs[i].font == Font::BodyStrong;
      c.text_block(l.paragraphs[i], plain ? p.text : p.muted);
    }
  }
  scroll_indicator(dc, l.text, l.content_h, m.scroll.offset);
  if (l.show_folder.w > 0)
    button(dc, l.show_folder, core::tr("Show in folder"), ButtonStyle::Secondary,
           dc.focused(app::ControlKind::ShowInFolder, 0));
  button(dc, l.done, core::tr("Done"), ButtonStyle::Primary,
         dc.focused(app::ControlKind::CloseSaved, 0));
}

void draw(DrawContext& dc, const app::AppModel& m) {
  std::visit(
      [&](const auto& screen) {
        using S = std::decay_t<decltype(screen)>;
        if constexpr (std::is_same_v<S, app::HomeScreen>) {
          draw_home(dc, m);
          draw_tab_bar(dc, app::ControlKind::TabHome);
        } else if constexpr (std::is_same_v<S, app::RoutineScreen>)
          draw_routine(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::RatingScreen>)
          draw_rating(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::PlayerScreen>)
          draw_player(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::SummaryScreen>)
          draw_summary(dc, m);
        else if constexpr (std::is_same_v<S, app::ResumeScreen>)
          draw_resume(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::BreatheListScreen>)
          draw_breathe_list(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::PatternScreen>)
          draw_pattern(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::EditorScreen>)
          draw_editor(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::SoundScreen>)
          draw_sound(dc, m);
        else if constexpr (std::is_same_v<S, app::CheckinScreen>)
          draw_checkin(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::PsfsScreen>)
          draw_psfs(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::TrendsScreen>)
          draw_trends(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::ShareScreen>)
          draw_share(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::HistoryScreen>)
          draw_history(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::EntryScreen>)
          draw_entry(dc, m, screen);
        else if constexpr (std::is_same_v<S, app::ErrorScreen>)
          draw_error(dc, m, screen);
        else
          draw_care_screen(dc, m, screen);
      },
      m.screen);
  if (m.saved_file) draw_saved_file(dc, m);
  if (!m.notice.empty()) {
    // Wrapped in full: the reason comes after the "Couldn't save:", so a cut line would hide it.
    const app::NoticeBanner banner = app::notice_banner(app::measure_of(m), dc.window, m.notice);
    dc.canvas.fill_rect(banner.bar, dc.palette.caution);
    dc.canvas.text_block(banner.text, dc.palette.on_caution, Align::Center);
  }
}

}  // namespace unknot::ui
