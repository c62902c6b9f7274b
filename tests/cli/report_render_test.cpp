// Renders a report in headless Chromium, when it is installed, to check the page really draws
// and prints on two or three pages (the week-by-week table, PGIC and pressure per muscle came
// with issue 10). Skipped (and counted as passed) without /usr/bin/chromium.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/report_html.h"
#include "storage/session_store.h"
#include "storage/temp_dir.h"

namespace unknot::cli {
namespace {

using namespace std::chrono;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

constexpr std::string_view kChromium = "/usr/bin/chromium";

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

// Twelve weeks of daily ratings and most days a session: the size the report is made for.
void fill(const fs::path& database, sys_days last) {
  auto store = storage::SessionStore::open(database);
  const sys_days first = last - days{83};
  for (int d = 0; d < 84; ++d) {
    const core::UnixSeconds evening{first + days{d} + 20h};
    store.add_checkin(storage::CheckinKind::DailyPain, 7 - d / 14, evening, 0, "");
    if (d % 3 == 1) continue;
    const auto id = store.begin_session({"neck_release", evening - 2h, 6, "neck"}, 0);
    store.record_step(id, {0, "upper_trapezius", core::Side::Left, 300s, 300s, false});
    store.complete_session(id, evening - 2h + 6min);
    store.set_pain_after(id, 4);
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

TEST_CASE("report render: headless Chromium draws a page that prints on two or three pages") {
  if (!fs::exists(kChromium)) {
    MESSAGE("skipped: /usr/bin/chromium is not installed; nothing was rendered");
    return;
  }
  storage::testing::TempDir dir;
  const core::UnixSeconds now{sys_days{2026y / November / 29} + 21h};
  fill(dir.path() / "unknot.db", sys_days{2026y / November / 29});
  ReportOptions options;
  options.data_dir = dir.path();
  options.out = dir.path() / "report.html";
  options.weeks = 12;
  options.fallback_utc_offset_min = 0;
  options.now = now;
  std::ostringstream out, err;
  REQUIRE(run_report_html(options, out, err) == 0);

  const fs::path png = dir.path() / "report.png";
  const fs::path pdf = dir.path() / "report.pdf";
  CHECK(chromium(dir.path() / "profile-png", "--screenshot='" + png.string() + "'", options.out) ==
        0);
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
  CHECK(pages <= 3);
  if (const char* keep = std::getenv("UNKNOT_REPORT_KEEP")) {
    fs::copy_file(png, fs::path(keep) / "report.png", fs::copy_options::overwrite_existing);
    fs::copy_file(pdf, fs::path(keep) / "report.pdf", fs::copy_options::overwrite_existing);
  }
}

}  // namespace
}  // namespace unknot::cli
