#include "app/type_scale.h"

namespace unknot::app {

float font_size_dp(Font font) {
  switch (font) {
    case Font::Display:
      return 40;
    case Font::Title:
      return 28;
    case Font::Heading:
      return 20;
    case Font::Body:
    case Font::BodyStrong:
    case Font::Button:
      return 17;
    case Font::Caption:
      return 14;
    case Font::Timer:
      return 56;
  }
  return 17;
}

float line_height_dp(Font font) {
  // Whole dp keep stacked lines on the pixel grid at integer scales; Timer uses 72 (not 72.8)
  // to stay on the 8-dp grid.
  switch (font) {
    case Font::Display:
      return 52;
    case Font::Title:
      return 36;
    case Font::Heading:
      return 26;
    case Font::Body:
    case Font::BodyStrong:
    case Font::Button:
      return 22;
    case Font::Caption:
      return 18;
    case Font::Timer:
      return 72;
  }
  return 22;
}

float font_scale(Font font, float text_scale) {
  const float extra = text_scale > 1 ? text_scale - 1 : 0;
  switch (font) {
    case Font::Display:
    case Font::Title:
    case Font::Timer:
      return 1 + extra / 2;
    case Font::Heading:
    case Font::Body:
    case Font::BodyStrong:
    case Font::Button:
    case Font::Caption:
      return 1 + extra;
  }
  return 1 + extra;
}

bool is_strong(Font font) {
  switch (font) {
    case Font::Display:
    case Font::Title:
    case Font::Heading:
    case Font::BodyStrong:
    case Font::Button:
      return true;
    case Font::Body:
    case Font::Caption:
    case Font::Timer:
      return false;
  }
  return false;
}

}  // namespace unknot::app
