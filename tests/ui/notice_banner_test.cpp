// The problem banner over every screen: a long notice wraps in full, reason and all.
#include <doctest/doctest.h>

#include <string>

#include "app/page_layout.h"
#include "page_check.h"

namespace unknot::ui {
namespace {

const std::string kLongNotice =
    "Couldn't save: the data file /home/someone/.local/share/unknot/unknot.db could not be "
    "written because the disk is full; free some space and the next change will be saved";

}  // namespace

TEST_CASE("a long notice is wrapped whole in a banner as tall as its lines") {
  const auto& measure = app::estimated_text();
  const app::NoticeBanner banner = app::notice_banner(measure, {360, 640}, kLongNotice);
  REQUIRE(banner.text.lines.size() > 2);
  std::string joined;
  for (const auto& line : banner.text.lines) joined += (joined.empty() ? "" : " ") + line;
  CHECK(joined == kLongNotice);
  CHECK(banner.bar.h == doctest::Approx(banner.text.box.h + 10));
  CHECK(banner.text.box.bottom() <= banner.bar.bottom());
  CHECK(banner.bar.w == 360);
  const app::NoticeBanner one = app::notice_banner(measure, {360, 640}, "Couldn't save");
  CHECK(one.bar.h == doctest::Approx(28));
}

TEST_CASE("a long notice shows in full, inside the window, at 360x640 and larger text") {
  const auto states = [] {
    std::vector<pages::PageState> out;
    app::AppModel home = pages::builtin_model();
    home.notice = kLongNotice;
    out.push_back({"home with a long notice", home, true});
    app::AppModel routine = pages::press(pages::builtin_model(), app::ControlKind::RoutineCard, 0);
    routine.notice = kLongNotice;
    out.push_back({"routine with a long notice", routine, true});
    return out;
  };
  // The notice is a message the test makes up, in English.
  pages::PageCheck check{{{360, 640, 1}, {360, 640, 2}, {1280, 800, 1}},
                         {1.0f, 2.0f},
                         {{ThemeKind::Dark, false}, {ThemeKind::Light, true}},
                         {}};
  check.own_words = {kLongNotice};
  pages::check_pages(states, check);
}

}  // namespace unknot::ui
