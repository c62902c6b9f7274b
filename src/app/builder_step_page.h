// One pressure step of the homework draft: its muscle's name and where it is, the sides, the hold
// in seconds or breaths, repetitions (and the rest between them), the pressure, the breathing
// during the hold, the instruction, moving it up or down and deleting it; Done stays at the
// bottom and returns to the routine page as it was. Every text wrapped in full; the page
// scrolls. One screen module (app/screen_frame.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/builder_controls.h"
#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

// The sides' chips in reading order, with their labels; then the hold's units (HoldUnit index),
// the moves (up, down) and Delete step: labels in the current language.
inline constexpr core::Sides kSidesOrder[] = {core::Sides::Both, core::Sides::Left,
                                              core::Sides::Right, core::Sides::None};
std::vector<std::string> sides_labels();
std::vector<std::string> hold_unit_labels();
std::vector<std::string> move_labels();
std::string delete_step_label();

struct BuilderStepPageLayout {
  PageFrame page;
  Rect back, done;
  bool found = false;  // the step exists (else only Back and Done)
  TextBlock title, subtitle;
  bool supervised = false;  // the subtitle says "supervised use" (shown as a caution)
  TextBlock sides_label;
  std::vector<Rect> sides;  // in kSidesOrder
  TextBlock hold_label;
  std::vector<Rect> hold_units;  // seconds, breaths
  BuilderStepperLayout hold, reps;
  std::optional<BuilderStepperLayout> rest;  // only with more than one repetition
  BuilderStepperLayout pressure;
  TextBlock pressure_note, pattern_label;
  BuilderChooserLayout pattern;
  TextBlock instruction_label, instruction_count;
  BuilderField instruction;
  Rect move_up, move_down;
  bool can_move_up = false, can_move_down = false;
  Rect remove;          // "Delete step": apart from the rest, never styled as the main action
  float content_h = 0;  // of the scrolling part, at scroll 0
};
// Laid out at env's window, text measure and scroll (content moved up by env.scroll).
BuilderStepPageLayout builder_step_page_layout(const AppModel& m, const BuilderStepScreen& s,
                                               const Env& env);
// The page of the draft's step `step`, its instruction in the field; the routine page was
// scrolled to `builder_scroll`.
BuilderStepScreen builder_step_screen(const AppModel& m, int step, float builder_scroll);

void activate(Step& st, BuilderStepScreen& s, Control c);
void back(Step& st, BuilderStepScreen& s);
void scroll(Step& st, BuilderStepScreen& s, float dy);
void text_input(Step& st, BuilderStepScreen& s, const TextInput& t);
std::optional<FieldRef> text_field(const AppModel& m, const BuilderStepScreen& s, Control c,
                                   const Env& env);
ScreenFrame frame(const AppModel& m, const BuilderStepScreen& s, const Env& env);
Control primary(const AppModel& m, const BuilderStepScreen& s);

}  // namespace unknot::app
