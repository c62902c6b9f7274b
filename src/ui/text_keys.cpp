#include "ui/text_keys.h"

namespace unknot::ui {

using app::EditKey;
using app::KeyEdit;

std::optional<KeyEdit> text_key_edit(SDL_Keycode key, SDL_Keymod mod) {
  const bool ctrl = (mod & KMOD_CTRL) != 0;
  const bool shift = (mod & KMOD_SHIFT) != 0;
  // Alt+arrows and Alt+letters are menu and window shortcuts, and Ctrl+Alt is AltGr on some
  // layouts (a typed character, not a command).
  if ((mod & KMOD_ALT) != 0) return std::nullopt;
  const auto move = [shift](EditKey k) { return KeyEdit{k, shift}; };
  switch (key) {
    case SDLK_LEFT:
      return move(ctrl ? EditKey::WordLeft : EditKey::Left);
    case SDLK_RIGHT:
      return move(ctrl ? EditKey::WordRight : EditKey::Right);
    case SDLK_UP:
      return move(EditKey::Up);
    case SDLK_DOWN:
      return move(EditKey::Down);
    case SDLK_HOME:
      return move(EditKey::Home);
    case SDLK_END:
      return move(EditKey::End);
    case SDLK_BACKSPACE:
      return KeyEdit{ctrl ? EditKey::WordBackspace : EditKey::Backspace};
    case SDLK_DELETE:
      return KeyEdit{shift && !ctrl ? EditKey::Cut : EditKey::Delete};
    case SDLK_INSERT:
      if (ctrl && !shift) return KeyEdit{EditKey::Copy};
      if (shift && !ctrl) return KeyEdit{EditKey::Paste};
      return std::nullopt;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
      return KeyEdit{ctrl ? EditKey::CtrlEnter : EditKey::Enter};
    default:
      break;
  }
  if (!ctrl) return std::nullopt;
  switch (key) {
    case SDLK_a:
      return KeyEdit{EditKey::SelectAll};
    case SDLK_c:
      return KeyEdit{EditKey::Copy};
    case SDLK_x:
      return KeyEdit{EditKey::Cut};
    case SDLK_v:
      return KeyEdit{EditKey::Paste};
    default:
      return std::nullopt;
  }
}

}  // namespace unknot::ui
