// The routine page, the rating, the session player and its questions, the summary and the two
// prompts, drawn with the real font at phone and desktop sizes in both themes: no text cut short,
// outside the window or on other text; every step and caution listed in full; scrolled to the
// end, the last of it wholly in view.
#include <SDL.h>
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "app/player_page.h"
#include "app/prompt_pages.h"
#include "app/routine_page.h"
#include "app/screens.h"
#include "app/update.h"
#include "app/view.h"
#include "core/translate.h"
#include "shell/routine_files.h"
#include "ui/canvas.h"
#include "ui/canvas_builders.h"
#include "ui/page_check.h"
#include "ui/screens.h"

namespace unknot::ui {
namespace {

// A homework file's problems as a test writes them (English: the parser's own words are checked
// in tests/core).
const std::string kFileProblems =
    "/home/sam/Downloads/Neck homework for Alex.unknot:12:7: steps[3].hold_s: 400 is longer than "
    "the 180 s a hold may last; ask for 180 or less\nline 2: note: too long";

using K = app::ControlKind;
using namespace std::chrono_literals;

using pages::act;
using pages::press;

app::AppModel base() { return pages::builtin_model(); }

// Joins wrapped lines back into the text they came from (lines break at spaces).
std::string joined(const app::TextBlock& b) {
  std::string out;
  for (const auto& line : b.lines) out += (out.empty() ? "" : " ") + line;
  return out;
}

std::vector<std::pair<std::string, app::AppModel>> states() {
  std::vector<std::pair<std::string, app::AppModel>> out;
  const app::AppModel m = base();
  for (int r = 0; r < static_cast<int>(m.catalog.size()); ++r) {
    const app::AppModel page = press(m, K::RoutineCard, r);
    out.emplace_back("routine " + m.catalog[static_cast<std::size_t>(r)].routine.id, page);
    const app::AppModel rating = pages::start(page);
    out.emplace_back("rating " + std::to_string(r), press(rating, K::Confirm));  // with the hint
    app::AppModel session = press(press(rating, K::PainValue, 6), K::Confirm);
    // Every step of the routine, a tick into each.
    const auto& timeline = *session.session->timeline;
    for (int i = 0; i < timeline.step_count(); ++i) {
      session = act(session, app::Tick{session.session_now + 4s, session.wall_now, {}});
      out.emplace_back("player " + std::to_string(r) + " step " + std::to_string(i), session);
      session = press(session, K::Skip);
      if (!std::holds_alternative<app::PlayerScreen>(session.screen)) break;
    }
    app::AppModel asking = press(press(press(rating, K::PainValue, 6), K::Confirm), K::End);
    out.emplace_back("end question " + std::to_string(r), asking);
    const app::AppModel after = press(asking, K::EndConfirm);  // the rating after, ended early
    out.emplace_back("rating after early " + std::to_string(r), after);
    out.emplace_back("rating after skip question " + std::to_string(r), press(after, K::Skip));
    out.emplace_back("summary " + std::to_string(r), press(after, K::Skip, 1));
  }
  app::AppModel resume = m;
  resume = act(resume, app::InterruptedFound{7, m.catalog[0].routine.id, 3, 5, "", std::nullopt});
  out.emplace_back("resume", resume);
  app::AppModel error =
      act(m, app::FileOpenFailed{core::tr("This homework file has problems"), kFileProblems, true});
  out.emplace_back("error", error);
  out.emplace_back("error details", press(error, K::ShowDetails));
  return out;
}

struct WindowSize {
  int w, h;
};

}  // namespace

std::vector<pages::PageState> page_states() {
  std::vector<pages::PageState> out;
  // The end-session question floats over the player.
  for (auto& [name, model] : states())
    out.push_back(
        {name, model,
         name.rfind("end question", 0) == 0 || name.rfind("rating after skip question", 0) == 0});
  return out;
}

TEST_CASE("the session pages show every text whole, in the window and apart, at every size") {
  pages::PageCheck check{pages::every_size(), {1.0f}, pages::every_look(), {}};
  check.own_words = {kFileProblems};  // the file's problems, as the parser said them
  pages::check_pages(page_states, check);
}

TEST_CASE("the session pages reflow at 150 and 200 percent text, also in high contrast") {
  pages::PageCheck check{
      pages::key_sizes(), {1.5f, 2.0f}, {{ThemeKind::Dark, true}, {ThemeKind::Light, false}}, {}};
  check.own_words = {kFileProblems};
  pages::check_pages(page_states, check);
}

TEST_CASE(
    "the routine page lists every step and every caution in full, and scrolls to the last "
    "caution") {
  REQUIRE(SDL_Init(0) == 0);
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 360, 640, 32, SDL_PIXELFORMAT_ARGB8888);
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  REQUIRE(renderer != nullptr);
  {
    Canvas canvas(renderer);
    const app::AppModel m = base();
    for (int r = 0; r < static_cast<int>(m.catalog.size()); ++r) {
      const auto& routine = m.catalog[static_cast<std::size_t>(r)].routine;
      CAPTURE(routine.id);
      REQUIRE(routine.cautions.size() >= 2);
      const app::RoutineScreen page{r, {}};
      const auto top = app::routine_page_layout(m, page, {{360, 640}, canvas, 0});
      CHECK(top.steps.size() == routine.steps.size());
      REQUIRE(top.cautions.size() == routine.cautions.size());
      for (std::size_t i = 0; i < routine.cautions.size(); ++i)
        CHECK(joined(top.cautions[i]) == routine.cautions[i]);
      // The page is taller than a phone, and its end brings the last caution wholly into view.
      CHECK(top.content_h > top.page.viewport.h);
      const auto end = app::routine_page_layout(m, page, {{360, 640}, canvas, 1e7f});
      const app::Rect last = end.cautions.back().box;
      CHECK(last.y >= end.page.viewport.y);
      CHECK(last.bottom() <= end.page.viewport.bottom());
    }
  }
  SDL_DestroyRenderer(renderer);
  SDL_FreeSurface(surface);
}

