#include <doctest/doctest.h>

#include "app/app_builders.h"
#include "app/screens.h"
#include "app/sound_page.h"
#include "app/view.h"

namespace unknot::app {
namespace {
using namespace std::chrono_literals;
using test::Driver;

int row_of(const AppModel& m, std::string_view id) {
  const auto list = all_patterns(m);
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i]->id == id) return static_cast<int>(i);
  }
  FAIL("no such pattern");
  return -1;
}

Driver at_pattern(std::string_view id) {
  Driver d;
  d.press(ControlKind::JustBreathe);
  d.press(ControlKind::PatternRow, row_of(d.model, id));
  return d;
}
}  // namespace

TEST_CASE("Just breathe lists every preset and opens one with Start focused") {
  Driver d;
  d.press(ControlKind::JustBreathe);
  REQUIRE(std::holds_alternative<BreatheListScreen>(d.model.screen));
  CHECK(all_patterns(d.model).size() == core::builtin_patterns().size());
  d.press(ControlKind::PatternRow, row_of(d.model, "resonance_6"));
  REQUIRE(std::holds_alternative<PatternScreen>(d.model.screen));
  CHECK(focused_control(d.model) == Control{ControlKind::Start, 0});
  const auto& s = std::get<PatternScreen>(d.model.screen);
  CHECK(s.length.unit == core::BreathingLength::Unit::Minutes);
  CHECK(s.length.value == 10);
  CHECK(length_note(d.model, s) == "60 breaths · 10:00");
}

TEST_CASE("4-7-8 is offered as breaths and capped at four in the first month of use") {
  Driver d = at_pattern("relax_478");
  const auto first = d.all<LoadFirstUse>();
  REQUIRE(first.size() == 1);
  CHECK(first[0].pattern_id == "relax_478");
  auto s = std::get<PatternScreen>(d.model.screen);
  CHECK(s.length.unit == core::BreathingLength::Unit::Breaths);
  CHECK(s.length.value == 4);
  d.press(ControlKind::LengthUp).press(ControlKind::LengthUp);
  CHECK(std::get<PatternScreen>(d.model.screen).length.value == 4);
  CHECK(length_note(d.model, std::get<PatternScreen>(d.model.screen))
            .find("4 at most in your first month") != std::string::npos);
  // Used for the first time 40 days ago: up to eight.
  d(FirstUseLoaded{"relax_478", d.model.wall_now - std::chrono::days(40)});
  d.press(ControlKind::LengthUp)
      .press(ControlKind::LengthUp)
      .press(ControlKind::LengthUp)
      .press(ControlKind::LengthUp)
      .press(ControlKind::LengthUp);
  CHECK(std::get<PatternScreen>(d.model.screen).length.value == 8);
}

TEST_CASE(
    "a breathing session plays its breaths, ends after a full out-breath and goes straight to the "
    "summary") {
  Driver d = at_pattern("extended_exhale_4_6");
  d.press(ControlKind::UnitBreaths);
  while (std::get<PatternScreen>(d.model.screen).length.value > 3) d.press(ControlKind::LengthDown);
  d.press(ControlKind::Start);
  REQUIRE(std::holds_alternative<PlayerScreen>(d.model.screen));
  const auto begin = d.all<BeginSessionRecord>();
  REQUIRE(begin.size() == 1);
  CHECK(begin[0].routine_id == "breathe:extended_exhale_4_6");
  CHECK_FALSE(begin[0].pain_before.has_value());
  d(SessionRecordStarted{5});
  d.tick(3s + 12s);
  CHECK(player_view(d.model).step_label == "Breath 2 of 3");
  CHECK(player_view(d.model).phase_word == "Breathe in");
  d.tick(3s + 30s);
  REQUIRE(std::holds_alternative<SummaryScreen>(d.model.screen));
  CHECK(summary_view(d.model).title == "Breathing complete");
  CHECK(summary_view(d.model).before_after == "0:30");
  CHECK(d.all<CompleteSessionRecord>().size() == 1);
  CHECK(d.all<Haptic>().empty());  // vibration is off unless chosen
}

