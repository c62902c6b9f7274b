// Everything a person can press, as plain values: a tap, a click and Enter on the focused
// control all become the same Activate action. Pure std.
#pragma once

namespace unknot::app {

enum class ControlKind {
  RoutineCard,  // index = routine
  Start,
  Back,
  PainValue,  // index = 0..10
  Region,     // index = region in the routine
  Confirm,
  Pause,  // pause or resume
  Skip,
  End,
  EndConfirm,
  EndCancel,
  Done,
  ResumeSession,
  CloseSession,
  Dismiss,      // closes an error screen
  ShowDetails,  // an error screen: shows or folds away the technical problems
  // Breathing coach and sound.
  JustBreathe,  // Home: the breathing card
  Sound,        // Home: sound settings
  PatternRow,   // index = position in the breathing list
  NewPattern,
  UnitMinutes,
  UnitBreaths,
  LengthDown,
  LengthUp,
  Edit,
  Dizzy,  // "Dizzy or tingling?" during a breathing session
  SlowDown,
  StopSession,
  VolumeDown,  // index = SoundGroup
  VolumeUp,
  Mute,
  Ambient,  // index = core::AmbientKind
  PanSides,
  Guidance,      // index = 0 voice and tones, 1 tones only, 2 vibration only
  Vibration,     // vibrate with each cue
  SoundSet,      // index = core::SoundSet
  PreviewSound,  // index = core::SoundSet
  NameField,
  PhaseDown,  // index = 0 inhale, 1 hold after in, 2 exhale, 3 hold after out,
  PhaseUp,    //   4 breaths a minute, 5 in-breath share (set by rate)
  ByPhases,   // editor: set the four phases
  ByRate,     // editor: set a rate and a ratio
  Save,
  Delete,
  NotToday,    // check-in: skip for today
  PgicOption,  // index = 1 (very much improved) .. 7 (very much worse)
  // Progress and History.
  TabHome,  // the bottom bar on Home, Progress and History
  TabProgress,
  TabHistory,
  Period,        // index = TrendsPeriod (4 weeks, 12 weeks, all)
  RegionFilter,  // index = 0 every region, i + 1 the i-th region of trends_regions()
  SideFilter,    // index = 0 both sides, 1 left, 2 right
  TargetDown,    // the weekly target on the Progress screen
  TargetUp,
  ShareReport,
  HistoryRow,  // index = position in the loaded history, newest first
  RatingDown,  // entry screen: index 0 pain before, 1 pain after
  RatingUp,
  NoteField,
  Undo,  // brings back the entry just deleted
  // Body map and muscle library ("where does it hurt?").
  WhereItHurts,  // Home: opens the body map
  BodyView,      // index = core::BodyView (front, back)
  BodyZone,      // index = zone index in the body map
  MuscleToggle,  // index = row in the muscle list under the map: pick / unpick
  MuscleInfo,    // index = row: opens the muscle's details and sources
  BuildRoutine,  // makes a routine from the picked muscles
  SaveRoutine,   // keeps a built routine in the catalog
  // Homework, settings and safety.
  HomeworkCard,   // index = position in model.homework
  Settings,       // Home: settings (therapist mode, health profile)
  TherapistMode,  // settings: the switch
  HealthProfile,  // settings: opens the health profile
  ProfileFlag,    // index = 0 anticoagulants, 1 pregnant, 2 varicose veins, 3 seizures, 4 heart
  RedFlagYes,     // index = question 0..kRedFlagCount-1
  RedFlagNo,
  DoseSore,  // index = muscle row of the soreness-and-bruising question; toggles
  DoseBruised,
  TooIntense,  // during a pressure step: ease it
  StopPoint,   // during a pressure step: sharp, electric, numb or a pulse: stop this muscle
  StopUnwell,  // during a pressure step: dizzy, sick, chest pain, vision change: stop it all
  // The therapist's homework builder (builder_flow.h).
  BuildHomework,  // settings, in therapist mode: opens the builder
  BuilderField,   // text field: index 0 title, 1 step instruction, 2 therapist, 3 note
  BuilderDown,    // index = BuilderValue
  BuilderUp,
  StepRow,           // index = pressure step of the draft: opens its editor
  AddMuscle,         // opens the muscle picker
  MusclePick,        // index = row of the picker (builder_pick_rows)
  HomeworkSchedule,  // opens the prescription
  SidesOption,       // index = core::Sides
  HoldUnit,          // index 0 seconds, 1 breaths
  MoveStepUp,
  MoveStepDown,
  RemoveStep,
  DayToggle,  // index = 0 Monday .. 6 Sunday
  ExportHomework,
  TryHomework,     // adds the routine to the catalog and opens it
  NewHomework,     // index 0 asks, 1 confirms: clears the draft for the next client
  RoutineSources,  // a routine's page: its sources (domain.md §7)
  AddToCalendar,   // a homework routine's page: its schedule as a calendar file
  // Settings: display and comfort.
  ThemeOption,     // index = core::ThemeChoice
  LanguageOption,  // index 0: follow the device; i > 0: core::languages()[i - 1]
  TextSmaller,     // text size one step down
  TextLarger,
  ReduceMotion,  // the switch
  HighContrast,  // the switch
  Welcome,       // settings: the welcome and "Pressing safely" pages again
  // The sheet over any screen after a file was saved (saved_file.h).
  ShowInFolder,
  CloseSaved,
  // The check-in's reminder (settings) and the PSFS (psfs_page.h).
  CheckinReminder,  // the switch
  ReminderEarlier,  // half an hour earlier
  ReminderLater,
  PsfsField,   // index = 0..2, the activities' names
  PsfsRename,  // the rating step: name other activities
  // The record's backups (record_pages.h).
  Backups,        // settings: opens Settings › Backups
  BackupRow,      // index = backup, newest first: choose it (damaged record) or restore it
  ChooseBackup,   // the damaged record: list the backups to choose another
  RestoreChosen,  // the damaged record: restore the chosen backup; Backups: confirm
  StartFresh,     // the damaged record: index 0 asks, 1 confirms
  OpenFile,       // settings, where there is a file picker: open a homework file
};

// Index of the sound groups on the sound screen.
enum class SoundGroup { Voice = 0, Tones = 1, Ambient = 2 };

struct Control {
  ControlKind kind = ControlKind::Start;
  int index = 0;
  friend bool operator==(const Control&, const Control&) = default;
};

}  // namespace unknot::app
