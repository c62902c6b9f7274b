// Everything a person can press, as plain values: a tap, a click and Enter on the focused
// control all become the same Activate action. Pure std.
#pragma once

namespace unknot::app {

enum class ControlKind {
  RoutineCard,   // index = routine
  Start,
  Back,
  PainValue,     // index = 0..10
  Region,        // index = region in the routine
  Confirm,
  Pause,         // pause or resume
  Skip,
  End,
  EndConfirm,
  EndCancel,
  Done,
  ResumeSession,
  CloseSession,
  Dismiss,       // closes an error screen
  // Breathing coach and sound.
  JustBreathe,   // Home: the breathing card
  Sound,         // Home: sound settings
  PatternRow,    // index = position in the breathing list
  NewPattern,
  UnitMinutes,
  UnitBreaths,
  LengthDown,
  LengthUp,
  Edit,
  Dizzy,         // "Dizzy or tingling?" during a breathing session
  SlowDown,
  StopSession,
  VolumeDown,    // index = SoundGroup
  VolumeUp,
  Mute,
  Ambient,       // index = core::AmbientKind
  BreathTone,
  PanSides,
  NameField,
  PhaseDown,     // index = 0 inhale, 1 hold after in, 2 exhale, 3 hold after out,
  PhaseUp,       //   4 breaths a minute, 5 in-breath share (set by rate)
  ByPhases,      // editor: set the four phases
  ByRate,        // editor: set a rate and a ratio
  Save,
  Delete,
  NotToday,      // check-in: skip for today
  PgicOption,    // index = 1 (very much improved) .. 7 (very much worse)
  // Progress and History.
  TabHome,       // the bottom bar on Home, Progress and History
  TabProgress,
  TabHistory,
  Period,        // index = TrendsPeriod (4 weeks, 12 weeks, all)
  RegionFilter,  // index = 0 every region, i + 1 the i-th region of trends_regions()
  SideFilter,    // index = 0 both sides, 1 left, 2 right
  TargetDown,    // the weekly target on the Progress screen
  TargetUp,
  ShareReport,
  HistoryRow,    // index = position in the loaded history, newest first
  RatingDown,    // entry screen: index 0 pain before, 1 pain after
  RatingUp,
  NoteField,
  Undo,          // brings back the entry just deleted
};

// Index of the sound groups on the sound screen.
enum class SoundGroup { Voice = 0, Tones = 1, Ambient = 2 };

struct Control {
  ControlKind kind = ControlKind::Start;
  int index = 0;
  friend bool operator==(const Control&, const Control&) = default;
};

}  // namespace unknot::app