TEST_CASE("feeling dizzy pauses, and slowing down continues the rest at a slower pace") {
  Driver d = at_pattern("resonance_6");
  d.press(ControlKind::Start);
  d(SessionRecordStarted{8});
  d.tick(3s + 60s);
  d.press(ControlKind::Dizzy);
  auto& p = std::get<PlayerScreen>(d.model.screen);
  REQUIRE(p.asking_dizzy);
  CHECK(focused_control(d.model) == Control{ControlKind::SlowDown, 0});
  CHECK(player_view(d.model).paused);
  d.press(ControlKind::SlowDown);
  CHECK_FALSE(std::get<PlayerScreen>(d.model.screen).asking_dizzy);
  REQUIRE(d.model.session);
  CHECK(d.model.session->slowed);
  CHECK(d.model.session->timeline->pattern(0).cycle() > 10s);
  CHECK(d.model.session->timeline->countdown() == 0s);
  CHECK(player_view(d.model).step_label ==
        "Breath 7 of " + std::to_string(d.model.session->breaths));
  CHECK(d.all<RecordStep>().back().actual == 60s);
  CHECK(d.all<AudioLoad>().size() == 2);
}

TEST_CASE("stopping from the dizzy question keeps the session as ended early") {
  Driver d = at_pattern("box_4");
  d.press(ControlKind::Start);
  d(SessionRecordStarted{3});
  d.tick(3s + 20s);
  d.press(ControlKind::Dizzy).press(ControlKind::StopSession);
  REQUIRE(std::holds_alternative<SummaryScreen>(d.model.screen));
  CHECK(summary_view(d.model).title == "Breathing ended early");
  CHECK(summary_view(d.model).message.find("urgent medical help") != std::string::npos);
  CHECK(d.all<AbandonSessionRecord>().size() == 1);
}

TEST_CASE("a new pattern is validated before it is saved and names the problem") {
  Driver d;
  d.press(ControlKind::JustBreathe).press(ControlKind::NewPattern);
  REQUIRE(std::holds_alternative<EditorScreen>(d.model.screen));
  CHECK(focused_control(d.model) == Control{ControlKind::NameField, 0});
  for (int i = 0; i < 20; ++i) d(FieldKeyed{{EditKey::Backspace}});
  d(TextTyped{"Slow 5"});
  CHECK(std::get<EditorScreen>(d.model.screen).draft.name == "Slow 5");
  for (int i = 0; i < 6; ++i) d.press(ControlKind::PhaseDown, 0);  // inhale 4 s -> 1 s floor
  CHECK(std::get<EditorScreen>(d.model.screen).draft.inhale == 1s);
  d.press(ControlKind::PhaseUp, 0).press(ControlKind::PhaseUp, 1);
  CHECK(std::get<EditorScreen>(d.model.screen).draft.inhale == 1500ms);
  CHECK(std::get<EditorScreen>(d.model.screen).draft.hold_full == 500ms);
  d.press(ControlKind::Save);
  const auto saves = d.all<SavePattern>();
  REQUIRE(saves.size() == 1);
  CHECK_FALSE(saves[0].id.has_value());
  CHECK(saves[0].draft.name == "Slow 5");

  Driver blank;
  blank.press(ControlKind::JustBreathe).press(ControlKind::NewPattern);
  for (int i = 0; i < 20; ++i) blank(FieldKeyed{{EditKey::Backspace}});
  blank.press(ControlKind::Save);
  CHECK(blank.all<SavePattern>().empty());
  REQUIRE_FALSE(std::get<EditorScreen>(blank.model.screen).problems.empty());
  CHECK(std::get<EditorScreen>(blank.model.screen).problems[0].field == "name");
}

