// One data set read by the Progress screen, `unknot history` (text and --json) and the clinician
// report: every place shows the same adherence, completion, change and escalation (issue 10).
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "app/trends_view.h"
#include "cli/history.h"
#include "cli/report_html.h"
#include "core/homework.h"
#include "report/progress_reader.h"
#include "storage/session_store.h"
#include "storage/temp_dir.h"

namespace unknot::cli {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
using storage::CheckinKind;
using storage::testing::TempDir;
namespace fs = std::filesystem;

// Sunday evening, UTC; four weeks are 2026-11-02 .. 2026-11-29.
constexpr core::UnixSeconds kNow{sys_days{2026y / November / 29} + 20h};

core::UnixSeconds evening(sys_days day) { return core::UnixSeconds{day + 21h}; }

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// A homework of Mon, Wed, Fri from Monday 2 Nov, imported on Saturday 31 Oct: 12 sessions are
// due by today. Each is played; the one of Wed 25 Nov was ended early at 85 % of its plan
// (counts), the one of Fri 27 Nov at 79 % (does not). An own routine on Sunday 29 Nov does not
// count toward the homework. Pain 4 in the 7 days before the import, 6 in the last week: 2
// points (50 %) worse, so each place asks to check with the clinician.
void fill(const fs::path& data_dir) {
  auto store = storage::SessionStore::open(data_dir / "unknot.db");
  core::Homework hw;
  hw.id = "neck";
  hw.routine.id = "neck";
  hw.routine.title = "Neck homework";
  core::StepSpec breathe;
  breathe.kind = core::StepKind::Breathing;
  breathe.title = "Breathe";
  breathe.pattern_id = "resonance_6";
  breathe.breaths = 6;
  hw.routine.steps = {breathe};
  hw.prescription.days = {true, false, true, false, true, false, false};
  hw.prescription.start = sys_days{2026y / November / 2};
  hw.prescription.end = sys_days{2026y / December / 13};
  hw.prescription.therapist = "Sam";
  store.import_homework(hw, core::homework_json(hw), evening(2026y / October / 31));

  for (int i = 0; i < 7; ++i)
    store.add_checkin(CheckinKind::DailyPain, 4, evening(sys_days{2026y / October / 24} + days{i}),
                      0, "");
  for (int i = 0; i < 4; ++i)
    store.add_checkin(CheckinKind::DailyPain, 6, evening(sys_days{2026y / November / 23} + days{i}),
                      0, "");

  const auto play = [&store](sys_days day, std::string routine, seconds done, bool complete) {
    storage::NewSession s{std::move(routine), evening(day), 5, "Neck", seconds{600}};
    const auto id = store.begin_session(s, 60);
    store.record_step(id, {0, "upper_trapezius", core::Side::Left, 600s, done, !complete});
    if (complete)
      store.complete_session(id, evening(day) + 10min);
    else
      store.abandon_session(id, evening(day) + 10min);
  };
  for (sys_days week = sys_days{2026y / November / 2}; week < sys_days{2026y / November / 30};
       week += days{7}) {
    for (const int offset : {0, 2, 4}) {
      const sys_days day = week + days{offset};
      if (day == sys_days{2026y / November / 25}) {
        play(day, "homework:neck", 510s, false);  // 85 %
      } else if (day == sys_days{2026y / November / 27}) {
        play(day, "homework:neck", 474s, false);  // 79 %
      } else {
        play(day, "homework:neck", 600s, true);
      }
    }
  }
  play(sys_days{2026y / November / 29}, "neck_tension_headache", 600s, true);
}

TEST_CASE("Progress, history and the report agree on one data set") {
  TempDir dir;
  fill(dir.path());

  HistoryOptions h;
  h.data_dir = dir.path();
  h.fallback_utc_offset_min = 0;
  h.now = kNow;
  std::ostringstream text, err;
  REQUIRE(run_history(h, text, err) == 0);
  h.json = true;
  std::ostringstream json_out;
  REQUIRE(run_history(h, json_out, err) == 0);
  const auto json = nlohmann::json::parse(json_out.str());

  ReportOptions r;
  r.data_dir = dir.path();
  r.out = dir.path() / "report.html";
  r.weeks = 4;
  r.fallback_utc_offset_min = 0;
  r.now = kNow;
  r.client_name = "Alex <Example>";
  std::ostringstream out;
  REQUIRE(run_report_html(r, out, err) == 0);
  std::ifstream in(r.out);
  const std::string html{std::istreambuf_iterator<char>(in), {}};

  app::AppModel m;
  {
    const auto store = storage::SessionStore::open(dir.path() / "unknot.db");
    m.progress =
        app::ProgressData{report::read_progress(store, 0), core::local_day(kNow, minutes{0})};
  }
  const app::TrendsView v = app::trends_view(m, app::TrendsScreen{});

  // Adherence: 11 of the 12 prescribed homework sessions, however the session ended.
  const std::string figure = "91 % (11 of 12)";
  CHECK(v.adherence.find("Adherence " + figure) != std::string::npos);
  CHECK(text.str().find("Adherence     " + figure + " homework sessions since 2026-11-02") !=
        std::string::npos);
  CHECK(json["adherence"]["source"] == "homework");
  CHECK(json["adherence"]["prescribed"] == 12);
  CHECK(json["adherence"]["completed"] == 11);
  CHECK(json["adherence"]["percent"] == 91.6);
  CHECK(html.find("<dt>Adherence</dt><dd>" + figure) != std::string::npos);
  CHECK(html.find("11 of 12 prescribed (91%)") != std::string::npos);

  // The last week: Mon and Wed (85 %) count, Fri (79 %) and Sunday's own routine are logged.
  const auto& week = json["weeks"][3];
  CHECK(week["sessions_logged"] == 4);
  CHECK(week["sessions_completed"] == 3);  // Sunday's own routine is completed too
  CHECK(week["prescribed"] == 3);
  CHECK(week["counted"] == 2);
  REQUIRE(v.pain.bars.size() == 4);
  CHECK(v.pain.bars[3].completed == doctest::Approx(3));
  CHECK(v.pain.bars[3].logged == doctest::Approx(4));
  // The report chart's labels, completed/prescribed: 3/3 every week, the last one included.
  CHECK(count(html, ">3/3</text>") == 4);

  // The baseline is the 7 days before the import; the change is 2 points worse.
  CHECK(json["baseline"]["before_assignment"] == true);
  CHECK(json["baseline"]["first_day"] == "2026-10-24");
  CHECK(json["change"]["raw_points"] == -2.0);
  CHECK(v.change.baseline_caption == "7 days before your homework · 7 rated");
  CHECK(html.find("7 days before the homework of 2026-10-31") != std::string::npos);

  // The escalation, word for word, everywhere.
  const std::string message = json["escalation"]["message"];
  CHECK(json["escalation"]["reason"] == "worsening");
  CHECK(message.find("check with your clinician") != std::string::npos);
  CHECK(v.change.escalation == message);
  CHECK(text.str().find(message) != std::string::npos);
  CHECK(html.find(message) != std::string::npos);

  // The report names the client and the routines by title.
  CHECK(html.find("Client: <strong>Alex &lt;Example&gt;</strong>") != std::string::npos);
  CHECK(count(html, R"(<td data-label="Routine">Neck homework</td>)") >= 12);
}

}  // namespace
}  // namespace unknot::cli
