// Text fields with the real font: a click lands on the character boundary nearest the pointer,
// double- and triple-clicks and drags select, a long name slides to keep the caret in view, and
// the editor draws the selection, caret and IME underline where the field's layout says.
#include <SDL.h>
#include <doctest/doctest.h>

#include <cstring>
#include <memory>
#include <string>

#include "app/app_builders.h"
#include "app/bodymap_builders.h"
#include "app/builder_page.h"
#include "app/entry_page.h"
#include "app/screens.h"
#include "ui/canvas.h"
#include "ui/intent.h"
#include "ui/page_check.h"
#include "ui/screens.h"

namespace unknot::ui {
namespace {

using app::ControlKind;
using namespace std::chrono_literals;

constexpr int kW = 360, kH = 640;
constexpr float kPointsPerDp = 4;  // mouse positions finer than a dp

using pages::act;

// A phone-sized software target whose canvas is also the model's text measure.
class Phone {
 public:
  Phone() {
    REQUIRE(SDL_Init(0) == 0);
    surface_ = SDL_CreateRGBSurfaceWithFormat(0, kW, kH, 32, SDL_PIXELFORMAT_ARGB8888);
    renderer_ = SDL_CreateSoftwareRenderer(surface_);
    REQUIRE(renderer_ != nullptr);
    canvas_ = std::make_shared<Canvas>(renderer_);
  }
  ~Phone() {
    canvas_.reset();
    SDL_DestroyRenderer(renderer_);
    SDL_FreeSurface(surface_);
  }
  Phone(const Phone&) = delete;
  Phone& operator=(const Phone&) = delete;

  Canvas& canvas() { return *canvas_; }
  app::AppModel measured(app::AppModel m) {
    m = act(m,
            app::TextMeasureReady{std::shared_ptr<const app::TextMeasure>(canvas_, canvas_.get())});
    return act(m, app::Resized{kW, kH});
  }
  // The model after the mouse event SDL would send at `dp`, through intent.
  app::AppModel mouse(app::AppModel m, Uint32 type, app::Point dp, Uint8 clicks = 1) {
    SDL_Event e{};
    e.type = type;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.clicks = clicks;
    e.button.x = static_cast<Sint32>(std::lround(dp.x * kPointsPerDp));
    e.button.y = static_cast<Sint32>(std::lround(dp.y * kPointsPerDp));
    if (type == SDL_MOUSEMOTION) {
      e.motion.state = SDL_BUTTON_LMASK;
      e.motion.x = e.button.x;
      e.motion.y = e.button.y;
    }
    const auto action = intent(e, m, {kW, kH}, kPointsPerDp);
    REQUIRE(action.has_value());
    return act(std::move(m), *action);
  }
  app::AppModel click(app::AppModel m, app::Point dp, Uint8 clicks = 1) {
    m = mouse(std::move(m), SDL_MOUSEBUTTONDOWN, dp, clicks);
    return mouse(std::move(m), SDL_MOUSEBUTTONUP, dp);
  }
  void draw(const app::AppModel& m) {
    canvas_->begin_frame(palette(ThemeKind::Dark).background);
    DrawContext dc{*canvas_, palette(ThemeKind::Dark), {kW, kH}, std::nullopt};
    ui::draw(dc, m);
    SDL_RenderFlush(renderer_);
  }
  Color pixel(app::Point dp) {
    const auto* row =
        static_cast<const Uint8*>(surface_->pixels) + static_cast<int>(dp.y) * surface_->pitch;
    Uint32 value = 0;
    std::memcpy(&value, row + static_cast<int>(dp.x) * 4, sizeof value);
    Color c;
    SDL_GetRGBA(value, surface_->format, &c.r, &c.g, &c.b, &c.a);
    return c;
  }

