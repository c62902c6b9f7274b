// The two prompts that stand between a person and Home: "Continue where you left off?" after a
// session was interrupted, and a file or routine that can't be used. Each is one screen module
// (app/screen_frame.h); they share one measured layout.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

struct PromptPageLayout {
  PageFrame page;
  TextBlock title;
  std::vector<TextBlock> paragraphs;  // the body, one block per paragraph
  Rect primary, secondary;            // secondary at the bottom; primary above it (w == 0 if none)
  float content_h = 0;
};
// `paragraphs` in `font`; with `primary`, two buttons stand at the bottom.
PromptPageLayout prompt_page_layout(const Env& env, std::string_view title,
                                    const std::vector<std::string>& paragraphs, Font font,
                                    bool primary);

// "Frozen Shoulder stopped before step 5 of 11. …": steps counted as the player counts them.
std::string resume_text(const AppModel& m, const ResumeScreen& s);
// An error's message split for showing: a plain sentence for a person, and the technical
// problems (file, line, field) folded away behind "Details" unless `details` is open.
std::vector<std::string> error_paragraphs(const ErrorScreen& s);

void activate(Step& st, ResumeScreen& s, Control c);
void back(Step& st, ResumeScreen& s);
void scroll(Step& st, ResumeScreen& s, float dy);
void text_input(Step& st, ResumeScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const ResumeScreen& s, const Env& env);
Control primary(const AppModel& m, const ResumeScreen& s);

void activate(Step& st, ErrorScreen& s, Control c);
void back(Step& st, ErrorScreen& s);
void scroll(Step& st, ErrorScreen& s, float dy);
void text_input(Step& st, ErrorScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const ErrorScreen& s, const Env& env);
Control primary(const AppModel& m, const ErrorScreen& s);

}  // namespace unknot::app
