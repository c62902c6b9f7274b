#include "app/update.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "app/app_builders.h"
#include "app/prompt_pages.h"
#include "app/view.h"

namespace unknot::app {
namespace {
using namespace std::chrono_literals;
using test::Driver;

Driver at_player() {
  Driver d;
  d.press(ControlKind::RoutineCard, 0).start().press(ControlKind::PainValue, 6);
  d.press(ControlKind::Region, 1).press(ControlKind::Confirm);
  d(SessionRecordStarted{42});
  return d;
}
}  // namespace

TEST_CASE("tapping a routine opens it with Start focused") {
  Driver d;
  d.press(ControlKind::RoutineCard, 1);
  REQUIRE(std::holds_alternative<RoutineScreen>(d.model.screen));
  CHECK(std::get<RoutineScreen>(d.model.screen).routine == 1);
  CHECK(focused_control(d.model) == Control{ControlKind::Start, 0});
}

TEST_CASE("confirm without a rating asks for one instead of starting") {
  Driver d;
  d.press(ControlKind::RoutineCard, 0).start().press(ControlKind::Confirm);
  REQUIRE(std::holds_alternative<RatingScreen>(d.model.screen));
  CHECK(std::get<RatingScreen>(d.model.screen).needs_value_hint);
  CHECK(d.all<BeginSessionRecord>().empty());
}

TEST_CASE("rating before starts a recorded session with the countdown and keeps the screen awake") {
  Driver d = at_player();
  REQUIRE(std::holds_alternative<PlayerScreen>(d.model.screen));
  const auto begins = d.all<BeginSessionRecord>();
  REQUIRE(begins.size() == 1);
  CHECK(begins[0].routine_id == "neck");
  CHECK(begins[0].pain_before == 6);
  CHECK(begins[0].region == "Upper back");
  // The whole plan, kept so a session ended early can still count at 80 % of it: 2 breaths of
  // 4 + 6 s, 30 s on each side, 2 breaths more.
  CHECK(begins[0].planned == std::chrono::seconds{100});
  CHECK(d.all<AudioLoad>().size() == 1);
  CHECK(d.all<AudioRun>().back().running);
  CHECK(d.all<KeepAwake>().back().on);
  CHECK(player_view(d.model).counting_down);
  CHECK(player_view(d.model).countdown == "3");
  CHECK(d.model.session->session_id == 42);
}

TEST_CASE("digits set the rating directly and arrows nudge it within 0 to 10") {
  Driver d;
  d.press(ControlKind::RoutineCard, 0).start();
  d(PainTyped{7});
  CHECK(std::get<RatingScreen>(d.model.screen).pain == 7);
  d(PainNudged{+1})(PainNudged{+1})(PainNudged{+1})(PainNudged{+1});
  CHECK(std::get<RatingScreen>(d.model.screen).pain == 10);
  d(PainNudged{-1});
  CHECK(std::get<RatingScreen>(d.model.screen).pain == 9);
  Driver fresh;
  fresh.press(ControlKind::RoutineCard, 0).start()(PainNudged{+1});
  CHECK(std::get<RatingScreen>(fresh.model.screen).pain == 0);
}

TEST_CASE("a whole session played through records every step, completes, and asks for pain after") {
  Driver d = at_player();
  const auto total = d.model.session->timeline->total() + d.model.session->timeline->countdown();
  for (auto t = 0ms; t <= total + 100ms; t += 16ms) d.tick(t);
  REQUIRE(std::holds_alternative<RatingScreen>(d.model.screen));
  CHECK(std::get<RatingScreen>(d.model.screen).moment == RatingMoment::After);
  const auto steps = d.all<RecordStep>();
  REQUIRE(steps.size() == 4);  // breathing, left, right, breathing
  CHECK(steps[1].side == core::Side::Left);
  CHECK(steps[2].side == core::Side::Right);
  CHECK(steps[2].muscle == "upper_trapezius");
  for (const auto& s : steps) CHECK(s.session_id == 42);
  REQUIRE(d.all<CompleteSessionRecord>().size() == 1);
  CHECK_FALSE(d.all<KeepAwake>().back().on);

  d.press(ControlKind::PainValue, 3).press(ControlKind::Confirm);
  REQUIRE(std::holds_alternative<SummaryScreen>(d.model.screen));
  CHECK(d.all<SavePainAfter>().back().pain_after == 3);
  const auto summary = summary_view(d.model);
  CHECK(summary.before_after == "6 → 3");
  CHECK(summary.change == "3 points lower (50%)");
  d.press(ControlKind::Done);
  CHECK(std::holds_alternative<HomeScreen>(d.model.screen));
  CHECK_FALSE(d.all<AudioRun>().back().running);
  CHECK(d.all<LoadLastResults>().size() == 1);
}

TEST_CASE("spoken cues show their words as a caption while fresh") {
  Driver d = at_player();
  d.tick(3s);  // session start: the tone sounds, the words follow a moment later
  CHECK(player_view(d.model).caption.empty());
  d.tick(3s + core::kVoiceDelay);
  CHECK(player_view(d.model).caption == "Breathe in");
  d.tick(5s + 900ms);
  CHECK(player_view(d.model).caption.empty());
}

TEST_CASE("with vibration on, each cue's pulses go to the shell on the tick the cue fires") {
  Driver d;
  core::SoundSettings sound;
  sound.vibration = true;
  SUBCASE("with the sound on") {}
  SUBCASE("vibration only: every sound off") {
    sound.voice_muted = sound.tones_muted = sound.ambient_muted = true;
    sound.breath_tone = false;
  }
  d(SoundSettingsLoaded{sound});
  d.press(ControlKind::RoutineCard, 0).start().press(ControlKind::PainValue, 6);
  d.press(ControlKind::Region, 1).press(ControlKind::Confirm);
  REQUIRE(d.model.session);
  const core::Timeline& timeline = *d.model.session->timeline;
  const auto total = timeline.total() + timeline.countdown();
  std::vector<core::HapticPulse> felt;
  core::Duration before = -timeline.countdown();
  for (auto t = 0ms; t <= total + 100ms; t += 16ms) {
    const std::size_t seen = d.effects.size();
    d.tick(t);
    const core::Duration elapsed = t - timeline.countdown();
    for (std::size_t i = seen; i < d.effects.size(); ++i) {
      const auto* haptic = std::get_if<Haptic>(&d.effects[i]);
      if (haptic == nullptr) continue;
      REQUIRE_FALSE(haptic->pulses.empty());
      // The first pulse is the onset of a cue that came due since the last tick.
      CHECK(haptic->pulses.front().at > before);
      CHECK(haptic->pulses.front().at <= elapsed);
      felt.insert(felt.end(), haptic->pulses.begin(), haptic->pulses.end());
    }
    before = elapsed;
  }
  CHECK(felt == core::haptic_pattern(timeline.all_cues()));
  const auto felt_as = [&felt](core::CueKind kind) {
    return std::count_if(felt.begin(), felt.end(),
                         [kind](const core::HapticPulse& p) { return p.cue == kind; });
  };
  CHECK(felt_as(core::CueKind::ChimeNextStep) == 4);     // two new steps: two long pulses each
  CHECK(felt_as(core::CueKind::ChimeSwitchSides) == 2);  // one change of side: two taps
  CHECK(felt_as(core::CueKind::BellEnd) == 3);
}

TEST_CASE("with vibration off (the default) a session asks for no vibration") {
  Driver d = at_player();
  REQUIRE_FALSE(d.model.sound.vibration);
  for (auto t = 0ms; t <= 40s; t += 16ms) d.tick(t);
  CHECK(d.all<Haptic>().empty());
  // Turned on mid-session, the next cue is felt.
  core::SoundSettings sound = d.model.sound;
  sound.vibration = true;
  d(SoundSettingsLoaded{sound});
  for (core::Duration t = 40s; t <= 52s; t += 16ms) d.tick(t);
  CHECK_FALSE(d.all<Haptic>().empty());
}

TEST_CASE("pause freezes the session and resume continues from the same point") {
  Driver d = at_player();
  d.tick(5s);
  d.press(ControlKind::Pause);
  CHECK(player_view(d.model).paused);
  CHECK(player_view(d.model).pause_label == "Resume");
  CHECK_FALSE(animating(d.model));
  const auto step_left = player_view(d.model).step_left;
  d.tick(60s);
  CHECK(player_view(d.model).step_left == step_left);
  d(PauseToggled{});
  CHECK_FALSE(player_view(d.model).paused);
  CHECK(d.all<AudioSync>().size() >= 3);
}

TEST_CASE("skip records the step as skipped and moves to the next") {
  Driver d = at_player();
  d.tick(5s);
  d.press(ControlKind::Skip);
  const auto steps = d.all<RecordStep>();
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].skipped);
  CHECK(steps[0].actual == 2s);
  d.tick(5s);
  CHECK(player_view(d.model).step_label == "Step 2 of 3");
}