 private:
  SDL_Surface* surface_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  std::shared_ptr<Canvas> canvas_;
};

app::AppModel editor() {
  app::AppModel m = test::catalog_model();
  return act(act(m, app::Activated{{ControlKind::JustBreathe, 0}}),
             app::Activated{{ControlKind::NewPattern, 0}});
}

const app::TextEdit& name_of(const app::AppModel& m) {
  return std::get<app::EditorScreen>(m.screen).name;
}

app::FieldLayout focused_layout(const app::AppModel& m, const Canvas& c) {
  const auto field = app::focused_field(m);
  REQUIRE(field.has_value());
  return app::field_layout(*field->edit, field->place, c);
}

// The point a fraction of the way across the character after byte `k` of line `line`.
app::Point over(const app::FieldLayout& l, const Canvas& c, std::size_t line, std::size_t k,
                float fraction) {
  const std::string_view text = std::string_view(l.text).substr(l.lines[line].begin);
  const float before = c.width(text.substr(0, k), l.font);
  const float after = c.width(text.substr(0, k + 1), l.font);
  return {l.text_box.x - l.shift + before + fraction * (after - before),
          l.text_box.y + (static_cast<float>(line) + 0.5f) * l.line_h};
}

// The homework builder's routine page (therapist mode).
app::AppModel builder() {
  app::AppModel m = test::catalog_model();
  m = act(m, app::LibraryLoaded{test::asset_library(), test::asset_body_map()});
  m.therapist_mode = true;
  return act(act(m, app::Activated{{ControlKind::Settings, 0}}),
             app::Activated{{ControlKind::BuildHomework, 0}});
}

const app::TextEdit& title_of(const app::AppModel& m) {
  return std::get<app::BuilderScreen>(m.screen).title;
}

bool near(Color a, Color b) {
  return std::abs(a.r - b.r) < 8 && std::abs(a.g - b.g) < 8 && std::abs(a.b - b.b) < 8;
}

}  // namespace

TEST_CASE(
    "a click puts the caret on the character boundary nearest the pointer, with the real font") {
  Phone phone;
  const app::AppModel opened = phone.measured(editor());
  const app::FieldLayout l = focused_layout(opened, phone.canvas());
  const std::string text = "My pattern";
  REQUIRE(l.text == text);
  for (std::size_t k = 0; k < text.size(); ++k) {
    CAPTURE(k);
    const app::AppModel left = phone.click(opened, over(l, phone.canvas(), 0, k, 0.25f));
    CHECK(name_of(left).caret() == k);
    CHECK_FALSE(name_of(left).has_selection());
    const app::AppModel right = phone.click(opened, over(l, phone.canvas(), 0, k, 0.75f));
    CHECK(name_of(right).caret() == k + 1);
  }
}

TEST_CASE("a click on a note's second drawn line puts the focus and the caret there") {
  Phone phone;
  app::AppModel m = phone.measured(test::entry_with_note(
      test::catalog_model(),
      "Right side tight after the long drive, easing by the third breath of the evening"));
  REQUIRE_FALSE(app::editing_text(m));
  const auto& screen = std::get<app::EntryScreen>(m.screen);
  const app::FieldLayout l = app::field_layout(
      screen.note, app::entry_note_place(app::entry_layout(m, screen, app::env_of(m))),
      phone.canvas());
  REQUIRE(l.lines.size() >= 2);
  m = phone.click(m, over(l, phone.canvas(), 1, 3, 0.25f));
  CHECK(app::editing_text(m));
  CHECK(std::get<app::EntryScreen>(m.screen).note.caret() == l.lines[1].begin + 3);
}

TEST_CASE(
    "a double-click selects the word under the pointer, a triple-click all, a shift-click "
    "extends") {
  Phone phone;
  const app::AppModel opened = phone.measured(editor());
  const app::FieldLayout l = focused_layout(opened, phone.canvas());
  const app::Point in_pattern = over(l, phone.canvas(), 0, 5, 0.5f);
  CHECK(name_of(phone.click(opened, in_pattern, 2)).selected_text() == "pattern");
  CHECK(name_of(phone.click(opened, in_pattern, 3)).selected_text() == "My pattern");
  const app::AppModel at_p = phone.click(opened, over(l, phone.canvas(), 0, 3, 0.1f));
  const app::Point end = over(l, phone.canvas(), 0, 9, 0.9f);
  const app::Control name{ControlKind::NameField, 0};
  const app::AppModel extended = act(at_p, app::FieldPressed{name, end, 1, true, false});
  CHECK(name_of(extended).selected_text() == "pattern");
}

TEST_CASE(
    "dragging across the name selects what the pointer passed, and letting go over Save presses "
    "nothing") {
  Phone phone;
  app::AppModel m = phone.measured(editor());
  const app::FieldLayout l = focused_layout(m, phone.canvas());
  m = phone.mouse(m, SDL_MOUSEBUTTONDOWN, over(l, phone.canvas(), 0, 3, 0.1f));
  m = phone.mouse(m, SDL_MOUSEMOTION, over(l, phone.canvas(), 0, 5, 0.9f));
  CHECK(name_of(m).selected_text() == "pat");
  m = phone.mouse(m, SDL_MOUSEMOTION, {l.text_box.right() - 2, l.text_box.y});
  CHECK(name_of(m).selected_text() == "pattern");
  const auto save = app::target_rect(m, {kW, kH}, {ControlKind::Save, 0});
  REQUIRE(save.has_value());
  const auto result =
      app::update(m, *intent(
                         [&] {
                           SDL_Event e{};
                           e.type = SDL_MOUSEBUTTONUP;
                           e.button.button = SDL_BUTTON_LEFT;
                           e.button.x = static_cast<Sint32>(save->center().x * kPointsPerDp);
                           e.button.y = static_cast<Sint32>(save->center().y * kPointsPerDp);
                           return e;
                         }(),
                         m, {kW, kH}, kPointsPerDp));
  CHECK(std::holds_alternative<app::EditorScreen>(result.model.screen));
  CHECK(result.effects.empty());
  CHECK_FALSE(result.model.field_dragging);
}

TEST_CASE(
    "a long name slides to keep the caret in view and draws only whole characters in its box") {
  Phone phone;
  app::AppModel m = phone.measured(editor());
  m = act(m, app::TextTyped{"Slow evening breathing for the long drive home after work"});
  app::FieldLayout l = focused_layout(m, phone.canvas());
  CHECK(l.shift > 0);
  CHECK(l.caret.x >= l.text_box.x);
  CHECK(l.caret.right() <= l.box.right());
  phone.draw(m);
  bool drawn = false;
  for (const auto& t : phone.canvas().text_log()) {
    if (t.box.y < l.box.y || t.box.bottom() > l.box.bottom()) continue;
    drawn = true;
    CHECK(t.box.x >= l.box.x);
    CHECK(t.box.right() <= l.box.right());
    CHECK_FALSE(t.truncated);
  }
  CHECK(drawn);
  m = act(m, app::FieldKeyed{{app::EditKey::Home}});
  l = focused_layout(m, phone.canvas());
  CHECK(l.shift == 0);
  CHECK(l.runs.at(0).begin == 0);
}

TEST_CASE(
    "the editor draws the selection, the blinking caret and the IME's underline where the layout "
    "says") {
  Phone phone;
  const Palette& p = palette(ThemeKind::Dark);
  app::AppModel m = phone.measured(editor());
  m = act(m, app::Tick{{}, {}, core::Instant{50s}});
  // Opened: the prefilled name selected.
  app::FieldLayout l = focused_layout(m, phone.canvas());
  REQUIRE(l.selection.size() == 1);
  phone.draw(m);
  const app::Rect sel = l.selection[0];
  CHECK_FALSE(near(phone.pixel({sel.x + 1, sel.y + 1}), p.surface));
  // The caret at the end, shown, then hidden half a blink later.
  m = act(m, app::FieldKeyed{{app::EditKey::End}});
  l = focused_layout(m, phone.canvas());
  CHECK(l.selection.empty());
  const app::Point caret = l.caret.center();
  phone.draw(m);
  CHECK(near(phone.pixel(caret), p.accent));
  m = act(m, app::Tick{{}, {}, m.caret_moved_at + app::kCaretBlink});
  phone.draw(m);
  CHECK(near(phone.pixel(caret), p.surface));
  // Composing: the pre-edit text drawn in place, underlined.
  m = act(m, app::FieldComposed{"ka", 2});
  l = focused_layout(m, phone.canvas());
  REQUIRE(l.underline.size() == 1);
  phone.draw(m);
  bool shown = false;
  for (const auto& t : phone.canvas().text_log()) shown = shown || t.text == "My patternka";
  CHECK(shown);
  const app::Rect u = l.underline[0];
  CHECK_FALSE(near(phone.pixel({u.x + u.w / 2, u.y + u.h / 2}), p.surface));
}

TEST_CASE(
    "the builder's title takes the caret where it is clicked, with the real font, and draws "
    "its caret and selection") {
  Phone phone;
  const Palette& p = palette(ThemeKind::Dark);
  app::AppModel m = phone.measured(builder());
  m = act(m, app::Tick{{}, {}, core::Instant{50s}});
  const auto& screen = std::get<app::BuilderScreen>(m.screen);
  app::FieldLayout l = app::field_layout(
      screen.title, app::builder_page_layout(m, screen, app::env_of(m)).title_field.place,
      phone.canvas());
  REQUIRE(l.text == "Home programme");
  REQUIRE_FALSE(app::editing_text(m));
  m = phone.click(m, over(l, phone.canvas(), 0, 4, 0.25f));  // the space after "Home"
  CHECK(app::editing_text(m));
  CHECK(title_of(m).caret() == 4);
  m = act(m, app::TextTyped{" sweet"});
  CHECK(m.homework_draft.title == "Home sweet programme");
  // The caret drawn where the layout says, and hidden half a blink later.
  l = focused_layout(m, phone.canvas());
  phone.draw(m);
  CHECK(near(phone.pixel(l.caret.center()), p.accent));
  m = act(m, app::Tick{{}, {}, m.caret_moved_at + app::kCaretBlink});
  phone.draw(m);
  CHECK_FALSE(near(phone.pixel(l.caret.center()), p.accent));
  // A double-click selects the word, drawn over the field.
  m = phone.click(m, over(l, phone.canvas(), 0, 7, 0.5f), 2);
  CHECK(title_of(m).selected_text() == "sweet");
  l = focused_layout(m, phone.canvas());
  REQUIRE(l.selection.size() == 1);
  phone.draw(m);
  CHECK_FALSE(near(phone.pixel({l.selection[0].x + 1, l.selection[0].y + 1}), p.surface));
}

TEST_CASE("a long routine title wraps in its field, every character drawn whole inside it") {
  Phone phone;
  app::AppModel m = phone.measured(builder());
  m = act(m, app::Activated{{ControlKind::BuilderField, 0}});
  m = act(m, app::TextTyped{" for a client with neck, jaw, hip and low back pain, week one"});
  const app::FieldLayout l = focused_layout(m, phone.canvas());
  REQUIRE(l.lines.size() >= 2);
  CHECK(l.shift == 0);
  CHECK(l.box.h >= static_cast<float>(l.lines.size()) * l.line_h);
  phone.draw(m);
  std::string drawn;
  for (const auto& t : phone.canvas().text_log()) {
    if (t.box.y < l.box.y || t.box.bottom() > l.box.bottom()) continue;
    drawn += t.text;
    CHECK(t.box.x >= l.box.x);
    CHECK(t.box.right() <= l.box.right());
    CHECK_FALSE(t.truncated);
  }
  // Every word is drawn (the spaces where lines wrap are not).
  for (const char* word : {"Home", "programme", "client", "neck,", "week", "one"})
    CHECK(drawn.find(word) != std::string::npos);
}

}  // namespace unknot::ui
