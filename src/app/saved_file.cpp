#include "app/saved_file.h"

#include <algorithm>

#include "app/model.h"
#include "app/screens.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

constexpr float kEdge = 16;  // between the window and the sheet
constexpr float kPad = 24;   // inside the sheet
constexpr float kMaxSheet = 520;
constexpr float kButtonH = 56;
constexpr float kButtonGap = 8;

std::string file_name(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string folder_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? std::string{} : path.substr(0, slash);
}

}  // namespace

std::string saved_file_title(const SavedFile& s) {
  if (s.opened == OpenOutcome::Downloaded) {
    switch (s.kind) {
      case SavedKind::Report:
        return core::tr("Report downloaded");
      case SavedKind::Homework:
        return core::tr("Homework downloaded");
      case SavedKind::Calendar:
        return core::tr("Calendar file downloaded");
      default:
        break;
    }
  }
  switch (s.kind) {
    case SavedKind::Report:
      return core::tr("Report saved");
    case SavedKind::Homework:
      return core::tr("Homework saved");
    case SavedKind::Calendar:
      return core::tr("Calendar file saved");
    case SavedKind::RecordRestored:
      return core::tr("Your record is restored");
    case SavedKind::RecordStarted:
      return core::tr("A new record is started");
  }
  // TRANSLATORS: the heading of the sheet over a file just saved.
  return core::trc("file", "Saved");
}

std::vector<std::string> saved_file_paragraphs(const SavedFile& s) {
  std::vector<std::string> out;
  if (!s.lead.empty()) out.push_back(s.lead);
  if (s.opened == OpenOutcome::Downloaded) {
    // The browser's files live in its downloads: the name is what the person looks for there.
    out.push_back(file_name(s.path));
    if (!s.beside.empty()) {
      // TRANSLATORS: {file} is the calendar file's name.
      out.push_back(core::fill(core::tr("Its calendar file came with it: {file}. Send both to "
                                        "your client."),
                               {{"file", file_name(s.beside)}}));
    } else if (s.kind == SavedKind::Calendar) {
      out.push_back(core::tr("It is in your downloads: open it to add the days to your calendar."));
    } else {
      out.push_back(
          core::tr("It is in your downloads: open it there to read and print, or send it on."));
    }
    return out;
  }
  if (!s.path.empty()) out.push_back(s.path);
  if (!s.beside.empty()) {
    out.push_back(
        // TRANSLATORS: {file} is the calendar file's name.
        core::fill(core::tr("Its calendar file is beside it: {file}. Send both to your client."),
                   {{"file", file_name(s.beside)}}));
  }
  switch (s.opened) {
    case OpenOutcome::Opened:
      out.push_back(s.kind == SavedKind::Calendar
                        ? core::tr("It was handed to your calendar to open.")
                        : core::tr("It was opened for you to read and print."));
      break;
    case OpenOutcome::NothingCouldOpen:
      out.push_back(
          core::tr("Nothing on this computer could open it. It is saved at the place above: open "
                   "it from there, or send it on."));
      break;
    case OpenOutcome::NotTried:
    case OpenOutcome::Downloaded:
      break;
  }
  if (s.folder_failed) {
    // TRANSLATORS: {folder} is the folder's path.
    out.push_back(core::fill(core::tr("Nothing on this computer could show the folder. It is "
                                      "{folder}."),
                             {{"folder", folder_of(s.path)}}));
  }
  return out;
}

SavedFileLayout saved_file_layout(const SavedFile& s, const Env& env) {
  SavedFileLayout l;
  const TextMeasure& t = env.text;
  l.scrim = {0, 0, env.window.w, env.window.h};
  const float w = std::min(env.window.w - 2 * kEdge, kMaxSheet);
  const float x = (env.window.w - w) / 2;
  const float inner = w - 2 * kPad;
  // Buttons side by side when both labels fit in half the width, else one above the other.
  const float half = (inner - kButtonGap) / 2;
  const float button_h = std::max(kButtonH, t.line_height(Font::Button) + 20);
  // A downloaded file has no folder to show: Done alone, the whole width.
  const bool folder = s.opened != OpenOutcome::Downloaded;
  const bool side = !folder || t.width(core::tr("Show in folder"), Font::Button) + 32 <= half;
  const float buttons_h = side ? button_h : 2 * button_h + kButtonGap;
  // The text, measured from 0; it scrolls inside the sheet when the window is too short for it.
  Flow f{t, x + kPad, inner, 0};
  l.title = f.add(saved_file_title(s), Font::Title, 12);
  for (const auto& p : saved_file_paragraphs(s)) {
    // The path in the strong style so it stands out; it breaks inside long names if need be.
    const bool name =
        p == s.path || (s.opened == OpenOutcome::Downloaded && p == file_name(s.path));
    l.paragraphs.push_back(f.add(p, name ? Font::BodyStrong : Font::Body, 12));
  }
  l.content_h = f.y - 12;
  const float max_text = std::max(0.0f, env.window.h - 2 * kEdge - 2 * kPad - buttons_h - kPad);
  const float text_h = std::min(l.content_h, max_text);
  const float sheet_h = kPad + text_h + kPad + buttons_h + kPad;
  const float y = std::max(kEdge, (env.window.h - sheet_h) / 2);
  l.sheet = {x, y, w, sheet_h};
  l.text = {x + kPad - 8, y + kPad, inner + 16, text_h};
  const float dy = l.text.y - std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - text_h));
  l.title.box.y += dy;
  for (auto& p : l.paragraphs) p.box.y += dy;
  const float by = l.text.bottom() + kPad;
  if (!folder) {
    l.done = {x + kPad, by, inner, button_h};
  } else if (side) {
    l.show_folder = {x + kPad, by, half, button_h};
    l.done = {x + kPad + half + kButtonGap, by, half, button_h};
  } else {
    l.show_folder = {x + kPad, by, inner, button_h};
    l.done = {x + kPad, by + button_h + kButtonGap, inner, button_h};
  }
  return l;
}

void show_saved_file(AppModel& m, SavedFile s) {
  if (m.saved_file) {
    // A second save while the sheet is open replaces it and keeps what lies under it.
    s.under = m.saved_file->under;
    s.under_focus = m.saved_file->under_focus;
  } else {
    s.under = m.scroll;
    s.under_focus = m.focus;
  }
  m.saved_file = std::move(s);
  m.scroll = {};
  focus_control(m, {ControlKind::CloseSaved, 0});
}

ScreenFrame saved_file_frame(const AppModel& m, const Env& env) {
  const SavedFileLayout l = saved_file_layout(*m.saved_file, env);
  ScreenFrame f;
  f.title = saved_file_title(*m.saved_file);
  f.viewport = l.text;
  f.content_h = l.content_h;
  if (l.show_folder.w > 0)
    add_target(f, {ControlKind::ShowInFolder, 0}, l.show_folder, core::tr("Show in folder"));
  add_target(f, {ControlKind::CloseSaved, 0}, l.done, core::tr("Done"));
  return f;
}

void close_saved_file(AppModel& m) {
  if (!m.saved_file) return;
  m.scroll = m.saved_file->under;
  m.focus = m.saved_file->under_focus;
  m.saved_file.reset();
  clamp_scroll(m.scroll, screen_frame(m));
}

void saved_file_activate(Step& st, Control c) {
  if (c.kind == ControlKind::ShowInFolder) {
    st.m.saved_file->folder_failed = false;
    st.fx.push_back(ShowInFolder{st.m.saved_file->path});
  } else if (c.kind == ControlKind::CloseSaved) {
    close_saved_file(st.m);
  }
}

}  // namespace unknot::app
