// Notes on behaviour the header leaves open:
// - Buttons stand at the foot, within thumb reach, while they take at most 45 % of the window;
//   past that (a short, wide window) they follow the text instead, so the text keeps room.
// - The names the set-aside file will get are given as a pattern (the shell stamps them with the
//   local time when it acts); the sheet afterwards names the file exactly.
#include "app/record_pages.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "app/layout.h"
#include "core/local_text.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

constexpr float kMaxRecordColumn = 560;
constexpr float kFootShare = 0.45f;  // of the window's height, at most, for the buttons at the foot
constexpr float kRowMin = 72;
constexpr float kAccessoryW = 56;

struct PartSpec {
  RecordPart::Kind kind = RecordPart::Kind::Text;
  std::string text, detail;
  Control control{};
  bool strong = false;
  bool chosen = false;
  Role role = Role::Button;
};

struct PageSpec {
  std::string title;
  bool back = false;
  std::vector<PartSpec> parts;
  std::vector<PartSpec> bottom;  // buttons, top to bottom; the main one `strong`
};

PartSpec part(RecordPart::Kind kind, std::string s) {
  PartSpec p;
  p.kind = kind;
  p.text = std::move(s);
  return p;
}
PartSpec text(std::string s, bool strong = false) {
  PartSpec p = part(RecordPart::Kind::Text, std::move(s));
  p.strong = strong;
  return p;
}
PartSpec note(std::string s) { return part(RecordPart::Kind::Note, std::move(s)); }
PartSpec button(std::string label, Control c, bool main = false, Role role = Role::Button) {
  PartSpec p = part(RecordPart::Kind::Button, std::move(label));
  p.control = c;
  p.strong = main;
  p.role = role;
  return p;
}

std::string folder_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? std::string{} : path.substr(0, slash);
}

// How many sessions a backup holds: "12 sessions", or "Can't be read".
std::string sessions_text(const BackupEntry& b) {
  if (!b.sessions) return core::tr("Can't be read");
  const auto n = static_cast<std::uint64_t>(std::max<std::int64_t>(0, *b.sessions));
  return core::fill(core::trn("{n} session", "{n} sessions", n),
                    {{"n", std::to_string(*b.sessions)}});
}

const BackupEntry* backup_at(const AppModel& m, int i) {
  if (i < 0 || i >= static_cast<int>(m.backups.entries.size())) return nullptr;
  return &m.backups.entries[static_cast<std::size_t>(i)];
}

void add_rows(const AppModel& m, PageSpec& p, int chosen, bool choosing) {
  for (std::size_t i = 0; i < m.backups.entries.size(); ++i) {
    const BackupEntry& b = m.backups.entries[i];
    PartSpec row = part(RecordPart::Kind::Row, backup_day_text(b.date));
    row.detail = backup_detail_text(b);
    row.control = {ControlKind::BackupRow, static_cast<int>(i)};
    row.chosen = choosing && static_cast<int>(i) == chosen;
    row.role = choosing ? Role::Option : Role::Row;
    p.parts.push_back(std::move(row));
  }
}

