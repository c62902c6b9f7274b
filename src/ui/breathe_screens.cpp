#include <cmath>

#include "app/view.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace unknot::ui {

void draw_breathe_list(DrawContext& dc, const app::AppModel& m, const app::BreatheListScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto patterns = app::all_patterns(m);
  const int n = static_cast<int>(patterns.size());
  const auto l = app::breathe_list_layout(dc.window, n, s.scroll);
  // Rows scroll under a clip so nothing draws over the title.
  const float px = c.scale();
  const SDL_Rect clip{static_cast<int>(std::floor(l.viewport.x * px)), static_cast<int>(std::floor(l.viewport.y * px)),
                      static_cast<int>(std::ceil(l.viewport.w * px)), static_cast<int>(std::ceil(l.viewport.h * px))};
  SDL_RenderSetClipRect(c.renderer(), &clip);
  for (int i = 0; i <= n; ++i) {
    const app::Rect row = l.rows[static_cast<std::size_t>(i)];
    if (row.bottom() < l.viewport.y || row.y > l.viewport.bottom()) continue;
    if (i == n) {
      button(dc, row, "New pattern", ButtonStyle::Quiet, dc.focused(app::ControlKind::NewPattern, n));
      continue;
    }
    const core::BreathPattern& pattern = *patterns[static_cast<std::size_t>(i)];
    c.fill_rounded(row, 16, p.surface);
    const app::Rect inner = row.inset(16);
    c.text_in(pattern.name, {inner.x, row.y + 12, inner.w - 24, app::kHeadingLine}, Font::Heading, p.text, Align::Left);
    c.text_in(app::pattern_timing(pattern), {inner.x, row.y + 12 + app::kHeadingLine + 2, inner.w - 24, app::kCaptionLine},
              Font::Caption, p.muted, Align::Left);
    if (dc.focused(app::ControlKind::PatternRow, i)) focus_ring(dc, row, 16);
  }
  SDL_RenderSetClipRect(c.renderer(), nullptr);
  // The title band is drawn last so rows slide under it cleanly.
  c.fill_rect({0, 0, dc.window.w, l.viewport.y}, p.background);
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  c.text_in("Just breathe", l.title, Font::Title, p.text, Align::Left);
}

void draw_pattern(DrawContext& dc, const app::AppModel& m, const app::PatternScreen& s) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const core::BreathPattern* pattern = app::find_pattern(m, s.pattern_id);
  if (pattern == nullptr) return;
  const auto l = app::pattern_layout(dc.window, pattern->custom);
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  if (pattern->custom) button(dc, l.edit, "Edit", ButtonStyle::Quiet, dc.focused(app::ControlKind::Edit));

  float y = l.body.y;
  const auto rest = [&] { return app::Rect{l.body.x, y, l.body.w, std::max(0.0f, l.body.bottom() - y)}; };
  const auto para = [&](const std::string& text, Font font, Color color, int lines, float gap) {
    if (text.empty() || y + app::kCaptionLine > l.body.bottom()) return;
    const int fit = static_cast<int>((l.body.bottom() - y) / (font == Font::Caption ? app::kCaptionLine : app::kBodyLine));
    y += c.text_wrapped(text, rest(), font, color, Align::Left, std::max(1, std::min(lines, fit))) + gap;
  };
  para(pattern->name, Font::Title, p.text, 2, app::kSmallGap);
  para(app::pattern_timing(*pattern), Font::Body, p.muted, 1, app::kGap);
  para(pattern->summary, Font::Body, p.text, 3, app::kSmallGap);
  if (!pattern->suits.empty()) para("Suits: " + pattern->suits, Font::Body, p.text, 2, app::kSmallGap);
  for (const auto& cue : pattern->cues) para(cue, Font::Body, p.muted, 2, 4);
  y += 4;
  for (const auto& caution : pattern->cautions) para(caution, Font::Caption, p.caution_text, 4, 4);
  if (!pattern->source.empty()) para("Source: " + pattern->source, Font::Caption, p.muted, 2, 0);

  const bool minutes = s.length.unit == core::BreathingLength::Unit::Minutes;
  const auto chip = [&](app::Rect r, const char* label, bool on, app::ControlKind kind) {
    c.fill_rounded(r, r.h / 2, on ? p.accent : p.surface);
    c.text_in(label, r.inset(8), Font::Body, on ? p.on_accent : p.text, Align::Center);
    if (dc.focused(kind)) focus_ring(dc, r, r.h / 2);
  };
  chip(l.unit_minutes, "Minutes", minutes, app::ControlKind::UnitMinutes);
  chip(l.unit_breaths, "Breaths", !minutes, app::ControlKind::UnitBreaths);
  button(dc, l.length_down, "\u2212", ButtonStyle::Secondary, dc.focused(app::ControlKind::LengthDown));
  c.number_in(std::to_string(s.length.value), l.length_value, Font::Heading, p.text, Align::Center);
  button(dc, l.length_up, "+", ButtonStyle::Secondary, dc.focused(app::ControlKind::LengthUp));
  const bool barred = app::holds_barred(m, *pattern);
  c.text_in(app::length_note(m, s), l.length_note, Font::Caption, barred ? p.caution_text : p.muted, Align::Left);
  button(dc, l.start, "Start", ButtonStyle::Primary, dc.focused(app::ControlKind::Start), !barred);
}

