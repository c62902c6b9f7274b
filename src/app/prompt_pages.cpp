#include "app/prompt_pages.h"

#include <algorithm>

#include "app/pattern_page.h"
#include "app/screens.h"
#include "app/session_flow.h"
#include "core/breath.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

const char* const kResumeTitle = core::tr_noop("Continue where you left off?");

constexpr float kButton = 56;
constexpr float kSmallGap = 8;

std::string plain_error(const ErrorScreen& s) {
  if (s.homework)
    return core::tr("This file from your therapist can't be used: ask them to send it again.");
  return core::tr("This file can't be used. Your routines and your record are unchanged.");
}

// Breaths to play again for an interrupted Just breathe session: its planned time in whole
// breaths, else the pattern's own length, within the pattern's limits either way.
int resume_breaths(const AppModel& m, const InterruptedFound& found) {
  const core::BreathPattern* p = interrupted_pattern(m, found);
  if (p == nullptr) return 1;
  PatternScreen page{p->id, default_length(*p)};
  if (found.planned && p->cycle() > core::Duration::zero()) {
    page.length = {core::BreathingLength::Unit::Breaths,
                   static_cast<int>(std::max<std::int64_t>(1, *found.planned / p->cycle()))};
  }
  return planned_breaths(m, page);
}

// "12 breaths (about 2 minutes)" for `breaths` of the interrupted pattern.
std::string breaths_text(const AppModel& m, const InterruptedFound& found, int breaths) {
  const core::BreathPattern* p = interrupted_pattern(m, found);
  std::string text =
      core::fill(core::trn("{n} breath", "{n} breaths", static_cast<std::uint64_t>(breaths)),
                 {{"n", std::to_string(breaths)}});
  if (p == nullptr) return text;
  const auto minutes = std::chrono::round<std::chrono::minutes>(p->cycle() * breaths).count();
  if (minutes < 1) return text;
  // TRANSLATORS: a number of breaths ({breaths}, as "12 breaths") and about how long they take.
  return core::fill(core::trn("{breaths} (about {n} minute)", "{breaths} (about {n} minutes)",
                              static_cast<std::uint64_t>(minutes)),
                    {{"breaths", text}, {"n", std::to_string(minutes)}});
}

}  // namespace

PromptPageLayout prompt_page_layout(const Env& env, std::string_view title,
                                    const std::vector<std::string>& paragraphs, Font font,
                                    bool primary) {
  PromptPageLayout l;
  l.page = page_frame(env.window, true);
  Rect col = l.page.column;
  if (col.w > 480) col = {col.x + (col.w - 480) / 2, col.y, 480, col.h};
  l.secondary = {col.x, l.page.bottom.y, col.w, kButton};
  if (primary) {
    l.primary = {col.x, l.secondary.y - kSmallGap - kButton, col.w, kButton};
    l.page.viewport.h = std::max(0.0f, l.primary.y - kSmallGap - l.page.viewport.y);
  }
  Flow f{env.text, col.x, col.w, l.page.viewport.y + 4};
  l.title = f.add(title, Font::Title, 16);
  for (const auto& p : paragraphs) l.paragraphs.push_back(f.add(p, font, 8));
  l.content_h = f.y - l.page.viewport.y;
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  l.title.box.y -= dy;
  for (auto& b : l.paragraphs) b.box.y -= dy;
  return l;
}

std::string resume_text(const AppModel& m, const ResumeScreen& s) {
  if (s.routine == kBreathingResume) {
    const core::BreathPattern* pattern = interrupted_pattern(m, s.found);
    const std::string name =
        pattern != nullptr ? core::pattern_name(*pattern) : core::tr("Your breathing session");
    const std::string text = core::tr(
        // TRANSLATORS: after an interrupted breathing session: {name} is the pattern's name (or
        // "Your breathing session"), {length} the breaths to play again ("12 breaths (about 2
        // minutes)").
        "{name} stopped before its end. "
        "Breathe it again for {length}, or close it; either way what you did stays in "
        "your record.");
    return core::fill(
        text, {{"name", name}, {"length", breaths_text(m, s.found, resume_breaths(m, s.found))}});
  }
  const auto& entry = m.catalog.at(static_cast<std::size_t>(s.routine));
  // The player counts the routine's own steps (both sides of a step are one), so this does too.
  const int step_count = static_cast<int>(entry.routine.steps.size());
  int step = s.found.resume_step + 1;
  if (s.found.resume_step >= 0 && s.found.resume_step < entry.timeline->step_count()) {
    step = entry.timeline->step(s.found.resume_step).source_index + 1;
  }
  // TRANSLATORS: after an interrupted session: {title} is the routine's title, {step} the step
  // it stopped before and {total} how many steps it has.
  return core::fill(core::tr("{title} stopped before step {step} of {total}. Continue from "
                             "there, or close it; either way it stays in your record."),
                    {{"title", entry.routine.title},
                     {"step", std::to_string(step)},
                     {"total", std::to_string(step_count)}});
}

