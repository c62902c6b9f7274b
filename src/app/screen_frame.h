// The contract every screen module meets. A screen (one alternative of the Screen variant)
// provides, as free functions overloaded on its type:
//   void activate(Step&, S&, Control)     a control was tapped, clicked or pressed with Enter
//   void back(Step&, S&)                  Escape or the system's back
//   void scroll(Step&, S&, float dy)      wheel, drag or keys moved the content by dy dp
//   void text_input(Step&, S&, const TextInput&)   typing, keys, presses in its text fields
//   ScreenFrame frame(const AppModel&, const S&, const Env&)   targets in focus order + scrolling
//   Control primary(const AppModel&, const S&)     focused when the screen opens
// and `update`, focus, hit testing and ui's draw each visit the variant once (app/screens.h).
// A screen missing one of these does not compile (ScreenModule below). A screen with text
// fields also provides `text_field` (app/text_field.h says how). Pure std + core.
#pragma once

#include <concepts>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/actions.h"
#include "app/controls.h"
#include "app/effects.h"
#include "app/geometry.h"
#include "app/text_measure.h"

namespace unknot::app {

struct AppModel;

// What a target is, for focus rings, tests and an accessibility layer.
enum class Role { Button, Toggle, Option, Field, Stepper, Row, Zone, Tab };

struct Target {
  Control control;
  Rect rect;          // where it is drawn now, in window dp (after scrolling)
  std::string label;  // what it says or does ("Start", "Pain 4")
  Role role = Role::Button;
  bool enabled = true;   // disabled targets are drawn but skipped by focus and taps
  bool scrolls = false;  // inside the scrolling viewport: only its visible part is pressable
  // A switch's on or off, an option's chosen or not; empty for plain buttons.
  std::optional<bool> checked;
};

// One screen as measured at the current window size and text size.
struct ScreenFrame {
  std::vector<Target> targets;  // reading order, which is also the focus (Tab) order
  Rect viewport;                // the part that scrolls; w == 0 when the screen does not scroll
  float content_h = 0;          // height of the scrolling content at scroll 0
  // The screen's heading as drawn (its words in full, one line), for a screen reader's heading;
  // empty only where a screen draws none.
  std::string title;
  float max_scroll() const;  // how far it can scroll (0 when it all fits)
};

// What a layout may depend on besides the model: the window, the text measure and the scroll.
struct Env {
  Size window;
  const TextMeasure& text;
  float scroll = 0;  // dp scrolled from the top of the viewport's content
};

// What a screen operation may change: the model and the effects to perform.
struct Step {
  AppModel& m;
  std::vector<Effect>& fx;
};

// The focus came to a text field from the keyboard (Tab) or with its screen: update sends this,
// never intent. The field selects its text, so typing replaces a prefilled value.
struct FieldFocused {};

// Input for a text field: typing, key edits (erasing too), presses and drags, the IME's
// composition and pasted text go to the field pressed or focused (app/text_field.h).
using TextInput = std::variant<TextTyped, FieldKeyed, FieldPressed, FieldDragged, FieldComposed,
                               ClipboardRead, FieldFocused>;

template <class S>
concept ScreenModule = requires(Step& st, S& s, const AppModel& m, const S& cs, Control c, float dy,
                                const TextInput& t, const Env& env) {
  { activate(st, s, c) } -> std::same_as<void>;
  { back(st, s) } -> std::same_as<void>;
  { scroll(st, s, dy) } -> std::same_as<void>;
  { text_input(st, s, t) } -> std::same_as<void>;
  { frame(m, cs, env) } -> std::same_as<ScreenFrame>;
  { primary(m, cs) } -> std::same_as<Control>;
};

// Helpers for frames. A heading's wrapped lines as the one line of ScreenFrame::title, joined
// with spaces. Only for a heading whose text the frame cannot reach otherwise: a word too long
// for its line (a muscle's name at 200 % text) is broken inside, and would come back with a
// space in it, so a frame gives the text it laid the heading out from where it has it.
inline std::string heading_text(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) {
    if (line.empty()) continue;
    if (!out.empty()) out += ' ';
    out += line;
  }
  return out;
}
// A fixed target (not scrolling).
inline void add_target(ScreenFrame& f, Control c, Rect r, std::string label,
                       Role role = Role::Button, bool enabled = true) {
  f.targets.push_back({c, r, std::move(label), role, enabled, false, std::nullopt});
}
// A target inside the viewport.
inline void add_scrolling(ScreenFrame& f, Control c, Rect r, std::string label,
                          Role role = Role::Button, bool enabled = true) {
  f.targets.push_back({c, r, std::move(label), role, enabled, true, std::nullopt});
}
// Marks the target added last as on/chosen (true) or off (false), for an accessibility layer.
inline void set_checked(ScreenFrame& f, bool checked) {
  if (!f.targets.empty()) f.targets.back().checked = checked;
}

}  // namespace unknot::app
