// The record's recovery pages: the damaged record's screen (restore a backup, or start a new
// record after a question) and Settings › Backups (each backup restorable after a question).
// Both are screen modules (app/screen_frame.h) laid out from one list of parts: text, a
// failure card, backup rows and buttons in the scrolling part, measured buttons at the foot.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "app/model.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"
#include "core/translate.h"

namespace unknot::app {

// The damaged record page's heading, in English (translated where it is shown).
inline constexpr const char* kRecordDamagedTitle = core::tr_noop("Your record is damaged");

// "2 Dec 2026" for "2026-12-02" (the text itself when it is not a date).
std::string backup_day_text(std::string_view iso_date);
// "12 sessions · 84 KB", or "Can't be read · 84 KB".
std::string backup_detail_text(const BackupEntry& backup);
// A failed restore or fresh start in plain words; says nothing was deleted. In the browser a
// record held by another copy of the app is in another tab, not another data folder.
std::string record_failure_text(RecordFailure failure, std::string_view detail,
                                bool record_in_browser);

// One part of a record page.
struct RecordPart {
  enum class Kind {
    Text,     // body text (`strong`: in the strong style)
    Note,     // caption text, muted
    Failure,  // what went wrong, on a caution card
    Row,      // a backup: its day and detail, a chevron or a tick at the right
    Button,   // a quiet button in the scrolling part, or a measured one at the foot
  };
  Kind kind = Kind::Text;
  TextBlock text, detail;
  Rect box;  // the card, row or button; for text, its block's box
  Control control{};
  std::string label;    // what a pressable part says in full (for focus, tests, a reader)
  bool strong = false;  // Text: strong style; Button: the page's main action (accent)
  bool chosen = false;  // Row: the backup chosen (a tick instead of a chevron)
  Role role = Role::Button;
};

struct RecordPageLayout {
  PageFrame page;
  Rect back;  // w == 0 when the page has no Back
  TextBlock title;
  std::vector<RecordPart> parts;   // the scrolling part, in reading order
  std::vector<RecordPart> bottom;  // buttons at the foot, top to bottom
  float content_h = 0;
};
RecordPageLayout record_page_layout(const AppModel& m, const DamagedScreen& s, const Env& env);
RecordPageLayout record_page_layout(const AppModel& m, const BackupsScreen& s, const Env& env);

// The shell's answers (update.cpp hands them over).
void on_record_damaged(AppModel& m, const RecordDamaged& d, std::vector<Effect>& fx);
void on_backups_loaded(AppModel& m, const BackupsLoaded& b);
void on_record_replaced(AppModel& m, const RecordReplaced& r, std::vector<Effect>& fx);
void on_record_change_failed(AppModel& m, const RecordChangeFailed& f);
// Settings' Backups row: the page opens and asks for the list.
void open_backups(AppModel& m, std::vector<Effect>& fx);

void activate(Step& st, DamagedScreen& s, Control c);
void back(Step& st, DamagedScreen& s);
void scroll(Step& st, DamagedScreen& s, float dy);
void text_input(Step& st, DamagedScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const DamagedScreen& s, const Env& env);
Control primary(const AppModel& m, const DamagedScreen& s);

void activate(Step& st, BackupsScreen& s, Control c);
void back(Step& st, BackupsScreen& s);
void scroll(Step& st, BackupsScreen& s, float dy);
void text_input(Step& st, BackupsScreen& s, const TextInput& t);
ScreenFrame frame(const AppModel& m, const BackupsScreen& s, const Env& env);
Control primary(const AppModel& m, const BackupsScreen& s);

}  // namespace unknot::app
