// Key presses in a focused text field become edits; typed characters and other keys do not.
#include "ui/text_keys.h"

#include <doctest/doctest.h>

namespace unknot::test {
namespace {

using app::EditKey;
using app::KeyEdit;

std::optional<KeyEdit> key(SDL_Keycode code, int mod = KMOD_NONE) {
  return ui::text_key_edit(code, static_cast<SDL_Keymod>(mod));
}

}  // namespace

TEST_CASE("Ctrl with A, C, X and V selects all, copies, cuts and pastes") {
  CHECK(key(SDLK_a, KMOD_LCTRL) == KeyEdit{EditKey::SelectAll});
  CHECK(key(SDLK_c, KMOD_RCTRL) == KeyEdit{EditKey::Copy});
  CHECK(key(SDLK_x, KMOD_LCTRL) == KeyEdit{EditKey::Cut});
  CHECK(key(SDLK_v, KMOD_LCTRL) == KeyEdit{EditKey::Paste});
}

TEST_CASE("letters without Ctrl are left to text input") {
  CHECK_FALSE(key(SDLK_a).has_value());
  CHECK_FALSE(key(SDLK_v, KMOD_LSHIFT).has_value());
  CHECK_FALSE(key(SDLK_z, KMOD_LCTRL).has_value());
}

TEST_CASE("arrows move by character, and with Ctrl by word") {
  CHECK(key(SDLK_LEFT) == KeyEdit{EditKey::Left});
  CHECK(key(SDLK_RIGHT) == KeyEdit{EditKey::Right});
  CHECK(key(SDLK_LEFT, KMOD_LCTRL) == KeyEdit{EditKey::WordLeft});
  CHECK(key(SDLK_RIGHT, KMOD_RCTRL) == KeyEdit{EditKey::WordRight});
  CHECK(key(SDLK_UP) == KeyEdit{EditKey::Up});
  CHECK(key(SDLK_DOWN) == KeyEdit{EditKey::Down});
}

TEST_CASE("Shift with a move extends the selection") {
  CHECK(key(SDLK_LEFT, KMOD_LSHIFT) == KeyEdit{EditKey::Left, true});
  CHECK(key(SDLK_RIGHT, KMOD_LSHIFT | KMOD_LCTRL) == KeyEdit{EditKey::WordRight, true});
  CHECK(key(SDLK_HOME, KMOD_RSHIFT) == KeyEdit{EditKey::Home, true});
  CHECK(key(SDLK_END, KMOD_LSHIFT) == KeyEdit{EditKey::End, true});
  CHECK(key(SDLK_DOWN, KMOD_LSHIFT) == KeyEdit{EditKey::Down, true});
}

TEST_CASE("Home and End move to the line's or field's ends") {
  CHECK(key(SDLK_HOME) == KeyEdit{EditKey::Home});
  CHECK(key(SDLK_END) == KeyEdit{EditKey::End});
}

TEST_CASE("Backspace erases a character, and with Ctrl a word, Delete erases forward") {
  CHECK(key(SDLK_BACKSPACE) == KeyEdit{EditKey::Backspace});
  CHECK(key(SDLK_BACKSPACE, KMOD_LCTRL) == KeyEdit{EditKey::WordBackspace});
  CHECK(key(SDLK_DELETE) == KeyEdit{EditKey::Delete});
}

TEST_CASE("the classic Insert and Delete clipboard keys copy, paste and cut") {
  CHECK(key(SDLK_INSERT, KMOD_LCTRL) == KeyEdit{EditKey::Copy});
  CHECK(key(SDLK_INSERT, KMOD_LSHIFT) == KeyEdit{EditKey::Paste});
  CHECK(key(SDLK_DELETE, KMOD_LSHIFT) == KeyEdit{EditKey::Cut});
  CHECK_FALSE(key(SDLK_INSERT).has_value());
}

TEST_CASE("Return and keypad Enter are Enter, and with Ctrl CtrlEnter") {
  CHECK(key(SDLK_RETURN) == KeyEdit{EditKey::Enter});
  CHECK(key(SDLK_KP_ENTER) == KeyEdit{EditKey::Enter});
  CHECK(key(SDLK_RETURN, KMOD_LCTRL) == KeyEdit{EditKey::CtrlEnter});
  CHECK(key(SDLK_KP_ENTER, KMOD_RCTRL) == KeyEdit{EditKey::CtrlEnter});
}

TEST_CASE("Alt combinations are left to shortcuts and AltGr typing") {
  CHECK_FALSE(key(SDLK_LEFT, KMOD_LALT).has_value());
  CHECK_FALSE(key(SDLK_v, KMOD_LCTRL | KMOD_RALT).has_value());
}

TEST_CASE("keys a field does not edit with are left to the screen") {
  CHECK_FALSE(key(SDLK_TAB).has_value());
  CHECK_FALSE(key(SDLK_ESCAPE).has_value());
  CHECK_FALSE(key(SDLK_F1).has_value());
  CHECK_FALSE(key(SDLK_SPACE).has_value());
}

TEST_CASE("a keysym carries its key and modifiers through") {
  SDL_Keysym k{};
  k.sym = SDLK_LEFT;
  k.mod = KMOD_LSHIFT | KMOD_LCTRL;
  CHECK(ui::text_key_edit(k) == KeyEdit{EditKey::WordLeft, true});
}

}  // namespace unknot::test