TEST_CASE("the session shows the whole instruction and muscle name at 360 x 640") {
  REQUIRE(SDL_Init(0) == 0);
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 360, 640, 32, SDL_PIXELFORMAT_ARGB8888);
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  REQUIRE(renderer != nullptr);
  {
    auto canvas = std::make_shared<Canvas>(renderer);
    const std::shared_ptr<const app::TextMeasure> measure(canvas, canvas.get());
    for (auto [name_, model_] : states()) {
      // Named again: clang 14 cannot capture a structured binding in a lambda.
      auto& name = name_;
      auto& model = model_;
      if (name.rfind("player", 0) != 0) continue;
      CAPTURE(name);
      model = act(act(model, app::TextMeasureReady{measure}), app::Resized{360, 640});
      const app::PlayerView v = app::player_view(model);
      const auto l = app::player_page_layout(model, std::get<app::PlayerScreen>(model.screen),
                                             {{360, 640}, *canvas, 0});
      CHECK(joined(l.heading) == v.heading);
      CHECK(joined(l.instruction) == v.instruction);
      // Text stands above the pacer's ring, which keeps a readable size.
      CHECK(l.pacer_center.y - l.pacer_radius >= l.pressure.box.bottom() - 0.5f);
      CHECK(l.pacer_radius >= 40);
    }
  }
  SDL_DestroyRenderer(renderer);
  SDL_FreeSurface(surface);
}

