// The homework builder's pages drawn with the real font at 360×640 and 1280×800, both themes:
// no title, step name or number cut short, every text inside the window and on no other;
// scrolled to the end, the last card wholly in view. The − and + on a breathing block's card
// are drawn as buttons one can see, and Delete is never drawn as the main action (nor is it in
// the pattern editor's and a History entry's questions).
#include <SDL.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "app/bodymap_builders.h"
#include "app/builder_page.h"
#include "app/builder_step_page.h"
#include "app/screens.h"
#include "app/update.h"
#include "ui/canvas.h"
#include "ui/canvas_builders.h"
#include "ui/page_check.h"
#include "ui/screens.h"

namespace unknot::ui {
namespace {

// The person's own words in these states (page_check.h): drawn as written in any language.
const std::vector<std::string> kOwnWords = {
    " for a client with neck, jaw, hip and low back pain, week one",
    std::string(60, 'w') + " lean in slowly and breathe out",
    "Dr. Alexandra Montgomery-Fitzwilliam, physiotherapist",
    "Ease in on the out-breath. ",
    "/home/lee/Documents/Home programme.unknot",
    "/home/lee/Documents/Home programme.ics"};

using K = app::ControlKind;

struct WindowSize {
  float w, h;
};
constexpr WindowSize kSizes[] = {{360, 640}, {1280, 800}};

using pages::act;
using pages::press;

app::AppModel pick(app::AppModel m, const std::string& id) {
  m = press(m, K::AddMuscle);
  const auto rows = app::builder_pick_rows(m);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].muscle->id == id) return press(m, K::MusclePick, static_cast<int>(i));
  }
  FAIL("no muscle " << id);
  return m;
}