PageSpec damaged_spec(const AppModel& m, const DamagedScreen& s) {
  PageSpec p;
  const std::string data_folder = folder_of(s.database);
  if (s.step == DamagedScreen::Step::Choosing) {
    p.title = core::tr("Choose a backup");
    p.back = true;
    p.parts.push_back(
        text(core::tr("Newest first. Each holds your record as it was after the first "
                      "session you completed that day.")));
    add_rows(m, p, s.chosen, true);
    return p;
  }
  if (s.step == DamagedScreen::Step::ConfirmFresh) {
    p.title = core::tr("Start a new record?");
    p.parts.push_back(
        text(core::tr("Unknot starts a new, empty record and keeps your sessions in it from "
                      "now on. Your settings and health profile start afresh too.")));
    // Where the damaged file stays, as a person would look for it: the data folder and its path
    // on a desktop; in the browser, its own storage, which has no folder.
    if (m.record_in_browser) {
      p.parts.push_back(text(
          // TRANSLATORS: keep the file name "unknot.db.damaged-" as it is.
          core::tr("The damaged file is not deleted. It stays in this browser's storage for "
                   "Unknot, renamed unknot.db.damaged- and the date and time, so it can still be "
                   "looked at or repaired later.")));
    } else if (data_folder.empty()) {
      p.parts.push_back(
          // TRANSLATORS: keep the file name "unknot.db.damaged-" as it is.
          text(core::tr("The damaged file is not deleted. It stays in your data folder, renamed "
                        "unknot.db.damaged- and the date and time, so it can still be looked at "
                        "or repaired later.")));
    } else {
      p.parts.push_back(text(core::fill(
          // TRANSLATORS: {folder} is the data folder's path. Keep the file name
          // "unknot.db.damaged-" as it is.
          core::tr("The damaged file is not deleted. It stays in your data folder, {folder}, "
                   "renamed unknot.db.damaged- and the date and time, so it can still be looked "
                   "at or repaired later."),
          {{"folder", data_folder}})));
    }
    p.bottom.push_back(button(core::tr("Start a new record"), {ControlKind::StartFresh, 1}, true));
    p.bottom.push_back(button(core::tr("Cancel"), {ControlKind::EndCancel, 0}));
    return p;
  }
  p.title = core::tr(kRecordDamagedTitle);
  if (!s.failure.empty()) p.parts.push_back(part(RecordPart::Kind::Failure, s.failure));
  p.parts.push_back(text(
      m.record_in_browser
          ? core::tr("Unknot checks the file that keeps your record each time it opens, and this "
                     "time the check failed. Unknot has not written to it and has deleted "
                     "nothing: whatever you choose, the damaged file is kept aside in this "
                     "browser's storage.")
          : core::tr("Unknot checks the file that keeps your record each time it opens, and this "
                     "time the check failed. Unknot has not written to it and has deleted "
                     "nothing: whatever you choose, the damaged file is kept aside in your data "
                     "folder.")));
  const BackupEntry* chosen = backup_at(m, s.chosen);
  if (!m.backups.loaded) {
    p.parts.push_back(text(core::tr("Looking for your backups.")));
  } else if (chosen == nullptr) {
    p.parts.push_back(text(core::tr(
        "There is no backup to restore: one is made after your first completed session each "
        "day, and none has been made yet. Start fresh to keep your sessions again from now on.")));
  } else {
    const std::string day = backup_day_text(chosen->date);
    std::string about;
    if (chosen->sessions) {
      const auto n = static_cast<std::uint64_t>(std::max<std::int64_t>(0, *chosen->sessions));
      if (s.chosen == 0) {
        // TRANSLATORS: {day} is a date ("2 Dec 2026"), {n} a number of sessions.
        about = core::trn("Your newest backup is from {day} and holds {n} session.",
                          "Your newest backup is from {day} and holds {n} sessions.", n);
      } else {
        // TRANSLATORS: {day} is a date ("2 Dec 2026"), {n} a number of sessions.
        about = core::trn("You chose the backup from {day}; it holds {n} session.",
                          "You chose the backup from {day}; it holds {n} sessions.", n);
      }
      about = core::fill(about, {{"day", day}, {"n", std::to_string(*chosen->sessions)}});
    } else if (s.chosen == 0) {
      // TRANSLATORS: {day} is a date ("2 Dec 2026").
      about = core::fill(core::tr("Your newest backup is from {day} and could not be counted, "
                                  "but passes its check."),
                         {{"day", day}});
    } else {
      // TRANSLATORS: {day} is a date ("2 Dec 2026").
      about = core::fill(core::tr("You chose the backup from {day}; it could not be counted, but "
                                  "passes its check."),
                         {{"day", day}});
    }
    p.parts.push_back(text(std::move(about), true));
    p.parts.push_back(
        text(core::tr("Restoring it brings your record back as it was then. Anything you "
                      "recorded after it stays only in the damaged file.")));
    if (m.backups.entries.size() > 1) {
      p.parts.push_back(button(core::tr("Choose another backup"), {ControlKind::ChooseBackup, 0}));
    }
  }
  // TRANSLATORS: a button that shows or hides the technical details of the damage.
  p.parts.push_back(button(s.details ? core::tr("Hide details") : core::tr("Details"),
                           {ControlKind::ShowDetails, 0}, false, Role::Toggle));
  if (s.details) {
    std::size_t start = 0;
    while (start <= s.problem.size()) {
      const std::size_t end = std::min(s.problem.find('\n', start), s.problem.size());
      if (end > start) p.parts.push_back(note(s.problem.substr(start, end - start)));
      start = end + 1;
    }
  }
  p.parts.push_back(
      // TRANSLATORS: keep the commands "unknot restore --list" and "unknot restore" as they are.
      note(core::tr("In a terminal, with Unknot closed, \"unknot restore --list\" lists the "
                    "backups and \"unknot restore\" puts the newest one back.")));
  if (chosen != nullptr) {
    p.bottom.push_back(button(
        // TRANSLATORS: a button; {day} is the backup's date ("2 Dec 2026").
        core::fill(core::tr("Restore backup of {day}"), {{"day", backup_day_text(chosen->date)}}),
        {ControlKind::RestoreChosen, 0}, true));
    p.bottom.push_back(button(core::tr("Start fresh"), {ControlKind::StartFresh, 0}));
  } else if (m.backups.loaded) {
    p.bottom.push_back(button(core::tr("Start fresh"), {ControlKind::StartFresh, 0}, true));
  }
  return p;
}

