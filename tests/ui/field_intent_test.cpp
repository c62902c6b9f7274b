// SDL events in a text field become the field's actions (ui/intent): keys its edits, the IME's
// pre-edit its composition, a mouse press a caret there and a drag a selection. Events are built
// here as SDL would deliver them; no window is opened.
#include <SDL.h>
#include <doctest/doctest.h>

#include <cstring>

#include "app/app_builders.h"
#include "app/bodymap_builders.h"
#include "app/screens.h"
#include "ui/intent.h"

namespace unknot::test {
namespace {

using app::ControlKind;
using app::EditKey;
using app::KeyEdit;

constexpr app::Size kWindow{390, 844};
constexpr float kPointsPerDp = 2;

app::AppModel act(app::AppModel m, const app::Action& a) {
  return app::update(std::move(m), a).model;
}

app::AppModel editor() {
  app::AppModel m = catalog_model();
  m = act(act(m, app::Activated{{ControlKind::JustBreathe, 0}}),
          app::Activated{{ControlKind::NewPattern, 0}});
  REQUIRE(app::editing_text(m));
  return m;
}

app::AppModel entry_note() {
  app::AppModel m = entry_with_note(catalog_model(), "one\ntwo");
  m = act(m, app::Activated{{ControlKind::NoteField, 0}});
  REQUIRE(app::editing_text(m));
  return m;
}

// The homework builder's schedule page with the field `index` focused (2 the name, 3 the note).
app::AppModel builder_field(int index) {
  app::AppModel m = catalog_model();
  m = act(m, app::LibraryLoaded{asset_library(), asset_body_map()});
  m.therapist_mode = true;
  for (const auto kind :
       {ControlKind::Settings, ControlKind::BuildHomework, ControlKind::HomeworkSchedule})
    m = act(m, app::Activated{{kind, 0}});
  m = act(m, app::Activated{{ControlKind::BuilderField, index}});
  REQUIRE(app::editing_text(m));
  return m;
}

std::optional<app::Action> key(const app::AppModel& m, SDL_Keycode code, int mod = KMOD_NONE) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = code;
  e.key.keysym.mod = static_cast<Uint16>(mod);
  return ui::intent(e, m, kWindow, kPointsPerDp);
}

std::optional<KeyEdit> edit_of(const std::optional<app::Action>& a) {
  if (!a) return std::nullopt;
  if (const auto* k = std::get_if<app::FieldKeyed>(&*a)) return k->key;
  return std::nullopt;
}

SDL_Event mouse(Uint32 type, app::Point dp, Uint8 clicks = 1) {
  SDL_Event e{};
  e.type = type;
  e.button.button = SDL_BUTTON_LEFT;
  e.button.clicks = clicks;
  e.button.x = static_cast<Sint32>(dp.x * kPointsPerDp);
  e.button.y = static_cast<Sint32>(dp.y * kPointsPerDp);
  return e;
}

SDL_Event motion(app::Point dp) {
  SDL_Event e{};
  e.type = SDL_MOUSEMOTION;
  e.motion.state = SDL_BUTTON_LMASK;
  e.motion.x = static_cast<Sint32>(dp.x * kPointsPerDp);
  e.motion.y = static_cast<Sint32>(dp.y * kPointsPerDp);
  return e;
}

app::Rect rect_of(const app::AppModel& m, ControlKind kind) {
  const auto r = app::target_rect(m, kWindow, {kind, 0});
  REQUIRE(r.has_value());
  return *r;
}

}  // namespace

