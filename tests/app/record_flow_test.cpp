// The damaged record's recovery and Settings › Backups: which backup is offered, what needs a
// question first, what the shell is asked to do, what a failure leaves on screen and what the
// app shows after the record was replaced.
#include <doctest/doctest.h>

#include "app/app_builders.h"
#include "app/record_pages.h"
#include "app/saved_file.h"
#include "app/screens.h"

namespace unknot::app {
namespace {

using test::Driver;

const std::string kDatabase = "/home/sam/.local/share/unknot/unknot.db";

BackupsLoaded three_backups() {
  BackupsLoaded b;
  b.folder = "/home/sam/.local/share/unknot/backups";
  b.entries = {{b.folder + "/unknot-2026-12-02.db", "2026-12-02", 90'112, 12},
               {b.folder + "/unknot-2026-12-01.db", "2026-12-01", 86'016, 11},
               {b.folder + "/unknot-2026-11-28.db", "2026-11-28", 81'920, std::nullopt}};
  return b;
}

Driver damaged(const BackupsLoaded& backups) {
  Driver d;
  d(RecordDamaged{kDatabase + ": quick_check failed: *** in database main ***", kDatabase});
  d(backups);
  return d;
}

const DamagedScreen& damaged_screen(const Driver& d) {
  REQUIRE(std::holds_alternative<DamagedScreen>(d.model.screen));
  return std::get<DamagedScreen>(d.model.screen);
}

// Every text of the open screen's parts, in order, as one string.
std::string page_text(const AppModel& m) {
  const Env env = env_of(m);
  RecordPageLayout l;
  if (const auto* s = std::get_if<DamagedScreen>(&m.screen)) l = record_page_layout(m, *s, env);
  if (const auto* s = std::get_if<BackupsScreen>(&m.screen)) l = record_page_layout(m, *s, env);
  std::string out;
  for (const auto& line : l.title.lines) out += line + " ";
  for (const auto& p : l.parts) {
    out += p.label + "\n";
    for (const auto& line : p.detail.lines) out += line + " ";
  }
  for (const auto& b : l.bottom) out += b.label + "\n";
  return out;
}

bool has_target(const AppModel& m, Control c) {
  const auto list = controls(m);
  return std::find(list.begin(), list.end(), c) != list.end();
}

}  // namespace

TEST_CASE("a damaged record asks for the backups and offers the newest, named with its sessions") {
  Driver d;
  d(RecordDamaged{kDatabase + ": quick_check failed", kDatabase});
  CHECK(damaged_screen(d).database == kDatabase);
  CHECK(d.all<LoadBackups>().size() == 1);
  d(three_backups());
  const std::string text = page_text(d.model);
  CHECK(text.find("has not written to it") != std::string::npos);
  CHECK(text.find("2 Dec 2026") != std::string::npos);
  CHECK(text.find("holds 12 sessions") != std::string::npos);
  CHECK(text.find("Restore backup of 2 Dec 2026") != std::string::npos);
  CHECK(text.find("unknot restore") != std::string::npos);
  CHECK(focused_control(d.model) == Control{ControlKind::RestoreChosen, 0});
  CHECK(has_target(d.model, {ControlKind::ChooseBackup, 0}));

  d.press(ControlKind::RestoreChosen);
  const auto asked = d.all<RestoreBackup>();
  REQUIRE(asked.size() == 1);
  CHECK(asked[0].backup.date == "2026-12-02");
  CHECK(d.all<StartFresh>().empty());
}

TEST_CASE("another backup can be chosen from the list, and that one is restored") {
  Driver d = damaged(three_backups());
  d.press(ControlKind::ChooseBackup);
  CHECK(damaged_screen(d).step == DamagedScreen::Step::Choosing);
  CHECK(focused_control(d.model) == Control{ControlKind::BackupRow, 0});
  CHECK(page_text(d.model).find("Can't be read") != std::string::npos);
  d.press(ControlKind::BackupRow, 1);
  CHECK(damaged_screen(d).step == DamagedScreen::Step::Main);
  CHECK(damaged_screen(d).chosen == 1);
  CHECK(page_text(d.model).find("You chose the backup from 1 Dec 2026") != std::string::npos);
  d.press(ControlKind::RestoreChosen);
  REQUIRE(d.all<RestoreBackup>().size() == 1);
  CHECK(d.all<RestoreBackup>()[0].backup.file.ends_with("unknot-2026-12-01.db"));
}

TEST_CASE(
    "starting fresh asks first, names where the damaged file stays, and Cancel asks nothing") {
  Driver d = damaged(three_backups());
  d.press(ControlKind::StartFresh, 0);
  CHECK(d.all<StartFresh>().empty());
  CHECK(damaged_screen(d).step == DamagedScreen::Step::ConfirmFresh);
  CHECK(focused_control(d.model) == Control{ControlKind::EndCancel, 0});
  const std::string text = page_text(d.model);
  CHECK(text.find("not deleted") != std::string::npos);
  CHECK(text.find("/home/sam/.local/share/unknot") != std::string::npos);
  CHECK(text.find("unknot.db.damaged-") != std::string::npos);

  d.press(ControlKind::EndCancel);
  CHECK(damaged_screen(d).step == DamagedScreen::Step::Main);
  CHECK(d.all<StartFresh>().empty());
  d.press(ControlKind::StartFresh, 0).press(ControlKind::StartFresh, 1);
  CHECK(d.all<StartFresh>().size() == 1);
}

TEST_CASE("with no backups Restore is not offered, the page says so, and Start fresh leads") {
  BackupsLoaded none;
  none.folder = "/data/backups";
  Driver d = damaged(none);
  CHECK_FALSE(has_target(d.model, {ControlKind::RestoreChosen, 0}));
  CHECK_FALSE(has_target(d.model, {ControlKind::ChooseBackup, 0}));
  CHECK(focused_control(d.model) == Control{ControlKind::StartFresh, 0});
  CHECK(page_text(d.model).find("There is no backup to restore") != std::string::npos);
  d.press(ControlKind::RestoreChosen);
  CHECK(d.all<RestoreBackup>().empty());
}

TEST_CASE("Escape never dismisses the damaged record's question, only steps back to it") {
  Driver d = damaged(three_backups());
  d(BackPressed{});
  CHECK(damaged_screen(d).step == DamagedScreen::Step::Main);
  d.press(ControlKind::ChooseBackup)(BackPressed{});
  CHECK(damaged_screen(d).step == DamagedScreen::Step::Main);
  d.press(ControlKind::StartFresh, 0)(BackPressed{});
  CHECK(damaged_screen(d).step == DamagedScreen::Step::Main);
  CHECK(focused_control(d.model) == Control{ControlKind::StartFresh, 0});
}

TEST_CASE(
    "a failed restore stays on the damaged screen in plain words, and another try is offered") {
  Driver d = damaged(three_backups());
  d.press(ControlKind::RestoreChosen);
  d(RecordChangeFailed{RecordFailure::BackupDamaged, "unknot-2026-12-02.db: quick_check failed"});
  const DamagedScreen& s = damaged_screen(d);
  CHECK(s.failure.find("failed its check too") != std::string::npos);
  CHECK(page_text(d.model).find("failed its check too") != std::string::npos);
  CHECK(d.model.scroll.offset == 0);  // the failure is in view
  CHECK(has_target(d.model, {ControlKind::ChooseBackup, 0}));

  d.press(ControlKind::StartFresh, 0).press(ControlKind::StartFresh, 1);
  d(RecordChangeFailed{RecordFailure::DiskFull, "No space left on device"});
  CHECK(damaged_screen(d).step == DamagedScreen::Step::Main);
  CHECK(damaged_screen(d).failure.find("disk is full") != std::string::npos);
  CHECK(damaged_screen(d).failure.find("Nothing was deleted") != std::string::npos);
}

TEST_CASE("after a restore the app is on Home with a sheet naming where the old record went") {
  Driver d = damaged(three_backups());
  d.press(ControlKind::RestoreChosen);
  const std::size_t before = d.effects.size();
  d(RecordReplaced{false, three_backups().entries[0], kDatabase + ".damaged-20261204-091500"});
  CHECK(std::holds_alternative<HomeScreen>(d.model.screen));
  REQUIRE(d.model.saved_file.has_value());
  CHECK(d.model.saved_file->kind == SavedKind::RecordRestored);
  const auto text = saved_file_paragraphs(*d.model.saved_file);
  REQUIRE(text.size() == 2);
  CHECK(text[0].find("as it was on 2 Dec 2026, with 12 sessions") != std::string::npos);
  CHECK(text[1] == kDatabase + ".damaged-20261204-091500");
  const std::vector<Effect> after(d.effects.begin() + static_cast<std::ptrdiff_t>(before),
                                  d.effects.end());
  bool reload = false, results = false, onboarded = false;
  for (const auto& e : after) {
    reload = reload || std::holds_alternative<ReloadRecord>(e);
    results = results || std::holds_alternative<LoadLastResults>(e);
    onboarded = onboarded || std::holds_alternative<SaveOnboarded>(e);
  }
  CHECK(reload);
  CHECK(results);
  CHECK_FALSE(onboarded);
  d.press(ControlKind::CloseSaved);
  CHECK_FALSE(d.model.saved_file.has_value());
}

TEST_CASE("after starting fresh the welcome is not shown again and the sheet names the kept file") {
  Driver d = damaged(BackupsLoaded{});
  d.press(ControlKind::StartFresh, 0).press(ControlKind::StartFresh, 1);
  d(RecordReplaced{true, {}, kDatabase + ".damaged-20261204-091500"});
  REQUIRE(d.model.saved_file.has_value());
  CHECK(d.model.saved_file->kind == SavedKind::RecordStarted);
  CHECK(saved_file_title(*d.model.saved_file) == "A new record is started");
  CHECK(d.all<SaveOnboarded>().size() == 1);
  CHECK(d.all<ReloadRecord>().size() == 1);
  // The record the welcome would be due for comes after: Home and the sheet stay.
  CareLoaded care;
  care.welcome_due = false;
  d(care);
  CHECK(std::holds_alternative<HomeScreen>(d.model.screen));
  CHECK(d.model.saved_file.has_value());
}

TEST_CASE("Settings › Backups lists the backups newest first and restores one after a question") {
  Driver d;
  d.press(ControlKind::Settings).press(ControlKind::Backups);
  REQUIRE(std::holds_alternative<BackupsScreen>(d.model.screen));
  CHECK(d.all<LoadBackups>().size() == 1);
  CHECK(page_text(d.model).find("Looking for your backups") != std::string::npos);
  d(three_backups());
  const std::string text = page_text(d.model);
  CHECK(text.find("the last 7 are kept") != std::string::npos);
  CHECK(text.find("2 Dec 2026") < text.find("1 Dec 2026"));
  CHECK(text.find("12 sessions") != std::string::npos);
  CHECK(focused_control(d.model) == Control{ControlKind::BackupRow, 0});

  d.press(ControlKind::BackupRow, 2);  // its sessions could not be counted
  CHECK(page_text(d.model).find("Its sessions can't be counted") != std::string::npos);
  d.press(ControlKind::EndCancel).press(ControlKind::BackupRow, 1);
  CHECK(d.all<RestoreBackup>().empty());
  const std::string question = page_text(d.model);
  CHECK(question.find("Restore the backup from 1 Dec 2026?") != std::string::npos);
  CHECK(question.find("kept aside, not deleted") != std::string::npos);
  CHECK(question.find("unknot.db.replaced-") != std::string::npos);
  CHECK(question.find("/home/sam/.local/share/unknot,") != std::string::npos);
  CHECK(focused_control(d.model) == Control{ControlKind::EndCancel, 0});
  d.press(ControlKind::EndCancel);
  CHECK(focused_control(d.model) == Control{ControlKind::BackupRow, 1});
  CHECK(d.all<RestoreBackup>().empty());

  d.press(ControlKind::BackupRow, 1).press(ControlKind::RestoreChosen);
  REQUIRE(d.all<RestoreBackup>().size() == 1);
  CHECK(d.all<RestoreBackup>()[0].backup.date == "2026-12-01");
  d(RecordReplaced{false, three_backups().entries[1], kDatabase + ".replaced-20261204-091500"});
  CHECK(std::holds_alternative<HomeScreen>(d.model.screen));
  CHECK_FALSE(d.model.progress.has_value());
  CHECK_FALSE(d.model.history.loaded);
}

TEST_CASE("in the browser the record's pages name its storage, never a data folder or path") {
  // A phone has no folder to open: the pages say where a file set aside stays without one.
  const auto says_no_folder = [](const std::string& text) {
    CAPTURE(text);
    CHECK(text.find("data folder") == std::string::npos);
    CHECK(text.find("/data") == std::string::npos);
  };
  Driver d;
  d(PlatformFound{true, true, true});
  d(RecordDamaged{"/data/unknot.db: quick_check failed", "/data/unknot.db"});
  BackupsLoaded backups = three_backups();
  backups.folder = "/data/backups";
  d(backups);
  says_no_folder(page_text(d.model));
  CHECK(page_text(d.model).find("kept aside in this browser's storage") != std::string::npos);
  d.press(ControlKind::StartFresh, 0);  // the question before starting afresh
  REQUIRE(damaged_screen(d).step == DamagedScreen::Step::ConfirmFresh);
  says_no_folder(page_text(d.model));
  CHECK(page_text(d.model).find("It stays in this browser's storage for Unknot, renamed") !=
        std::string::npos);
  d(RecordChangeFailed{RecordFailure::NoLock, ""});
  says_no_folder(damaged_screen(d).failure);
  CHECK(damaged_screen(d).failure.find("another tab") != std::string::npos);

  Driver b;
  b(PlatformFound{true, true, true});
  b.press(ControlKind::Settings).press(ControlKind::Backups);
  b(backups);
  says_no_folder(page_text(b.model));
  b.press(ControlKind::BackupRow, 1);
  says_no_folder(page_text(b.model));
  CHECK(page_text(b.model).find("it stays in this browser's storage for Unknot, renamed") !=
        std::string::npos);
}

TEST_CASE("Settings › Backups says when there are none yet, and Back returns to Settings") {
  Driver d;
  d.press(ControlKind::Settings).press(ControlKind::Backups);
  d(BackupsLoaded{{}, "/data/backups"});
  CHECK(page_text(d.model).find("No backups yet") != std::string::npos);
  CHECK(focused_control(d.model) == Control{ControlKind::Back, 0});
  d(BackPressed{});
  CHECK(std::holds_alternative<SettingsScreen>(d.model.screen));
  CHECK(focused_control(d.model) == Control{ControlKind::Backups, 0});
}

TEST_CASE("a restore that fails from Settings keeps the page, says why and leaves the record") {
  Driver d;
  d.press(ControlKind::Settings).press(ControlKind::Backups);
  d(three_backups());
  d.press(ControlKind::BackupRow, 0).press(ControlKind::RestoreChosen);
  d(RecordChangeFailed{RecordFailure::Other, "unknot.db: setting aside: Permission denied"});
  REQUIRE(std::holds_alternative<BackupsScreen>(d.model.screen));
  const auto& s = std::get<BackupsScreen>(d.model.screen);
  CHECK_FALSE(s.confirming.has_value());
  CHECK(s.failure.find("Permission denied") != std::string::npos);
  CHECK(page_text(d.model).find("Nothing was deleted") != std::string::npos);
}

TEST_CASE("backup days and sizes read plainly") {
  CHECK(backup_day_text("2026-12-02") == "2 Dec 2026");
  CHECK(backup_day_text("not a date") == "not a date");
  CHECK(backup_detail_text({"f", "2026-12-02", 90'112, 1}) == "1 session \u00B7 88 KB");
  CHECK(backup_detail_text({"f", "2026-12-02", 3'250'000, 400}) == "400 sessions \u00B7 3.1 MB");
  CHECK(backup_detail_text({"f", "2026-12-02", 10, std::nullopt}) == "Can't be read \u00B7 1 KB");
}

}  // namespace unknot::app
