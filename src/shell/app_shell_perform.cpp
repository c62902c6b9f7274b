// The shell's effect runner: one handler per Effect alternative, so an effect without one does
// not compile. Results go back to update() as queued actions. Part of AppShell (app_shell.h).
#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "app/update.h"
#include "audio/audio_engine.h"
#include "core/homework.h"
#include "core/pain_stats.h"
#include "core/translate.h"
#include "desktop/atomic_file.h"
#include "desktop/local_time.h"
#include "desktop/paths.h"
#include "report/progress_reader.h"
#include "shell/app_shell.h"
#include "shell/deleted_entries.h"
#include "shell/held_records.h"
#include "shell/library_files.h"
#include "storage/backups.h"
#include "storage/session_store.h"

namespace unknot::shell {
namespace {

template <class... Handlers>
struct Overloaded : Handlers... {
  using Handlers::operator()...;
};
template <class... Handlers>
Overloaded(Handlers...) -> Overloaded<Handlers...>;  // clang 14 does not deduce it by itself

// The local offset from UTC at that moment, stored with each record so its local day can be
// recovered after travel or a change of daylight-saving time.
int offset_at(core::UnixSeconds at) {
  return platform::utc_offset_minutes(at.time_since_epoch().count());
}

app::EntryStatus entry_status(storage::SessionStatus status) {
  switch (status) {
    case storage::SessionStatus::Completed:
      return app::EntryStatus::Completed;
    case storage::SessionStatus::Abandoned:
      return app::EntryStatus::EndedEarly;
    case storage::SessionStatus::InProgress:
      return app::EntryStatus::Interrupted;
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

void AppShell::backup_after_session() {
  if (!store_ || data_dir_.empty()) return;
  const core::UnixSeconds now = wall_now();
  const core::Day today = core::local_day(now, std::chrono::minutes{offset_at(now)});
  try {
    storage::backup_daily(*store_, data_dir_, core::iso_date(today));
  } catch (const std::exception& e) {
    // The session itself is saved; a missed backup is retried after the next one.
    report(std::string("no backup today: ") + e.what());
  }
}

void AppShell::perform(const app::Effect& effect) {
  const bool record = is_session_record(effect);
  // What could not be saved goes first, so the record keeps its order; while the disk is still
  // full the new write joins the queue instead of failing on its own.
  if (record && !unsaved_.empty() && !retry_unsaved()) {
    hold(effect);
    return;
  }
  try {
    perform_now(effect);
    platform::data_written();  // the browser copies its files to IndexedDB soon after
  } catch (const storage::CannotWrite& error) {
    report(error.what());
    const bool full = dynamic_cast<const storage::DiskFull*>(&error) != nullptr;
    const std::string what =
        full
            ? core::tr("The disk is full: free some space.")
            : core::tr(
                  "Unknot's data folder cannot be written to (it is read-only): make it writable.");
    if (record) {
      hold(effect);
      queue_.push_back(app::StorageFailed{core::fill(
          core::tr("{problem} Your session carries on, and what it records is kept and saved as "
                   "soon as it can be."),
          {{"problem", what}})});
    } else {
      queue_.push_back(app::StorageFailed{
          full ? core::tr("The disk is full: free some space, then try again.")
               : core::tr("Unknot's data folder cannot be written to (it is read-only): make it "
                          "writable, then try again.")});
    }
  } catch (const storage::StorageError& error) {
    report(error.what());
    queue_.push_back(app::StorageFailed{error.what()});
  }
}

void AppShell::hold(const app::Effect& effect) {
  HeldRecord held{effect};
  // A session begun on a full disk runs under a provisional id until its row can be stored.
  if (std::holds_alternative<app::BeginSessionRecord>(effect)) {
    held.provisional_id = next_provisional_id_--;
    queue_.push_back(app::SessionRecordStarted{held.provisional_id});
  }
  unsaved_.push_back(std::move(held));
}

bool AppShell::retry_unsaved() {
  while (!unsaved_.empty()) {
    const HeldRecord& held = unsaved_.front();
    try {
      if (held.provisional_id != 0) {
        const auto& begin = std::get<app::BeginSessionRecord>(held.effect);
        stored_ids_[held.provisional_id] =
            store_ ? store_record(*store_, held.effect, stored_ids_, offset_at(begin.started_at))
                   : 0;
      } else {
        perform_now(held.effect);
      }
    } catch (const storage::CannotWrite&) {
      return false;
    } catch (const storage::StorageError& error) {
      // Not a matter of space: retrying would fail forever. Say so and let it go.
      report(error.what());
      queue_.push_back(app::StorageFailed{error.what()});
    }
    unsaved_.pop_front();
  }
  return true;
}

bool AppShell::keep_unsaved_for_next_start() {
  if (unsaved_.empty() || retry_unsaved()) return true;
  const std::vector<HeldRecord> held(unsaved_.begin(), unsaved_.end());
  const std::string text = held_records_json(held, stored_ids_, data_dir_);
  const std::string name = "unsaved-session-" +
                           platform::local_file_stamp(wall_now().time_since_epoch().count()) +
                           ".json";
  // The data folder first; on a disk too full even for that, the temporary folder.
  std::vector<std::filesystem::path> folders;
  if (!data_dir_.empty()) folders.push_back(data_dir_);
  std::error_code ec;
  if (const auto temp = std::filesystem::temp_directory_path(ec); !ec) folders.push_back(temp);
  for (const auto& folder : folders) {
    try {
      platform::AtomicFile file(folder / name);
      file.write(text);
      file.commit();
      unsaved_file_ = folder / name;
      unsaved_.clear();
      return true;
    } catch (const std::exception& e) {
      report(std::string("cannot keep the unsaved session: ") + e.what());
    }
  }
  return false;
}

void AppShell::perform_now(const app::Effect& effect) {
  const auto checkin_kind = [](app::CheckinKind kind) {
    return kind == app::CheckinKind::Pgic ? storage::CheckinKind::Pgic
                                          : storage::CheckinKind::DailyPain;
  };
  const Overloaded handlers{
      // The session record.
      [this](const app::BeginSessionRecord& e) {
        if (!store_) return;
        const auto id = store_record(*store_, e, stored_ids_, offset_at(e.started_at));
        queue_.push_back(app::SessionRecordStarted{id});
      },
      [this](const app::RecordStep& e) {
        if (store_) store_record(*store_, e, stored_ids_, 0);
      },
      [this](const app::RecordFeedback& e) {
        if (store_) store_record(*store_, e, stored_ids_, 0);
      },
      [this](const app::CompleteSessionRecord& e) {
        if (!store_) return;
        store_record(*store_, e, stored_ids_, 0);
        backup_after_session();
        // A session that pressed something is asked about on a later day.
        queue_.push_back(app::DoseDueLoaded{store_->dose_due(offset_at(e.ended_at))});
      },
      [this](const app::AbandonSessionRecord& e) {
        if (!store_) return;
        store_record(*store_, e, stored_ids_, 0);
        queue_.push_back(app::DoseDueLoaded{store_->dose_due(offset_at(e.ended_at))});
      },
      [this](const app::SavePainAfter& e) {
        if (store_) store_record(*store_, e, stored_ids_, 0);
      },
      [this](const app::LoadLastResults&) {
        if (!store_) return;
        app::LastResultsLoaded loaded;
        for (const auto& entry : model_.catalog) {
          const auto row = store_->last_rated(entry.routine.id);
          if (row && row->pain_before && row->pain_after) {
            loaded.results.push_back({entry.routine.id, *row->pain_before, *row->pain_after});
          }
        }
        queue_.push_back(std::move(loaded));
        // A session may have counted toward homework: Home's status follows.
        if (!model_.homework.empty()) load_homework();
      },
      // Sound and the OS.
      [this](const app::AudioLoad& e) {
        ensure_audio();
        if (audio_) audio_->load(e.timeline);
      },
      [this](const app::AudioSync& e) {
        if (audio_) audio_->sync(e.clock);
        // Queued pulses keep their place on the timeline: paused, they wait; after a skip, the
        // ones left behind are dropped as too late.
        haptic_clock_ = e.clock;
        if (!e.clock.playing && haptic_) SDL_HapticRumbleStop(haptic_.get());
      },
      [this](const app::AudioRun& e) {
        if (e.running) ensure_audio();
        // Stopping waits until the last word, bell tail or ambient fade has sounded out, so
        // nothing is cut mid-sound (see iterate()).
        audio_stop_pending_ = !e.running;
        if (audio_ && e.running) {
          std::string warning;
          audio_->set_running(true, &warning);
          if (!warning.empty()) report(warning);
        }
      },
      [this](const app::AudioClear&) {
        if (audio_) audio_->clear();
        haptic_queue_.clear();
        if (haptic_) SDL_HapticRumbleStop(haptic_.get());
      },
      [](const app::KeepAwake& e) { platform::keep_awake(e.on); },
      [this](const app::AudioSettings& e) {
        if (audio_) audio_->set_settings(e.settings);
      },
      [this](const app::PreviewSound& e) {
        ensure_audio();
        if (!audio_) return;
        // Outside a session the device is closed: open it for the preview, and close it
        // again once the preview has sounded out (as after a session).
        if (!audio_->running()) {
          std::string warning;
          audio_->set_running(true, &warning);
          if (!warning.empty()) report(warning);
          audio_stop_pending_ = true;
        }
        audio_->preview(e.set);
      },
      [this](const app::Haptic& e) {
        if (!open_haptic()) return;
        haptic_queue_.add(e.pulses);
        play_haptics();  // a cue's first pulse is due now
      },
      // Settings.
      [this](const app::SaveSoundSettings& e) {
        if (store_) store_->save_sound_settings(e.settings);
      },
      [this](const app::ApplyComfort& e) { apply_comfort(e.settings); },
      [](const app::PickFile&) { platform::pick_file(); },
      [this](const app::ShowInFolder& e) {
        const bool shown = open_shared_files_ && platform::show_in_folder(e.path);
        queue_.push_back(app::FolderShown{shown});
      },
      [this](const app::SaveComfortSettings& e) {
        if (store_) store_->save_comfort_settings(e.settings);
      },
      [this](const app::SaveWeeklyTarget& e) {
        if (store_) store_->save_weekly_target(e.target);
      },
      [this](const app::SaveProfile& e) {
        if (store_) store_->save_health_profile(e.profile);
      },
      [this](const app::SaveTherapistMode& e) {
        if (store_) store_->save_therapist_mode(e.on);
      },
      [this](const app::SaveScreenResult& e) {
        if (store_) store_->save_screen_outcome({e.passed, e.at});
      },
      [this](const app::SaveOnboarded& e) {
        if (store_) store_->save_onboarded_at(e.at);
      },
      [this](const app::SaveSafetyBlock& e) {
        if (store_) store_->save_safety_block(e.block);
      },
      [this](const app::SaveDoseCheck& e) {
        if (!store_) return;
        const auto now = wall_now();
        store_->save_dose_check({e.session_id, now, offset_at(now), e.answers});
      },
      [this](const app::RecordSafetyEvent& e) {
        if (!store_) return;
        const auto now = wall_now();
        store_->add_safety_event({0, e.kind, now, offset_at(now), e.detail});
      },
      // Breathing patterns.
      [this](const app::SavePattern& e) {
        if (!store_) return;
        const auto id = store_->save_pattern(e.id, e.draft, wall_now());
        queue_.push_back(load_patterns());
        queue_.push_back(app::CustomPatternSaved{id});
      },
      [this](const app::DeletePattern& e) {
        if (!store_) return;
        store_->delete_pattern(e.id);
        queue_.push_back(load_patterns());
      },
      [this](const app::LoadFirstUse& e) {
        if (!store_) return;
        queue_.push_back(app::FirstUseLoaded{
            e.pattern_id, store_->first_session_started("breathe:" + e.pattern_id)});
      },
      // Check-ins, progress and history.
      [this, &checkin_kind](const app::SaveCheckin& e) {
        if (!store_) return;
        const auto now = wall_now();
        store_->add_checkin(checkin_kind(e.kind), e.value, now, offset_at(now), "", e.day);
      },
      [this](const app::CheckinOffered&) {
        if (!store_) return;
        const auto now = wall_now();
        store_->save_checkin_offered_on(core::local_day(now, std::chrono::minutes{offset_at(now)}));
      },
      [this](const app::SavePsfs& e) {
        if (!store_) return;
        const auto now = wall_now();
        std::vector<storage::PsfsRow> rows;
        for (std::size_t i = 0; i < e.answers.size(); ++i) {
          storage::PsfsRow row;
          row.slot = static_cast<int>(i) + 1;
          row.activity = e.answers[i].activity;
          row.value = e.answers[i].value;
          row.recorded_at = now;
          row.utc_offset_min = offset_at(now);
          row.from_homework = e.from_homework;
          rows.push_back(std::move(row));
        }
        store_->add_psfs(rows);
      },
      [this](const app::SaveCheckinReminder& e) {
        if (!store_) return;
        store_->save_checkin_reminder_minute(e.minute);
        schedule_checkin_check();
      },
      [this](const app::LoadProgress&) {
        if (!store_) return;
        const auto now = wall_now();
        const int offset = offset_at(now);
        app::ProgressData data;
        data.input = report::read_progress(*store_, offset);
        data.today = core::local_day(now, std::chrono::minutes{offset});
        queue_.push_back(app::ProgressLoaded{std::move(data)});
      },
      [this](const app::LoadHistory& e) {
        if (!store_) return;
        const int offset = offset_at(wall_now());
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
      },
      [this](const app::UpdateEntry& e) {
        if (store_) store_->update_entry(e.id, e.before, e.after, e.note);
      },
      [this](const app::DeleteEntry& e) {
        if (store_) deleted_->records[e.id] = store_->take_session(e.id);
      },
      [this](const app::RestoreEntry& e) {
        if (!store_) return;
        const auto it = deleted_->records.find(e.id);
        if (it == deleted_->records.end()) return;
        store_->restore_session(it->second);
        deleted_->records.erase(it);
      },
      // Files.
      [this](const app::ShareReportFile& e) {
        if (store_) share_report(e);
      },
      [this](const app::ExportHomework& e) { export_homework(e.homework); },
      [this](const app::ExportCalendar& e) {
        if (store_) export_calendar(e.homework_id);
      },
      [this](const app::SaveBuiltRoutine& e) {
        try {
          if (data_dir_.empty()) throw std::runtime_error("the data folder could not be opened");
          save_routine_file(data_dir_ / "routines", e.routine);
        } catch (const std::exception& error) {
          report(error.what());
          queue_.push_back(app::StorageFailed{error.what()});
        }
      },
      // The record's backups.
      [this](const app::LoadBackups&) { load_backups(); },
      [this](const app::RestoreBackup& e) { change_record(&e.backup); },
      [this](const app::StartFresh&) { change_record(nullptr); },
      [this](const app::ReloadRecord&) { reload_record(); },
      // Text fields: the system clipboard and the IME's candidate window.
      [](const app::WriteClipboard& e) { SDL_SetClipboardText(e.text.c_str()); },
      [this](const app::ReadClipboard&) {
        char* text = SDL_GetClipboardText();  // "" (never null) when empty or on failure
        queue_.push_back(app::ClipboardRead{text != nullptr ? text : ""});
        SDL_free(text);
      },
      [this](const app::PlaceTextInput& e) {
        // SDL wants window points; the caret is in dp.
        SDL_Rect r{static_cast<int>(std::lround(e.caret.x * scale_)),
                   static_cast<int>(std::lround(e.caret.y * scale_)),
                   std::max(1, static_cast<int>(std::lround(e.caret.w * scale_))),
                   std::max(1, static_cast<int>(std::lround(e.caret.h * scale_)))};
        SDL_SetTextInputRect(&r);
      },
  };
  std::visit(handlers, effect);
}

}  // namespace unknot::shell
