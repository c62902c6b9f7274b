#include "app/player_page.h"

#include <algorithm>
#include <cmath>

#include "app/bodymap_layout.h"
#include "app/layout.h"
#include "app/screens.h"
#include "app/session_flow.h"
#include "app/view.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

constexpr float kPad = kMargin;
constexpr float kButton = kButtonHeight;
constexpr float kAnswer = kTarget;

float half(float v) { return std::round(v * 2.0f) / 2.0f; }

// The session's routine id as history stores it ("breathe:<pattern>" for breathing), for the
// safety events the report lists.
std::string session_label(const AppModel& m) {
  if (!m.session) return {};
  if (m.session->breathing()) return "breathe:" + m.session->pattern_id;
  const int r = m.session->routine;
  if (r < 0 || r >= static_cast<int>(m.catalog.size())) return {};
  return m.catalog[static_cast<std::size_t>(r)].routine.id;
}

// The figure beside the pacer, against the column's right edge: as tall as fits clear of the
// pacer's halo, centred on it when there is room, else in the corner below or above it, where
// the circle curves away.
Rect figure_beside(Rect col, float top, float bottom, Point center, float radius) {
  const float clear = radius + 14;
  const auto fits = [&](Rect r) {
    const float nx = std::clamp(center.x, r.x, r.right());
    const float ny = std::clamp(center.y, r.y, r.bottom());
    return std::hypot(nx - center.x, ny - center.y) >= clear;
  };
  for (float h = std::min(200.0f, bottom - top); h >= 64; h -= 2) {
    const float w = figure_width(h);
    const float x = col.right() - w;
    for (const float y : {center.y - h / 2, bottom - h, top}) {
      const Rect r{x, y, w, h};
      if (r.y >= top && r.bottom() <= bottom && fits(r))
        return {half(r.x), half(r.y), half(w), half(h)};
    }
  }
  return {};
}

// A routine ended early still asks how the pain is (skippable): the rating of a session that
// was stopped because it hurt is the one a therapist most wants. Breathing has no rating.
void ask_rating_after_early_end(AppModel& m) {
  if (!m.session || m.session->breathing()) {
    open_screen(m, SummaryScreen{});
    return;
  }
  RatingScreen r = RatingScreen::ask(RatingMoment::After, m.session->routine);
  r.ended_early = true;
  open_screen(m, r);
}

Control middle_control(const AppModel& m) {
  if (m.session && m.session->breathing()) return {ControlKind::Dizzy, 0};
  if (on_pressure_step(m)) return {ControlKind::TooIntense, 0};
  return {ControlKind::Skip, 0};
}

}  // namespace

std::string player_middle_label(const AppModel& m) {
  // TRANSLATORS: a button in the player during breathing: opens the question "Dizzy or
  // tingling?"; keep it short.
  if (m.session && m.session->breathing()) return core::tr("Dizzy?");
  // TRANSLATORS: a button in the player during a pressure hold: opens the question "How does it
  // feel?"; keep it short.
  if (on_pressure_step(m)) return core::tr("Too much? Dizzy?");
  // TRANSLATORS: a button in the player: skips the step now playing.
  return core::tr("Skip");
}

QuestionLayout question_layout(Size window, const TextMeasure& text, std::string_view title,
                               std::string_view body, const std::vector<std::string>& answers) {
  QuestionLayout q;
  const float w = std::min(window.w - 2 * kPad, kMaxColumn);
  const float x = half((window.w - w) / 2);
  const float inner = w - 2 * kPad;
  const float half_w = (inner - kSmallGap) / 2;
  const bool side_by_side =
      answers.size() == 2 && std::all_of(answers.begin(), answers.end(), [&](const std::string& a) {
        return button_width(text, a) <= half_w;
      });
  // Answers one above another are each as tall as their words need.
  std::vector<float> answer_h;
  float answers_h = side_by_side ? kButton : -kSmallGap;
  for (const std::string& a : answers) {
    answer_h.push_back(side_by_side ? kButton : button_height(text, a, inner, kAnswer));
    if (!side_by_side) answers_h += answer_h.back() + kSmallGap;
  }
  // The question in its own type, or a size smaller when that would not fit the window (long
  // words at a large text size on a small phone): every word stays on screen.
  float h = 0;
  for (const auto& [title_font, body_font] :
       {std::pair{Font::Title, Font::Body}, std::pair{Font::Heading, Font::Caption},
        std::pair{Font::BodyStrong, Font::Caption}}) {
    q.title = text_block(text, title, title_font, x + kPad, 0, inner);
    q.body = text_block(text, body, body_font, x + kPad, 0, inner);
    h = kPad + q.title.box.h + kSmallGap + q.body.box.h + kGap + answers_h + kPad;
    if (h <= window.h - 2 * kPad) break;
  }
  const float y = half(std::max(kPad, (window.h - h) / 2));
  q.box = {x, y, w, h};
  q.title.box.y = y + kPad;
  q.body.box.y = q.title.box.bottom() + kSmallGap;
  float ay = q.body.box.bottom() + kGap;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    if (side_by_side) {
      q.answers.push_back(
          {half(x + kPad + static_cast<float>(i) * (half_w + kSmallGap)), ay, half_w, kButton});
    } else {
      q.answers.push_back({x + kPad, half(ay), inner, answer_h[i]});
      ay += answer_h[i] + kSmallGap;
    }
  }
  return q;
}

