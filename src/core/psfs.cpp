#include "core/psfs.h"

#include <algorithm>
#include <cstdlib>

#include "core/translate.h"

namespace unknot::core {
namespace {

std::string folded(std::string_view name) {
  std::string text = psfs_trimmed(name);
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::size_t code_points(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

bool PsfsTrend::passes_mdc() const { return ratings >= 2 && std::abs(change()) >= kPsfsMdcPoints; }

std::string psfs_trimmed(std::string_view name) {
  const auto first = name.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = name.find_last_not_of(" \t");
  return std::string(name.substr(first, last - first + 1));
}

bool same_psfs_activity(std::string_view a, std::string_view b) { return folded(a) == folded(b); }

std::optional<std::string> psfs_activity_problem(std::string_view name) {
  if (psfs_trimmed(name).empty()) {
    // TRANSLATORS: under the field where the person names an activity for the functional scale.
    return tr("an activity needs a name, e.g. \"Carrying shopping\"");
  }
  if (std::any_of(name.begin(), name.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
    return tr("an activity's name is one line, without tabs or other control characters");
  }
  if (const std::size_t n = code_points(name); n > kPsfsMaxActivityChars) {
    // TRANSLATORS: {n} is the name's length in characters, {limit} the most allowed.
    return fill(trn("an activity's name is {n} character long; the limit is {limit}",
                    "an activity's name is {n} characters long; the limit is {limit}", n),
                {{"n", std::to_string(n)}, {"limit", std::to_string(kPsfsMaxActivityChars)}});
  }
  return std::nullopt;
}

std::vector<PsfsTrend> psfs_trends(std::span<const PsfsRating> ratings) {
  std::vector<const PsfsRating*> sorted;
  for (const auto& r : ratings) {
    if (r.value >= 0 && r.value <= 10) sorted.push_back(&r);
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](const PsfsRating* a, const PsfsRating* b) {
    return a->day != b->day ? a->day < b->day : a->slot < b->slot;
  });
  std::vector<PsfsTrend> trends;
  std::vector<std::string> keys;
  for (const PsfsRating* r : sorted) {
    const std::string key = folded(r->activity);
    const auto it = std::find(keys.begin(), keys.end(), key);
    if (it == keys.end()) {
      keys.push_back(key);
      trends.push_back({psfs_trimmed(r->activity), r->day, r->day, r->value, r->value, 1});
      continue;
    }
    PsfsTrend& t = trends[static_cast<std::size_t>(it - keys.begin())];
    t.latest_day = r->day;
    t.latest = r->value;
    ++t.ratings;
  }
  return trends;
}

}  // namespace unknot::core
