#include "app/care_layout.h"

#include <algorithm>
#include <cmath>

#include "app/progress_layout.h"

namespace unknot::app {

SettingsLayout settings_layout(Size window, bool therapist_mode) {
  SettingsLayout l;
  const Rect col = column(window);
  float y = col.y + kSmallGap;
  l.title = {col.x, snap(y), col.w, kTitleLine};
  y += kTitleLine + kGap;
  const auto row = [&](float h) {
    const Rect r{col.x, snap(y), col.w, h};
    y += h + kSmallGap;
    return r;
  };
  l.profile = row(72);
  l.sound = row(72);
  l.therapist = row(72);
  l.homework = therapist_mode ? row(72) : Rect{col.x, snap(y), col.w, 0};
  l.therapist_detail = {col.x, snap(y), col.w, kCaptionLine * 4};
  y += kCaptionLine * 4 + kGap;
  const float bottom = window.h - kTabBarHeight - kGap;
  l.safety = {col.x, snap(y), col.w, std::max(0.0f, std::min(kCaptionLine * 2, bottom - y))};
  return l;
}

}  // namespace unknot::app