std::optional<QuestionText> player_question(const AppModel&, const PlayerScreen& s) {
  if (s.confirming_end) {
    return QuestionText{core::tr("End this session?"),
                        core::tr("It is saved as ended early, with your rating from before."),
                        // TRANSLATORS: an answer to "End this session?": carry on with it.
                        {core::tr("Keep going"), core::trc("button", "End")},
                        {{ControlKind::EndCancel, 0}, {ControlKind::EndConfirm, 0}}};
  }
  if (s.asking_dizzy) {
    return QuestionText{core::tr("Dizzy or tingling?"),
                        core::tr("Take smaller, gentler breaths. Slow down, or stop here."),
                        {core::trc("button", "Stop"), core::tr("Slow down")},
                        {{ControlKind::StopSession, 0}, {ControlKind::SlowDown, 0}}};
  }
  if (s.asking_intensity) {
    // domain.md §2.2 and §6.4: go lighter when it does not ease; stop the point when it rises
    // under steady pressure or burns, shoots, tingles or pulses; stop everything for dizziness,
    // nausea, a change in vision or chest pain.
    return QuestionText{
        core::tr("How does it feel?"),
        core::tr("If it doesn't ease within about 10 seconds, go lighter. Stop this point if the "
                 "pain rises as you hold, or burns, shoots, tingles or goes numb, or you feel a "
                 "pulse. Stop the session if you feel dizzy or sick, your vision changes, or you "
                 "have chest pain."),
        // TRANSLATORS: answers to "How does it feel?": press more lightly, stop pressing this
        // point, stop the whole session, skip this hold, or carry on as it is.
        {core::tr("Ease off"), core::tr("Stop this point"), core::tr("Stop the session"),
         core::tr("Skip this hold"), core::tr("Keep going")},
        {{ControlKind::TooIntense, 1},
         {ControlKind::StopPoint, 0},
         {ControlKind::StopUnwell, 0},
         {ControlKind::Skip, 0},
         {ControlKind::EndCancel, 0}}};
  }
  return std::nullopt;
}

namespace {

// The three controls at the foot: one row when their labels fit side by side, else the middle
// one above Pause and End, else one under another. Returns the top of the controls.
float lay_out_controls(const TextMeasure& t, const PlayerView& v, const AppModel& m, Rect col,
                       PlayerPageLayout& l) {
  const std::string labels[] = {v.pause_label, player_middle_label(m), core::trc("button", "End")};
  const float bh = std::max(kButton, t.line_height(Font::Button) + 16);
  float need[3], total = 0;
  for (int i = 0; i < 3; ++i) total += need[i] = t.width(labels[i], Font::Button) + 24;
  Rect* rects[] = {&l.pause, &l.middle, &l.end};
  if (total + 2 * kSmallGap <= col.w) {
    // Each button as wide as its label needs, the rest of the row shared evenly.
    const float y = col.bottom() - bh;
    const float spare = (col.w - 2 * kSmallGap - total) / 3;
    float x = col.x;
    for (int i = 0; i < 3; ++i) {
      const float bw = i == 2 ? col.right() - x : half(need[i] + spare);
      *rects[i] = {half(x), y, bw, bh};
      x += bw + kSmallGap;
    }
    return y;
  }
  const float half_w = (col.w - kSmallGap) / 2;
  if (need[0] <= half_w && need[2] <= half_w) {
    const float y = col.bottom() - bh;
    l.pause = {col.x, y, half(half_w), bh};
    l.end = {half(col.x + half_w + kSmallGap), y, col.right() - half(col.x + half_w + kSmallGap),
             bh};
    l.middle = {col.x, y - kSmallGap - bh, col.w, bh};
    return l.middle.y;
  }
  float y = col.bottom() - 3 * bh - 2 * kSmallGap;
  const float top = y;
  for (Rect* r : {&l.middle, &l.pause, &l.end}) {
    *r = {col.x, y, col.w, bh};
    y += bh + kSmallGap;
  }
  return top;
}

}  // namespace

