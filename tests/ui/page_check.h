// The layout property check every drawn-page test shares: each state drawn with the real font at
// each window size, pixel density, text size and look, at the top and scrolled to the end, and
// the text log asked whether anything was cut short, left the window or landed on other text.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/model.h"
#include "ui/theme.h"

namespace unknot::ui::pages {

struct PageSize {
  int w = 0, h = 0;   // window in dp
  float density = 1;  // pixels per dp (2 on a Retina phone)
};

struct Look {
  ThemeKind theme = ThemeKind::Dark;
  bool high_contrast = false;
};

struct PageState {
  std::string name;
  app::AppModel model;
  bool overlay = false;  // a dialog or message floats over the page: overlap is expected
};

struct PageCheck {
  std::vector<PageSize> sizes;
  std::vector<float> text_scales{1.0f};  // 1 = 100 %
  std::vector<Look> looks{{ThemeKind::Dark, false}, {ThemeKind::Light, false}};
  // Text that may end in an ellipsis (a list row's secondary line whose tap opens it in full);
  // empty: nothing may.
  std::function<bool(std::string_view)> may_truncate;
  // The languages each state is drawn in (core/translate.h): English, Spanish and the
  // pseudo-language, whose accented, 40 % longer texts find a message that is not translated
  // (it stays plain ASCII) or does not fit. Only check_pages with a maker of the states can
  // draw the built-in content in each language; with a list, English alone is drawn.
  std::vector<std::string> languages{"en", "es", "qps"};
  // The person's own words in the states (a pattern's name, a therapist's note): in the
  // pseudo-language their words may be drawn as written. Any other word of three or more plain
  // ASCII letters drawn there is a message that was never translated.
  std::vector<std::string> own_words;
};

// A model with the built-in routines (read without problems), the clock at a fixed moment and
// the safety check answered: where most page states start.
app::AppModel builtin_model();
// Start on the routine page, then "None of these" on the one-tap check before the session.
app::AppModel start(app::AppModel m);
// The model after `a`, and after a press of control (k, i).
app::AppModel act(app::AppModel m, const app::Action& a);
app::AppModel press(app::AppModel m, app::ControlKind k, int i = 0);

// Every size the issue names, from the smallest phone to a large desktop.
std::vector<PageSize> every_size();
// A smaller set for the slower cross products: small and large phone, Retina, desktop.
std::vector<PageSize> key_sizes();
// Both themes and both of their high-contrast variants.
std::vector<Look> every_look();

// Runs the check with doctest CHECKs (the failing state, size, text size and text captured):
// - no text truncated (unless may_truncate allows it), none outside the window;
// - unclipped text boxes never overlap (except on overlay states);
// - scrolled to the end, the content's foot and its last scrolling target are wholly in view;
// - every pressable target is inside the window and apart from the others.
void check_pages(const std::vector<PageState>& states, const PageCheck& check);
// The same in each of check.languages: the language is installed, then `make` builds the
// states (so the built-in content it loads is read in that language), then they are checked.
// English is installed again at the end.
void check_pages(const std::function<std::vector<PageState>()>& make, const PageCheck& check);

// The first word of three or more plain ASCII letters in `text` that no text of `own` holds,
// or empty: in the pseudo-language, a text that was never translated.
std::string english_word(std::string_view text, const std::vector<std::string>& own = {});

}  // namespace unknot::ui::pages