TEST_CASE("a saved custom pattern joins the list, opens, and can be edited and deleted") {
  Driver d;
  d(PatternsLoaded{{core::to_pattern({"Evening", 4s, 0s, 8s, 0s}, "custom_12")}});
  d(CustomPatternSaved{12});
  REQUIRE(std::holds_alternative<PatternScreen>(d.model.screen));
  CHECK(std::get<PatternScreen>(d.model.screen).pattern_id == "custom_12");
  d.press(ControlKind::Edit);
  REQUIRE(std::holds_alternative<EditorScreen>(d.model.screen));
  CHECK(std::get<EditorScreen>(d.model.screen).saved_id == 12);
  CHECK(std::get<EditorScreen>(d.model.screen).draft.exhale == 8s);
  d.press(ControlKind::Delete);
  CHECK(std::get<EditorScreen>(d.model.screen).confirming_delete);
  CHECK(focused_control(d.model) == Control{ControlKind::EndCancel, 0});
  d.press(ControlKind::Delete, 1);
  REQUIRE(d.all<DeletePattern>().size() == 1);
  CHECK(d.all<DeletePattern>()[0].id == 12);
}

TEST_CASE("sound settings change in steps, mute per group, and are applied and saved at once") {
  Driver d;
  d.press(ControlKind::Sound);
  REQUIRE(std::holds_alternative<SoundScreen>(d.model.screen));
  d.press(ControlKind::VolumeDown, 0).press(ControlKind::VolumeDown, 0);
  CHECK(d.model.sound.voice_volume == doctest::Approx(0.8f));
  d.press(ControlKind::Mute, 1);
  CHECK(d.model.sound.tones_muted);
  CHECK(d.model.sound.tone_gain() == 0.0f);
  d.press(ControlKind::Ambient, 2);
  CHECK(d.model.sound.ambient == core::AmbientKind::Ocean);
  // The breath tone is its own layer: its button turns it on, its steps set its level, and
  // muting the tones leaves it on.
  d.press(ControlKind::Mute, 3).press(ControlKind::PanSides);
  CHECK(d.model.sound.breath_tone);
  CHECK(d.model.sound.breath_gain() > 0.0f);
  CHECK_FALSE(d.model.sound.pan_sides);
  d.press(ControlKind::VolumeDown, 3);
  CHECK(d.model.sound.breath_volume == doctest::Approx(0.7f));
  CHECK(d.model.sound.breath_tone);
  CHECK(d.all<SaveSoundSettings>().back().settings == d.model.sound);
  CHECK(d.all<AudioSettings>().back().settings == d.model.sound);
  for (int i = 0; i < 15; ++i) d.press(ControlKind::VolumeUp, 2);
  CHECK(d.model.sound.ambient_volume == doctest::Approx(1.0f));
  d.press(ControlKind::Mute, 3);
  CHECK_FALSE(d.model.sound.breath_tone);
}

TEST_CASE("guidance by voice and tones, tones only or vibration only sets the layers at once") {
  Driver d;
  d.press(ControlKind::Sound);
  CHECK(guidance_of(d.model.sound) == 0);
  d.press(ControlKind::Guidance, 1);
  CHECK(d.model.sound.voice_muted);
  CHECK_FALSE(d.model.sound.tones_muted);
  CHECK(guidance_of(d.model.sound) == 1);
  d.press(ControlKind::Mute, 3);  // the breath tone on: still tones only
  d.press(ControlKind::Guidance, 2);
  CHECK(d.model.sound.voice_muted);
  CHECK(d.model.sound.tones_muted);
  CHECK_FALSE(d.model.sound.breath_tone);
  CHECK(d.model.sound.ambient_gain() == 0.0f);
  CHECK(d.model.sound.vibration);
  CHECK(guidance_of(d.model.sound) == 2);
  CHECK(d.all<SaveSoundSettings>().back().settings == d.model.sound);
  // Sound back on keeps the vibration the person chose; a mix of one's own is none of them.
  d.press(ControlKind::Guidance, 0);
  CHECK_FALSE(d.model.sound.voice_muted);
  CHECK_FALSE(d.model.sound.tones_muted);
  CHECK(d.model.sound.vibration);
  d.press(ControlKind::Vibration);
  CHECK_FALSE(d.model.sound.vibration);
  d.press(ControlKind::Mute, 1);
  CHECK(guidance_of(d.model.sound) == -1);
}

