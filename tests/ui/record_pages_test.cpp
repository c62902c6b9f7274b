// The damaged record's screen, its list and question, Settings › Backups and its question, and
// the sheet after a restore, drawn with the real font at every size, text size and look: no
// text cut short, outside the window or on other text, and scrolled to the end, the last of it
// wholly in view (page_check.h). UNKNOT_DUMP_DIR=dir saves each as a BMP to look at.
#include "app/record_pages.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/update.h"
#include "ui/page_check.h"

namespace unknot::ui {
namespace {

using K = app::ControlKind;
using pages::act;
using pages::press;

const std::string kData = "/home/samantha.fernandez-villanueva/.local/share/unknot";
// The data folder's path and SQLite's own words: as they are in any language.
const std::vector<std::string> kOwnWords = {
    kData + "/backups", "unknot.db.damaged-20261209-181500", kData,
    "the database disk image is malformed (quick_check: *** in database main *** Page 12: "
    "btreeInitPage() returns error code 11)"};

app::BackupsLoaded backups(int n) {
  app::BackupsLoaded b;
  b.folder = kData + "/backups";
  for (int i = 0; i < n; ++i) {
    const int day = 9 - i;
    const std::string date = "2026-12-0" + std::to_string(day);
    b.entries.push_back({b.folder + "/unknot-" + date + ".db", date,
                         static_cast<std::uintmax_t>(90'000 + 4'000 * day),
                         i == 2 ? std::nullopt : std::optional<std::int64_t>(120 - i)});
  }
  return b;
}

app::AppModel damaged(int n) {
  app::AppModel m = act(pages::builtin_model(),
                        app::RecordDamaged{kData + "/unknot.db: the database disk image is "
                                                   "malformed (quick_check: *** in database main "
                                                   "*** Page 12: btreeInitPage() returns error "
                                                   "code 11)",
                                           kData + "/unknot.db"});
  return act(std::move(m), backups(n));
}

std::vector<pages::PageState> states() {
  std::vector<pages::PageState> out;
  out.push_back({"damaged", damaged(7)});
  out.push_back({"damaged one backup", damaged(1)});
  out.push_back({"damaged no backups", damaged(0)});
  out.push_back({"damaged details", press(damaged(7), K::ShowDetails)});
  out.push_back({"damaged choosing", press(damaged(7), K::ChooseBackup)});
  out.push_back(
      {"damaged chose another", press(press(damaged(7), K::ChooseBackup), K::BackupRow, 3)});
  out.push_back({"damaged confirm fresh", press(damaged(7), K::StartFresh, 0)});
  out.push_back({"damaged failed",
                 act(press(damaged(7), K::RestoreChosen),
                     app::RecordChangeFailed{app::RecordFailure::BackupDamaged, "quick_check"})});
  app::AppModel settings = press(press(pages::builtin_model(), K::Settings), K::Backups);
  out.push_back({"backups loading", settings});
  out.push_back({"backups", act(settings, backups(7))});
  out.push_back({"backups none", act(settings, backups(0))});
  out.push_back({"backups confirm", press(act(settings, backups(7)), K::BackupRow, 2)});
  out.push_back({"backups failed",
                 act(press(press(act(settings, backups(7)), K::BackupRow, 0), K::RestoreChosen),
                     app::RecordChangeFailed{app::RecordFailure::DiskFull, "ENOSPC"})});
  const app::BackupEntry first = backups(1).entries[0];
  out.push_back({"restored sheet",
                 act(damaged(7), app::RecordReplaced{false, first,
                                                     kData + "/unknot.db.damaged-20261209-181500"}),
                 true});
  out.push_back(
      {"started sheet",
       act(damaged(0), app::RecordReplaced{true, {}, kData + "/unknot.db.damaged-20261209-181500"}),
       true});
  return out;
}

}  // namespace

TEST_CASE("the damaged record's pages and Settings › Backups fit at every size and look") {
  pages::PageCheck check{pages::every_size(), {1.0f}, pages::every_look(), {}};
  check.own_words = kOwnWords;
  pages::check_pages(states, check);
}

TEST_CASE("the damaged record's pages and Settings › Backups reflow at 150 and 200 percent text") {
  pages::PageCheck check{
      pages::key_sizes(), {1.5f, 2.0f}, {{ThemeKind::Dark, false}, {ThemeKind::Light, true}}, {}};
  check.own_words = kOwnWords;
  pages::check_pages(states, check);
}

}  // namespace unknot::ui
