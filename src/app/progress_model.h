// The Progress and History part of the app state: what the shell loads from storage for the
// trends charts and the session history, and the screens that show them. Pure std + core.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/text_edit.h"
#include "core/history_report.h"
#include "core/pain_stats.h"
#include "core/time.h"

namespace unknot::app {

enum class EntryStatus { Completed, EndedEarly, Interrupted };

// One logged session as the History list shows it.
struct HistoryEntry {
  std::int64_t id = 0;
  std::string routine_id;  // "neck_tension_headache", "breathe:resonance_6", ...
  core::UnixSeconds started_at{};
  int utc_offset_min = 0;  // its own offset, else the machine's: for the local date
  std::optional<int> before, after;
  std::string region;
  core::Duration planned{}, done{};
  EntryStatus status = EntryStatus::Completed;
  std::string note;
};

// Where the next History page starts: strictly older than this (started_at, id).
struct HistoryCursor {
  core::UnixSeconds started_at{};
  std::int64_t id = 0;
};

inline constexpr int kHistoryPage = 40;  // rows loaded at a time
// Sessions a week until the person sets one: core's, shared with `unknot history` and `report`.
inline constexpr int kDefaultWeeklyTarget = core::kDefaultWeeklyTarget;
inline constexpr int kMaxWeeklyTarget = core::kMaxWeeklyTarget;
inline constexpr std::chrono::seconds kUndoTime{8};

// Everything the Progress screen draws from, loaded once and kept until the data changes.
struct ProgressData {
  core::HistoryInput input;  // every session (oldest first) and check-in, on local days
  core::Day today{};         // the local day it was loaded
};

struct HistoryList {
  std::vector<HistoryEntry> entries;  // newest first
  bool loaded = false;                // the first page arrived
  bool more = false;                  // older entries remain in storage
  bool loading = false;               // a page was asked for and has not arrived
};

// A deleted entry that can still be brought back.
struct PendingUndo {
  std::int64_t id = 0;
  std::string label;          // "Session of 24 Nov deleted"
  core::UnixSeconds until{};  // wall time the offer ends
};

enum class TrendsPeriod { Weeks4 = 0, Weeks12 = 1, All = 2 };

struct TrendsScreen {
  TrendsPeriod period = TrendsPeriod::Weeks4;
  std::string region;                  // empty: every region
  core::Side side = core::Side::None;  // None: both sides
};

// A name heading a shared report is at most this many characters (report::kMaxClientName).
inline constexpr std::size_t kMaxReportName = 80;

// Share report (share_page.h): the weeks the report covers and an optional name to head it.
// Back returns to Progress as it was.
struct ShareScreen {
  TrendsScreen from;
  TrendsPeriod period = TrendsPeriod::Weeks12;
  TextEdit name;           // single line, at most kMaxReportName characters
  bool downloads = false;  // the report becomes a download (the browser), not a file in Documents
};

struct HistoryScreen {};

// One history entry opened to edit its ratings and note, or delete it.
struct EntryScreen {
  HistoryEntry entry;  // as loaded
  std::optional<int> before, after;
  TextEdit note;  // multi-line (entry_page.h: entry_screen)
  bool confirming_delete = false;
  bool dirty() const {
    return before != entry.before || after != entry.after || note.text() != entry.note;
  }
};

}  // namespace unknot::app
