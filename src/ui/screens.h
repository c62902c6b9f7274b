// One draw function per screen (each in its own file) and the dispatcher. ui only: reads the
// model and the pure view/layout functions, draws, and never calls storage or audio.
#pragma once

#include <string>
#include <vector>

#include "app/body_map_page.h"
#include "app/model.h"
#include "app/player_page.h"
#include "app/view.h"
#include "ui/draw_context.h"

namespace unknot::ui {

void draw_home(DrawContext& dc, const app::AppModel& m);
void draw_routine(DrawContext& dc, const app::AppModel& m, const app::RoutineScreen& s);
void draw_rating(DrawContext& dc, const app::AppModel& m, const app::RatingScreen& s);
void draw_player(DrawContext& dc, const app::AppModel& m, const app::PlayerScreen& s);
// The player in two layers, so the shell can cache the still one in a texture and redraw only
// the moving one each frame. A frame's words and page layout are worked out once and shared by
// the keys, the moving rects and the drawing (at 60 frames a second the wrapping adds up).
struct PlayerFrame {
  app::PlayerView view;
  app::PlayerPageLayout layout;
};
PlayerFrame player_frame(const DrawContext& dc, const app::AppModel& m, const app::PlayerScreen& s);
// Changes whenever the still layer would look different.
std::string player_static_key(const DrawContext& dc, const app::AppModel& m, const PlayerFrame& f);
void draw_player_static(DrawContext& dc, const app::AppModel& m, const PlayerFrame& f);
// Changes whenever the moving layer would look different at the current scale.
std::string player_dynamic_key(const DrawContext& dc, const app::AppModel& m,
                               const app::PlayerScreen& s, const PlayerFrame& f);
void draw_player_dynamic(DrawContext& dc, const app::AppModel& m, const app::PlayerScreen& s,
                         const PlayerFrame& f);
// Where draw_player_dynamic draws, in dp: all it changes lies inside these boxes, so a frame can
// copy the still layer over them, draw the moving one and show only them. Empty while a
// question dims the whole page.
std::vector<app::Rect> player_dynamic_rects(const DrawContext& dc, const app::AppModel& m,
                                            const app::PlayerScreen& s, const PlayerFrame& f);
// The same in whole pixels covering them at the canvas' scale, inside a w × h pixel output
// (none left empty).
std::vector<SDL_Rect> player_dynamic_pixels(const DrawContext& dc, const app::AppModel& m,
                                            const app::PlayerScreen& s, const PlayerFrame& f, int w,
                                            int h);
// The rects a frame that shows only the moving parts copies and shows: this frame's and, once
// each, the last frame's (most parts, the pacer's square and the count, stay put).
std::vector<SDL_Rect> moving_parts_shown(const std::vector<SDL_Rect>& now,
                                         const std::vector<SDL_Rect>& last);
void draw_summary(DrawContext& dc, const app::AppModel& m);
void draw_resume(DrawContext& dc, const app::AppModel& m, const app::ResumeScreen& s);
void draw_error(DrawContext& dc, const app::AppModel& m, const app::ErrorScreen& s);
void draw_breathe_list(DrawContext& dc, const app::AppModel& m, const app::BreatheListScreen& s);
void draw_pattern(DrawContext& dc, const app::AppModel& m, const app::PatternScreen& s);
void draw_editor(DrawContext& dc, const app::AppModel& m, const app::EditorScreen& e);
void draw_sound(DrawContext& dc, const app::AppModel& m);
void draw_checkin(DrawContext& dc, const app::AppModel& m, const app::CheckinScreen& s);
void draw_psfs(DrawContext& dc, const app::AppModel& m, const app::PsfsScreen& s);
// Progress and History (progress_screens.cpp).
void draw_trends(DrawContext& dc, const app::AppModel& m, const app::TrendsScreen& s);
void draw_history(DrawContext& dc, const app::AppModel& m, const app::HistoryScreen& s);
void draw_share(DrawContext& dc, const app::AppModel& m, const app::ShareScreen& s);
void draw_entry(DrawContext& dc, const app::AppModel& m, const app::EntryScreen& e);
// The bottom bar of Home, Progress and History; `active` is TabHome, TabProgress or TabHistory.
void draw_tab_bar(DrawContext& dc, app::ControlKind active);

// Safety and settings (care_screens.cpp).
void draw_safety(DrawContext& dc, const app::AppModel& m, const app::SafetyScreen& s);
void draw_dose(DrawContext& dc, const app::AppModel& m, const app::DoseScreen& s);
void draw_profile(DrawContext& dc, const app::AppModel& m, const app::ProfileScreen& s);
void draw_onboarding(DrawContext& dc, const app::AppModel& m, const app::OnboardingScreen& s);
void draw_settings(DrawContext& dc, const app::AppModel& m);
void draw_sources(DrawContext& dc, const app::AppModel& m, const app::SourcesScreen& s);
// The damaged record's recovery and Settings › Backups (record_screens.cpp).
void draw_damaged(DrawContext& dc, const app::AppModel& m, const app::DamagedScreen& s);
void draw_backups(DrawContext& dc, const app::AppModel& m, const app::BackupsScreen& s);
// The body map and a muscle's details (bodymap_screens.cpp).
void draw_body_map(DrawContext& dc, const app::AppModel& m, const app::BodyMapScreen& s);
void draw_muscle(DrawContext& dc, const app::AppModel& m, const app::MuscleScreen& s);
// One view of the body figure in `box` (the part `window` names: the whole 100 × 220 figure
// units, or the head's close-up), zones shaded: where a muscle lies (strong), where its pain
// commonly spreads (soft) and the zone chosen as hurting.
using FigureShading = app::FigureShading;
void draw_body_figure(DrawContext& dc, const core::BodyMap& map, core::BodyView view, app::Rect box,
                      const FigureShading& shading, app::FigureWindow window = app::kWholeFigure);

// The therapist's homework builder (builder_screens.cpp).
void draw_builder(DrawContext& dc, const app::AppModel& m, const app::BuilderScreen& s);
void draw_builder(DrawContext& dc, const app::AppModel& m, const app::BuilderStepScreen& s);
void draw_builder(DrawContext& dc, const app::AppModel& m, const app::BuilderPickScreen& s);
void draw_builder(DrawContext& dc, const app::AppModel& m, const app::BuilderPlanScreen& s);

// Draws the current screen (background included).
void draw(DrawContext& dc, const app::AppModel& m);

}  // namespace unknot::ui