TEST_CASE("keys in a focused field become its edits, and letters are left to text input") {
  const app::AppModel m = editor();
  CHECK(edit_of(key(m, SDLK_a, KMOD_LCTRL)) == KeyEdit{EditKey::SelectAll});
  CHECK(edit_of(key(m, SDLK_c, KMOD_LCTRL)) == KeyEdit{EditKey::Copy});
  CHECK(edit_of(key(m, SDLK_v, KMOD_RCTRL)) == KeyEdit{EditKey::Paste});
  CHECK(edit_of(key(m, SDLK_LEFT, KMOD_LSHIFT)) == KeyEdit{EditKey::Left, true});
  CHECK(edit_of(key(m, SDLK_RIGHT, KMOD_LCTRL)) == KeyEdit{EditKey::WordRight});
  CHECK(edit_of(key(m, SDLK_HOME)) == KeyEdit{EditKey::Home});
  CHECK(edit_of(key(m, SDLK_BACKSPACE)) == KeyEdit{EditKey::Backspace});
  CHECK(edit_of(key(m, SDLK_RETURN)) == KeyEdit{EditKey::Enter});
  CHECK(edit_of(key(m, SDLK_RETURN, KMOD_LCTRL)) == KeyEdit{EditKey::CtrlEnter});
  CHECK_FALSE(key(m, SDLK_a).has_value());
  CHECK_FALSE(key(m, SDLK_SPACE).has_value());
  CHECK_FALSE(key(m, SDLK_PAGEDOWN).has_value());
}

TEST_CASE(
    "Tab and Escape act as anywhere else from a field, and Up and Down leave a one-line field") {
  const app::AppModel m = editor();
  const auto moved = [](const std::optional<app::Action>& a) {
    return a && std::holds_alternative<app::FocusMoved>(*a) ? std::get<app::FocusMoved>(*a).delta
                                                            : 0;
  };
  CHECK(moved(key(m, SDLK_TAB)) == 1);
  CHECK(moved(key(m, SDLK_TAB, KMOD_LSHIFT)) == -1);
  CHECK(moved(key(m, SDLK_DOWN)) == 1);
  CHECK(moved(key(m, SDLK_UP)) == -1);
  const auto back = key(m, SDLK_ESCAPE);
  CHECK((back && std::holds_alternative<app::BackPressed>(*back)));
  // In a note, Up and Down move the caret by line.
  const app::AppModel note = entry_note();
  CHECK(edit_of(key(note, SDLK_UP)) == KeyEdit{EditKey::Up});
  CHECK(edit_of(key(note, SDLK_DOWN, KMOD_LSHIFT)) == KeyEdit{EditKey::Down, true});
}

TEST_CASE(
    "the IME's pre-edit becomes the field's composition, and while it composes keys are the "
    "IME's") {
  const app::AppModel m = editor();
  SDL_Event e{};
  e.type = SDL_TEXTEDITING;
  std::snprintf(e.edit.text, sizeof e.edit.text, "%s", "ka");
  e.edit.start = 2;
  const auto composed = ui::intent(e, m, kWindow, kPointsPerDp);
  REQUIRE(composed.has_value());
  REQUIRE(std::holds_alternative<app::FieldComposed>(*composed));
  CHECK(std::get<app::FieldComposed>(*composed).text == "ka");
  CHECK(std::get<app::FieldComposed>(*composed).cursor == 2);
  const app::AppModel composing = act(m, *composed);
  CHECK_FALSE(key(composing, SDLK_LEFT).has_value());
  CHECK_FALSE(key(composing, SDLK_ESCAPE).has_value());
  CHECK_FALSE(key(composing, SDLK_RETURN).has_value());
}

TEST_CASE(
    "a mouse press in a field places the caret at once, and a press elsewhere waits for release") {
  const app::AppModel m = editor();
  const app::Rect field = rect_of(m, ControlKind::NameField);
  const auto pressed =
      ui::intent(mouse(SDL_MOUSEBUTTONDOWN, field.center(), 2), m, kWindow, kPointsPerDp);
  REQUIRE(pressed.has_value());
  REQUIRE(std::holds_alternative<app::FieldPressed>(*pressed));
  const auto& p = std::get<app::FieldPressed>(*pressed);
  CHECK(p.control == app::Control{ControlKind::NameField, 0});
  CHECK(p.at.x == doctest::Approx(field.center().x).epsilon(0.01));
  CHECK(p.clicks == 2);
  CHECK(p.held);
  CHECK_FALSE(ui::intent(mouse(SDL_MOUSEBUTTONDOWN, rect_of(m, ControlKind::Save).center()), m,
                         kWindow, kPointsPerDp));
  SDL_Event copy = mouse(SDL_MOUSEBUTTONDOWN, field.center());
  copy.button.which = SDL_TOUCH_MOUSEID;  // SDL's mouse copy of a touch
  CHECK_FALSE(ui::intent(copy, m, kWindow, kPointsPerDp));
}