PlayerPageLayout player_page_layout(const AppModel& m, const PlayerScreen& s, const Env& env) {
  return player_page_layout(m, s, env, player_view(m));
}

PlayerPageLayout player_page_layout(const AppModel& m, const PlayerScreen& s, const Env& env,
                                    const PlayerView& v) {
  PlayerPageLayout l;
  float top_ = 0;  // where the words above the pacer end
  const TextMeasure& t = env.text;
  const float w = std::min(env.window.w - 2 * kPad, kMaxColumn);
  const Rect col{half((env.window.w - w) / 2), kPad, w, std::max(0.0f, env.window.h - 2 * kPad)};
  l.column = col;
  const float controls_y = lay_out_controls(t, v, m, col, l);
  const float left_h = t.line_height(Font::Heading);
  const float caption_line = t.line_height(Font::BodyStrong);
  const float caption_now =
      static_cast<float>(t.lines(v.caption, Font::BodyStrong, col.w - 32).size());
  // The words above the pacer, in full; on a small phone with a long instruction the referral
  // line (also on the routine's and the muscle's pages) gives way first, then the room kept for
  // a second caption line, then the heading steps down a size, so the pacer stays large enough
  // to read the phase inside it. When even that leaves too little room (large text on a small
  // window), the words, pacer and caption scroll above the buttons instead.
  const float min_radius = 44;
  const auto lay_out_words = [&](int attempt, float y0, float bottom_of_caption) {
    Flow f{t, col.x, col.w, y0};
    l.step_label = f.add(v.step_label, Font::Caption, kSmallGap);
    l.progress = f.take(4, kGap);
    l.heading = f.add(v.heading, attempt >= 3 ? Font::Heading : Font::Title, kSmallGap);
    l.tool_line = f.add(v.tool_line, Font::Caption, kSmallGap);
    l.instruction = f.add(v.instruction, Font::Body, kSmallGap);
    l.referral = attempt == 0 ? f.add(v.referral, Font::Caption, 4) : TextBlock{};
    l.pressure = f.add(v.pressure, Font::Caption, kGap);
    // Room for two lines of caption (the longest cue fits two at 360 dp), more when the one
    // showing needs it.
    const float caption_h = std::max(attempt >= 2 ? 1.0f : 2.0f, caption_now) * caption_line + 8;
    l.step_left = {col.x, bottom_of_caption + kSmallGap, col.w, left_h};
    l.caption = {col.x, bottom_of_caption - caption_h, col.w, caption_h};
    top_ = f.y;
  };
  const float fixed_caption_bottom = controls_y - kGap - left_h - kSmallGap;
  bool fits = false;
  for (int attempt = 0; attempt < 4 && !fits; ++attempt) {
    lay_out_words(attempt, col.y, fixed_caption_bottom);
    fits = (l.caption.y - kSmallGap - top_) / 2 >= min_radius;
  }
  float top = top_, bottom = l.caption.y - kSmallGap;
  if (!fits) {
    // Scrolling: everything but the buttons, in full, with a pacer of a readable size.
    l.viewport = {col.x - 8, 0, col.w + 16, std::max(0.0f, controls_y - kGap)};
    const float radius = std::max(min_radius, std::min(col.w * 0.3f, 96.0f));
    const float caption_h = std::max(1.0f, caption_now) * caption_line + 8;
    lay_out_words(3, col.y, 0);
    top = top_;
    bottom = top + 2 * radius + 16;
    const float caption_bottom = bottom + kSmallGap + caption_h;
    lay_out_words(3, col.y, caption_bottom);
    l.content_h = l.step_left.bottom() + kGap;
    const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.viewport.h));
    if (dy > 0) {
      lay_out_words(3, col.y - dy, caption_bottom - dy);
      top -= dy;
      bottom -= dy;
    }
  }
  const float radius = std::max(28.0f, std::min(col.w * 0.36f, (bottom - top) / 2));
  l.pacer_center = {col.x + col.w / 2, half(std::max(top + radius, (top + bottom) / 2))};
  l.pacer_radius = radius;
  // The phase word is centred on the pacer and never cut: on a small pacer (a long instruction
  // on a small phone) it may reach past the ring.
  const float word_h = t.line_height(Font::Heading), seconds_h = t.line_height(Font::Title);
  l.phase_word = {col.x, l.pacer_center.y - word_h, col.w, word_h};
  l.phase_seconds = {col.x, l.pacer_center.y + 2, col.w, seconds_h};
  l.figure = l.viewport.w > 0 ? Rect{} : figure_beside(col, top, bottom, l.pacer_center, radius);
  if (const auto q = player_question(m, s))
    l.question = question_layout(env.window, t, q->title, q->body, q->answers);
  return l;
}