namespace {

std::uint32_t pixel_at(const SDL_Surface* s, int x, int y) {
  return static_cast<const std::uint32_t*>(s->pixels)[y * (s->pitch / 4) + x];
}

bool inside_any(const std::vector<app::Rect>& rects, int x, int y, float px) {
  for (const auto& r : rects) {
    if (static_cast<float>(x) >= std::floor(r.x * px) &&
        static_cast<float>(x) < std::ceil(r.right() * px) &&
        static_cast<float>(y) >= std::floor(r.y * px) &&
        static_cast<float>(y) < std::ceil(r.bottom() * px))
      return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the session's moving layer draws nowhere outside the rects a frame shows") {
  // A frame that shows only those rects would otherwise leave stale pixels on screen.
  for (const auto& [w_, h_, text_, still_] :
       {std::tuple{360, 640, 1.0f, false}, std::tuple{390, 844, 1.0f, true},
        std::tuple{320, 568, 2.0f, false}, std::tuple{1280, 800, 1.5f, false}}) {
    // Named again: clang 14 cannot capture a structured binding in a lambda.
    const auto& w = w_;
    const auto& h = h_;
    const auto& text = text_;
    const auto& still = still_;
    test::with_canvas(
        static_cast<float>(w), static_cast<float>(h),
        [&](Canvas& c, SDL_Renderer* renderer, SDL_Surface* surface) {
          Canvas* canvas = &c;
          canvas->set_text_scale(text);
          const std::shared_ptr<const app::TextMeasure> measure(canvas,
                                                                [](const app::TextMeasure*) {});
          app::AppModel m = act(base(), app::TextMeasureReady{measure});
          m = act(m, app::Resized{static_cast<float>(w), static_cast<float>(h)});
          m.comfort.reduce_motion = still;
          m = press(press(pages::start(press(m, K::RoutineCard, 0)), K::PainValue, 5), K::Confirm);
          const Palette& p = palette(ThemeKind::Dark);
          const app::Size window{static_cast<float>(w), static_cast<float>(h)};
          // Into the countdown, mid-inhale, mid-exhale and a later step with its caption.
          for (const auto t : {1s, 7s, 9s, 12s, 40s, 95s}) {
            CAPTURE(w);
            CAPTURE(text);
            CAPTURE(t.count());
            const app::AppModel at = act(m, app::Tick{m.session_now + t, m.wall_now, {}});
            const auto& s = std::get<app::PlayerScreen>(at.screen);
            DrawContext dc{*canvas, p, window, {}};
            const PlayerFrame f = player_frame(dc, at, s);
            canvas->begin_frame(p.background);
            draw_player_static(dc, at, f);
            SDL_RenderFlush(renderer);
            const std::vector<std::uint32_t> before(
                static_cast<const std::uint32_t*>(surface->pixels),
                static_cast<const std::uint32_t*>(surface->pixels) + surface->pitch / 4 * h);
            draw_player_dynamic(dc, at, s, f);
            SDL_RenderFlush(renderer);
            const auto rects = player_dynamic_rects(dc, at, s, f);
            REQUIRE_FALSE(rects.empty());
            int changed = 0, outside = 0;
            for (int y = 0; y < h; ++y) {
              for (int x = 0; x < w; ++x) {
                if (pixel_at(surface, x, y) ==
                    before[static_cast<std::size_t>(y * (surface->pitch / 4) + x)])
                  continue;
                ++changed;
                if (!inside_any(rects, x, y, 1.0f)) {
                  if (outside == 0) MESSAGE("first outside at " << x << "," << y);
                  ++outside;
                }
              }
            }
            CHECK(changed > 0);  // the pacer, at least, was drawn
            CHECK(outside == 0);
            canvas->end_frame();
          }
          // A question over the page dims all of it: no rects, the whole frame is drawn.
          const app::AppModel asking = press(m, K::End);
          DrawContext dc{*canvas, p, window, {}};
          const auto& asking_s = std::get<app::PlayerScreen>(asking.screen);
          CHECK(player_dynamic_rects(dc, asking, asking_s, player_frame(dc, asking, asking_s))
                    .empty());
        });
  }
}

TEST_CASE("the pacer's rings are drawn with their colours over the ground, and clear past it") {
  test::with_canvas(200, 200, [](Canvas& canvas, SDL_Renderer* renderer, SDL_Surface* surface) {
    const Color page{200, 0, 0, 255}, ground{10, 20, 30, 255}, disc{0, 200, 100, 255};
    const auto at = [&](int x, int y) {
      const std::uint32_t v = pixel_at(surface, x, y);
      return Color{static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>(v >> 8),
                   static_cast<std::uint8_t>(v), 255};
    };
    for (int frame = 0; frame < 2; ++frame) {  // the second draws the kept texture again
      canvas.begin_frame(page);
      canvas.fill_rings(
          {100, 100}, {{0, 40, disc.with_alpha(128)}, {58, 62, Color{255, 255, 255, 255}}}, ground);
      SDL_RenderFlush(renderer);
      CAPTURE(frame);
      // Inside the disc: half the disc's colour over the ground.
      const Color mid = at(100, 100);
      CHECK(std::abs(mid.g - (20 + (200 - 20) * 128 / 255)) <= 2);
      CHECK(std::abs(mid.r - 10 * 127 / 255) <= 2);
      // Between the disc and the ring: the ground; on the ring: white; past it: the page.
      const Color gap = at(150, 100);
      CHECK((gap.r == 10 && gap.g == 20 && gap.b == 30));
      const Color rim = at(160, 100);
      CHECK((rim.r == 255 && rim.g == 255 && rim.b == 255));
      const Color out = at(195, 100);
      CHECK((out.r == 200 && out.g == 0 && out.b == 0));
      const Color corner = at(150, 150);  // 70.7 from the centre: past the ground's edge
      CHECK((corner.r == 200 && corner.g == 0));
      canvas.end_frame();
    }
  });
}

}  // namespace unknot::ui