// The routine page with the longest muscle names of the library and a long title.
app::AppModel full_builder(const Canvas& canvas, WindowSize size) {
  app::AppModel m;
  m.wall_now = core::UnixSeconds{std::chrono::seconds(1'790'000'000)};
  m.text = std::shared_ptr<const app::TextMeasure>(&canvas, [](const app::TextMeasure*) {});
  m = act(m, app::LibraryLoaded{test::asset_library(), test::asset_body_map()});
  m = act(m, app::Resized{size.w, size.h});
  m.therapist_mode = true;
  m = press(press(m, K::Settings), K::BuildHomework);
  for (const char* id : {"rectus_femoris", "tensor_fasciae_latae", "sternocleidomastoid",
                         "quadratus_lumborum", "forearm_extensors", "levator_scapulae"})
    m = pick(m, id);
  m = press(m, K::BuilderField, 0);
  m = act(m, app::TextTyped{" for a client with neck, jaw, hip and low back pain, week one"});
  return m;
}

// Every page and question of the builder, laid out for `size` with the canvas' font.
std::vector<pages::PageState> states(const Canvas& canvas, WindowSize size) {
  std::vector<pages::PageState> out;
  const app::AppModel m = full_builder(canvas, size);
  out.push_back({"routine", m});
  app::AppModel problems = press(m, K::HomeworkSchedule);
  for (int i = 0; i < 7; ++i) problems = press(problems, K::DayToggle, i);
  problems = press(press(problems, K::Done), K::ExportHomework);
  out.push_back({"routine problems", problems});
  out.push_back({"routine saved sheet",
                 act(press(m, K::ExportHomework),
                     app::HomeworkExported{"/home/lee/Documents/Home programme.unknot",
                                           "/home/lee/Documents/Home programme.ics"}),
                 true});
  out.push_back({"routine new question", press(m, K::NewHomework), true});
  for (int i = 0; i < static_cast<int>(m.homework_draft.steps.size()); ++i) {
    app::AppModel step = press(m, K::StepRow, i);
    if (i == 1) step = press(step, K::BuilderUp, app::value_index(app::BuilderValue::Reps));
    if (i == 2) step = press(step, K::HoldUnit, 1);
    out.push_back({"step " + std::to_string(i), step});
  }
  app::AppModel typed = press(press(m, K::StepRow, 0), K::BuilderField, 1);
  typed = act(typed, app::TextTyped{std::string(60, 'w') + " lean in slowly and breathe out"});
  out.push_back({"step long instruction", typed});
  out.push_back({"picker", press(m, K::AddMuscle)});
  app::AppModel plan = press(press(m, K::HomeworkSchedule), K::BuilderField, 2);
  plan = act(plan, app::TextTyped{"Dr. Alexandra Montgomery-Fitzwilliam, physiotherapist"});
  plan = press(plan, K::BuilderField, 3);
  for (int i = 0; i < 12; ++i) plan = act(plan, app::TextTyped{"Ease in on the out-breath. "});
  out.push_back({"plan", plan});
  return out;
}

template <class Body>
void with_canvas(WindowSize size, Body body) {
  test::with_canvas(size.w, size.h, body);
}

Color pixel(SDL_Surface* s, float x, float y) {
  const int px = std::clamp(static_cast<int>(x), 0, s->w - 1);
  const int py = std::clamp(static_cast<int>(y), 0, s->h - 1);
  const auto* row = static_cast<const std::uint32_t*>(s->pixels) + py * (s->pitch / 4);
  const std::uint32_t v = row[px];
  return {static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>(v >> 8),
          static_cast<std::uint8_t>(v), 255};
}

bool same(Color a, Color b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

// The strongest contrast against `fill` along a button's left edge, at its middle: its outline,
// if it has one that shows.
double edge_contrast(SDL_Surface* s, app::Rect r, Color fill) {
  double most = 1;
  for (float x = r.x - 1; x <= r.x + 3; x += 1)
    most = std::max(most, contrast_ratio(pixel(s, x, r.center().y), fill));
  return most;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : " ") + l;
  return out;
}

TEST_CASE("the builder's pages show every title, step name and number whole, inside the window") {
  // Laid out at a phone's size first; the check reflows each state for every window.
  test::with_canvas(390, 844, [&](Canvas& canvas, SDL_Renderer*, SDL_Surface*) {
    const auto all = [&canvas] {
      auto made = states(canvas, {390, 844});
      for (auto& s : made) s.model.text.reset();  // the check gives each its own canvas' font
      return made;
    };
    pages::PageCheck every;
    every.sizes = pages::every_size();
    every.own_words = kOwnWords;
    pages::check_pages(all, every);
    pages::PageCheck larger;
    larger.sizes = pages::key_sizes();
    larger.text_scales = {1.5f, 2.0f};
    larger.looks = pages::every_look();
    larger.own_words = kOwnWords;
    pages::check_pages(all, larger);
  });
}

TEST_CASE("every step's card and page name its muscle in full, wrapped rather than cut") {
  for (const WindowSize size : kSizes) {
    with_canvas(size, [&](Canvas& canvas, SDL_Renderer*, SDL_Surface*) {
      CAPTURE(size.w);
      const app::AppModel m = full_builder(canvas, size);
      const auto& steps = m.homework_draft.steps;
      const auto l =
          app::builder_page_layout(m, std::get<app::BuilderScreen>(m.screen), app::env_of(m));
      REQUIRE(l.steps.size() == steps.size());
      // The title field wraps the whole title, every line drawn inside the field (the spaces
      // where a line wraps hang past it, undrawn).
      const auto& title = std::get<app::BuilderScreen>(m.screen).title;
      const app::FieldLayout field = app::field_layout(title, l.title_field.place, canvas);
      const std::string_view text = field.text;
      std::string shown;
      for (const auto& line : field.lines) shown += text.substr(line.begin, line.end - line.begin);
      CHECK(shown == m.homework_draft.title);
      for (const auto& run : field.runs) {
        CHECK(run.at.x + canvas.width(text.substr(run.begin, run.end - run.begin), Font::Body) <=
              field.text_box.right() + 0.5f);
      }
      if (size.w < 400) CHECK(field.lines.size() > 1);
      CHECK(field.text_box.y + static_cast<float>(field.lines.size()) * field.line_h <=
            l.title_field.place.box.bottom() + 0.5f);
      for (std::size_t i = 0; i < steps.size(); ++i) {
        CAPTURE(steps[i].title);
        CHECK(joined(l.steps[i].title.lines) == std::to_string(i + 1) + ". " + steps[i].title);
        CHECK(l.steps[i].title.box.right() <= l.steps[i].accessory.x);
        const app::AppModel page = press(m, K::StepRow, static_cast<int>(i));
        const auto sl = app::builder_step_page_layout(
            page, std::get<app::BuilderStepScreen>(page.screen), app::env_of(page));
        CHECK(joined(sl.title.lines) == steps[i].title);
        // Drawn as laid out: every line of the name, none shortened.
        canvas.begin_frame(palette(ThemeKind::Light).background);
        DrawContext dc{canvas, palette(ThemeKind::Light), {size.w, size.h}, std::nullopt};
        draw(dc, page);
        for (const auto& line : sl.title.lines) {
          const auto& log = canvas.text_log();
          const auto it = std::find_if(log.begin(), log.end(),
                                       [&](const TextRecord& r) { return r.text == line; });
          REQUIRE(it != log.end());
          CHECK_FALSE(it->truncated);
        }
        canvas.end_frame();
      }
    });
  }
}

// Draws `m` and looks at the button of control `c`: the colour inside it (left of its label),
// and how strongly its edge stands out from `around` (what surrounds it).
struct ButtonLook {
  Color fill;
  double edge = 1;
};
ButtonLook look_of(Canvas& canvas, SDL_Renderer* renderer, SDL_Surface* surface, ThemeKind theme,
                   const app::AppModel& m, app::Control c, std::optional<Color> around = {}) {
  const Palette& p = palette(theme);
  const app::Size window{static_cast<float>(surface->w), static_cast<float>(surface->h)};
  canvas.begin_frame(p.background);
  DrawContext dc{canvas, p, window, std::nullopt};
  draw(dc, m);
  SDL_RenderFlush(renderer);
  const auto rect = app::target_rect(m, window, c);
  REQUIRE(rect);
  ButtonLook look{pixel(surface, rect->x + 6, rect->center().y)};
  look.edge = edge_contrast(surface, *rect, around.value_or(look.fill));
  canvas.end_frame();
  return look;
}

TEST_CASE("the − and + on a breathing block's card are drawn as buttons one can see") {
  for (const WindowSize size : kSizes) {
    with_canvas(size, [&](Canvas& canvas, SDL_Renderer* renderer, SDL_Surface* surface) {
      const app::AppModel m = full_builder(canvas, size);
      const auto l =
          app::builder_page_layout(m, std::get<app::BuilderScreen>(m.screen), app::env_of(m));
      REQUIRE(l.settle.card.bottom() <= l.page.viewport.bottom());
      for (ThemeKind theme : {ThemeKind::Dark, ThemeKind::Light}) {
        CAPTURE(size.w);
        CAPTURE(theme == ThemeKind::Dark);
        // The card's own colour, inside it away from any text or button.
        look_of(canvas, renderer, surface, theme, m, {K::Back, 0});
        const Color card = pixel(surface, l.settle.card.x + 6, l.settle.card.center().y);
        for (const K kind : {K::BuilderDown, K::BuilderUp}) {
          for (const auto value :
               {app::BuilderValue::SettleMinutes, app::BuilderValue::SettlePattern}) {
            CAPTURE(app::value_index(value));
            const app::Control c{kind, app::value_index(value)};
            CHECK(look_of(canvas, renderer, surface, theme, m, c, card).edge >= 2.5);
          }
        }
      }
    });
  }
}

TEST_CASE("Delete is never drawn as the main action: the accent fill is Done's and Export's") {
  for (const WindowSize size : kSizes) {
    with_canvas(size, [&](Canvas& canvas, SDL_Renderer* renderer, SDL_Surface* surface) {
      const app::AppModel base = full_builder(canvas, size);
      const app::AppModel step = act(press(base, K::StepRow, 1), app::Scrolled{1e7f});
      const app::AppModel asked = press(base, K::NewHomework);
      for (ThemeKind theme : {ThemeKind::Dark, ThemeKind::Light}) {
        CAPTURE(size.w);
        CAPTURE(theme == ThemeKind::Dark);
        const Color accent = palette(theme).accent;
        const auto look = [&](const app::AppModel& m, app::Control c) {
          return look_of(canvas, renderer, surface, theme, m, c);
        };
        // A step's page scrolled to Delete: outlined, not filled; Done is the accent.
        const ButtonLook remove = look(step, {K::RemoveStep, 0});
        CHECK_FALSE(same(remove.fill, accent));
        CHECK(remove.edge >= 2.5);
        CHECK(same(look(step, {K::Done, 0}).fill, accent));
        // "Start new" clears the draft: the question's confirming answer is not the accent.
        const ButtonLook confirm = look(asked, {K::NewHomework, 1});
        CHECK_FALSE(same(confirm.fill, accent));
        CHECK(confirm.edge >= 2.5);
        // The routine page's main action is Export.
        CHECK(same(look(base, {K::ExportHomework, 0}).fill, accent));
      }
    });
  }
}

TEST_CASE("a pattern's and a session's Delete questions never draw Delete as the main action") {
  const WindowSize size{390, 844};
  with_canvas(size, [&](Canvas& canvas, SDL_Renderer* renderer, SDL_Surface* surface) {
    app::AppModel m;
    m.text = std::shared_ptr<const app::TextMeasure>(&canvas, [](const app::TextMeasure*) {});
    m = act(m, app::Resized{size.w, size.h});
    m.custom_patterns.push_back(
        core::to_pattern({"Evening", std::chrono::seconds(4), std::chrono::seconds(2),
                          std::chrono::seconds(8), std::chrono::seconds(0)},
                         "custom_1"));
    const app::AppModel pattern =
        press(press(act(m, app::CustomPatternSaved{1}), K::Edit), K::Delete);
    REQUIRE(std::get<app::EditorScreen>(pattern.screen).confirming_delete);
    app::EntryScreen entry;
    entry.entry.id = 7;
    entry.entry.routine_id = "breathe:resonance_6";
    entry.entry.started_at = core::UnixSeconds{std::chrono::seconds(1'790'000'000)};
    entry.confirming_delete = true;
    app::AppModel session = m;
    session.screen = entry;
    for (const app::AppModel& asked : {pattern, session}) {
      for (ThemeKind theme : {ThemeKind::Dark, ThemeKind::Light}) {
        const ButtonLook confirm = look_of(canvas, renderer, surface, theme, asked, {K::Delete, 1});
        CHECK_FALSE(same(confirm.fill, palette(theme).accent));
        CHECK(confirm.edge >= 2.5);  // a button, outlined
      }
    }
  });
}

}  // namespace
}  // namespace unknot::ui