TEST_CASE("ending asks first, with End focused, and Escape keeps going") {
  Driver d = at_player();
  d.tick(10s);
  d.press(ControlKind::End);
  REQUIRE(std::get<PlayerScreen>(d.model.screen).confirming_end);
  CHECK(focused_control(d.model) == Control{ControlKind::EndConfirm, 0});
  CHECK(player_view(d.model).paused);
  d(BackPressed{});
  CHECK_FALSE(std::get<PlayerScreen>(d.model.screen).confirming_end);
  CHECK_FALSE(player_view(d.model).paused);
}

TEST_CASE("an ended session is kept as abandoned, then asks the rating after, saying it ended") {
  Driver d = at_player();
  d.tick(10s);
  d(BackPressed{});
  d(Activated{*focused_control(d.model)});  // Enter on the focused End
  REQUIRE(std::holds_alternative<RatingScreen>(d.model.screen));
  const auto& after = std::get<RatingScreen>(d.model.screen);
  CHECK(after.moment == RatingMoment::After);
  CHECK(after.ended_early);
  CHECK(d.all<AbandonSessionRecord>().size() == 1);
  d.press(ControlKind::PainValue, 7).press(ControlKind::Confirm);
  REQUIRE(d.all<SavePainAfter>().size() == 1);
  CHECK(d.all<SavePainAfter>()[0].session_id == 42);
  CHECK(d.all<SavePainAfter>()[0].pain_after == 7);
  REQUIRE(std::holds_alternative<SummaryScreen>(d.model.screen));
  CHECK(d.all<AbandonSessionRecord>().size() == 1);
  CHECK(d.all<RecordStep>().back().skipped);
  CHECK(summary_view(d.model).title == "Session ended early");
  CHECK(d.all<CompleteSessionRecord>().empty());
}

