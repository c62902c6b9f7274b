// Where things go on the safety check, the health profile and the settings screens, in dp
// (same rules as layout.h).
#pragma once

#include <vector>

#include "app/layout.h"
#include "app/model.h"

namespace unknot::app {

// The red-flag check: a title and a line of why, then one row per question with Yes and No on
// the right, scrolling when they do not fit; Continue at the bottom.
struct SafetyQuestionRow {
  Rect text, yes, no;
};
struct SafetyLayout {
  Rect back, title, intro, viewport;
  std::vector<SafetyQuestionRow> rows;  // already moved by the scroll
  Rect advice;                          // when blocked: the advice, in place of the questions
  Rect confirm;
  float content_h = 0;
};
SafetyLayout safety_layout(Size window, const SafetyScreen& s, float scroll);
float safety_max_scroll(Size window, const SafetyScreen& s);

// The health profile: one switch row per flag, with a line of what it changes; Save below.
struct ProfileRow {
  Rect row, label, detail, track;
};
struct ProfileLayout {
  Rect back, title, intro;
  std::vector<ProfileRow> rows;
  Rect save;
};
ProfileLayout profile_layout(Size window);

// A routine's sources: back, title, the routine's name, then the list, scrolling.
struct SourcesLayout {
  Rect back, title, subtitle, viewport;
};
SourcesLayout sources_layout(Size window);
// Height of the list of sources at this width, for the scroll limit (about 70 characters a
// line at 480 dp: each source is given the lines its length needs, at least one).
float sources_content_h(Size window, const std::vector<std::string>& sources);

}  // namespace unknot::app