void draw_editor(DrawContext& dc, const app::AppModel& m, const app::EditorScreen& e) {
  (void)m;
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::editor_layout(dc.window);
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  c.text_in(e.saved_id ? "Edit pattern" : "New pattern", l.title, Font::Title, p.text, Align::Left);
  c.text_in("Name", l.name_label, Font::Caption, p.muted, Align::Left);
  const bool name_focus = dc.focus && *dc.focus == app::Control{app::ControlKind::NameField, 0};
  c.fill_rounded(l.name_field, 12, p.surface);
  c.stroke_rounded(l.name_field, 12, name_focus ? 2.0f : 1.0f, name_focus ? p.accent : p.outline);
  c.text_in(e.draft.name + (name_focus ? "|" : ""), l.name_field.inset(12), Font::Body, p.text, Align::Left);
  const auto chip = [&](app::Rect r, const char* label, bool on, app::ControlKind kind) {
    c.fill_rounded(r, r.h / 2, on ? p.accent : p.surface);
    c.text_in(label, r.inset(8), Font::Body, on ? p.on_accent : p.text, Align::Center);
    if (dc.focused(kind)) focus_ring(dc, r, r.h / 2);
  };
  chip(l.by_phases, "Phases", !e.by_rate, app::ControlKind::ByPhases);
  chip(l.by_rate, "Rate", e.by_rate, app::ControlKind::ByRate);
  const auto row = [&](const app::StepperRow& r, const std::string& label, const std::string& value, int index) {
    c.text_in(label, r.label, Font::Body, p.text, Align::Left);
    button(dc, r.down, "\u2212", ButtonStyle::Secondary, dc.focused(app::ControlKind::PhaseDown, index));
    c.number_in(value, r.value, Font::BodyStrong, p.text, Align::Center);
    button(dc, r.up, "+", ButtonStyle::Secondary, dc.focused(app::ControlKind::PhaseUp, index));
  };
  if (e.by_rate) {
    row(l.rate[0], "Breaths a minute", core::tenths_text(e.rate_tenths, true), 4);
    row(l.rate[1], "Breathing in", std::to_string(e.share_percent) + "%", 5);
  } else {
    const char* labels[] = {"Breathe in", "Hold, full", "Breathe out", "Hold, empty"};
    const core::Duration values[] = {e.draft.inhale, e.draft.hold_full, e.draft.exhale, e.draft.hold_empty};
    for (int i = 0; i < 4; ++i) {
      row(l.phases[static_cast<std::size_t>(i)], labels[i], app::seconds_label(values[i]), i);
    }
  }
  // In rate mode the phases it makes are shown, so the numbers played are never a surprise.
  const std::string summary = e.by_rate ? "In " + app::seconds_label(e.draft.inhale) + ", out " +
                                              app::seconds_label(e.draft.exhale)
                                        : app::draft_summary(e.draft);
  c.text_in(summary, l.summary, Font::Body, p.muted, Align::Left);
  float y = l.problems.y;
  for (const auto& problem : e.problems) {
    if (y + app::kCaptionLine > l.problems.bottom()) break;
    y += c.text_wrapped(problem.message, {l.problems.x, y, l.problems.w, l.problems.bottom() - y}, Font::Caption,
                        p.caution_text, Align::Left, 2) + 4;
  }
  if (e.saved_id) button(dc, l.remove, "Delete", ButtonStyle::Quiet, dc.focused(app::ControlKind::Delete));
  button(dc, l.save, "Save", ButtonStyle::Primary, dc.focused(app::ControlKind::Save));
  if (e.confirming_delete) {
    dialog(dc, l.dialog, {"Delete this pattern?", "Sessions you did with it stay in your record.", "Keep",
                          "Delete", {app::ControlKind::EndCancel, 0}, {app::ControlKind::Delete, 1}});
  }
}