TEST_CASE("Escape on the rating after asks before leaving without one, Rate it goes back") {
  for (const bool early : {false, true}) {
    CAPTURE(early);
    Driver d = at_player();
    if (early) {
      d.tick(10s).press(ControlKind::End).press(ControlKind::EndConfirm);
    } else {
      d.tick(d.model.session->timeline->total() + d.model.session->timeline->countdown() + 1s);
    }
    REQUIRE(std::holds_alternative<RatingScreen>(d.model.screen));
    d(BackPressed{});
    REQUIRE(std::holds_alternative<RatingScreen>(d.model.screen));
    CHECK(std::get<RatingScreen>(d.model.screen).confirming_skip);
    CHECK(focused_control(d.model) == Control{ControlKind::EndCancel, 0});  // rating is the default
    CHECK(controls(d.model) ==
          std::vector<Control>{{ControlKind::EndCancel, 0}, {ControlKind::Skip, 1}});
    d(BackPressed{});  // Escape again: back to the rating, nothing lost
    REQUIRE(std::holds_alternative<RatingScreen>(d.model.screen));
    CHECK_FALSE(std::get<RatingScreen>(d.model.screen).confirming_skip);
    d.press(ControlKind::Skip, 0).press(ControlKind::Skip, 1);
    CHECK(std::holds_alternative<SummaryScreen>(d.model.screen));
    CHECK(d.all<SavePainAfter>().empty());
  }
}

TEST_CASE("a breathing session ended early goes straight to its summary (it has no rating)") {
  Driver d;
  d.press(ControlKind::JustBreathe).press(ControlKind::PatternRow, 0).press(ControlKind::Start);
  d(SessionRecordStarted{3});
  d.tick(3s + 10s).press(ControlKind::End).press(ControlKind::EndConfirm);
  CHECK(std::holds_alternative<SummaryScreen>(d.model.screen));
}

TEST_CASE("steps finished before storage answers are saved once it does") {
  Driver d;
  d.press(ControlKind::RoutineCard, 0).start().press(ControlKind::PainValue, 4);
  d.press(ControlKind::Confirm);
  d.tick(3s + 21s);  // the 20 s opening block has finished
  CHECK(d.all<RecordStep>().empty());
  d(SessionRecordStarted{7});
  const auto steps = d.all<RecordStep>();
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].session_id == 7);
}

