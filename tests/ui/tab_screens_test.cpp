// Home, Progress, History, an entry and Settings drawn with the real font at phone and desktop
// sizes, in both themes, with long content: every text record whole (only a History row's note
// may end in "…", the row opens it), inside the window, on no other; scrolled to the end, the
// last item is wholly in view.
#include <SDL.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>

#include "app/bodymap_builders.h"
#include "app/home_page.h"
#include "app/progress_builders.h"
#include "app/screens.h"
#include "app/trends_page.h"
#include "app/update.h"
#include "shell/routine_files.h"
#include "ui/canvas.h"
#include "ui/canvas_builders.h"
#include "ui/page_check.h"
#include "ui/screens.h"

namespace unknot::ui {
namespace {

struct WindowSize {
  float w, h;
};
constexpr WindowSize kSizes[] = {{320, 568}, {360, 640}, {390, 844}, {1280, 800}, {1920, 1080}};

const std::string kLongTitle =
    "Upper back, neck and shoulders after a long day at the desk, gently, with the breath";
const std::string kLongNote =
    "Slowly, and breathe out as you lean in; stop if anything feels sharp or electric.\nSee you "
    "Friday, and bring the ball.";
// The person's own words in these states (page_check.h): drawn as written in any language.
const std::vector<std::string> kOwnWords = {
    kLongTitle,
    kLongNote,
    "Take your time with each hold, and ease off whenever it feels too much.",
    "Dr. Alexandra Montgomery-Whitfield, physiotherapist",
    " Then the left side, which was tighter still.",
    "/home/someone-with-a-long-name/Documents/Clinic/Clients/Unknot report for the twelve weeks "
    "to 2026-11-25.html"};

using pages::act;
using pages::press;

// The real catalog, every title and summary made long, each with a last result.
app::AppModel long_catalog(WindowSize size) {
  app::AppModel m = pages::builtin_model();
  for (auto& e : m.catalog) {
    e.routine.title = kLongTitle + " (" + e.routine.id + ")";
    e.routine.summary += " Take your time with each hold, and ease off whenever it feels too much.";
    e.last = app::LastResult{e.routine.id, 4, 1};
  }
  m.screened_at = m.wall_now - std::chrono::hours(24);
  return act(m, app::Resized{size.w, size.h});
}

app::AppModel with_homework(app::AppModel m) {
  app::HomeworkLoaded loaded;
  core::Routine r = m.catalog.front().original;
  r.id = "homework:hw-long";
  app::HomeworkStatus s;
  s.id = "hw-long";
  s.title = kLongTitle;
  s.therapist = "Dr. Alexandra Montgomery-Whitfield, physiotherapist";
  s.note = kLongNote;
  s.done_today = 1;
  s.prescribed_today = 2;
  s.done_week = 1;
  s.prescribed_week = 12;
  s.days_left = 24;
  loaded.routines.push_back(r);
  loaded.status.push_back(s);
  return act(m, loaded);
}

app::HistoryEntry entry(const app::AppModel& m, int i) {
  app::HistoryEntry e;
  e.id = 100 - i;
  e.routine_id = m.catalog[static_cast<std::size_t>(i) % m.catalog.size()].routine.id;
  e.started_at = core::UnixSeconds{std::chrono::seconds(1'790'000'000 - i * 86'400)};
  e.utc_offset_min = 60;
  e.before = 4;
  e.after = i == 0 ? 1 : 2 + i % 3;
  e.region = "Neck";
  e.done = std::chrono::minutes{12};
  e.status = i % 4 == 1 ? app::EntryStatus::EndedEarly : app::EntryStatus::Completed;
  if (i % 3 == 0) e.note = kLongNote;
  return e;
}

app::AppModel with_history(app::AppModel m, int n) {
  m.history.loaded = true;
  m.history.more = false;
  for (int i = 0; i < n; ++i) m.history.entries.push_back(entry(m, i));
  return m;
}

app::AppModel open(app::AppModel m, app::Screen s) {
  m.screen = std::move(s);
  m.scroll = {};
  m.focus = 0;
  return m;
}

app::AppModel to_end(app::AppModel m) { return act(std::move(m), app::Scrolled{1e7f}); }

struct State {
  std::string name;
  app::AppModel model;
  bool overlay = false;  // a dialog over the page: the page's text may lie under it
};

std::vector<State> states(WindowSize size) {
  std::vector<State> out;
  const app::AppModel base = long_catalog(size);
  const app::AppModel home = with_homework(base);
  out.push_back({"home", home});
  out.push_back({"home middle", act(home, app::Scrolled{400})});
  out.push_back({"home end", to_end(home)});
  app::AppModel settings = base;
  settings.therapist_mode = true;
  settings.profile = {true, true, true, true, true};
  settings = press(settings, app::ControlKind::Settings);
  out.push_back({"settings", settings});
  out.push_back({"settings end", to_end(settings)});
  const core::Day today = test::day_of(2026, 11, 25);
  app::AppModel trends = test::with_progress(base, today, 84);
  trends.library = test::asset_library();  // the muscles' names, in the language, as the app has
  trends = open(trends, app::TrendsScreen{app::TrendsPeriod::Weeks12, "Neck", core::Side::Left});
  for (int k = 0; k <= 6; ++k) {
    out.push_back(
        {"trends " + std::to_string(k), act(trends, app::Scrolled{static_cast<float>(k) * 300})});
  }
  out.push_back({"trends end", to_end(trends)});
  app::AppModel empty = base;
  empty.progress = app::ProgressData{{}, today};
  out.push_back({"trends empty", open(empty, app::TrendsScreen{})});
  out.push_back({"trends loading", open(base, app::TrendsScreen{})});
  app::AppModel toast =
      act(trends, app::ReportShared{"/home/someone/Documents/Unknot report 2026-11-25.html"});
  out.push_back({"trends saved end", to_end(toast), true});
  app::AppModel unopened =
      act(trends, app::ReportShared{"/home/someone-with-a-long-name/Documents/Clinic/Clients/"
                                    "Unknot report for the twelve weeks to 2026-11-25.html",
                                    app::OpenOutcome::NothingCouldOpen});
  out.push_back({"trends saved unopened", act(unopened, app::FolderShown{false}), true});
  const app::AppModel history = open(with_history(base, 24), app::HistoryScreen{});
  out.push_back({"history", history});
  out.push_back({"history end", to_end(history)});
  app::AppModel undo = history;
  undo.undo =
      app::PendingUndo{7, "Session of 24 Nov deleted", undo.wall_now + std::chrono::seconds(8)};
  out.push_back({"history undo end", to_end(undo)});
  out.push_back({"history empty", open(with_history(base, 0), app::HistoryScreen{})});
  const app::AppModel opened = press(history, app::ControlKind::HistoryRow, 0);
  REQUIRE(std::holds_alternative<app::EntryScreen>(opened.screen));
  out.push_back({"entry", opened});
  out.push_back({"entry end", to_end(opened)});
  app::AppModel typing = press(opened, app::ControlKind::NoteField);
  for (int i = 0; i < 4; ++i)
    typing = act(typing, app::TextTyped{" Then the left side, which was tighter still."});
  out.push_back({"entry typing", typing});
  out.push_back({"entry delete question", press(opened, app::ControlKind::Delete), true});
  return out;
}

// A History row's note line: the only text that may be shortened.
bool is_note(const std::string& text) {
  std::string t = text;
  if (t.rfind(" · ", 0) == 0) t = t.substr(std::string(" · ").size());
  if (t.size() >= 3 && t.compare(t.size() - 3, 3, "…") == 0) t.resize(t.size() - 3);
  return !t.empty() && kLongNote.rfind(t, 0) == 0;
}

template <class Body>
void with_canvas(WindowSize size, Body body) {
  test::with_canvas(size.w, size.h, body);
}

// Gives the model the canvas' font (as the shell does), so layouts wrap as the text is drawn.
app::AppModel measured(app::AppModel m, const Canvas& canvas) {
  m.text = std::shared_ptr<const app::TextMeasure>(&canvas, [](const app::TextMeasure*) {});
  return act(std::move(m), app::Resized{m.window_w, m.window_h});
}

}  // namespace

TEST_CASE("the tab screens draw every text whole, inside the window and apart, at every size") {
  const char* dump = std::getenv("UNKNOT_DUMP_DIR");
  for (const WindowSize size : kSizes) {
    with_canvas(size, [&](Canvas& canvas, SDL_Renderer* renderer, SDL_Surface* surface) {
      for (auto [name_, model_, overlay_] : states(size)) {
        // Named again: clang 14 cannot capture a structured binding in a lambda.
        auto& name = name_;
        auto& model = model_;
        auto& overlay = overlay_;
        for (ThemeKind theme : {ThemeKind::Dark, ThemeKind::Light}) {
          CAPTURE(size.w);
          CAPTURE(size.h);
          CAPTURE(name);
          // Laid out with the real font from the start, as the shell's first frame is.
          app::AppModel m = model;
          m.text = std::shared_ptr<const app::TextMeasure>(&canvas, [](const app::TextMeasure*) {});
          if (name.ends_with(" end")) m = to_end(m);
          canvas.begin_frame(palette(theme).background);
          DrawContext dc{canvas, palette(theme), {size.w, size.h}, app::focused_control(m)};
          draw(dc, m);
          if (dump != nullptr && theme == ThemeKind::Light) {
            SDL_RenderFlush(renderer);
            std::string file = std::string(dump) + "/" + std::to_string(static_cast<int>(size.w)) +
                               "-" + name + ".bmp";
            std::replace(file.begin() + static_cast<std::ptrdiff_t>(std::string(dump).size()),
                         file.end(), ' ', '_');
            SDL_SaveBMP(surface, file.c_str());
          }
          test::check_text_log(canvas.text_log(), {size.w, size.h}, overlay, is_note);
          canvas.end_frame();
        }
      }
    });
  }
}

TEST_CASE("the tab screens reflow at 150 and 200 percent text, also in high contrast") {
  const auto all = [] {
    std::vector<pages::PageState> out;
    for (auto& s : states({390, 844})) {
      // The shared check scrolls each state to its end itself.
      if (!s.name.ends_with(" end")) out.push_back({s.name, s.model, s.overlay});
    }
    return out;
  };
  pages::PageCheck check{pages::key_sizes(),
                         {1.5f, 2.0f},
                         {{ThemeKind::Dark, true}, {ThemeKind::Light, false}},
                         [](std::string_view t) { return is_note(std::string(t)); }};
  check.own_words = kOwnWords;
  pages::check_pages(all, check);
}

TEST_CASE("History shows a 4 → 1 session's ratings in full beside a long title") {
  for (const WindowSize size : kSizes) {
    with_canvas(size, [&](Canvas& canvas, SDL_Renderer*, SDL_Surface*) {
      CAPTURE(size.w);
      app::AppModel m =
          measured(open(with_history(long_catalog(size), 3), app::HistoryScreen{}), canvas);
      canvas.begin_frame(palette(ThemeKind::Dark).background);
      DrawContext dc{canvas, palette(ThemeKind::Dark), {size.w, size.h}, std::nullopt};
      draw(dc, m);
      const auto& log = canvas.text_log();
      const auto rating = std::find_if(log.begin(), log.end(),
                                       [](const TextRecord& r) { return r.text == "4 → 1"; });
      REQUIRE(rating != log.end());
      CHECK_FALSE(rating->truncated);
      // The title's last words are there too, on the title's last line, left of the rating.
      const std::string end = m.catalog.front().routine.id + ")";
      const auto last = std::find_if(log.begin(), log.end(), [&](const TextRecord& r) {
        return r.text.size() >= end.size() &&
               r.text.compare(r.text.size() - end.size(), end.size(), end) == 0;
      });
      REQUIRE(last != log.end());
      CHECK_FALSE(last->truncated);
      CHECK(last->box.right() <= rating->box.x);
      CHECK(last->box.y >= rating->box.y - 1);
      canvas.end_frame();
    });
  }
}

TEST_CASE("scrolled to the end, each tab screen shows its last item wholly inside the viewport") {
  for (const WindowSize size : kSizes) {
    with_canvas(size, [&](Canvas& canvas, SDL_Renderer*, SDL_Surface*) {
      CAPTURE(size.w);
      CAPTURE(size.h);
      const app::AppModel base = long_catalog(size);
      const auto inside = [](app::Rect r, app::Rect vp) {
        return r.y >= vp.y - 0.5f && r.bottom() <= vp.bottom() + 0.5f;
      };
      // The last target of each scrolling screen, found in its frame (not clipped by hits).
      const auto last_scrolling = [](const app::ScreenFrame& f) {
        app::Rect r{};
        for (const auto& t : f.targets) {
          if (t.scrolls) r = t.rect;
        }
        return r;
      };
      app::AppModel therapist = base;
      therapist.therapist_mode = true;
      therapist.profile = {true, true, true, true, true};
      const std::pair<std::string, app::AppModel> models[] = {
          {"home", with_homework(base)},
          {"settings", press(therapist, app::ControlKind::Settings)},
          {"history", open(with_history(base, 30), app::HistoryScreen{})},
      };
      for (const auto& [name_, start_] : models) {
        // Named again: clang 14 cannot capture a structured binding in a lambda.
        const auto& name = name_;
        const auto& start = start_;
        CAPTURE(name);
        const app::AppModel m = to_end(measured(start, canvas));
        const app::ScreenFrame f = app::screen_frame(m);
        if (size.h <= 640) CHECK(f.max_scroll() > 0);  // long enough to scroll on a phone
        CHECK(m.scroll.offset == doctest::Approx(f.max_scroll()));
        CHECK(inside(last_scrolling(f), f.viewport));
      }
      // Progress: the last card, the pressure by muscle, wholly above the tab bar.
      const core::Day today = test::day_of(2026, 11, 25);
      const app::AppModel trends =
          to_end(measured(open(test::with_progress(base, today, 84), app::TrendsScreen{}), canvas));
      const auto& s = std::get<app::TrendsScreen>(trends.screen);
      const app::TrendsLayout l = app::trends_layout(trends, s, app::env_of(trends));
      CHECK(inside(l.dose.card, l.list));
      CHECK(l.list.bottom() <= size.h - app::kTabBarHeight + 0.5f);
      // An entry: the note field, above Save.
      const app::AppModel opened = to_end(measured(
          press(open(with_history(base, 3), app::HistoryScreen{}), app::ControlKind::HistoryRow, 0),
          canvas));
      const app::ScreenFrame ef = app::screen_frame(opened);
      const auto note =
          std::find_if(ef.targets.begin(), ef.targets.end(), [](const app::Target& t) {
            return t.control == app::Control{app::ControlKind::NoteField, 0};
          });
      REQUIRE(note != ef.targets.end());
      CHECK(inside(note->rect, ef.viewport));
    });
  }
}

TEST_CASE("Home's keyboard order reaches Sound right after the title, before the cards") {
  const app::AppModel m = with_homework(long_catalog({390, 844}));
  const auto list = app::controls(m);
  REQUIRE(list.size() > 3);
  CHECK(list[0] == app::Control{app::ControlKind::Sound, 0});
  CHECK(list[1] == app::Control{app::ControlKind::HomeworkCard, 0});
  CHECK(list[2] == app::Control{app::ControlKind::JustBreathe, 0});
  CHECK(list.back() == app::Control{app::ControlKind::Settings, 0});
}

}  // namespace unknot::ui
