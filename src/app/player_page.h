// The session player: step, muscle and side, tool, the whole instruction, referral and pressure,
// every word measured and wrapped; the pacer takes the room left between them and the caption,
// the time left and the controls; the end, dizzy and too-intense questions over it. One screen
// module (app/screen_frame.h).
#pragma once

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"
#include "app/view.h"

namespace unknot::app {

// A centred question with a measured body and answers stacked or side by side.
struct QuestionLayout {
  Rect box;
  TextBlock title, body;
  std::vector<Rect> answers;  // in the order given
};
// `answers` buttons: two sit side by side when their labels fit, else every answer is full
// width, one under another.
QuestionLayout question_layout(Size window, const TextMeasure& text, std::string_view title,
                               std::string_view body, const std::vector<std::string>& answers);

struct PlayerPageLayout {
  Rect column;
  TextBlock step_label;
  Rect progress;
  TextBlock heading, tool_line, instruction, referral, pressure;
  Point pacer_center;
  float pacer_radius = 0;
  Rect phase_word, phase_seconds;
  Rect caption;             // room for the spoken cue's caption (its text wraps inside)
  Rect step_left;           // "0:45 left"
  Rect pause, middle, end;  // the middle one: player_middle_label
  Rect figure;  // the muscle on a small figure beside the pacer; h == 0 when it does not fit
  QuestionLayout question;  // the open question, if any (end, dizzy, too intense)
  // At large text on a small window the words, pacer and caption scroll above the buttons;
  // viewport.w == 0 when everything fits (the usual case).
  Rect viewport;
  float content_h = 0;
};
PlayerPageLayout player_page_layout(const AppModel& m, const PlayerScreen& s, const Env& env);
// The same with the page's words already worked out (player_view(m)), for a caller that needs
// both every frame.
PlayerPageLayout player_page_layout(const AppModel& m, const PlayerScreen& s, const Env& env,
                                    const PlayerView& v);

// The question's words in the current language, for drawing.
struct QuestionText {
  std::string title, body;
  std::vector<std::string> answers;
  std::vector<Control> controls;  // one per answer
};
// The words of the middle control at the foot: "Dizzy?" while breathing, "Too much? Dizzy?"
// during a pressure hold, else "Skip".
std::string player_middle_label(const AppModel& m);
// The open question of the player, or none.
std::optional<QuestionText> player_question(const AppModel& m, const PlayerScreen& s);

void activate(Step& st, PlayerScreen& s, Control c);
void back(Step& st, PlayerScreen& s);
void scroll(Step& st, PlayerScreen& s, float dy);
void text_input(Step& st, PlayerScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const PlayerScreen& s, const Env& env);
Control primary(const AppModel& m, const PlayerScreen& s);

}  // namespace unknot::app