TEST_CASE("a sound set is chosen with a preview of it, and any set can be previewed") {
  Driver d;
  d.press(ControlKind::Sound);
  const std::size_t saved = d.all<SaveSoundSettings>().size();
  d.press(ControlKind::SoundSet, 1);
  CHECK(d.model.sound.sound_set == core::SoundSet::Bowls);
  REQUIRE(d.all<PreviewSound>().size() == 1);
  CHECK(d.all<PreviewSound>()[0].set == core::SoundSet::Bowls);
  CHECK(d.all<SaveSoundSettings>().size() == saved + 1);
  CHECK(d.all<AudioSettings>().back().settings.sound_set == core::SoundSet::Bowls);
  // Play only listens: the choice stays, nothing is saved.
  d.press(ControlKind::PreviewSound, 2);
  REQUIRE(d.all<PreviewSound>().size() == 2);
  CHECK(d.all<PreviewSound>()[1].set == core::SoundSet::Pads);
  CHECK(d.model.sound.sound_set == core::SoundSet::Bowls);
  CHECK(d.all<SaveSoundSettings>().size() == saved + 1);
  // Each set and its Play button is a target a screen reader can name.
  const ScreenFrame f = screen_frame(d.model);
  int sets = 0;
  int plays = 0;
  for (const auto& t : f.targets) {
    if (t.control.kind == ControlKind::SoundSet) ++sets;
    if (t.control.kind == ControlKind::PreviewSound) {
      ++plays;
      CHECK(t.label.rfind("Play ", 0) == 0);
    }
  }
  CHECK(sets == core::kSoundSetCount);
  CHECK(plays == core::kSoundSetCount);
}

TEST_CASE("the breathing list scrolls within its content and keeps the focused row in view") {
  Driver d;
  d(Resized{360, 640});
  d.press(ControlKind::JustBreathe);
  d(Scrolled{-100});
  CHECK(d.model.scroll.offset == 0.0f);
  d(Scrolled{100000});
  const ScreenFrame f = screen_frame(d.model);
  CHECK(f.max_scroll() > 0);
  CHECK(d.model.scroll.offset == doctest::Approx(f.max_scroll()));
  d(Scrolled{-100000});
  const int n = static_cast<int>(all_patterns(d.model).size());
  for (int i = 0; i < n; ++i) d(FocusMoved{1});  // from the first row down to "New pattern"
  REQUIRE(focused_control(d.model)->kind == ControlKind::NewPattern);
  CHECK(d.model.scroll.offset > 0);
  const ScreenFrame shown = screen_frame(d.model);
  for (const auto& t : shown.targets) {
    if (t.control.kind != ControlKind::NewPattern) continue;
    CHECK(t.rect.y >= shown.viewport.y - 0.5f);
    CHECK(t.rect.bottom() <= shown.viewport.bottom() + 0.5f);
  }
}

TEST_CASE("Back from Sound returns to the screen it was opened from") {
  Driver home;
  home.press(ControlKind::Sound);
  REQUIRE(std::holds_alternative<SoundScreen>(home.model.screen));
  home.press(ControlKind::Back);
  CHECK(std::holds_alternative<HomeScreen>(home.model.screen));

  Driver settings;
  settings.press(ControlKind::Settings).press(ControlKind::Sound);
  REQUIRE(std::holds_alternative<SoundScreen>(settings.model.screen));
  settings.press(ControlKind::Back);
  CHECK(std::holds_alternative<SettingsScreen>(settings.model.screen));
  settings.press(ControlKind::Sound)(BackPressed{});
  CHECK(std::holds_alternative<SettingsScreen>(settings.model.screen));
}

