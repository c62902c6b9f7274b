// Just breathe, a pattern's page, the pattern editor and Sound, drawn from their measured
// layouts (app/breathe_list_page.h, pattern_page.h, editor_page.h, sound_page.h): every text
// whole, scrolling parts clipped to their viewport.
#include <algorithm>
#include <cmath>

#include "app/breathe_list_page.h"
#include "app/editor_page.h"
#include "app/pattern_page.h"
#include "app/screens.h"
#include "app/sound_page.h"
#include "core/translate.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {
namespace {

app::Env env_of(const DrawContext& dc, const app::AppModel& m) {
  return {dc.window, app::measure_of(m), m.scroll.offset};
}

void indicator(DrawContext& dc, const app::AppModel& m, app::Rect viewport, float content_h) {
  scroll_indicator(dc, viewport, content_h,
                   std::clamp(m.scroll.offset, 0.0f, std::max(0.0f, content_h - viewport.h)));
}

void chip(DrawContext& dc, app::Rect r, std::string_view label, bool on, Font font, bool focused) {
  const Palette& p = dc.palette;
  dc.canvas.fill_rounded(r, r.h / 2, on ? p.accent : p.surface);
  dc.canvas.text_in(label, r.inset(6), font, on ? p.on_accent : p.text, Align::Center);
  if (focused) focus_ring(dc, r, r.h / 2);
}

}  // namespace

void draw_breathe_list(DrawContext& dc, const app::AppModel& m, const app::BreatheListScreen&) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::breathe_list_page_layout(m, env_of(dc, m));
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    for (std::size_t i = 0; i < l.rows.size(); ++i) {
      const auto& r = l.rows[i];
      if (r.row.bottom() < l.page.viewport.y || r.row.y > l.page.viewport.bottom()) continue;
      c.fill_rounded(r.row, kCardRadius, p.surface);
      c.text_block(r.name, p.text);
      c.text_block(r.timing, p.muted);
      if (dc.focused(app::ControlKind::PatternRow, static_cast<int>(i)))
        focus_ring(dc, r.row, kCardRadius);
    }
    const int n = static_cast<int>(l.rows.size());
    button(dc, l.new_pattern, core::tr("New pattern"), ButtonStyle::Quiet,
           dc.focused(app::ControlKind::NewPattern, n));
  }
  indicator(dc, m, l.page.viewport, l.content_h);
}

void draw_pattern(DrawContext& dc, const app::AppModel& m, const app::PatternScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::pattern_page_layout(m, s, env_of(dc, m));
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  const core::BreathPattern* pattern = app::find_pattern(m, s.pattern_id);
  if (pattern == nullptr) return;
  if (l.edit.w > 0)
    button(dc, l.edit, core::tr("Edit"), ButtonStyle::Quiet, dc.focused(app::ControlKind::Edit));
  const bool barred = app::holds_barred(m, *pattern);
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.name, p.text);
    c.text_block(l.timing, p.muted);
    c.text_block(l.summary, p.text);
    c.text_block(l.suits, p.text);
    for (const auto& b : l.cues) c.text_block(b, p.muted);
    for (const auto& b : l.cautions) c.text_block(b, p.caution_text);
    c.text_block(l.source, p.muted);
    const bool minutes = s.length.unit == core::BreathingLength::Unit::Minutes;
    chip(dc, l.unit_minutes, core::tr("Minutes"), minutes, Font::Body,
         dc.focused(app::ControlKind::UnitMinutes));
    chip(dc, l.unit_breaths, core::tr("Breaths"), !minutes, Font::Body,
         dc.focused(app::ControlKind::UnitBreaths));
    button(dc, l.length_down, "\u2212", ButtonStyle::Secondary,
           dc.focused(app::ControlKind::LengthDown));
    c.number_in(std::to_string(s.length.value), l.length_value, Font::Heading, p.text,
                Align::Center);
    button(dc, l.length_up, "+", ButtonStyle::Secondary, dc.focused(app::ControlKind::LengthUp));
    c.text_block(l.length_note, barred ? p.caution_text : p.muted);
  }
  indicator(dc, m, l.page.viewport, l.content_h);
  button(dc, l.start, core::tr("Start"), ButtonStyle::Primary, dc.focused(app::ControlKind::Start),
         !barred);
}

