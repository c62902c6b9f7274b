// The sheet that names a saved report, homework or calendar file: the whole path, what happened
// on opening it, "Show in folder", and the screen underneath given back as it was.
#include "app/saved_file.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "app/app_builders.h"
#include "app/screens.h"
#include "app/share_page.h"

namespace unknot::app {
namespace {

using K = ControlKind;

const std::string kPath =
    "/home/someone/Documents/Physio/Clients 2026/Unknot report 2026-11-25 with a long name.html";

AppModel act(AppModel m, const Action& a) { return update(std::move(m), a).model; }

// Settings scrolled down with the focus on a lower row: what the sheet must give back.
AppModel scrolled_settings() {
  AppModel m = test::catalog_model();
  m = act(std::move(m), Resized{360, 640});
  m = act(std::move(m), Activated{{K::Settings, 0}});
  m = act(std::move(m), Scrolled{120});
  REQUIRE(focus_control(m, {K::HighContrast, 0}));
  return m;
}

bool mentions(const std::vector<std::string>& paragraphs, std::string_view text) {
  return std::any_of(paragraphs.begin(), paragraphs.end(),
                     [&](const std::string& p) { return p.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("a saved report opens a sheet naming its whole path, with Show in folder and Done") {
  const AppModel m = act(scrolled_settings(), ReportShared{kPath, OpenOutcome::Opened});
  REQUIRE(m.saved_file.has_value());
  CHECK(saved_file_title(*m.saved_file) == "Report saved");
  const auto paragraphs = saved_file_paragraphs(*m.saved_file);
  REQUIRE_FALSE(paragraphs.empty());
  CHECK(paragraphs.front() == kPath);
  // Modal: its two buttons are the only targets, and Done has the focus.
  const auto list = controls(m);
  REQUIRE(list.size() == 2);
  CHECK(list[0] == Control{K::ShowInFolder, 0});
  CHECK(focused_control(m) == Control{K::CloseSaved, 0});
  CHECK_FALSE(editing_text(m));
}

TEST_CASE("when nothing could open the file, the sheet says so") {
  const AppModel opened = act(scrolled_settings(), ReportShared{kPath, OpenOutcome::Opened});
  CHECK_FALSE(mentions(saved_file_paragraphs(*opened.saved_file), "Nothing on this computer"));
  const AppModel failed =
      act(scrolled_settings(), ReportShared{kPath, OpenOutcome::NothingCouldOpen});
  CHECK(mentions(saved_file_paragraphs(*failed.saved_file),
                 "Nothing on this computer could open it"));
}

TEST_CASE("Show in folder asks for the file's folder, and a failure to show it is said") {
  const AppModel m = act(scrolled_settings(), ReportShared{kPath, OpenOutcome::Opened});
  const auto t = update(m, Activated{{K::ShowInFolder, 0}});
  const auto asked = std::find_if(t.effects.begin(), t.effects.end(), [](const Effect& e) {
    return std::holds_alternative<ShowInFolder>(e);
  });
  REQUIRE(asked != t.effects.end());
  CHECK(std::get<ShowInFolder>(*asked).path == kPath);
  CHECK(t.model.saved_file.has_value());  // the sheet stays while the folder opens
  const AppModel failed = act(t.model, FolderShown{false});
  CHECK(mentions(saved_file_paragraphs(*failed.saved_file),
                 "/home/someone/Documents/Physio/Clients 2026"));
  const AppModel shown = act(t.model, FolderShown{true});
  CHECK_FALSE(shown.saved_file->folder_failed);
}

TEST_CASE("Done or Back gives the screen back where it was scrolled, with its focus") {
  const AppModel before = scrolled_settings();
  REQUIRE(before.scroll.offset > 0);
  for (const Action& close : {Action{Activated{{K::CloseSaved, 0}}}, Action{BackPressed{}}}) {
    const AppModel sheet = act(before, ReportShared{kPath, OpenOutcome::Opened});
    CHECK(sheet.scroll.offset == 0);  // the sheet's own text starts at its top
    const AppModel after = act(sheet, close);
    CHECK_FALSE(after.saved_file.has_value());
    CHECK(std::holds_alternative<SettingsScreen>(after.screen));
    CHECK(after.scroll.offset == doctest::Approx(before.scroll.offset));
    CHECK(focused_control(after) == Control{K::HighContrast, 0});
  }
}

TEST_CASE("exported homework names both files it saved, and a calendar file is named as such") {
  const AppModel hw = act(
      scrolled_settings(),
      HomeworkExported{"/home/t/Documents/Neck plan.unknot", "/home/t/Documents/Neck plan.ics"});
  REQUIRE(hw.saved_file.has_value());
  CHECK(saved_file_title(*hw.saved_file) == "Homework saved");
  const auto paragraphs = saved_file_paragraphs(*hw.saved_file);
  CHECK(paragraphs.front() == "/home/t/Documents/Neck plan.unknot");
  CHECK(mentions(paragraphs, "Neck plan.ics"));
  const AppModel ics = act(scrolled_settings(),
                           ReportShared{"/home/t/Documents/Neck plan.ics", OpenOutcome::Opened});
  CHECK(saved_file_title(*ics.saved_file) == "Calendar file saved");
}

TEST_CASE("on a short window the sheet's text scrolls and its buttons stay in view") {
  AppModel m = act(scrolled_settings(), Resized{320, 360});
  m = act(std::move(m), ReportShared{kPath + kPath, OpenOutcome::NothingCouldOpen});
  m = act(std::move(m), FolderShown{false});
  const ScreenFrame f = screen_frame(m);
  CHECK(f.content_h > f.viewport.h);
  for (const auto& t : f.targets) {
    CHECK(t.rect.y >= 0);
    CHECK(t.rect.bottom() <= 360);
  }
  m = act(std::move(m), Scrolled{1e6f});
  CHECK(m.scroll.offset == doctest::Approx(f.max_scroll()));
}

}  // namespace unknot::app

namespace unknot::app {

TEST_CASE("in the browser a saved report is a download: its name, where it went, and Done alone") {
  const AppModel m =
      act(scrolled_settings(),
          ReportShared{"/downloads/Unknot report 2026-12-05.html", OpenOutcome::Downloaded});
  REQUIRE(m.saved_file.has_value());
  CHECK(saved_file_title(*m.saved_file) == "Report downloaded");
  const auto paragraphs = saved_file_paragraphs(*m.saved_file);
  REQUIRE(paragraphs.size() == 2);
  // The browser's own folder means nothing to the person: the file's name is what they look for.
  CHECK(paragraphs[0] == "Unknot report 2026-12-05.html");
  CHECK(mentions(paragraphs, "in your downloads"));
  CHECK_FALSE(mentions(paragraphs, "/downloads"));
  // No folder to show: Done is the only button, the sheet's whole width.
  const auto list = controls(m);
  REQUIRE(list.size() == 1);
  CHECK(list[0] == Control{K::CloseSaved, 0});
  const ScreenFrame frame = screen_frame(m);
  REQUIRE(frame.targets.size() == 1);
  const SavedFileLayout l = saved_file_layout(*m.saved_file, {{360, 640}, measure_of(m), 0});
  CHECK(l.show_folder.w == 0);
  CHECK(l.done.w == doctest::Approx(l.sheet.w - 48));
}

TEST_CASE("downloaded homework names both files and asks to send them on") {
  const AppModel m = act(scrolled_settings(),
                         HomeworkExported{"/downloads/Neck.unknot", "/downloads/Neck.ics", true});
  REQUIRE(m.saved_file.has_value());
  CHECK(saved_file_title(*m.saved_file) == "Homework downloaded");
  const auto paragraphs = saved_file_paragraphs(*m.saved_file);
  CHECK(paragraphs[0] == "Neck.unknot");
  CHECK(mentions(paragraphs, "Neck.ics"));
  CHECK(mentions(paragraphs, "Send both to your client"));
  // Saved to a folder (a desktop) it is still the path and the folder button.
  const AppModel desktop =
      act(scrolled_settings(), HomeworkExported{"/home/a/Neck.unknot", "/home/a/Neck.ics", false});
  CHECK(saved_file_title(*desktop.saved_file) == "Homework saved");
  CHECK(controls(desktop).size() == 2);
}

}  // namespace unknot::app

namespace unknot::app {

TEST_CASE("in the browser Share report says the report is a download, and a storage banner goes") {
  AppModel m = act(test::catalog_model(), PlatformFound{true, true});
  CHECK(m.saves_as_downloads);
  const ShareScreen web = share_screen(m, TrendsScreen{});
  CHECK(web.downloads);
  const SharePageLayout l = share_page_layout(web, {{390, 844}, measure_of(m), 0});
  REQUIRE_FALSE(l.privacy.lines.empty());
  CHECK(l.privacy.lines.front().find("downloaded") != std::string::npos);
  const ShareScreen desktop = share_screen(test::catalog_model(), TrendsScreen{});
  CHECK_FALSE(desktop.downloads);
  // A storage problem's banner is taken away when the storage takes the record after all; any
  // other banner stays.
  m = act(std::move(m), StorageFailed{"your browser did not keep the last changes"});
  CHECK_FALSE(m.notice.empty());
  m = act(std::move(m), StorageRecovered{});
  CHECK(m.notice.empty());
}

}  // namespace unknot::app
