// Maps a key press in a focused text field to an edit (app::KeyEdit): the only SDL in text
// editing. Typed characters arrive as SDL_TEXTINPUT and never pass through here.
#pragma once

#include <SDL.h>

#include <optional>

#include "app/text_edit.h"

namespace unknot::ui {

// Ctrl+A/C/X/V select all, copy, cut, paste (also Ctrl+Insert, Shift+Insert, Shift+Delete);
// arrows, Home and End move (Shift extends, Ctrl+Left/Right go by word); Backspace (Ctrl: a
// word), Delete; Return and keypad Enter (Ctrl: CtrlEnter). Alt with any of these, and every
// other key, give nothing so the caller can use them (Tab, Escape, shortcuts).
std::optional<app::KeyEdit> text_key_edit(SDL_Keycode key, SDL_Keymod mod);
inline std::optional<app::KeyEdit> text_key_edit(const SDL_Keysym& k) {
  return text_key_edit(k.sym, static_cast<SDL_Keymod>(k.mod));
}

}  // namespace unknot::ui
