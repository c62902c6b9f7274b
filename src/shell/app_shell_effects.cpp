// The effects that take more than a few lines: care settings, the shared report, homework and
// calendar files, saved patterns and haptics. Part of AppShell (app_shell.h); the runner that
// dispatches to them is app_shell_perform.cpp.
#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <ctime>

#include "app/update.h"
#include "core/translate.h"
#include "desktop/atomic_file.h"
#include "desktop/local_time.h"
#include "desktop/paths.h"
#include "report/report_document.h"
#include "shell/app_shell.h"
#include "shell/start_files.h"
#include "storage/session_store.h"

namespace unknot::shell {
namespace {

// The Share report field stops where the report would refuse the name.
static_assert(app::kMaxReportName == report::kMaxClientName);
// The local offset from UTC at that moment, stored with each record so its local day can be
// recovered after travel or a change of daylight-saving time.
int utc_offset_minutes(core::UnixSeconds at) {
  return platform::utc_offset_minutes(at.time_since_epoch().count());
}

}  // namespace

app::CareLoaded AppShell::load_care() const {
  app::CareLoaded care;
  care.utc_offset_min = utc_offset_minutes(wall_now());
  care.profile = store_->health_profile();
  care.therapist_mode = store_->therapist_mode();
  care.checkin_reminder_minute = store_->checkin_reminder_minute();
  // Only a passed screen counts: after a blocked one the questions are asked again.
  if (const auto screen = store_->screen_outcome(); screen && screen->passed) {
    care.screened_at = screen->at;
  }
  care.safety_block = store_->safety_block();
  care.profile_answered = store_->profile_answered();
  // Someone who used Unknot before the welcome existed has seen the app: no tour for them.
  care.welcome_due = welcome_due(*store_);
  care.dose_due = store_->dose_due(care.utc_offset_min);
  for (auto& check : store_->dose_checks())
    care.dose_checks.push_back({check.answered_at, std::move(check.answers)});
  return care;
}

app::OpenOutcome AppShell::open_shared(const std::filesystem::path& file) {
  if (!open_shared_files_) return app::OpenOutcome::NotTried;
  if (platform::open_with_desktop(file)) return app::OpenOutcome::Opened;
  report("nothing could open " + file.string());
  return app::OpenOutcome::NothingCouldOpen;
}

app::OpenOutcome AppShell::hand_over(const std::filesystem::path& file) {
  if (!platform::saves_as_downloads()) return open_shared(file);
  if (platform::download(file)) return app::OpenOutcome::Downloaded;
  report("the browser did not take " + file.string() + " as a download");
  return app::OpenOutcome::NothingCouldOpen;
}

void AppShell::share_report(const app::ShareReportFile& share) {
  namespace fs = std::filesystem;
  const core::UnixSeconds now = wall_now();
  const std::int64_t now_s = now.time_since_epoch().count();
  const int offset = utc_offset_minutes(now);
  const fs::path dir = documents_dir_.empty() ? platform::documents_dir() : documents_dir_;
  // TRANSLATORS: the report's file name, without ".html"; {date} is "2026-12-05".
  const std::string name = core::tr("Unknot report {date}");
  const fs::path file =
      dir / (core::fill(name, {{"date", platform::local_date_text(now_s)}}) + ".html");
  try {
    const report::RoutineTitles titles(share.routine_titles.begin(), share.routine_titles.end());
    const report::MuscleNames muscles(share.muscle_names.begin(), share.muscle_names.end());
    const std::string page = report::clinician_report(
        *store_, core::local_day(now, std::chrono::minutes{offset}), share.weeks, share.target,
        offset, share.client_name, titles, muscles);
    platform::AtomicFile out(file);  // readable by the user only (0600), replaced whole
    out.write(page);
    out.commit();
  } catch (const platform::AtomicFileError& error) {
    const std::string message =
        core::fill(core::tr("the report could not be written to {file}: {reason}"),
                   {{"file", file.string()}, {"reason", error.reason()}});
    report(message);
    queue_.push_back(app::StorageFailed{message});
    return;
  }
  queue_.push_back(app::ReportShared{file.string(), hand_over(file)});
}

// "<documents>/<title>.unknot" and "<title>.ics", each written whole or not at all, readable
// by the user only. A title's slashes and control characters become "-" in the file name.
void AppShell::export_homework(const core::Homework& homework) {
  namespace fs = std::filesystem;
  std::string name;
  for (const char c : homework.routine.title) {
    const bool bad = c == '/' || c == '\\' || c == ':' || (static_cast<unsigned char>(c) < 0x20);
    name += bad ? '-' : c;
  }
  while (!name.empty() && (name.front() == ' ' || name.front() == '.')) name.erase(name.begin());
  while (!name.empty() && name.back() == ' ') name.pop_back();
  if (name.empty()) name = "Homework";
  const fs::path dir = documents_dir_.empty() ? platform::documents_dir() : documents_dir_;
  const fs::path file = dir / (name + ".unknot");
  const fs::path calendar = dir / (name + ".ics");
  try {
    platform::AtomicFile out(file);
    out.write(core::homework_json(homework));
    out.commit();
    platform::AtomicFile ics(calendar);
    ics.write(core::homework_ics(homework));
    ics.commit();
  } catch (const platform::AtomicFileError& error) {
    const std::string message =
        core::fill(core::tr("the homework could not be written to {folder}: {reason}"),
                   {{"folder", dir.string()}, {"reason", error.reason()}});
    report(message);
    queue_.push_back(app::StorageFailed{message});
    return;
  }
  // In the browser both files are downloaded; on a desktop they wait in the folder.
  const bool downloaded =
      platform::saves_as_downloads() && platform::download(file) && platform::download(calendar);
  queue_.push_back(app::HomeworkExported{file.string(), calendar.string(), downloaded});
}

void AppShell::export_calendar(const std::string& homework_id) {
  namespace fs = std::filesystem;
  const auto stored = store_->homework(homework_id);
  if (!stored) return;
  auto parsed = core::parse_homework(stored->file_json, "homework " + homework_id,
                                     core::builtin_pattern_lookup(), nullptr);
  if (!parsed.homework) return;
  std::string name;
  for (const char c : parsed.homework->routine.title) {
    const bool bad = c == '/' || c == '\\' || c == ':' || (static_cast<unsigned char>(c) < 0x20);
    name += bad ? '-' : c;
  }
  if (name.empty() || name.front() == '.') name = "Homework" + name;
  const fs::path dir = documents_dir_.empty() ? platform::documents_dir() : documents_dir_;
  const fs::path file = dir / (name + ".ics");
  try {
    platform::AtomicFile out(file);  // readable by the user only (0600)
    out.write(core::homework_ics(*parsed.homework));
    out.commit();
  } catch (const platform::AtomicFileError& error) {
    const std::string message =
        core::fill(core::tr("the calendar file could not be written to {file}: {reason}"),
                   {{"file", file.string()}, {"reason", error.reason()}});
    report(message);
    queue_.push_back(app::StorageFailed{message});
    return;
  }
  queue_.push_back(app::ReportShared{file.string(), hand_over(file)});
}

app::PatternsLoaded AppShell::load_patterns() const { return read_patterns(*store_); }

bool AppShell::open_haptic() {
  if (!haptic_tried_) {
    haptic_tried_ = true;
    // Only where SDL finds a device that can rumble (phones, controllers); desktops have none.
    if (SDL_InitSubSystem(SDL_INIT_HAPTIC) == 0 && SDL_NumHaptics() > 0) {
      haptic_.reset(SDL_HapticOpen(0));
      if (haptic_ && SDL_HapticRumbleInit(haptic_.get()) != 0) haptic_.reset();
    }
  }
  return haptic_ != nullptr;
}

void AppShell::play_haptics() {
  if (!haptic_ || haptic_queue_.empty() || !haptic_clock_.playing) return;
  // Pulses never overlap (core/haptics.h), so after a slow frame at most one of those due still
  // has time left; it comes shortened to end on time, and the rest are dropped.
  for (const core::HapticPulse& p :
       haptic_queue_.take_due(haptic_clock_.elapsed_at(session_now()))) {
    SDL_HapticRumblePlay(haptic_.get(), p.strength, static_cast<Uint32>(p.length_ms));
  }
}

int AppShell::haptic_timeout_ms() const {
  const auto next = haptic_queue_.next_at();
  if (!next || !haptic_ || !haptic_clock_.playing) return -1;
  const core::Duration until = *next - haptic_clock_.elapsed_at(session_now());
  return static_cast<int>(
      std::max<std::int64_t>(0, std::chrono::ceil<std::chrono::milliseconds>(until).count()));
}

}  // namespace unknot::shell
