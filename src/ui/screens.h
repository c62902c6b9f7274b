// One draw function per screen (each in its own file) and the dispatcher. ui only: reads the
// model and the pure view/layout functions, draws, and never calls storage or audio.
#pragma once

#include <string>

#include "app/model.h"
#include "ui/draw_context.h"

namespace unknot::ui {

void draw_home(DrawContext& dc, const app::AppModel& m);
void draw_routine(DrawContext& dc, const app::AppModel& m, const app::RoutineScreen& s);
void draw_rating(DrawContext& dc, const app::AppModel& m, const app::RatingScreen& s);
void draw_player(DrawContext& dc, const app::AppModel& m, const app::PlayerScreen& s);
// The player in two layers, so the shell can cache the still one in a texture and redraw only
// the moving one each frame. The key changes whenever the still layer would look different.
std::string player_static_key(const DrawContext& dc, const app::AppModel& m);
void draw_player_static(DrawContext& dc, const app::AppModel& m);
// Changes whenever the moving layer would look different at the current scale.
std::string player_dynamic_key(const DrawContext& dc, const app::AppModel& m, const app::PlayerScreen& s);
void draw_player_dynamic(DrawContext& dc, const app::AppModel& m, const app::PlayerScreen& s);
void draw_summary(DrawContext& dc, const app::AppModel& m);
void draw_resume(DrawContext& dc, const app::AppModel& m, const app::ResumeScreen& s);
void draw_error(DrawContext& dc, const app::ErrorScreen& s);
void draw_breathe_list(DrawContext& dc, const app::AppModel& m, const app::BreatheListScreen& s);
void draw_pattern(DrawContext& dc, const app::AppModel& m, const app::PatternScreen& s);
void draw_editor(DrawContext& dc, const app::AppModel& m, const app::EditorScreen& e);
void draw_sound(DrawContext& dc, const app::AppModel& m);
void draw_checkin(DrawContext& dc, const app::CheckinScreen& s);
// Progress and History (progress_screens.cpp).
void draw_trends(DrawContext& dc, const app::AppModel& m, const app::TrendsScreen& s);
void draw_history(DrawContext& dc, const app::AppModel& m, const app::HistoryScreen& s);
void draw_entry(DrawContext& dc, const app::AppModel& m, const app::EntryScreen& e);
// The bottom bar of Home, Progress and History; `active` is TabHome, TabProgress or TabHistory.
void draw_tab_bar(DrawContext& dc, app::ControlKind active);

// Draws the current screen (background included).
void draw(DrawContext& dc, const app::AppModel& m);

}  // namespace unknot::ui
