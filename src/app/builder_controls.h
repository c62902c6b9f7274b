// The homework builder's controls as its pages lay them out, measured with the real font: a
// labelled − value + stepper, a ‹ pattern › chooser, a text field that grows with its text and
// rows of chips. Each − and + is its own 48-dp target, disabled where it would change nothing.
// Pure std + core.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/builder_draft.h"
#include "app/page_layout.h"
#include "app/screen_frame.h"
#include "app/text_field.h"

namespace unknot::app {

// page_frame narrowed to a form's width (at most 480 dp, as on a phone, even on a desktop): the
// column, the top bar, the viewport (and its scroll indicator) and the bottom button share it.
PageFrame form_frame(Size window, bool bottom_button);

// Label on the left (wrapped), then −, the value and + on the right.
struct BuilderStepperLayout {
  BuilderValue value = BuilderValue::Hold;
  TextBlock label;
  std::string text;  // the value as shown ("45 s")
  Rect row, down, value_box, up;
  bool down_enabled = true, up_enabled = true;
};
// `widest` is the longest text the value can show, so the buttons stay put as it changes.
BuilderStepperLayout stepper_layout(Flow& f, BuilderValue v, std::string_view label,
                                    std::string text, std::string_view widest, bool down_enabled,
                                    bool up_enabled, float gap);

// Previous and next at the ends, the pattern's name between them (wrapped).
struct BuilderChooserLayout {
  BuilderValue value = BuilderValue::StepPattern;
  TextBlock name;
  Rect row, previous, next;
};
BuilderChooserLayout chooser_layout(Flow& f, BuilderValue v, std::string_view name, float gap);

// The name of a built-in pattern (its id when unknown).
std::string pattern_name(const std::string& id);

// A text field (app/text_field.h) as a page lays it out: where it is, and the hint shown while
// it is empty. A one-line field wraps its text (every character stays in sight) and is as tall
// as its lines, at least `min_lines` and 48 dp; a multi-line one has a line more for the next
// words (field_height). While empty and unfocused it is as tall as its hint.
struct BuilderField {
  BuilderText which = BuilderText::Title;
  FieldPlace place;
  TextBlock hint;
  Control control() const { return {ControlKind::BuilderField, field_index(which)}; }
};
BuilderField builder_field(Flow& f, BuilderText which, const TextEdit& edit, std::string_view hint,
                           int min_lines, float gap);

// A card that opens or adds something: a strong line (if any) over a detail, both wrapped, and
// room at the right for a chevron or a plus (`accessory`). At least `min_h` high.
struct BuilderCardLayout {
  Rect card, accessory;
  TextBlock title, detail;
  bool caution = false;  // the detail is a caution (a muscle kept for supervised use)
};
BuilderCardLayout card_layout(Flow& f, std::string_view title, std::string_view detail,
                              Font detail_font, float min_h, float gap);

// Boxes for `labels` (in `font`), as many to a row as fit with each label whole and each box at
// least 48 dp wide: all in one row, else half, else two, else one.
std::vector<Rect> chip_rows(Flow& f, std::span<const std::string> labels, Font font, float gap);

// Adds a stepper's − and + (disabled ones too: drawn, skipped by focus and taps).
void add_stepper(ScreenFrame& f, const BuilderStepperLayout& s);
// Adds a chooser's ‹ and ›, named `previous` and `next` ("Previous breathing pattern").
void add_chooser(ScreenFrame& f, const BuilderChooserLayout& c, std::string previous,
                 std::string next);

}  // namespace unknot::app
