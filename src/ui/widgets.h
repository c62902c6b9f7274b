// Reusable pieces drawn the same way on every screen: buttons, cards, chips, the back button,
// the progress bar, the focus ring, text fields. ui only.
#pragma once

#include <string_view>

#include "app/geometry.h"
#include "app/layout.h"
#include "app/model.h"
#include "app/page_layout.h"
#include "app/text_field.h"
#include "ui/canvas.h"
#include "ui/draw_context.h"

namespace unknot::ui {

// Primary: the screen's main action (accent fill). Secondary: filled, quieter. Quiet: an outline
// only (small actions, and the builder's − and +, which stay visible on any card).
// Destructive: deletes or clears something: an outline in the stop colour, never the accent.
enum class ButtonStyle { Primary, Secondary, Quiet, Destructive };

inline constexpr float kButtonRadius = 16;
inline constexpr float kCardRadius = 20;

void focus_ring(DrawContext& dc, app::Rect r, float radius);
void button(DrawContext& dc, app::Rect r, std::string_view label, ButtonStyle style, bool focused,
            bool enabled = true);
// A button's label in `r`: one line, or wrapped when the layout made the button tall enough
// (app::button_height).
void button_label(DrawContext& dc, app::Rect r, std::string_view label, Color color);
void back_button(DrawContext& dc, app::Rect r, bool focused);
void progress_bar(DrawContext& dc, app::Rect r, double fraction, Color fill);
// A measured question (app::dialog_box) over the dimmed screen; a confirming answer that deletes
// or clears something is drawn Destructive, else Primary.
struct DialogAnswers {
  std::string_view cancel, confirm;
  app::Control cancel_control, confirm_control;
  bool destructive = false;
};
void dialog(DrawContext& dc, const app::DialogBox& d, const DialogAnswers& answers);

// Clips drawing to a dp rectangle until destroyed (scrolling lists).
class Clip {
 public:
  Clip(Canvas& c, app::Rect r) : c_(c) { c.set_clip(r); }
  ~Clip() { c_.clear_clip(); }
  Clip(const Clip&) = delete;
  Clip& operator=(const Clip&) = delete;

 private:
  Canvas& c_;
};

// A thin bar at the viewport's right edge showing where the view is in content taller than it;
// nothing when everything fits. `scroll` past either end shows the thumb at that end.
void scroll_indicator(DrawContext& dc, app::Rect viewport, float content_h, float scroll);
// A small filled dot with the pain colour, for lists.
void pain_dot(DrawContext& dc, app::Point center, int pain);

// A text field laid out by app::field_layout: its box (outlined in the accent while focused),
// the selection while focused, the text, the IME's composition underlined, and the caret when
// `caret`.
void draw_field(DrawContext& dc, const app::FieldLayout& l, bool focused, bool caret);
// A screen's field (app/text_field.h) as the model has it: focused while it takes the typing,
// its caret blinking (app::caret_on) at the model's interface time.
void draw_field(DrawContext& dc, const app::AppModel& m, const app::TextEdit& edit,
                const app::FieldPlace& place, app::Control control);

}  // namespace unknot::ui