void draw_editor(DrawContext& dc, const app::AppModel& m, const app::EditorScreen& e) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::editor_page_layout(e, env_of(dc, m));
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  if (l.remove.w > 0)
    button(dc, l.remove, core::trc("button", "Delete"), ButtonStyle::Quiet,
           dc.focused(app::ControlKind::Delete));
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    c.text_block(l.name_label, p.muted);
    draw_field(dc, m, e.name, app::editor_name_place(l), {app::ControlKind::NameField, 0});
    // TRANSLATORS: how a breathing pattern is set: phase by phase, or by its pace (breaths a
    // minute).
    chip(dc, l.by_phases, core::tr("Phases"), !e.by_rate, Font::Body,
         dc.focused(app::ControlKind::ByPhases));
    chip(dc, l.by_rate, core::trc("breathing", "Rate"), e.by_rate, Font::Body,
         dc.focused(app::ControlKind::ByRate));
    for (const auto& r : l.rows) {
      c.text_block(r.label, p.text);
      button(dc, r.down, "\u2212", ButtonStyle::Secondary,
             dc.focused(app::ControlKind::PhaseDown, r.index));
      c.number_in(r.value, r.value_box, Font::BodyStrong, p.text, Align::Center);
      button(dc, r.up, "+", ButtonStyle::Secondary, dc.focused(app::ControlKind::PhaseUp, r.index));
    }
    c.text_block(l.summary, p.muted);
    for (const auto& b : l.problems) c.text_block(b, p.caution_text);
  }
  indicator(dc, m, l.page.viewport, l.content_h);
  button(dc, l.save, core::trc("button", "Save"), ButtonStyle::Primary,
         dc.focused(app::ControlKind::Save));
  if (e.confirming_delete) {
    const std::string keep = core::trc("button", "Keep"), remove = core::trc("button", "Delete");
    dialog(dc, l.dialog,
           {keep, remove, {app::ControlKind::EndCancel, 0}, {app::ControlKind::Delete, 1}, true});
  }
}

void draw_sound(DrawContext& dc, const app::AppModel& m) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::sound_page_layout(m, env_of(dc, m));
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  {
    Clip clip(c, l.page.viewport);
    c.text_block(l.title, p.text);
    for (int i = 0; i < app::kSoundGroupCount; ++i) {
      const auto& g = l.groups[static_cast<std::size_t>(i)];
      const bool muted = app::group_muted(m.sound, i);
      c.text_block(g.name, p.text);
      button(dc, g.down, "\u2212", ButtonStyle::Secondary,
             dc.focused(app::ControlKind::VolumeDown, i));
      const int percent = static_cast<int>(std::lround(app::group_volume(m.sound, i) * 100));
      const std::string level =
          // TRANSLATORS: a sound layer's level while it is muted or off; keep it very short.
          muted ? core::trc("sound level", "off")
                : core::fill(core::trc("percent", "{n}%"), {{"n", std::to_string(percent)}});
      c.number_in(level, g.level, Font::BodyStrong, muted ? p.muted : p.text, Align::Center);
      button(dc, g.up, "+", ButtonStyle::Secondary, dc.focused(app::ControlKind::VolumeUp, i));
      // The breath tone is off until chosen: its button turns it on and off.
      // TRANSLATORS: small buttons beside a sound layer's volume: switch the breath tone on or
      // off, or mute and unmute the others.
      const std::string mute_label = i == 3 ? (muted ? core::tr("Turn on") : core::tr("Turn off"))
                                            : (muted ? core::tr("Unmute") : core::tr("Mute"));
      button(dc, g.mute, mute_label, ButtonStyle::Quiet, dc.focused(app::ControlKind::Mute, i));
    }
    c.text_block(l.guidance_heading, p.text);
    const int guidance = app::guidance_of(m.sound);
    for (int i = 0; i < 3; ++i) {
      chip(dc, l.guidance[static_cast<std::size_t>(i)], core::tr(app::kGuidanceNames[i]),
           guidance == i, Font::Caption, dc.focused(app::ControlKind::Guidance, i));
    }
    c.text_block(l.ambient_heading, p.text);
    for (int i = 0; i < 3; ++i) {
      chip(dc, l.ambient_kinds[static_cast<std::size_t>(i)], core::tr(app::kAmbientNames[i]),
           static_cast<int>(m.sound.ambient) == i, Font::Caption,
           dc.focused(app::ControlKind::Ambient, i));
    }
    c.text_block(l.sets_heading, p.text);
    for (int i = 0; i < core::kSoundSetCount; ++i) {
      const auto& set = l.sets[static_cast<std::size_t>(i)];
      const bool chosen = static_cast<int>(m.sound.sound_set) == i;
      c.fill_rounded(set.row, 16, chosen ? p.surface_raised : p.surface);
      // A radio mark: a ring, filled when chosen.
      const app::Point mark{set.row.x + 24, set.name.box.center().y};
      c.fill_circle(mark, 11, chosen ? p.accent : p.muted);
      c.fill_circle(mark, 9, chosen ? p.surface_raised : p.surface);
      if (chosen) c.fill_circle(mark, 5, p.accent);
      c.text_block(set.name, p.text);
      c.text_block(set.description, p.muted);
      if (dc.focused(app::ControlKind::SoundSet, i)) focus_ring(dc, set.row, 16);
      // TRANSLATORS: a small button: plays a sound set's sounds once, to hear them.
      button(dc, set.preview, core::trc("button", "Play"), ButtonStyle::Secondary,
             dc.focused(app::ControlKind::PreviewSound, i));
    }
    for (const auto& t : l.toggles) {
      c.fill_rounded(t.row, 16, p.surface);
      c.text_block(t.label, p.text);
      c.fill_rounded(t.track, 14, t.on ? p.accent : p.surface_raised);
      c.fill_circle({t.on ? t.track.right() - 14 : t.track.x + 14, t.track.center().y}, 10,
                    t.on ? p.on_accent : p.muted);
      if (dc.focused(t.control.kind, t.control.index)) focus_ring(dc, t.row, 16);
    }
  }
  indicator(dc, m, l.page.viewport, l.content_h);
}

}  // namespace unknot::ui