ScreenFrame frame(const AppModel& m, const PlayerScreen& s, const Env& env) {
  const PlayerView v = player_view(m);
  const auto l = player_page_layout(m, s, env, v);
  ScreenFrame f;
  // The step's heading ("Left upper trapezius"), also under an open question.
  f.title = v.heading;
  f.viewport = l.viewport;
  f.content_h = l.content_h;
  if (const auto q = player_question(m, s)) {
    for (std::size_t i = 0; i < q->controls.size(); ++i) {
      add_target(f, q->controls[i], l.question.answers[i], q->answers[i]);
    }
    return f;
  }
  add_target(f, {ControlKind::Pause, 0}, l.pause, v.pause_label);
  // "Ease off?" is spent once a hold has been eased.
  const Control middle = middle_control(m);
  add_target(f, middle, l.middle, player_middle_label(m), Role::Button,
             !(middle.kind == ControlKind::TooIntense && v.eased));
  add_target(f, {ControlKind::End, 0}, l.end, core::trc("button", "End"));
  return f;
}

Control primary(const AppModel&, const PlayerScreen& s) {
  if (s.asking_dizzy) return {ControlKind::SlowDown, 0};
  if (s.asking_intensity) return {ControlKind::TooIntense, 1};
  return {s.confirming_end ? ControlKind::EndConfirm : ControlKind::Pause, 0};
}

void activate(Step& st, PlayerScreen& s, Control c) {
  AppModel& m = st.m;
  auto& fx = st.fx;
  PlayerScreen p = s;  // `s` lives in m.screen, which opening a screen replaces
  const auto was_playing = [&m] { return m.session && !m.session->run.paused(); };
  switch (c.kind) {
    case ControlKind::Pause:
      toggle_pause(m, fx);
      break;
    case ControlKind::Skip:
      if (p.asking_intensity) {
        p.asking_intensity = false;
        if (p.was_playing) resume_session(m, fx);
        open_screen(m, p);
      }
      skip_step(m, fx);
      break;
    case ControlKind::End:
      p.was_playing = was_playing();
      pause_session(m, fx);
      p.confirming_end = true;
      open_screen(m, p);
      break;
    case ControlKind::EndCancel:
      p.confirming_end = false;
      p.asking_intensity = false;
      if (p.was_playing) resume_session(m, fx);
      open_screen(m, p);
      break;
    case ControlKind::EndConfirm:
      end_session_early(m, fx);
      ask_rating_after_early_end(m);
      break;
    case ControlKind::StopSession:  // "Dizzy or tingling?" → Stop
    case ControlKind::StopUnwell:
      // Feeling unwell: advice first, and no pain question now.
      if (m.session && !m.session->finished) {
        fx.push_back(RecordSafetyEvent{core::SafetyEventKind::StoppedUnwell, session_label(m)});
      }
      end_session_early(m, fx);
      if (m.session) m.session->stopped_unwell = true;
      open_screen(m, SummaryScreen{});
      break;
    case ControlKind::TooIntense:
      if (c.index == 0) {  // open the question, holding the session still
        if (!on_pressure_step(m)) break;
        p.was_playing = was_playing();
        pause_session(m, fx);
        p.asking_intensity = true;
      } else {  // "Ease off"
        p.asking_intensity = false;
        ease_step(m, fx);
      }
      open_screen(m, p);
      break;
    case ControlKind::StopPoint:
      p.asking_intensity = false;
      stop_muscle(m, fx);
      open_screen(m, p);
      break;
    case ControlKind::Dizzy:
      p.was_playing = was_playing();
      pause_session(m, fx);
      p.asking_dizzy = true;
      open_screen(m, p);
      break;
    case ControlKind::SlowDown:
      if (p.asking_dizzy && m.session) {
        fx.push_back(RecordSafetyEvent{core::SafetyEventKind::DizzySlowed, session_label(m)});
      }
      p.asking_dizzy = false;
      if (m.session) m.session->run.resume(m.session_now);
      slow_down(m, fx);
      open_screen(m, p);
      break;
    default:
      break;
  }
}

void back(Step& st, PlayerScreen& s) {
  // Escape on the dizzy question slows down, the gentle answer; on "too intense?" or "end this
  // session?" it keeps going; otherwise it asks whether to end.
  if (s.asking_dizzy) {
    activate(st, s, {ControlKind::SlowDown, 0});
  } else {
    activate(
        st, s,
        {s.confirming_end || s.asking_intensity ? ControlKind::EndCancel : ControlKind::End, 0});
  }
}

void scroll(Step& st, PlayerScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, PlayerScreen&, const TextInput&) {}

}  // namespace unknot::app
