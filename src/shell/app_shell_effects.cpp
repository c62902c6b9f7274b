// The shell's effect runner: performs what update() asked for (storage, audio, OS) and queues
// the results as actions. Part of AppShell (app_shell.h).
#include <SDL.h>

#include <chrono>
#include <ctime>

#include "app/update.h"
#include "audio/audio_engine.h"
#include "desktop/local_time.h"
#include "desktop/paths.h"
#include "shell/app_shell.h"
#include "desktop/atomic_file.h"
#include "shell/library_files.h"
#include "report/progress_reader.h"
#include "report/report_document.h"
#include "shell/deleted_entries.h"
#include "storage/session_store.h"

namespace unknot::shell {
namespace {
// The local offset from UTC at that moment, stored with each record so its local day can be
// recovered after travel or a change of daylight-saving time.
int utc_offset_minutes(core::UnixSeconds at) {
  return platform::utc_offset_minutes(at.time_since_epoch().count());
}

app::EntryStatus entry_status(storage::SessionStatus status) {
  switch (status) {
    case storage::SessionStatus::Completed: return app::EntryStatus::Completed;
    case storage::SessionStatus::Abandoned: return app::EntryStatus::EndedEarly;
    case storage::SessionStatus::InProgress: return app::EntryStatus::Interrupted;
  }
  return app::EntryStatus::Completed;
}

app::HistoryEntry history_entry(const storage::SessionSummary& s, int fallback_min) {
  app::HistoryEntry e;
  e.id = s.row.id;
  e.routine_id = s.row.routine_id;
  e.started_at = s.row.started_at;
  e.utc_offset_min = s.row.utc_offset_min.value_or(fallback_min);
  e.before = s.row.pain_before;
  e.after = s.row.pain_after;
  e.region = s.row.region;
  e.planned = s.planned;
  e.done = s.done;
  e.status = entry_status(s.row.status);
  e.note = s.row.note;
  return e;
}
}  // namespace

// Settings keys: "profile" holds the flags set, by name ("anticoagulants,pregnant"); an unknown
// name is ignored. "safety_screen" holds "passed <iso time>" or "blocked <iso time>".
app::CareLoaded AppShell::load_care() const {
  app::CareLoaded care;
  care.utc_offset_min = utc_offset_minutes(wall_now());
  const std::string flags = store_->setting("profile").value_or("");
  const auto has = [&flags](std::string_view name) {
    return ("," + flags + ",").find("," + std::string(name) + ",") != std::string::npos;
  };
  care.profile.anticoagulants = has("anticoagulants");
  care.profile.pregnant = has("pregnant");
  care.profile.varicose_veins = has("varicose_veins");
  care.profile.seizures = has("seizures");
  care.profile.heart_disease = has("heart_disease");
  care.therapist_mode = store_->setting("therapist_mode") == "on";
  const std::string screen = store_->setting("safety_screen").value_or("");
  if (screen.rfind("passed ", 0) == 0) care.screened_at = storage::from_iso8601(screen.substr(7));
  return care;
}

void AppShell::share_report(int weeks, int target) {
  namespace fs = std::filesystem;
  const core::UnixSeconds now = wall_now();
  const std::int64_t now_s = now.time_since_epoch().count();
  const int offset = utc_offset_minutes(now);
  const fs::path dir = documents_dir_.empty() ? platform::documents_dir() : documents_dir_;
  const fs::path file = dir / ("Unknot report " + platform::local_date_text(now_s) + ".html");
  try {
    const std::string page = report::clinician_report(
        *store_, core::local_day(now, std::chrono::minutes{offset}), weeks, target, offset);
    platform::AtomicFile out(file);  // readable by the user only (0600), replaced whole
    out.write(page);
    out.commit();
  } catch (const platform::AtomicFileError& error) {
    const std::string message = "the report could not be written to " + file.string() + ": " + error.reason();
    report(message);
    queue_.push_back(app::StorageFailed{message});
    return;
  }
  if (open_shared_files_ && !platform::open_with_desktop(file)) {
    report(std::string("could not open the report: ") + SDL_GetError());
  }
  queue_.push_back(app::ReportShared{file.string()});
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
    const std::string message = "the homework could not be written to " + dir.string() + ": " + error.reason();
    report(message);
    queue_.push_back(app::StorageFailed{message});
    return;
  }
  queue_.push_back(app::HomeworkExported{file.string()});
}

void AppShell::export_calendar(const std::string& homework_id) {
  namespace fs = std::filesystem;
  const auto stored = store_->homework(homework_id);
  if (!stored) return;
  auto parsed = core::parse_homework(stored->file_json, "homework " + homework_id, core::builtin_pattern_lookup(), nullptr);
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
    const std::string message = "the calendar file could not be written to " + file.string() + ": " + error.reason();
    report(message);
    queue_.push_back(app::StorageFailed{message});
    return;
  }
  if (open_shared_files_ && !platform::open_with_desktop(file)) {
    report(std::string("could not open the calendar file: ") + SDL_GetError());
  }
  queue_.push_back(app::ReportShared{file.string()});
}

