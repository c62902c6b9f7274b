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
};

struct Control {
  ControlKind kind = ControlKind::Start;
  int index = 0;
  friend bool operator==(const Control&, const Control&) = default;
};

}  // namespace unknot::app
