// The sheet that says where a shared file went: a report, homework or calendar file saved to the
// documents folder. It names the whole path (wrapped, never cut), says whether anything could
// open the file, and offers "Show in folder". Modal: while it is open the screen's targets are
// its two buttons, and Back or Done returns to the screen as it was (scroll and focus kept).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/geometry.h"
#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"

namespace unknot::app {

struct SavedFileLayout {
  Rect scrim;  // the dimmed window behind the sheet
  Rect sheet;  // the card
  Rect text;   // the part of the card that scrolls when the text is taller than the window
  TextBlock title;
  std::vector<TextBlock> paragraphs;
  Rect show_folder, done;  // side by side when their labels fit, else stacked
  float content_h = 0;     // the text part's full height
};

// The paragraphs under the title: the path, what else was saved, and what happened on opening.
std::vector<std::string> saved_file_paragraphs(const SavedFile& s);
std::string saved_file_title(const SavedFile& s);
SavedFileLayout saved_file_layout(const SavedFile& s, const Env& env);

// Opens the sheet over the current screen, keeping that screen's scroll and focus for later.
void show_saved_file(AppModel& m, SavedFile s);
// The sheet's part of each screen operation (screens.cpp calls these first while it is open).
ScreenFrame saved_file_frame(const AppModel& m, const Env& env);
void saved_file_activate(Step& st, Control c);
void close_saved_file(AppModel& m);

}  // namespace unknot::app