TEST_CASE("an interrupted session is offered to resume at the step where it stopped") {
  Driver d;
  d(InterruptedFound{9, "jaw", 2, 5, "Head", std::nullopt});
  REQUIRE(std::holds_alternative<ResumeScreen>(d.model.screen));
  CHECK(focused_control(d.model) == Control{ControlKind::ResumeSession, 0});
  d.press(ControlKind::ResumeSession);
  REQUIRE(std::holds_alternative<PlayerScreen>(d.model.screen));
  d.tick(3s);
  const auto v = player_view(d.model);
  CHECK(v.step_label == "Step 2 of 3");
  CHECK(v.heading == "Right upper trapezius");
  const auto total = d.model.session->timeline->total() + 3s;
  for (core::Duration t = 3s; t <= total + 1s; t += 500ms) d.tick(t);
  const auto steps = d.all<RecordStep>();
  REQUIRE(steps.size() == 2);
  CHECK(steps[0].step_index == 2);
  CHECK(steps[0].session_id == 9);
  CHECK(d.all<CompleteSessionRecord>().back().session_id == 9);
}

TEST_CASE("closing an interrupted session keeps it as abandoned") {
  Driver d;
  d(InterruptedFound{9, "jaw", 1, 5, "", std::nullopt});
  d.press(ControlKind::CloseSession);
  CHECK(std::holds_alternative<HomeScreen>(d.model.screen));
  REQUIRE(d.all<AbandonSessionRecord>().size() == 1);
  CHECK(d.all<AbandonSessionRecord>()[0].session_id == 9);
}

TEST_CASE("a session stopped after its last step was stored counts as completed, not abandoned") {
  Driver d;
  const auto entry = std::ranges::find_if(
      d.model.catalog, [](const CatalogEntry& e) { return e.routine.id == "jaw"; });
  REQUIRE(entry != d.model.catalog.end());
  const int steps = entry->timeline->step_count();
  d(InterruptedFound{9, "jaw", steps, 5, "", std::nullopt});
  CHECK(std::holds_alternative<HomeScreen>(d.model.screen));
  REQUIRE(d.all<CompleteSessionRecord>().size() == 1);
  CHECK(d.all<CompleteSessionRecord>()[0].session_id == 9);
  CHECK(d.all<AbandonSessionRecord>().empty());
}

TEST_CASE("an interrupted session of an unknown routine is closed without asking") {
  Driver d;
  d(InterruptedFound{3, "gone", 0, 2, "", std::nullopt});
  CHECK(std::holds_alternative<HomeScreen>(d.model.screen));
  CHECK(d.all<AbandonSessionRecord>().size() == 1);
}

TEST_CASE("an interrupted Just breathe session is offered, Continue breathes its length again") {
  Driver d;
  d(InterruptedFound{9, "breathe:resonance_6", 0, std::nullopt, "", std::chrono::minutes(5)});
  REQUIRE(std::holds_alternative<ResumeScreen>(d.model.screen));
  const auto& resume = std::get<ResumeScreen>(d.model.screen);
  CHECK(resume.routine == kBreathingResume);
  // Resonance breathing at 6 a minute: 5 minutes are 30 breaths.
  const std::string text = resume_text(d.model, resume);
  CHECK(text.find("Resonance 6 per minute") == 0);
  CHECK(text.find("30 breaths (about 5 minutes)") != std::string::npos);
  d.press(ControlKind::ResumeSession);
  REQUIRE(std::holds_alternative<PlayerScreen>(d.model.screen));
  // The interrupted record is closed (what was done stays); a new one begins.
  REQUIRE(d.all<AbandonSessionRecord>().size() == 1);
  CHECK(d.all<AbandonSessionRecord>()[0].session_id == 9);
  REQUIRE(d.all<BeginSessionRecord>().size() == 1);
  CHECK(d.all<BeginSessionRecord>()[0].routine_id == "breathe:resonance_6");
  REQUIRE(d.model.session.has_value());
  CHECK(d.model.session->breathing());
  CHECK(d.model.session->breaths == 30);
}

TEST_CASE("an interrupted Just breathe session can be closed, one of a lost pattern is closed") {
  Driver d;
  d(InterruptedFound{9, "breathe:resonance_6", 0, std::nullopt, "", std::nullopt});
  REQUIRE(std::holds_alternative<ResumeScreen>(d.model.screen));
  d.press(ControlKind::CloseSession);
  CHECK(std::holds_alternative<HomeScreen>(d.model.screen));
  CHECK(d.all<AbandonSessionRecord>().size() == 1);
  CHECK(d.all<BeginSessionRecord>().empty());
  Driver lost;
  lost(InterruptedFound{4, "breathe:custom_77", 0, std::nullopt, "", std::chrono::minutes(5)});
  CHECK(std::holds_alternative<HomeScreen>(lost.model.screen));
  CHECK(lost.all<AbandonSessionRecord>().size() == 1);
}