// (No ';' in a test's name: CMake splits the name there and ctest then runs nothing.)
TEST_CASE("Done after a breathing session returns to the breathing list, after a routine Home") {
  Driver d = at_pattern("box_4");
  d.press(ControlKind::Start);
  d(SessionRecordStarted{3});
  d.tick(3s + 20s);
  d.press(ControlKind::Dizzy).press(ControlKind::StopSession);
  REQUIRE(std::holds_alternative<SummaryScreen>(d.model.screen));
  d.press(ControlKind::Done);
  CHECK(std::holds_alternative<BreatheListScreen>(d.model.screen));
  CHECK_FALSE(d.model.session.has_value());

  Driver r;
  r.press(ControlKind::RoutineCard, 0).start();
  r.press(ControlKind::PainValue, 4).press(ControlKind::Confirm);
  REQUIRE(std::holds_alternative<PlayerScreen>(r.model.screen));
  r.tick(10s);
  r(BackPressed{});
  r(Activated{*focused_control(r.model)});  // Enter on the focused End
  // Ended early, the pain after is asked first; skipping it leads to the summary.
  REQUIRE(std::holds_alternative<RatingScreen>(r.model.screen));
  r.press(ControlKind::Skip, 1);
  REQUIRE(std::holds_alternative<SummaryScreen>(r.model.screen));
  r.press(ControlKind::Done);
  CHECK(std::holds_alternative<HomeScreen>(r.model.screen));
}

TEST_CASE("pattern timings read as rate and phases") {
  CHECK(pattern_timing(*core::find_builtin_pattern("relax_478")) ==
        "3.2 a minute · in 4, hold 7, out 8");
  CHECK(pattern_timing(*core::find_builtin_pattern("resonance_5_5")) ==
        "5.5 a minute · in 5.5, out 5.5");
  CHECK(draft_summary({"x", 5s, 0s, 5s, 0s}) == "6.0 breaths a minute · 10 s a breath");
}

}  // namespace unknot::app

namespace unknot::app {
TEST_CASE("a pattern can be set by breaths a minute and the in-breath's share instead of phases") {
  test::Driver d;
  d.press(ControlKind::JustBreathe).press(ControlKind::NewPattern);
  d.press(ControlKind::ByRate);
  auto e = std::get<EditorScreen>(d.model.screen);
  REQUIRE(e.by_rate);
  CHECK(e.rate_tenths == 60);  // from the 4 + 6 s default: 6 a minute
  CHECK(e.share_percent == 40);
  d.press(ControlKind::PhaseDown, 4).press(ControlKind::PhaseDown, 4);  // 5 a minute
  d.press(ControlKind::PhaseDown, 5).press(ControlKind::PhaseDown, 5);  // 30 % in
  e = std::get<EditorScreen>(d.model.screen);
  CHECK(e.rate_tenths == 50);
  CHECK(e.draft.inhale == std::chrono::milliseconds(3500));
  CHECK(e.draft.exhale == std::chrono::milliseconds(8500));
  CHECK(e.draft.hold_full == core::Duration{0});
  CHECK(core::validate(e.draft).empty());
  for (int i = 0; i < 30; ++i) d.press(ControlKind::PhaseUp, 4);
  CHECK(std::get<EditorScreen>(d.model.screen).rate_tenths == 120);
  d.press(ControlKind::ByPhases);
  CHECK_FALSE(std::get<EditorScreen>(d.model.screen).by_rate);
  CHECK(std::get<EditorScreen>(d.model.screen).draft.inhale +
            std::get<EditorScreen>(d.model.screen).draft.exhale ==
        std::chrono::seconds(5));
}
}  // namespace unknot::app
