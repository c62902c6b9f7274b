// The Progress / History / entry part of the state machine: navigation, loading on demand,
// filters, the weekly target, editing, delete with undo, sharing the report.
#include "app/progress_flow.h"

#include <doctest/doctest.h>

#include "app/app_builders.h"
#include "app/screens.h"

namespace unknot::test {
namespace {

using namespace std::chrono;
using app::ControlKind;

app::HistoryEntry entry(std::int64_t id, int day_offset, std::optional<int> before = 6,
                        std::optional<int> after = 3, std::string note = {}) {
  app::HistoryEntry e;
  e.id = id;
  e.routine_id = "neck";
  e.started_at = core::UnixSeconds{seconds(1'790'000'000)} - days(day_offset);
  e.before = before;
  e.after = after;
  e.note = std::move(note);
  e.planned = e.done = minutes(12);
  return e;
}

app::HistoryLoaded page(std::int64_t first_id, int count, bool append, bool more) {
  app::HistoryLoaded loaded;
  loaded.append = append;
  loaded.more = more;
  for (int i = 0; i < count; ++i)
    loaded.entries.push_back(entry(first_id - i, static_cast<int>(first_id) - i));
  return loaded;
}

core::HistorySession session_on(core::Day day, std::string region, core::Side side) {
  core::HistorySession s;
  s.sample.day = day;
  s.sample.before = 6;
  s.sample.after = 4;
  s.sample.region = std::move(region);
  s.sample.planned = s.sample.done = minutes(10);
  s.sample.doses.push_back({"upper_trapezius", side, seconds(45)});
  s.completed_status = true;
  return s;
}

app::ProgressLoaded progress_with(std::vector<core::HistorySession> sessions) {
  app::ProgressLoaded loaded;
  loaded.data.today = core::Day{days(20'400)};
  loaded.data.input.sessions = std::move(sessions);
  return loaded;
}

TEST_CASE("the tab bar moves between Home, Progress and History and loads each once") {
  Driver d;
  d.press(ControlKind::TabProgress);
  CHECK(std::holds_alternative<app::TrendsScreen>(d.model.screen));
  CHECK(d.all<app::LoadProgress>().size() == 1);
  d(progress_with({}));
  d.press(ControlKind::TabHistory);
  CHECK(std::holds_alternative<app::HistoryScreen>(d.model.screen));
  REQUIRE(d.all<app::LoadHistory>().size() == 1);
  CHECK_FALSE(d.all<app::LoadHistory>()[0].after.has_value());
  d(page(50, app::kHistoryPage, false, true));
  // Back to Progress and History: nothing changed, so nothing is loaded again.
  d.press(ControlKind::TabProgress).press(ControlKind::TabHistory);
  CHECK(d.all<app::LoadProgress>().size() == 1);
  CHECK(d.all<app::LoadHistory>().size() == 1);
  d.press(ControlKind::TabHome);
  CHECK(std::holds_alternative<app::HomeScreen>(d.model.screen));
}

TEST_CASE("Home offers the four tabs after its own controls, in focus order") {
  Driver d;
  const auto list = app::controls(d.model);
  REQUIRE(list.size() >= 4);
  CHECK(list[list.size() - 4] == app::Control{ControlKind::TabHome, 0});
  CHECK(list[list.size() - 2] == app::Control{ControlKind::TabHistory, 0});
  CHECK(list.back() == app::Control{ControlKind::Settings, 0});
}

TEST_CASE("Escape on Progress or History goes Home") {
  Driver d;
  d.press(ControlKind::TabProgress)(app::BackPressed{});
  CHECK(std::holds_alternative<app::HomeScreen>(d.model.screen));
  d.press(ControlKind::TabHistory)(app::BackPressed{});
  CHECK(std::holds_alternative<app::HomeScreen>(d.model.screen));
}

TEST_CASE("a finished session makes loaded progress and history stale") {
  Driver d;
  d.press(ControlKind::TabProgress)(progress_with({}));
  d.press(ControlKind::TabHistory)(page(3, 3, false, false));
  REQUIRE(d.model.progress.has_value());
  d.press(ControlKind::TabHome).press(ControlKind::RoutineCard, 0).start();
  d.press(ControlKind::PainValue, 5).press(ControlKind::Confirm);
  CHECK_FALSE(d.model.progress.has_value());
  CHECK_FALSE(d.model.history.loaded);
}

TEST_CASE("History pages: the next page is asked for near the end, once, from the last entry") {
  Driver d;
  d.model.window_w = 390;
  d.model.window_h = 844;
  d.press(ControlKind::TabHistory)(page(100, app::kHistoryPage, false, true));
  REQUIRE(d.model.history.entries.size() == static_cast<std::size_t>(app::kHistoryPage));
  d(app::Scrolled{100000});
  d(app::Scrolled{10});
  const auto loads = d.all<app::LoadHistory>();
  REQUIRE(loads.size() == 2);
  REQUIRE(loads[1].after.has_value());
  CHECK(loads[1].after->id == d.model.history.entries.back().id);
  CHECK(loads[1].after->started_at == d.model.history.entries.back().started_at);
  // The appended page adds older entries; an overlapping row is kept once.
  auto next = page(100 - app::kHistoryPage + 1, 5, true, false);
  d(next);
  CHECK(d.model.history.entries.size() == static_cast<std::size_t>(app::kHistoryPage + 4));
  CHECK_FALSE(d.model.history.more);
  d(app::Scrolled{100000});
  CHECK(d.all<app::LoadHistory>().size() == 2);  // nothing more to load
}

TEST_CASE("History scroll stays within the list") {
  Driver d;
  d.press(ControlKind::TabHistory)(page(10, 10, false, false));
  d(app::Scrolled{-500});
  CHECK(d.model.scroll.offset == 0);
  d(app::Scrolled{100000});
  const float limit = app::screen_frame(d.model).max_scroll();
  CHECK(d.model.scroll.offset == doctest::Approx(limit));
}

TEST_CASE("editing an entry saves its ratings and note only on Save") {
  Driver d;
  d.press(ControlKind::TabHistory)(page(3, 3, false, false));
  d.press(ControlKind::HistoryRow, 1);
  REQUIRE(std::holds_alternative<app::EntryScreen>(d.model.screen));
  CHECK(std::get<app::EntryScreen>(d.model.screen).entry.id == 2);
  d.press(ControlKind::RatingDown, 0).press(ControlKind::RatingDown, 0);  // 6 -> 4
  d.press(ControlKind::RatingUp, 1);                                      // 3 -> 4
  d.press(ControlKind::NoteField)(app::TextTyped{"Stiff after <driving>"})(
      app::FieldKeyed{{app::EditKey::Backspace}});
  const auto& s = std::get<app::EntryScreen>(d.model.screen);
  CHECK(s.before == 4);
  CHECK(s.after == 4);
  CHECK(s.note.text() == "Stiff after <driving");
  CHECK(d.all<app::UpdateEntry>().empty());
  d.press(ControlKind::Save);
  REQUIRE(d.all<app::UpdateEntry>().size() == 1);
  const auto saved = d.all<app::UpdateEntry>()[0];
  CHECK(saved.id == 2);
  CHECK(saved.before == 4);
  CHECK(saved.after == 4);
  CHECK(saved.note == "Stiff after <driving");
  CHECK(std::holds_alternative<app::HistoryScreen>(d.model.screen));
  CHECK(d.model.history.entries[1].before == 4);
  CHECK_FALSE(d.model.toast.empty());
}

TEST_CASE("Back from an entry discards unsaved edits, and Save without changes writes nothing") {
  Driver d;
  d.press(ControlKind::TabHistory)(page(3, 3, false, false));
  d.press(ControlKind::HistoryRow, 0).press(ControlKind::RatingUp, 1).press(ControlKind::Back);
  CHECK(std::holds_alternative<app::HistoryScreen>(d.model.screen));
  CHECK(d.model.history.entries[0].after == 3);
  d.press(ControlKind::HistoryRow, 0).press(ControlKind::Save);
  CHECK(d.all<app::UpdateEntry>().empty());
}

TEST_CASE(
    "a rating steps through 0..10 and below 0 becomes unrated, unrated steps in at the ends") {
  Driver d;
  app::HistoryLoaded loaded;
  loaded.entries.push_back(entry(1, 1, std::nullopt, 0));
  d.press(ControlKind::TabHistory)(loaded).press(ControlKind::HistoryRow, 0);
  d.press(ControlKind::RatingDown, 1);
  CHECK_FALSE(std::get<app::EntryScreen>(d.model.screen).after.has_value());
  d.press(ControlKind::RatingDown, 0);
  CHECK(std::get<app::EntryScreen>(d.model.screen).before == 10);
  d.press(ControlKind::RatingUp, 0);
  CHECK(std::get<app::EntryScreen>(d.model.screen).before == 10);
  d.press(ControlKind::RatingUp, 1);
  CHECK(std::get<app::EntryScreen>(d.model.screen).after == 0);
}

TEST_CASE("typing reaches the note only while it has focus, and the note is capped") {
  Driver d;
  d.press(ControlKind::TabHistory)(page(1, 1, false, false)).press(ControlKind::HistoryRow, 0);
  d(app::TextTyped{"ignored"});
  CHECK(std::get<app::EntryScreen>(d.model.screen).note.text().empty());
  CHECK_FALSE(app::editing_text(d.model));
  d.press(ControlKind::NoteField);
  CHECK(app::editing_text(d.model));
  d(app::TextTyped{"é\r\nx"});
  const auto note = [&d] { return std::get<app::EntryScreen>(d.model.screen).note.text(); };
  CHECK(note() == "é\nx");  // a note keeps its lines
  d(app::TextTyped{std::string(app::kMaxNoteLength + 20, 'a')});
  CHECK(note().size() == app::kMaxNoteLength + 1);  // é takes 2 bytes
}

TEST_CASE("delete asks first, removes the entry, and Undo restores it within the time") {
  Driver d;
  d.press(ControlKind::TabHistory)(page(3, 3, false, false)).press(ControlKind::HistoryRow, 0);
  d.press(ControlKind::Delete);
  CHECK(std::get<app::EntryScreen>(d.model.screen).confirming_delete);
  CHECK(d.all<app::DeleteEntry>().empty());
  d(app::BackPressed{});  // Escape cancels the question
  CHECK_FALSE(std::get<app::EntryScreen>(d.model.screen).confirming_delete);
  d.press(ControlKind::Delete).press(ControlKind::Delete, 1);
  REQUIRE(d.all<app::DeleteEntry>().size() == 1);
  CHECK(d.all<app::DeleteEntry>()[0].id == 3);
  CHECK(std::holds_alternative<app::HistoryScreen>(d.model.screen));
  CHECK(d.model.history.entries.size() == 2);
  REQUIRE(app::undo_showing(d.model));
  CHECK(d.model.undo->label.find("deleted") != std::string::npos);
  const auto list = app::controls(d.model);
  CHECK(std::find(list.begin(), list.end(), app::Control{ControlKind::Undo, 0}) != list.end());
  d.press(ControlKind::Undo);
  REQUIRE(d.all<app::RestoreEntry>().size() == 1);
  CHECK(d.all<app::RestoreEntry>()[0].id == 3);
  CHECK_FALSE(app::undo_showing(d.model));
  CHECK(d.all<app::LoadHistory>().size() == 2);  // the list reloads with the entry back
}

TEST_CASE("the undo offer ends after its time and Undo then does nothing") {
  Driver d;
  d.press(ControlKind::TabHistory)(page(2, 2, false, false)).press(ControlKind::HistoryRow, 0);
  d.press(ControlKind::Delete).press(ControlKind::Delete, 1);
  d.model.wall_now += app::kUndoTime;
  d.tick(seconds(1));
  CHECK_FALSE(d.model.undo.has_value());
  d.press(ControlKind::Undo);
  CHECK(d.all<app::RestoreEntry>().empty());
}

TEST_CASE("the weekly target steps within 1..21 and is saved each time it changes") {
  Driver d;
  d.press(ControlKind::TabProgress)(progress_with({}));
  d.press(ControlKind::TargetUp);
  CHECK(d.model.weekly_target == app::kDefaultWeeklyTarget + 1);
  REQUIRE(d.all<app::SaveWeeklyTarget>().size() == 1);
  CHECK(d.all<app::SaveWeeklyTarget>()[0].target == app::kDefaultWeeklyTarget + 1);
  for (int i = 0; i < 40; ++i) d.press(ControlKind::TargetDown);
  CHECK(d.model.weekly_target == 1);
  d(app::WeeklyTargetLoaded{99});
  CHECK(d.model.weekly_target == app::kMaxWeeklyTarget);
}

TEST_CASE(
    "filters: period, region from the rated sessions, and side only when sides were pressed") {
  Driver d;
  const core::Day today{days(20'400)};
  d.press(ControlKind::TabProgress);
  d(progress_with({session_on(today, "Neck", core::Side::Left),
                   session_on(today, "Jaw", core::Side::None),
                   session_on(today, "Neck", core::Side::Right)}));
  CHECK(app::trends_regions(d.model) == std::vector<std::string>{"Jaw", "Neck"});
  const auto list = app::controls(d.model);
  CHECK(std::count_if(list.begin(), list.end(), [](const app::Control& c) {
          return c.kind == ControlKind::RegionFilter;
        }) == 3);
  CHECK(std::count_if(list.begin(), list.end(), [](const app::Control& c) {
          return c.kind == ControlKind::SideFilter;
        }) == 3);
  d.press(ControlKind::Period, 1)
      .press(ControlKind::RegionFilter, 2)
      .press(ControlKind::SideFilter, 2);
  auto s = std::get<app::TrendsScreen>(d.model.screen);
  CHECK(s.period == app::TrendsPeriod::Weeks12);
  CHECK(s.region == "Neck");
  CHECK(s.side == core::Side::Right);
  d.press(ControlKind::RegionFilter, 0)
      .press(ControlKind::SideFilter, 0)
      .press(ControlKind::Period, 2);
  s = std::get<app::TrendsScreen>(d.model.screen);
  CHECK(s.region.empty());
  CHECK(s.side == core::Side::None);
  CHECK(s.period == app::TrendsPeriod::All);
  CHECK(app::period_weeks(s.period) == 0);
}

TEST_CASE("without sides pressed or with one region, those filters are not offered") {
  Driver d;
  const core::Day today{days(20'400)};
  d.press(ControlKind::TabProgress)(progress_with({session_on(today, "Neck", core::Side::None)}));
  for (const auto& c : app::controls(d.model)) {
    CHECK(c.kind != ControlKind::RegionFilter);
    CHECK(c.kind != ControlKind::SideFilter);
  }
}

TEST_CASE("a region filter that no longer has sessions falls back to every region on reload") {
  Driver d;
  const core::Day today{days(20'400)};
  d.press(ControlKind::TabProgress);
  d(progress_with(
      {session_on(today, "Neck", core::Side::None), session_on(today, "Jaw", core::Side::None)}));
  d.press(ControlKind::RegionFilter, 1);
  REQUIRE(std::get<app::TrendsScreen>(d.model.screen).region == "Jaw");
  d(progress_with({session_on(today, "Neck", core::Side::None)}));
  CHECK(std::get<app::TrendsScreen>(d.model.screen).region.empty());
}

TEST_CASE("active homework sets the week's target from its prescription, with no steppers") {
  Driver d;
  app::HomeworkStatus hw;
  hw.active = true;
  hw.prescribed_week = 6;
  d.model.homework.push_back(hw);
  d.press(ControlKind::TabProgress)(progress_with({}));
  CHECK(app::target_prescribed(d.model));
  CHECK(app::effective_weekly_target(d.model) == 6);
  for (const auto& c : app::controls(d.model)) CHECK(c.kind != ControlKind::TargetUp);
  d.press(ControlKind::TargetUp).press(ControlKind::ShareReport).press(ControlKind::Save);
  CHECK(d.all<app::SaveWeeklyTarget>().empty());
  REQUIRE(d.all<app::ShareReportFile>().size() == 1);
  // The report applies the homework's own schedule; the target it gets is the person's own.
  CHECK(d.all<app::ShareReportFile>()[0].target == app::kDefaultWeeklyTarget);
  d.model.homework[0].active = false;  // finished homework: the person's own target again
  CHECK(app::effective_weekly_target(d.model) == app::kDefaultWeeklyTarget);
}

TEST_CASE("Share report opens on the period shown, asks for the weeks, name and target chosen") {
  Driver d;
  core::MuscleLibrary library;
  for (const auto& [id, name] :
       {std::pair{"upper_trapezius", "Upper trapezius"}, std::pair{"masseter", "Masseter"}}) {
    core::MuscleInfo muscle;
    muscle.id = id;
    muscle.name = name;
    library.muscles.push_back(muscle);
  }
  d.model.library = std::make_shared<const core::MuscleLibrary>(library);
  d.press(ControlKind::TabProgress)(progress_with({})).press(ControlKind::Period, 1);
  d.press(ControlKind::TargetUp).press(ControlKind::ShareReport);
  REQUIRE(std::holds_alternative<app::ShareScreen>(d.model.screen));
  CHECK(d.all<app::ShareReportFile>().empty());  // nothing is written before Save report
  CHECK(std::get<app::ShareScreen>(d.model.screen).period == app::TrendsPeriod::Weeks12);
  CHECK(app::focused_control(d.model) == app::Control{ControlKind::Save, 0});
  d.press(ControlKind::Period, 2).press(ControlKind::NameField);
  d(app::TextTyped{"  Ana Ruiz "});
  d.press(ControlKind::Save);
  REQUIRE(d.all<app::ShareReportFile>().size() == 1);
  const app::ShareReportFile share = d.all<app::ShareReportFile>()[0];
  CHECK(share.weeks == 0);  // all the history
  CHECK(share.client_name == "Ana Ruiz");
  CHECK(share.target == app::kDefaultWeeklyTarget + 1);
  // Sessions and muscles read by name in the report: the catalog's titles and the library's
  // names travel with it.
  REQUIRE(share.routine_titles.size() == d.model.catalog.size());
  CHECK(share.routine_titles[0] ==
        std::pair<std::string, std::string>{d.model.catalog[0].routine.id,
                                            d.model.catalog[0].routine.title});
  CHECK(share.muscle_names ==
        std::vector<std::pair<std::string, std::string>>{{"upper_trapezius", "Upper trapezius"},
                                                         {"masseter", "Masseter"}});
  d(app::ReportShared{"/home/a/Documents/Unknot report 2026-11-25.html", app::OpenOutcome::Opened});
  // The sheet names the whole path over Progress as it was; it stays until closed.
  REQUIRE(d.model.saved_file.has_value());
  CHECK(d.model.saved_file->path == "/home/a/Documents/Unknot report 2026-11-25.html");
  REQUIRE(std::holds_alternative<app::TrendsScreen>(d.model.screen));
  CHECK(std::get<app::TrendsScreen>(d.model.screen).period == app::TrendsPeriod::Weeks12);
  d.model.wall_now += seconds(60);
  d.tick(seconds(1));
  CHECK(d.model.saved_file.has_value());
  d.press(ControlKind::CloseSaved);
  CHECK_FALSE(d.model.saved_file.has_value());
  CHECK(std::holds_alternative<app::TrendsScreen>(d.model.screen));
  // The name is offered again next time, for this run of the app only.
  d.press(ControlKind::ShareReport);
  CHECK(std::get<app::ShareScreen>(d.model.screen).name.text() == "Ana Ruiz");
}

TEST_CASE("Share report: Back keeps Progress as it was and writes nothing, names stop at 80") {
  Driver d;
  d.press(ControlKind::TabProgress)(progress_with({})).press(ControlKind::Period, 2);
  d.press(ControlKind::ShareReport).press(ControlKind::NameField);
  d(app::TextTyped{std::string(100, 'x')});
  const auto& share = std::get<app::ShareScreen>(d.model.screen);
  CHECK(share.name.text() == std::string(app::kMaxReportName, 'x'));
  d(app::BackPressed{});
  CHECK(d.all<app::ShareReportFile>().empty());
  REQUIRE(std::holds_alternative<app::TrendsScreen>(d.model.screen));
  CHECK(std::get<app::TrendsScreen>(d.model.screen).period == app::TrendsPeriod::All);
  // A failed write keeps the page, so what was typed is not lost.
  d.press(ControlKind::ShareReport).press(ControlKind::Save);
  d(app::StorageFailed{"the report could not be written to /x: No space left on device"});
  CHECK(std::holds_alternative<app::ShareScreen>(d.model.screen));
  CHECK_FALSE(d.model.notice.empty());
}

}  // namespace
}  // namespace unknot::test