std::vector<std::string> error_paragraphs(const ErrorScreen& s) {
  std::vector<std::string> out{plain_error(s)};
  if (!s.details) return out;
  std::size_t start = 0;
  while (start <= s.message.size()) {
    const std::size_t end = std::min(s.message.find('\n', start), s.message.size());
    if (end > start) out.push_back(s.message.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// ---- Resume ----

ScreenFrame frame(const AppModel& m, const ResumeScreen& s, const Env& env) {
  const std::string title = core::tr(kResumeTitle);
  const auto l = prompt_page_layout(env, title, {resume_text(m, s)}, Font::Body, true);
  ScreenFrame f;
  f.title = title;
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  add_target(f, {ControlKind::ResumeSession, 0}, l.primary, core::tr("Continue"));
  // TRANSLATORS: a button: closes the interrupted session without playing the rest.
  add_target(f, {ControlKind::CloseSession, 0}, l.secondary, core::tr("Close it"));
  return f;
}

Control primary(const AppModel&, const ResumeScreen&) { return {ControlKind::ResumeSession, 0}; }

void activate(Step& st, ResumeScreen& s, Control c) {
  AppModel& m = st.m;
  const ResumeScreen r = s;  // opening the next screen replaces `s`
  if (c.kind == ControlKind::ResumeSession && r.routine == kBreathingResume) {
    // A breathing session keeps no place to continue from: the old one is closed (its time
    // stays recorded) and the same length starts again.
    const core::BreathPattern* pattern = interrupted_pattern(m, r.found);
    st.fx.push_back(AbandonSessionRecord{r.found.session_id, m.wall_now});
    if (pattern == nullptr) {
      open_screen(m, HomeScreen{});
      return;
    }
    start_breathing(m, st.fx, *pattern, resume_breaths(m, r.found));
    open_screen(m, PlayerScreen{});
  } else if (c.kind == ControlKind::ResumeSession) {
    resume_interrupted(m, st.fx, r.found, r.routine);
    open_screen(m, PlayerScreen{});
  } else if (c.kind == ControlKind::CloseSession) {
    st.fx.push_back(AbandonSessionRecord{r.found.session_id, m.wall_now});
    open_screen(m, HomeScreen{});
  }
}

// Escape does not decide for the person: the question stays until it is answered.
void back(Step&, ResumeScreen&) {}
void scroll(Step& st, ResumeScreen&, float dy) { scroll_content(st.m, dy); }
void text_input(Step&, ResumeScreen&, const TextInput&) {}

// ---- Error ----

ScreenFrame frame(const AppModel&, const ErrorScreen& s, const Env& env) {
  const auto l =
      prompt_page_layout(env, s.title, error_paragraphs(s), Font::Body, !s.message.empty());
  ScreenFrame f;
  f.title = s.title;
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  if (!s.message.empty()) {
    add_target(f, {ControlKind::ShowDetails, 0}, l.primary,
               s.details ? core::tr("Hide details") : core::tr("Details"), Role::Toggle);
  }
  add_target(f, {ControlKind::Dismiss, 0}, l.secondary, core::tr("Back to routines"));
  return f;
}

Control primary(const AppModel&, const ErrorScreen&) { return {ControlKind::Dismiss, 0}; }

void activate(Step& st, ErrorScreen& s, Control c) {
  if (c.kind == ControlKind::ShowDetails) {
    s.details = !s.details;
  } else if (c.kind == ControlKind::Dismiss) {
    open_screen(st.m, HomeScreen{});
  }
}

void back(Step& st, ErrorScreen&) { open_screen(st.m, HomeScreen{}); }
void scroll(Step& st, ErrorScreen&, float dy) { scroll_content(st.m, dy); }
void text_input(Step&, ErrorScreen&, const TextInput&) {}

}  // namespace unknot::app
