// Renders reports in headless Chromium, when it is installed, to check each page really draws
// and prints on a few pages (the week-by-week table, PGIC and pressure per muscle came
// with issue 10). Skipped (and counted as passed) without /usr/bin/chromium.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/report_html.h"
#include "core/dose.h"
#include "core/health_profile.h"
#include "core/homework.h"
#include "core/safety.h"
#include "core/translate.h"
#include "desktop/paths.h"
#include "storage/session_store.h"
#include "storage/temp_dir.h"

namespace unknot::cli {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

constexpr std::string_view kChromium = "/usr/bin/chromium";

constexpr auto npos = std::string::npos;

unsigned weekday_of(sys_days day) { return weekday{day}.iso_encoding() - 1; }

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Three clients over twelve weeks, the size the report is made for:
// - adherent: homework three days a week, done every time; pain falls from 7 to 3;
// - worsening: most sessions done, pain rises from 4 to 7, a blocked day, a stop for feeling
//   unwell, "Dizzy?" and bruising (the report flags it: check with your clinician);
// - mixed: sessions on and off, pain flat around 5 with bad weeks, soreness, a PGIC of "no change".
enum class Client { Adherent, Worsening, Mixed };

void fill(const fs::path& database, sys_days last, Client client) {
  auto store = storage::SessionStore::open(database);
  const sys_days first = last - days{83};
  core::HealthProfile profile;
  if (client == Client::Worsening) profile.pain_blunting = true;
  if (client == Client::Mixed) profile.osteoporosis = true;
  store.save_health_profile(profile);
  if (client == Client::Adherent) {
    core::Homework hw;
    hw.id = "hw-neck";
    hw.routine.id = "neck_release";
    hw.routine.title = "Neck and shoulders, ball against a wall";
    core::StepSpec step;
    step.muscle = "upper_trapezius";
    step.title = "Upper trapezius";
    step.sides = core::Sides::Both;
    step.pattern_id = "resonance_6";
    step.duration = 45s;
    step.pressure_target = 5;
    step.tool = "Ball against a wall";
    step.posture = "Standing, back to the wall";
    step.instruction = "Lean into the ball on the exhale.";
    hw.routine.steps = {step};
    hw.prescription.days = {true, false, true, false, true, false, false};  // Mon, Wed, Fri
    hw.prescription.start = first + days{7};
    hw.prescription.end = last + days{28};
    hw.prescription.therapist = "Dr. Rivera";
    const std::string json = core::homework_json(hw);
    const auto parsed = core::parse_homework(json, "hw", core::builtin_pattern_lookup(), nullptr);
    REQUIRE(parsed.homework);  // the report reads the stored file back
    store.import_homework(hw, json, core::UnixSeconds{first + days{7}});
  }
  for (int d = 0; d < 84; ++d) {
    const sys_days day = first + days{d};
    const core::UnixSeconds evening{day + 20h};
    const unsigned weekday = weekday_of(day);  // 0 Monday
    int pain = 5;
    bool session = false;
    switch (client) {
      case Client::Adherent:
        pain = 7 - d / 20;
        session = d >= 7 && (weekday == 0 || weekday == 2 || weekday == 4);
        break;
      case Client::Worsening:
        pain = 4 + d / 28 + (d > 70 ? 1 : 0);
        session = d % 3 != 1;
        break;
      case Client::Mixed:
        pain = (d / 7) % 3 == 1 ? 7 : 5 - (d % 2);
        session = (d / 7) % 2 == 0 ? d % 2 == 0 : d % 5 == 0;
        break;
    }
    store.add_checkin(storage::CheckinKind::DailyPain, pain, evening, 0, "");
    if (!session) continue;
    const std::string routine = client == Client::Adherent ? "homework:hw-neck" : "neck_release";
    const auto id = store.begin_session({routine, evening - 2h, pain, "neck", 360s}, 0);
    store.record_step(id, {0, "upper_trapezius", core::Side::Left, 180s, 180s, false});
    store.record_step(id, {1, "upper_trapezius", core::Side::Right, 180s, 180s, false});
    store.complete_session(id, evening - 2h + 6min);
    store.set_pain_after(id, std::max(0, pain - 2));
    if (d % 14 == 0) {
      store.add_checkin(storage::CheckinKind::Pgic,
                        client == Client::Adherent    ? 2
                        : client == Client::Worsening ? 5
                                                      : 4,
                        evening + 1h, 0, "");
    }
    if (client != Client::Adherent && d % 10 == 2) {
      const auto reaction =
          client == Client::Worsening ? core::DoseReaction::Bruised : core::DoseReaction::Sore;
      store.save_dose_check({id, evening + 20h, 0, {{"upper_trapezius", reaction}}});
    }
  }
  if (client == Client::Worsening) {
    const core::UnixSeconds late{last - days{9} + 18h};
    store.add_safety_event({0, core::SafetyEventKind::Blocked, late, 0, "chest"});
    store.add_safety_event(
        {0, core::SafetyEventKind::StoppedUnwell, late + days{3}, 0, "neck_release"});
    store.add_safety_event(
        {0, core::SafetyEventKind::DizzySlowed, late + days{5}, 0, "breathe:resonance_6"});
  }
}

int chromium(const fs::path& profile, const std::string& action, const fs::path& page) {
  const std::string command =
      "timeout 120 " + std::string(kChromium) +
      " --headless --no-sandbox --disable-gpu --disable-background-networking"
      " --disable-component-update --disable-sync --no-first-run --user-data-dir='" +
      profile.string() + "' --window-size=1000,1400 " + action + " 'file://" + page.string() +
      "' >/dev/null 2>&1";
  return std::system(command.c_str());
}

std::string_view client_name(Client client) {
  switch (client) {
    case Client::Adherent:
      return "adherent";
    case Client::Worsening:
      return "worsening";
    case Client::Mixed:
      return "mixed";
  }
  return "";
}

// The report of the twelve weeks to 2026-11-29 from `dir`'s records, to `dir`/`file`.
ReportOptions twelve_weeks(const fs::path& dir, std::string_view file, std::string client) {
  ReportOptions options;
  options.data_dir = dir;
  options.assets_dir = UNKNOT_SOURCE_DIR "/assets";
  options.out = dir / file;
  options.weeks = 12;
  options.fallback_utc_offset_min = 0;
  options.now = core::UnixSeconds{sys_days{2026y / November / 29} + 21h};
  options.client_name = std::move(client);
  return options;
}

TEST_CASE("report render: headless Chromium draws each kind of client's page on a few pages") {
  if (!fs::exists(kChromium)) {
    MESSAGE("skipped: /usr/bin/chromium is not installed; nothing was rendered");
    return;
  }
  for (const Client client : {Client::Adherent, Client::Worsening, Client::Mixed}) {
    const std::string name(client_name(client));
    CAPTURE(name);
    storage::testing::TempDir dir;
    fill(dir.path() / "unknot.db", sys_days{2026y / November / 29}, client);
    const ReportOptions options = twelve_weeks(dir.path(), "report.html", "Client " + name);
    std::ostringstream out, err;
    REQUIRE(run_report_html(options, out, err) == 0);
    const std::string html = slurp(options.out);
    // The worsening client is flagged for rising pain, the mixed one for no change after weeks
    // of practice; the adherent one is not flagged, and reads the homework's adherence.
    const bool flagged = html.find("Check with your clinician.") != std::string::npos;
    CHECK(flagged == (client != Client::Adherent));
    if (client == Client::Worsening) CHECK(html.find("higher than at your baseline") != npos);
    if (client == Client::Mixed) CHECK(html.find("has not clearly changed") != npos);
    if (client == Client::Adherent) {
      CHECK(html.find("<dt>Adherence</dt><dd>100 % (33 of 33) prescribed homework") != npos);
      CHECK(html.find("7 days before the homework of 2026-09-14") != npos);
    }

    const fs::path png = dir.path() / "report.png";
    const fs::path pdf = dir.path() / "report.pdf";
    CHECK(chromium(dir.path() / "profile-png", "--screenshot='" + png.string() + "'",
                   options.out) == 0);
    CHECK(chromium(dir.path() / "profile-pdf", "--print-to-pdf='" + pdf.string() + "'",
                   options.out) == 0);

    // Not blank: a white 1000x1400 screenshot compresses to a few kilobytes; charts and text
    // take far more.
    const std::string image = slurp(png);
    REQUIRE(image.size() > 8);
    CHECK(image.compare(1, 3, "PNG") == 0);
    CHECK(image.size() > 20'000);

    // Page objects: "/Type /Page" counts "/Type /Pages" too, once for the page tree.
    const std::string document = slurp(pdf);
    CHECK(document.rfind("%PDF", 0) == 0);
    const std::size_t pages = count(document, "/Type /Page") - count(document, "/Type /Pages");
    CHECK(pages >= 1);
    CHECK(pages <= 4);
    if (const char* keep = std::getenv("UNKNOT_REPORT_KEEP")) {
      const fs::path to(keep);
      fs::copy_file(options.out, to / ("report-" + name + ".html"),
                    fs::copy_options::overwrite_existing);
      fs::copy_file(pdf, to / ("report-" + name + ".pdf"), fs::copy_options::overwrite_existing);
    }
  }
}

TEST_CASE("report render: unknot report --lang es writes the page in Spanish, and it draws") {
  const std::string problem = platform::install_language("es", UNKNOT_TEST_LOCALE_DIR);
  REQUIRE_MESSAGE(problem.empty(), problem);
  storage::testing::TempDir dir;
  {
    // The worsening client, with sessions of a built-in routine (named by the catalog).
    fill(dir.path() / "unknot.db", sys_days{2026y / November / 29}, Client::Worsening);
    auto store = storage::SessionStore::open(dir.path() / "unknot.db");
    const core::UnixSeconds at{sys_days{2026y / November / 27} + 19h};
    const auto id = store.begin_session({"neck_tension_headache", at, 6, "neck", 180s}, 0);
    store.record_step(id, {0, "suboccipitals", core::Side::None, 180s, 180s, false});
    store.complete_session(id, at + 3min);
    store.set_pain_after(id, 4);
  }
  const ReportOptions options = twelve_weeks(dir.path(), "informe.html", "Lucía");
  std::ostringstream out, err;
  const int code = run_report_html(options, out, err);
  platform::install_language("en", UNKNOT_TEST_LOCALE_DIR);
  REQUIRE(code == 0);
  const std::string html = slurp(options.out);
  CHECK(html.find("<html lang=\"es\"") != npos);
  CHECK(html.find("Consulta con tu profesional sanitario.") != npos);
  CHECK(html.find("Presión por músculo (minutos)") != npos);
  // The built-in routine's title and the library's muscle names, from the catalog.
  CHECK(html.find("Cuello y dolor de cabeza tensional") != npos);
  CHECK(html.find("Neck and tension headache") == npos);
  CHECK(html.find("Trapecio superior") != npos);
  CHECK(html.find("Upper trapezius") == npos);
  CHECK(html.find("Check with your clinician.") == npos);
  // Numbers with a decimal comma, dates day first.
  CHECK(html.find("29/11/2026") != npos);

  if (!fs::exists(kChromium)) {
    MESSAGE("not rendered: /usr/bin/chromium is not installed");
    return;
  }
  const fs::path png = dir.path() / "informe.png";
  CHECK(chromium(dir.path() / "profile-png", "--screenshot='" + png.string() + "'", options.out) ==
        0);
  const std::string image = slurp(png);
  REQUIRE(image.size() > 8);
  CHECK(image.compare(1, 3, "PNG") == 0);
  CHECK(image.size() > 20'000);
  if (const char* keep = std::getenv("UNKNOT_REPORT_KEEP")) {
    const fs::path to(keep);
    fs::copy_file(options.out, to / "report-es.html", fs::copy_options::overwrite_existing);
    fs::copy_file(png, to / "report-es.png", fs::copy_options::overwrite_existing);
  }
}

}  // namespace
}  // namespace unknot::cli