PageSpec backups_spec(const AppModel& m, const BackupsScreen& s) {
  PageSpec p;
  const BackupEntry* asked = s.confirming ? backup_at(m, *s.confirming) : nullptr;
  if (asked != nullptr) {
    const std::string day = backup_day_text(asked->date);
    // TRANSLATORS: a question heading; {day} is the backup's date ("2 Dec 2026").
    p.title = core::fill(core::tr("Restore the backup from {day}?"), {{"day", day}});
    // Where the record now stays, as a person would look for it: the data folder and its path
    // on a desktop; in the browser, its own storage, which has no folder.
    const std::string folder = folder_of(m.backups.folder);
    if (m.record_in_browser) {
      p.parts.push_back(
          // TRANSLATORS: keep the file name "unknot.db.replaced-" as it is.
          text(core::tr("It replaces your record now, which is kept aside, not deleted: it stays "
                        "in this browser's storage for Unknot, renamed unknot.db.replaced- and "
                        "the date and time.")));
    } else if (folder.empty()) {
      p.parts.push_back(
          // TRANSLATORS: keep the file name "unknot.db.replaced-" as it is.
          text(core::tr("It replaces your record now, which is kept aside, not deleted: it stays "
                        "in your data folder, renamed unknot.db.replaced- and the date and "
                        "time.")));
    } else {
      p.parts.push_back(text(
          // TRANSLATORS: {folder} is the data folder's path. Keep the file name
          // "unknot.db.replaced-" as it is.
          core::fill(core::tr("It replaces your record now, which is kept aside, not deleted: it "
                              "stays in your data folder, {folder}, renamed unknot.db.replaced- "
                              "and the date and time."),
                     {{"folder", folder}})));
    }
    std::string holds;
    if (asked->sessions) {
      const auto n = static_cast<std::uint64_t>(std::max<std::int64_t>(0, *asked->sessions));
      holds = core::fill(
          core::trn("The backup holds {n} session.", "The backup holds {n} sessions.", n),
          {{"n", std::to_string(*asked->sessions)}});
    } else {
      holds = core::tr("Its sessions can't be counted; it is checked before it is used.");
    }
    p.parts.push_back(text(
        holds + " " +
        // TRANSLATORS: {day} is the backup's date ("2 Dec 2026").
        core::fill(core::tr("Sessions, check-ins and settings saved after {day} are only in the "
                            "file kept aside."),
                   {{"day", day}})));
    // TRANSLATORS: a button that puts the backup back in place of the record.
    p.bottom.push_back(button(core::tr("Restore"), {ControlKind::RestoreChosen, 0}, true));
    p.bottom.push_back(button(core::tr("Cancel"), {ControlKind::EndCancel, 0}));
    return p;
  }
  p.title = core::tr("Backups");
  p.back = true;
  if (!s.failure.empty()) p.parts.push_back(part(RecordPart::Kind::Failure, s.failure));
  p.parts.push_back(
      text(core::tr("A backup is made after your first completed session each day; the "
                    "last 7 are kept. Choose one to put your record back as it was then.")));
  if (!m.backups.loaded) {
    p.parts.push_back(text(core::tr("Looking for your backups.")));
  } else if (m.backups.entries.empty()) {
    p.parts.push_back(text(
        core::tr("No backups yet. The first is made when you next complete a session."), true));
  }
  add_rows(m, p, -1, false);
  std::string restoring;
  if (m.record_in_browser) {
    restoring = core::tr("Restoring keeps your record now aside; nothing is deleted.");
  } else {
    restoring =
        core::tr("Restoring keeps your record now aside in the data folder; nothing is deleted.");
    if (!m.backups.folder.empty()) {
      // TRANSLATORS: {folder} is the backups folder's path.
      restoring += " " + core::fill(core::tr("The backups are in {folder}."),
                                    {{"folder", m.backups.folder}});
    }
  }
  p.parts.push_back(note(std::move(restoring)));
  return p;
}