void draw_sound(DrawContext& dc, const app::AppModel& m) {
  const Palette& p = dc.palette;
  Canvas& c = dc.canvas;
  const auto l = app::sound_layout(dc.window);
  back_button(dc, l.back, dc.focused(app::ControlKind::Back));
  c.text_in("Sound", l.title, Font::Title, p.text, Align::Left);
  const char* names[] = {"Voice", "Tones", "Ambient"};
  const float volumes[] = {m.sound.voice_volume, m.sound.tone_volume, m.sound.ambient_volume};
  const bool muted[] = {m.sound.voice_muted, m.sound.tones_muted, m.sound.ambient_muted};
  for (int i = 0; i < 3; ++i) {
    const auto& row = l.groups[static_cast<std::size_t>(i)];
    c.text_in(names[i], row.label, Font::BodyStrong, p.text, Align::Left);
    button(dc, row.down, "\u2212", ButtonStyle::Secondary, dc.focused(app::ControlKind::VolumeDown, i));
    const std::string level = muted[i] ? "off" : std::to_string(static_cast<int>(std::lround(volumes[i] * 100))) + "%";
    c.number_in(level, row.value, Font::BodyStrong, muted[i] ? p.muted : p.text, Align::Center);
    button(dc, row.up, "+", ButtonStyle::Secondary, dc.focused(app::ControlKind::VolumeUp, i));
    button(dc, l.mutes[static_cast<std::size_t>(i)], muted[i] ? "Unmute" : "Mute", ButtonStyle::Quiet,
           dc.focused(app::ControlKind::Mute, i));
  }
  const char* kinds[] = {"No ambient", "Brown noise", "Ocean"};
  for (int i = 0; i < 3; ++i) {
    const app::Rect r = l.ambient_kinds[static_cast<std::size_t>(i)];
    const bool on = static_cast<int>(m.sound.ambient) == i;
    c.fill_rounded(r, r.h / 2, on ? p.accent : p.surface);
    c.text_in(kinds[i], r.inset(6), Font::Caption, on ? p.on_accent : p.text, Align::Center);
    if (dc.focused(app::ControlKind::Ambient, i)) focus_ring(dc, r, r.h / 2);
  }
  const auto toggle = [&](app::Rect r, const char* label, bool on, app::ControlKind kind) {
    c.fill_rounded(r, 16, p.surface);
    c.text_in(label, {r.x + 16, r.y, r.w - 96, r.h}, Font::Body, p.text, Align::Left);
    const app::Rect track{r.right() - 16 - 52, r.center().y - 14, 52, 28};
    c.fill_rounded(track, 14, on ? p.accent : p.surface_raised);
    c.fill_circle({on ? track.right() - 14 : track.x + 14, track.center().y}, 10, on ? p.on_accent : p.muted);
    if (dc.focused(kind)) focus_ring(dc, r, 16);
  };
  toggle(l.breath_tone, "Breath tone", m.sound.breath_tone, app::ControlKind::BreathTone);
  toggle(l.pan_sides, "Pan to the side worked", m.sound.pan_sides, app::ControlKind::PanSides);
}

}  // namespace unknot::ui
