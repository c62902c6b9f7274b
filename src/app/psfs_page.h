// The Patient-Specific Functional Scale in the check-in (core/psfs.h): when no activities are
// known, the person names up to three; then each is rated 0 (unable) .. 10 (as before the
// problem), one at a time, and the sitting is saved whole. Text wraps in full; the content
// scrolls on short windows. One screen module (app/screen_frame.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"
#include "app/text_field.h"

namespace unknot::app {

struct PsfsNameLayout {
  TextBlock label;
  FieldPlace place;
};

struct PsfsPageLayout {
  PageFrame page;
  Rect not_now;  // "Not now": the PSFS is asked again at the next check-in
  TextBlock step, title, question, anchors, note;
  std::vector<PsfsNameLayout> names;  // the naming step's three fields
  std::vector<Rect> values;           // 0..10 (rating step)
  std::optional<Rect> rename;         // "Change activities" (rating step, the person's own)
  Rect next;                          // Continue, Next or Save
  float content_h = 0;
};
PsfsPageLayout psfs_page_layout(const PsfsScreen& s, const Env& env);

// The PSFS for these activities (the latest sitting's or the homework's); none: the naming step.
PsfsScreen psfs_screen(std::vector<std::string> activities, bool from_homework);
// "Next" until the last activity, then "Save"; "Continue" while naming.
std::string psfs_next_label(const PsfsScreen& s);

std::optional<FieldRef> text_field(const AppModel& m, const PsfsScreen& s, Control c,
                                   const Env& env);
void activate(Step& st, PsfsScreen& s, Control c);
void back(Step& st, PsfsScreen& s);
void scroll(Step& st, PsfsScreen& s, float dy);
void text_input(Step& st, PsfsScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const PsfsScreen& s, const Env& env);
Control primary(const AppModel& m, const PsfsScreen& s);

}  // namespace unknot::app