RecordPart measured_button(const TextMeasure& t, const PartSpec& b, float x, float y, float w,
                           float min_h) {
  RecordPart part;
  part.kind = RecordPart::Kind::Button;
  part.control = b.control;
  part.label = b.text;
  part.strong = b.strong;
  part.role = b.role;
  part.text = text_block(t, b.text, Font::Button, x + 16, 0, w - 32);
  part.box = {x, y, w, std::max(min_h, part.text.box.h + 16)};
  part.text.box.y = y + (part.box.h - part.text.box.h) / 2;
  return part;
}

RecordPageLayout lay_out(const PageSpec& spec, const Env& env, float dy) {
  RecordPageLayout l;
  const TextMeasure& t = env.text;
  l.page = page_frame(env.window, false);
  const Rect column = l.page.column;
  const float w = std::min(column.w, kMaxRecordColumn);
  const float x = std::round(column.x + (column.w - w) / 2);
  l.page.column = {x, column.y, w, column.h};
  l.page.top_bar = {x, l.page.top_bar.y, w, l.page.top_bar.h};
  l.page.viewport.x = x - 8;
  l.page.viewport.w = w + 16;
  if (spec.back) l.back = {x - 12, l.page.top_bar.y, 48, 48};
  // The foot's buttons, measured; they stay at the foot when they leave the text room.
  float foot_h = 0;
  for (const auto& b : spec.bottom) {
    l.bottom.push_back(measured_button(t, b, x, 0, w, kButtonHeight));
    foot_h += l.bottom.back().box.h + (l.bottom.size() > 1 ? kSmallGap : 0);
  }
  const bool at_foot = !l.bottom.empty() && foot_h <= kFootShare * env.window.h;
  if (at_foot) {
    float y = env.window.h - kMargin - foot_h;
    l.page.viewport.h = std::max(0.0f, y - kSmallGap - l.page.viewport.y);
    for (auto& b : l.bottom) {
      const float shift = y - b.box.y;
      b.box.y += shift;
      b.text.box.y += shift;
      y = b.box.bottom() + kSmallGap;
    }
  }
  Flow f{t, x, w, l.page.viewport.y + 8 - dy};
  l.title = f.add(spec.title, Font::Title, 16);
  for (const auto& s : spec.parts) {
    RecordPart part;
    part.kind = s.kind;
    part.control = s.control;
    part.label = s.text;
    part.strong = s.strong;
    part.chosen = s.chosen;
    part.role = s.role;
    switch (s.kind) {
      case RecordPart::Kind::Text:
        part.text = f.add(s.text, s.strong ? Font::BodyStrong : Font::Body, 16);
        part.box = part.text.box;
        break;
      case RecordPart::Kind::Note:
        part.text = f.add(s.text, Font::Caption, 8);
        part.box = part.text.box;
        break;
      case RecordPart::Kind::Failure: {
        const float top = f.y;
        part.text = text_block(t, s.text, Font::Body, x + 16, top + 16, w - 32);
        part.box = f.take(part.text.box.h + 32, 16);
        break;
      }
      case RecordPart::Kind::Row: {
        const float top = f.y;
        Flow in{t, x + 20, w - 20 - kAccessoryW, top + 14};
        part.text = in.add(s.text, Font::BodyStrong, 2);
        part.detail = in.add(s.detail, Font::Caption, 0);
        const float text_h = in.y - (top + 14);
        const float h = std::max(kRowMin, text_h + 28);
        const float mid = (h - text_h - 28) / 2;
        part.text.box.y += mid;
        part.detail.box.y += mid;
        part.box = f.take(h, 8);
        break;
      }
      case RecordPart::Kind::Button:
        part = measured_button(t, s, x, f.y, w, kTarget);
        f.y = part.box.bottom() + 16;
        break;
    }
    l.parts.push_back(std::move(part));
  }
  if (!at_foot) {
    // At large text on a small window the answers follow the text.
    f.y += 8;
    for (auto b : l.bottom) {
      const float shift = f.y - b.box.y;
      b.box.y += shift;
      b.text.box.y += shift;
      f.y = b.box.bottom() + kSmallGap;
      l.parts.push_back(std::move(b));
    }
    l.bottom.clear();
  }
  l.content_h = f.y + 16 + dy - l.page.viewport.y;
  return l;
}

