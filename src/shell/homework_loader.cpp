// Homework in the shell: importing a `.unknot` file (opened on the command line or dropped on
// the window), and loading stored homework with today's status for Home. Part of AppShell.
#include <algorithm>
#include <chrono>

#include "app/homework_status.h"
#include "app/update.h"
#include "core/homework.h"
#include "core/input_text.h"
#include "core/translate.h"
#include "desktop/input_file.h"
#include "desktop/local_time.h"
#include "shell/app_shell.h"
#include "shell/routine_files.h"
#include "storage/session_store.h"

namespace unknot::shell {
namespace {

core::Day local_today(core::UnixSeconds now) {
  const int offset = platform::utc_offset_minutes(now.time_since_epoch().count());
  return core::local_day(now, std::chrono::minutes{offset});
}

}  // namespace

void AppShell::load_homework() {
  if (!store_) return;
  try {
    const core::PatternLookup lookup = [this](std::string_view id) {
      return app::find_pattern(model_, id);
    };
    const core::Day today = local_today(wall_now());
    app::HomeworkLoaded loaded;
    for (const auto& stored : store_->homework()) {
      auto parsed = core::parse_homework(stored.file_json, "homework " + stored.id, lookup,
                                         model_.library.get());
      if (!parsed.homework) {
        for (const auto& p : parsed.problems) report(p.to_string());
        continue;
      }
      core::Homework& hw = *parsed.homework;
      hw.routine.id = core::homework_routine_id(hw.id);
      // Completed sessions of this homework within its block (a day either side for offsets).
      std::vector<core::Day> completed;
      const core::UnixSeconds from{std::chrono::sys_seconds(hw.prescription.start) -
                                   std::chrono::days{1}};
      for (const auto& s : store_->sessions_with_steps(from)) {
        if (s.row.routine_id != hw.routine.id || s.row.status != storage::SessionStatus::Completed)
          continue;
        core::SessionSample sample;
        sample.planned = s.planned;
        sample.done = s.done;
        if (!core::counts_as_completed(sample)) continue;
        const int offset = s.row.utc_offset_min.value_or(
            platform::utc_offset_minutes(s.row.started_at.time_since_epoch().count()));
        completed.push_back(core::local_day(s.row.started_at, std::chrono::minutes{offset}));
      }
      loaded.status.push_back(app::homework_status(hw, -1, completed, today));
      loaded.routines.push_back(std::move(hw.routine));
    }
    queue_.push_back(std::move(loaded));
  } catch (const storage::StorageError& e) {
    report(e.what());
  }
}

void AppShell::import_file(const std::filesystem::path& file) {
  // A .unknot file is homework whatever it holds, so a damaged one is explained as homework.
  const bool homework_name = file.extension() == ".unknot";
  const auto input = platform::read_input_file(
      file, std::max(core::kMaxHomeworkFileBytes, core::kMaxRoutineFileBytes),
      homework_name ? "a homework file" : "a routine or homework file");
  if (!input.text) {
    queue_.push_back(app::FileOpenFailed{core::tr("This file could not be opened"),
                                         file.string() + ": " + input.problem, homework_name});
    return;
  }
  const std::string& text = *input.text;
  if (!homework_name && !core::is_homework_text(text)) {
    open_routine_file(file);
    return;
  }
  const core::PatternLookup lookup = [this](std::string_view id) {
    return app::find_pattern(model_, id);
  };
  auto parsed = core::parse_homework(text, file.string(), lookup, model_.library.get());
  if (!parsed.homework) {
    std::string message;
    for (const auto& p : parsed.problems) {
      report(p.to_string());
      message += p.to_string() + "\n";
      // TRANSLATORS: under a problem in a file: what may put it right.
      if (!p.hint.empty())
        message += core::fill(core::tr("Hint: {hint}"), {{"hint", p.hint}}) + "\n";
    }
    queue_.push_back(
        app::FileOpenFailed{core::tr("This homework file has problems"), message, true});
    return;
  }
  if (!store_) {
    queue_.push_back(app::FileOpenFailed{core::tr("Homework can't be kept"),
                                         core::tr("The data file could not be opened."), true});
    return;
  }
  try {
    const auto outcome = store_->import_homework(*parsed.homework, text, wall_now());
    const core::Homework& hw = *parsed.homework;
    const std::string& therapist = hw.prescription.therapist;
    const std::string& title = hw.routine.title;
    switch (outcome) {
      case storage::ImportOutcome::Added:
        queue_.push_back(app::FileImported{
            therapist.empty()
                ? core::fill(core::tr("Homework added: {title}"), {{"title", title}})
                // TRANSLATORS: {therapist} is the therapist's name as their file gives it.
                : core::fill(core::tr("Homework from {therapist} added: {title}"),
                             {{"therapist", therapist}, {"title", title}})});
        break;
      case storage::ImportOutcome::Updated:
        queue_.push_back(app::FileImported{
            core::fill(core::tr("Homework updated: {title}"), {{"title", title}})});
        break;
      case storage::ImportOutcome::Unchanged:
        queue_.push_back(app::FileImported{core::tr("You already have this homework")});
        break;
      case storage::ImportOutcome::OlderRefused:
        queue_.push_back(app::FileOpenFailed{
            core::tr("A newer version is already here"),
            core::fill(core::tr("This file is revision {revision}; you have a newer one from your "
                                "therapist, so nothing was changed."),
                       {{"revision", std::to_string(hw.revision)}}),
            true});
        return;
    }
    load_homework();
  } catch (const storage::StorageError& e) {
    report(e.what());
    queue_.push_back(app::StorageFailed{e.what()});
  }
}

void AppShell::open_routine_file(const std::filesystem::path& file) {
  queue_.push_back(routine_file_action(file));
}

app::Action AppShell::routine_file_action(const std::filesystem::path& file) {
  const core::PatternLookup lookup = [this](std::string_view id) {
    return app::find_pattern(model_, id);
  };
  RoutineFile parsed = read_routine_file(file, lookup);
  for (const auto& p : parsed.problems) report(p);
  if (parsed.routine) return app::RoutineFileOpened{std::move(*parsed.routine)};
  std::string message;
  for (const auto& p : parsed.problems) message += (message.empty() ? "" : "\n") + p;
  return app::FileOpenFailed{core::tr("This routine file has problems"), message};
}

}  // namespace unknot::shell