TEST_CASE("Tab cycles focus through the screen's controls and wraps") {
  Driver d;
  d.press(ControlKind::RoutineCard, 0);
  CHECK(focused_control(d.model) == Control{ControlKind::Start, 0});
  d(FocusMoved{1});
  CHECK(focused_control(d.model) == Control{ControlKind::Back, 0});
  d(FocusMoved{-1});
  CHECK(focused_control(d.model) == Control{ControlKind::Start, 0});
}

TEST_CASE("Escape walks back from rating to routine to home") {
  Driver d;
  d.press(ControlKind::RoutineCard, 1).start();
  d(BackPressed{});
  CHECK(std::holds_alternative<RoutineScreen>(d.model.screen));
  d(BackPressed{});
  CHECK(std::holds_alternative<HomeScreen>(d.model.screen));
}

TEST_CASE("going to the background pauses a running session") {
  Driver d = at_player();
  d.tick(4s);
  d(AppBackgrounded{});
  CHECK(d.model.session->run.paused());
}

TEST_CASE("the catalog the shell read at start-up arrives as an action and replaces the old one") {
  Driver d;
  AppModel empty;
  CatalogLoaded loaded;
  for (const char* id : {"hips", "neck", "jaw"})
    loaded.entries.push_back(
        make_catalog_entry(test::small_routine(id), core::builtin_pattern_lookup()));
  loaded.entries[0].built = loaded.entries[0].saved = true;
  const auto t = update(d.model, loaded);
  REQUIRE(t.model.catalog.size() == 3);
  CHECK(t.effects.empty());
  CHECK(t.model.catalog[0].routine.id == "hips");
  CHECK(t.model.catalog[0].saved);
  CHECK(t.model.catalog[2].routine.id == "jaw");
  CHECK(find_routine(t.model, "jaw") == 2);
  // Home lists every routine of it, and what is found later applies to it.
  const auto list = controls(t.model);
  CHECK(std::find(list.begin(), list.end(), Control{ControlKind::RoutineCard, 2}) != list.end());
  const AppModel rated = update(t.model, LastResultsLoaded{{{"hips", 6, 2}}}).model;
  CHECK(last_result_text(rated.catalog[0]) == "Last time: pain 6 → 2");
  // A model with no catalog yet gets it the same way.
  CHECK(update(empty, loaded).model.catalog.size() == 3);
}

TEST_CASE("last results appear on the matching routine") {
  Driver d;
  d(LastResultsLoaded{{{"jaw", 6, 2}}});
  CHECK_FALSE(d.model.catalog[0].last.has_value());
  CHECK(last_result_text(d.model.catalog[1]) == "Last time: pain 6 → 2");
}

}  // namespace unknot::app

namespace unknot::app {
TEST_CASE("the check-in opens only over Home and can be put off for today") {
  test::Driver d;
  d.press(ControlKind::RoutineCard, 0);
  d(CheckinDue{false});
  CHECK(std::holds_alternative<RoutineScreen>(d.model.screen));  // never over a routine

  test::Driver home;
  home(CheckinDue{true});
  REQUIRE(std::holds_alternative<CheckinScreen>(home.model.screen));
  CHECK(focused_control(home.model) == Control{ControlKind::Confirm, 0});
  home.press(ControlKind::Confirm);  // nothing chosen: stays
  CHECK(std::holds_alternative<CheckinScreen>(home.model.screen));
  home(PainNudged{+1})(PainNudged{+1});
  CHECK(std::get<CheckinScreen>(home.model.screen).value == 1);
  home.press(ControlKind::Confirm);
  REQUIRE(std::get<CheckinScreen>(home.model.screen).pgic_step);
  CHECK(home.all<SaveCheckin>().back().kind == CheckinKind::DailyPain);
  CHECK(home.all<SaveCheckin>().back().value == 1);
  home(BackPressed{});  // Escape: not today
  CHECK(std::holds_alternative<HomeScreen>(home.model.screen));
  CHECK(home.all<CheckinOffered>().size() == 1);
  CHECK(home.all<SaveCheckin>().size() == 1);
  CHECK(pgic_label(1) == "Very much improved");
  CHECK(pgic_label(7) == "Very much worse");
}
}  // namespace unknot::app
