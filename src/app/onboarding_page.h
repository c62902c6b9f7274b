// The welcome a new person sees before anything else: what Unknot does and does not do (not
// medical advice), how to press safely with a ball or fingertips (drawn by the app), the health
// profile (the profile screen, opened as a step of the tour) and a first pain rating. Each step
// but the first can be skipped; the welcome and the safe-pressing page stay reachable from
// Settings. One screen module (app/screen_frame.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

// A paragraph of the tour: plain, a bullet, or a quieter note.
struct OnboardingPara {
  TextBlock text;
  enum class Style { Plain, Bullet, Note } style = Style::Plain;
  Point dot;  // where a bullet's dot is centred
};

// An illustration the ui draws (ui/onboarding_screen.cpp), with its caption under it.
enum class OnboardingArt { BallOnWall, Fingertips };
struct OnboardingFigure {
  OnboardingArt art = OnboardingArt::BallOnWall;
  Rect box;
  TextBlock caption;
};

struct OnboardingLayout {
  PageFrame page;
  Rect back;             // w == 0 on the first step of the tour
  Rect skip;             // w == 0 where nothing can be skipped
  TextBlock step_label;  // "Step 1 of 4"; empty when reviewing from Settings
  TextBlock title;
  std::vector<OnboardingPara> paras;
  std::vector<OnboardingFigure> figures;
  std::vector<Rect> values;  // the rating step's 0..10 cells
  Rect next;                 // the bottom button
  float content_h = 0;
};
OnboardingLayout onboarding_layout(const OnboardingScreen& s, const Env& env);

// The bottom button's words on this step.
std::string onboarding_next_label(const OnboardingScreen& s);

// Opens the tour at its first step. `review`: opened from Settings (welcome and safe pressing
// only, then back to Settings).
void open_onboarding(AppModel& m, bool review);

void activate(Step& st, OnboardingScreen& s, Control c);
void back(Step& st, OnboardingScreen& s);
void scroll(Step& st, OnboardingScreen& s, float dy);
void text_input(Step& st, OnboardingScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const OnboardingScreen& s, const Env& env);
Control primary(const AppModel& m, const OnboardingScreen& s);

}  // namespace unknot::app