app::PatternsLoaded AppShell::load_patterns() const {
  app::PatternsLoaded loaded;
  for (const auto& saved : store_->custom_patterns()) {
    loaded.custom.push_back(core::to_pattern(saved.draft, storage::custom_pattern_key(saved.id)));
  }
  return loaded;
}

void AppShell::haptic_pulse(int pulses) {
  if (!haptic_tried_) {
    haptic_tried_ = true;
    // Only where SDL finds a device that can rumble (phones, controllers); desktops have none.
    if (SDL_InitSubSystem(SDL_INIT_HAPTIC) == 0 && SDL_NumHaptics() > 0) {
      haptic_ = SDL_HapticOpen(0);
      if (haptic_ != nullptr && SDL_HapticRumbleInit(haptic_) != 0) {
        SDL_HapticClose(haptic_);
        haptic_ = nullptr;
      }
    }
  }
  if (haptic_ == nullptr) return;
  // One short pulse for the in-breath; a longer, softer one stands for two on the out-breath.
  SDL_HapticRumblePlay(haptic_, pulses == 1 ? 0.35f : 0.25f, pulses == 1 ? 60u : 180u);
}

void AppShell::perform(const app::Effect& effect) {
  std::visit(
      [this](const auto& e) {
        using E = std::decay_t<decltype(e)>;
        try {
          if constexpr (std::is_same_v<E, app::BeginSessionRecord>) {
            if (!store_) return;
            const auto id = store_->begin_session({e.routine_id, e.started_at, e.pain_before, e.region},
                                                  utc_offset_minutes(e.started_at));
            queue_.push_back(app::SessionRecordStarted{id});
          } else if constexpr (std::is_same_v<E, app::RecordStep>) {
            if (store_) store_->record_step(e.session_id, {e.step_index, e.muscle, e.side, e.planned, e.actual, e.skipped});
          } else if constexpr (std::is_same_v<E, app::CompleteSessionRecord>) {
            if (store_) store_->complete_session(e.session_id, e.ended_at);
          } else if constexpr (std::is_same_v<E, app::AbandonSessionRecord>) {
            if (store_) store_->abandon_session(e.session_id, e.ended_at);
          } else if constexpr (std::is_same_v<E, app::SavePainAfter>) {
            if (store_) store_->set_pain_after(e.session_id, e.pain_after);
          } else if constexpr (std::is_same_v<E, app::LoadLastResults>) {
            if (!store_) return;
            app::LastResultsLoaded loaded;
            for (const auto& entry : model_.catalog) {
              if (auto row = store_->last_rated(entry.routine.id); row && row->pain_before && row->pain_after) {
                loaded.results.push_back({entry.routine.id, *row->pain_before, *row->pain_after});
              }
            }
            queue_.push_back(std::move(loaded));
            // A session may have counted toward homework: Home's status follows.
            if (!model_.homework.empty()) load_homework();
          } else if constexpr (std::is_same_v<E, app::AudioLoad>) {
            ensure_audio();
            if (audio_) audio_->load(e.timeline);
          } else if constexpr (std::is_same_v<E, app::AudioSync>) {
            if (audio_) audio_->sync(e.clock);
          } else if constexpr (std::is_same_v<E, app::AudioRun>) {
            if (e.running) ensure_audio();
            // Stopping waits until the last word, bell tail or ambient fade has sounded out, so
            // nothing is cut mid-sound (see iterate()).
            audio_stop_pending_ = !e.running;
            if (audio_ && e.running) audio_->set_running(true);
          } else if constexpr (std::is_same_v<E, app::AudioClear>) {
            if (audio_) audio_->clear();
          } else if constexpr (std::is_same_v<E, app::KeepAwake>) {
            platform::keep_awake(e.on);
          } else if constexpr (std::is_same_v<E, app::AudioSettings>) {
            if (audio_) audio_->set_settings(e.settings);
          } else if constexpr (std::is_same_v<E, app::SaveSoundSettings>) {
            if (store_) store_->save_sound_settings(e.settings);
          } else if constexpr (std::is_same_v<E, app::SavePattern>) {
            if (!store_) return;
            const auto id = store_->save_pattern(e.id, e.draft, wall_now());
            queue_.push_back(load_patterns());
            queue_.push_back(app::CustomPatternSaved{id});
          } else if constexpr (std::is_same_v<E, app::DeletePattern>) {
            if (!store_) return;
            store_->delete_pattern(e.id);
            queue_.push_back(load_patterns());
          } else if constexpr (std::is_same_v<E, app::LoadFirstUse>) {
            if (store_) queue_.push_back(app::FirstUseLoaded{e.pattern_id, store_->first_session_started("breathe:" + e.pattern_id)});
          } else if constexpr (std::is_same_v<E, app::SaveCheckin>) {
            if (!store_) return;
            const auto now = wall_now();
            store_->add_checkin(e.kind == app::CheckinKind::Pgic ? storage::CheckinKind::Pgic
                                                                 : storage::CheckinKind::DailyPain,
                                e.value, now, utc_offset_minutes(now), "");
          } else if constexpr (std::is_same_v<E, app::CheckinOffered>) {
            if (!store_) return;
            store_->set_setting("checkin_offered_day",
                                platform::local_date_text(wall_now().time_since_epoch().count()));
          } else if constexpr (std::is_same_v<E, app::LoadProgress>) {
            if (!store_) return;
            const auto now = wall_now();
            const int offset = utc_offset_minutes(now);
            app::ProgressData data;
            data.input = report::read_progress(*store_, offset);
            data.today = core::local_day(now, std::chrono::minutes{offset});
            queue_.push_back(app::ProgressLoaded{std::move(data)});
          } else if constexpr (std::is_same_v<E, app::LoadHistory>) {
            if (!store_) return;
            const int offset = utc_offset_minutes(wall_now());
            std::optional<std::pair<core::UnixSeconds, std::int64_t>> cursor;
            if (e.after) cursor = std::pair{e.after->started_at, e.after->id};
            // One row more than shown tells whether older entries remain.
            auto rows = store_->history_page(cursor, e.limit + 1);
            app::HistoryLoaded loaded;
            loaded.append = e.after.has_value();
            loaded.more = static_cast<int>(rows.size()) > e.limit;
            if (loaded.more) rows.pop_back();
            for (const auto& row : rows) loaded.entries.push_back(history_entry(row, offset));
            queue_.push_back(std::move(loaded));
          } else if constexpr (std::is_same_v<E, app::UpdateEntry>) {
            if (store_) store_->update_entry(e.id, e.before, e.after, e.note);
          } else if constexpr (std::is_same_v<E, app::DeleteEntry>) {
            if (store_) deleted_->records[e.id] = store_->take_session(e.id);
          } else if constexpr (std::is_same_v<E, app::RestoreEntry>) {
            if (!store_) return;
            const auto it = deleted_->records.find(e.id);
            if (it == deleted_->records.end()) return;
            store_->restore_session(it->second);
            deleted_->records.erase(it);
          } else if constexpr (std::is_same_v<E, app::SaveWeeklyTarget>) {
            if (store_) store_->set_setting("weekly_target", std::to_string(e.target));
          } else if constexpr (std::is_same_v<E, app::ExportHomework>) {
            export_homework(e.homework);
          } else if constexpr (std::is_same_v<E, app::ShareReportFile>) {
            if (store_) share_report(e.weeks, e.target);
          } else if constexpr (std::is_same_v<E, app::RecordFeedback>) {
            if (store_) {
              store_->add_step_feedback({e.session_id, e.step_index, e.muscle, e.side,
                                         e.kind == app::FeedbackKind::Stopped ? storage::FeedbackKind::Stopped
                                                                              : storage::FeedbackKind::TooIntense,
                                         e.at});
            }
          } else if constexpr (std::is_same_v<E, app::ExportCalendar>) {
            if (store_) export_calendar(e.homework_id);
          } else if constexpr (std::is_same_v<E, app::SaveProfile>) {
            if (!store_) return;
            std::string flags;
            const auto add = [&flags](bool on, std::string_view name) {
              if (on) flags += (flags.empty() ? "" : ",") + std::string(name);
            };
            add(e.profile.anticoagulants, "anticoagulants");
            add(e.profile.pregnant, "pregnant");
            add(e.profile.varicose_veins, "varicose_veins");
            add(e.profile.seizures, "seizures");
            add(e.profile.heart_disease, "heart_disease");
            store_->set_setting("profile", flags);
          } else if constexpr (std::is_same_v<E, app::SaveTherapistMode>) {
            if (store_) store_->set_setting("therapist_mode", e.on ? "on" : "off");
          } else if constexpr (std::is_same_v<E, app::SaveScreenResult>) {
            if (store_) store_->set_setting("safety_screen", std::string(e.passed ? "passed " : "blocked ") + storage::to_iso8601(e.at));
          } else if constexpr (std::is_same_v<E, app::SaveBuiltRoutine>) {
            try {
              if (data_dir_.empty()) throw std::runtime_error("the data folder could not be opened");
              save_routine_file(data_dir_ / "routines", e.routine);
            } catch (const std::exception& error) {
              report(error.what());
              queue_.push_back(app::StorageFailed{error.what()});
            }
          } else if constexpr (std::is_same_v<E, app::Haptic>) {
            haptic_pulse(e.pulses);
          }
        } catch (const storage::StorageError& error) {
          report(error.what());
          queue_.push_back(app::StorageFailed{error.what()});
        }
      },
      effect);
}


}  // namespace unknot::shell