TEST_CASE("while a press in a field is held a move drags, and letting go presses nothing") {
  app::AppModel m = editor();
  const app::Rect field = rect_of(m, ControlKind::NameField);
  const app::Point save = rect_of(m, ControlKind::Save).center();
  CHECK_FALSE(ui::intent(motion(save), m, kWindow, kPointsPerDp));  // nothing held yet
  m = act(m, *ui::intent(mouse(SDL_MOUSEBUTTONDOWN, field.center()), m, kWindow, kPointsPerDp));
  CHECK(m.field_dragging);
  const auto dragged = ui::intent(motion(save), m, kWindow, kPointsPerDp);
  REQUIRE(dragged.has_value());
  CHECK(std::holds_alternative<app::FieldDragged>(*dragged));
  const auto up = ui::intent(mouse(SDL_MOUSEBUTTONUP, save), m, kWindow, kPointsPerDp);
  REQUIRE(up.has_value());
  CHECK(std::holds_alternative<app::FieldReleased>(*up));
  m = act(m, *up);
  CHECK_FALSE(m.field_dragging);
  const auto click = ui::intent(mouse(SDL_MOUSEBUTTONUP, save), m, kWindow, kPointsPerDp);
  REQUIRE(click.has_value());
  CHECK(std::holds_alternative<app::Activated>(*click));
}

TEST_CASE("a tap in a field places the caret where the finger lifts") {
  const app::AppModel m = editor();
  const app::Rect field = rect_of(m, ControlKind::NameField);
  SDL_Event e{};
  e.type = SDL_FINGERUP;
  e.tfinger.x = field.center().x / kWindow.w;
  e.tfinger.y = field.center().y / kWindow.h;
  const auto tapped = ui::intent(e, m, kWindow, kPointsPerDp);
  REQUIRE(tapped.has_value());
  REQUIRE(std::holds_alternative<app::FieldPressed>(*tapped));
  CHECK_FALSE(std::get<app::FieldPressed>(*tapped).held);
}

TEST_CASE("the builder's fields take keys as every field does: edits, and no shortcuts") {
  const app::AppModel name = builder_field(2);
  CHECK(edit_of(key(name, SDLK_BACKSPACE)) == KeyEdit{EditKey::Backspace});
  CHECK(edit_of(key(name, SDLK_RETURN)) == KeyEdit{EditKey::Enter});
  CHECK(edit_of(key(name, SDLK_HOME, KMOD_LSHIFT)) == KeyEdit{EditKey::Home, true});
  CHECK(edit_of(key(name, SDLK_LEFT)) == KeyEdit{EditKey::Left});
  CHECK(edit_of(key(name, SDLK_a, KMOD_LCTRL)) == KeyEdit{EditKey::SelectAll});
  // Space and letters press nothing: they arrive as text.
  CHECK_FALSE(key(name, SDLK_SPACE).has_value());
  CHECK_FALSE(key(name, SDLK_n).has_value());
  SDL_Event typed{};
  typed.type = SDL_TEXTINPUT;
  std::strcpy(typed.text.text, "é");
  const auto text = ui::intent(typed, name, kWindow, kPointsPerDp);
  REQUIRE((text && std::holds_alternative<app::TextTyped>(*text)));
  CHECK(std::get<app::TextTyped>(*text).text == "é");
  // The name is one line: Down leaves it. The note is many: Down moves the caret.
  const auto moved = key(name, SDLK_DOWN);
  CHECK((moved && std::holds_alternative<app::FocusMoved>(*moved)));
  CHECK(edit_of(key(builder_field(3), SDLK_DOWN)) == KeyEdit{EditKey::Down});
  // A press in the note is a press in a field, where it lands.
  const auto note = app::target_rect(name, kWindow, {ControlKind::BuilderField, 3});
  REQUIRE(note.has_value());
  const auto pressed =
      ui::intent(mouse(SDL_MOUSEBUTTONDOWN, note->center()), name, kWindow, kPointsPerDp);
  REQUIRE((pressed && std::holds_alternative<app::FieldPressed>(*pressed)));
  CHECK(std::get<app::FieldPressed>(*pressed).control ==
        app::Control{ControlKind::BuilderField, 3});
}

}  // namespace unknot::test