RecordPageLayout scrolled_layout(const PageSpec& spec, const Env& env) {
  RecordPageLayout l = lay_out(spec, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? lay_out(spec, env, dy) : l;
}

}  // namespace

std::string backup_day_text(std::string_view iso) {
  int y = 0, mo = 0, d = 0;
  if (iso.size() != 10 || std::sscanf(std::string(iso).c_str(), "%4d-%2d-%2d", &y, &mo, &d) != 3 ||
      mo < 1 || mo > 12 || d < 1 || d > 31) {
    return std::string(iso);
  }
  return core::day_month_year_text(std::chrono::year_month_day{
      std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
      std::chrono::day{static_cast<unsigned>(d)}});
}

std::string backup_detail_text(const BackupEntry& b) {
  std::string size;
  if (b.bytes < 1024 * 1024) {
    const double kb = std::max(1.0, std::ceil(static_cast<double>(b.bytes) / 1024.0));
    // TRANSLATORS: a file's size in kilobytes; {size} is a whole number.
    size = core::fill(core::tr("{size} KB"), {{"size", core::decimal_text(kb, 0)}});
  } else {
    size = core::fill(
        // TRANSLATORS: a file's size in megabytes; {size} has one decimal ("1.5").
        core::tr("{size} MB"),
        {{"size", core::decimal_text(static_cast<double>(b.bytes) / (1024.0 * 1024.0), 1)}});
  }
  return sessions_text(b) + " \u00B7 " + size;
}

std::string record_failure_text(RecordFailure failure, std::string_view detail,
                                bool record_in_browser) {
  switch (failure) {
    case RecordFailure::BackupDamaged:
      return core::tr(
          "That backup failed its check too, so it was not used. Nothing was changed or "
          "deleted: choose another backup, or start fresh.");
    case RecordFailure::DiskFull:
      return core::tr(
          "The disk is full, so that could not be done. Nothing was deleted: free some space, "
          "then try again.");
    case RecordFailure::NoLock:
      if (record_in_browser) {
        return core::tr(
            "Unknot may be open in another tab or window, so nothing was changed. Close it, "
            "then try again.");
      }
      return core::tr(
          "Another Unknot may be using this data folder, so nothing was changed. Close it, "
          "then try again.");
    case RecordFailure::Other:
      break;
  }
  // TRANSLATORS: {detail} is the technical reason, as the system gave it (in English).
  return core::fill(core::tr("That could not be done ({detail}). Nothing was deleted."),
                    {{"detail", detail}});
}

RecordPageLayout record_page_layout(const AppModel& m, const DamagedScreen& s, const Env& env) {
  return scrolled_layout(damaged_spec(m, s), env);
}

RecordPageLayout record_page_layout(const AppModel& m, const BackupsScreen& s, const Env& env) {
  return scrolled_layout(backups_spec(m, s), env);
}

}  // namespace unknot::app
