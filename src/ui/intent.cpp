#include "ui/intent.h"

#include "app/body_map_page.h"
#include "app/bodymap_flow.h"
#include "app/update.h"
#include "ui/text_keys.h"

namespace unknot::ui {
namespace {

std::optional<app::Action> activate_at(const app::AppModel& m, app::Size window, app::Point p) {
  if (auto control = app::hit_test(m, window, p)) return app::Activated{*control};
  return std::nullopt;
}

app::Point mouse_point(int x, int y, float points_per_dp) {
  return {static_cast<float>(x) / points_per_dp, static_cast<float>(y) / points_per_dp};
}

// SDL copies every touch as a mouse event too; touch is handled as SDL_FINGER* instead.
bool real_mouse(Uint32 which) { return which != SDL_TOUCH_MOUSEID; }

bool on_rating(const app::AppModel& m) {
  if (const auto* c = std::get_if<app::CheckinScreen>(&m.screen)) return !c->pgic_step;
  if (const auto* p = std::get_if<app::PsfsScreen>(&m.screen)) return !p->naming;
  return std::holds_alternative<app::RatingScreen>(m.screen);
}
bool on_player(const app::AppModel& m) {
  return std::holds_alternative<app::PlayerScreen>(m.screen);
}

// With the body map's figure focused, Left / Right move between the zones of the view shown,
// and Enter chooses the focused zone (or, once it is chosen, moves on to the next).
std::optional<app::Action> body_zone_key(SDL_Keycode code, const app::AppModel& m) {
  const auto focus = app::focused_control(m);
  const auto* map = std::get_if<app::BodyMapScreen>(&m.screen);
  if (!focus || focus->kind != app::ControlKind::BodyZone || map == nullptr || !m.body_map)
    return std::nullopt;
  std::optional<int> zone;
  if (code == SDLK_LEFT || code == SDLK_RIGHT) {
    zone = app::zone_step(m, code == SDLK_RIGHT ? 1 : -1);
  } else if (code == SDLK_RETURN || code == SDLK_KP_ENTER || code == SDLK_SPACE) {
    const bool chosen = focus->index >= 0 &&
                        m.body_map->zones[static_cast<std::size_t>(focus->index)].id == map->zone;
    zone = chosen ? app::zone_step(m, 1) : std::optional<int>(focus->index);
  }
  if (!zone) return std::nullopt;
  return app::Activated{{app::ControlKind::BodyZone, *zone}};
}

// A key while a text field has focus: typing arrives as SDL_TEXTINPUT, editing keys become the
// field's edits, Up / Down leave a single-line field, Tab and Escape act as anywhere else.
std::optional<app::Action> field_key(const SDL_KeyboardEvent& k, const app::FieldRef& field,
                                     bool& pass_on) {
  const SDL_Keycode code = k.keysym.sym;
  pass_on = false;
  if (field.edit->composing()) return std::nullopt;  // the IME has the keys
  if (const auto edit = text_key_edit(k.keysym)) {
    const bool vertical = edit->key == app::EditKey::Up || edit->key == app::EditKey::Down;
    if (vertical && !field.edit->multi_line() && !edit->shift)
      return app::FocusMoved{edit->key == app::EditKey::Down ? 1 : -1};
    return app::FieldKeyed{*edit};
  }
  pass_on = code == SDLK_TAB || code == SDLK_ESCAPE;
  return std::nullopt;
}

std::optional<app::Action> key(const SDL_KeyboardEvent& k, const app::AppModel& m) {
  const SDL_Keycode code = k.keysym.sym;
  const bool shift = (k.keysym.mod & KMOD_SHIFT) != 0;
  if (const auto field = app::focused_field(m)) {
    bool pass_on = false;
    if (auto action = field_key(k, *field, pass_on)) return action;
    if (!pass_on) return std::nullopt;
  }
  if (on_rating(m)) {
    if (code >= SDLK_0 && code <= SDLK_9) return app::PainTyped{static_cast<int>(code - SDLK_0)};
    if (code >= SDLK_KP_1 && code <= SDLK_KP_9)
      return app::PainTyped{static_cast<int>(code - SDLK_KP_1) + 1};
    if (code == SDLK_KP_0) return app::PainTyped{0};
    if (code == SDLK_LEFT) return app::PainNudged{-1};
    if (code == SDLK_RIGHT) return app::PainNudged{+1};
  }
  if (const auto zone = body_zone_key(code, m)) return zone;
  switch (code) {
    case SDLK_PAGEDOWN:
      return app::Paged{1};
    case SDLK_PAGEUP:
      return app::Paged{-1};
    case SDLK_HOME:
      return app::ScrolledToEnd{false};
    case SDLK_END:
      return app::ScrolledToEnd{true};
    case SDLK_TAB:
      return app::FocusMoved{shift ? -1 : 1};
    case SDLK_DOWN:
    case SDLK_RIGHT:
      return app::FocusMoved{1};
    case SDLK_UP:
    case SDLK_LEFT:
      return app::FocusMoved{-1};
    case SDLK_ESCAPE:
    case SDLK_AC_BACK:
      return app::BackPressed{};
    case SDLK_SPACE:
      if (on_player(m) && !std::get<app::PlayerScreen>(m.screen).confirming_end)
        return app::PauseToggled{};
      [[fallthrough]];
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
      if (auto c = app::focused_control(m)) return app::Activated{*c};
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<app::Action> intent(const SDL_Event& e, const app::AppModel& m, app::Size window,
                                  float points_per_dp) {
  switch (e.type) {
    case SDL_MOUSEBUTTONDOWN: {
      // A press in a text field places the caret at once, and dragging selects from there.
      if (!real_mouse(e.button.which) || e.button.button != SDL_BUTTON_LEFT) return std::nullopt;
      const app::Point p = mouse_point(e.button.x, e.button.y, points_per_dp);
      const auto field = app::field_at(m, window, p);
      if (!field) return std::nullopt;
      const bool shift = (SDL_GetModState() & KMOD_SHIFT) != 0;
      return app::FieldPressed{*field, p, e.button.clicks, shift, true};
    }
    case SDL_MOUSEMOTION:
      if (!m.field_dragging || !real_mouse(e.motion.which) ||
          (e.motion.state & SDL_BUTTON_LMASK) == 0)
        return std::nullopt;
      return app::FieldDragged{mouse_point(e.motion.x, e.motion.y, points_per_dp)};
    case SDL_MOUSEBUTTONUP:
      if (!real_mouse(e.button.which) || e.button.button != SDL_BUTTON_LEFT) return std::nullopt;
      // Letting go after selecting in a field presses nothing, wherever the pointer is.
      if (m.field_dragging) return app::FieldReleased{};
      return activate_at(m, window, mouse_point(e.button.x, e.button.y, points_per_dp));
    case SDL_FINGERUP: {
      const app::Point p{e.tfinger.x * window.w, e.tfinger.y * window.h};
      if (const auto field = app::field_at(m, window, p)) return app::FieldPressed{*field, p};
      return activate_at(m, window, p);
    }
    case SDL_TEXTEDITING:
      if (!app::focused_field(m)) return std::nullopt;
      return app::FieldComposed{e.edit.text, e.edit.start};
    case SDL_KEYDOWN:
      return key(e.key, m);
    case SDL_TEXTINPUT:
      if (app::editing_text(m)) return app::TextTyped{e.text.text};
      return std::nullopt;
    case SDL_MOUSEWHEEL: {
      // One notch of a wheel scrolls about a row; precise touchpads send fractions.
      const float notches =
          e.wheel.preciseY != 0.0f ? e.wheel.preciseY : static_cast<float>(e.wheel.y);
      const float direction = e.wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -1.0f : 1.0f;
      return app::Scrolled{-notches * direction * 48.0f};
    }
    case SDL_FINGERMOTION:
      return app::Scrolled{-e.tfinger.dy * window.h};
    case SDL_APP_WILLENTERBACKGROUND:
      return app::AppBackgrounded{};
    default:
      return std::nullopt;
  }
}

}  // namespace unknot::ui
