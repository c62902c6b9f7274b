// Notes on behaviour the header leaves open:
// - The tour's steps: Welcome → Pressing safely → the health profile (the profile screen, which
//   comes back here) → a first pain rating → Home. Back walks back a step; Back on the welcome
//   does nothing in the tour (there is nothing behind it) and returns to Settings in review.
// - "Skip" on the welcome or the pressing page goes on to the profile, which is asked before the
//   first session anyway; "Skip" on the rating finishes the tour without one. Finishing, with or
//   without a rating, is saved, so the tour is shown once.
// - The first rating is the daily check-in's question, saved as today's check-in (so the
//   check-in is not offered again the same day).
// - Wording from domain.md §1.7 (breathe out into the pressure, never hold the breath), §2.2
//   (5-6/10, never above 7; the 10-second rule; stop signs; soreness and bruising), §2.4 (a
//   ball against the wall, fingertips or a supported thumb) and §2.5 (endangerment sites).
#include "app/onboarding_page.h"

#include <algorithm>
#include <string>

#include "app/screens.h"
#include "core/translate.h"

namespace unknot::app {
namespace {

// Each step's heading.
std::string onboarding_heading(OnboardingStep step) {
  switch (step) {
    case OnboardingStep::Welcome:
      return core::tr("Welcome to Unknot");
    case OnboardingStep::Pressing:
      return core::tr("Pressing safely");
    case OnboardingStep::Rating:
      return core::tr("How has your pain been?");
  }
  return {};
}

constexpr float kGap = 16;
constexpr float kSmallGap = 8;
constexpr float kCell = 56;
constexpr float kBulletIndent = 20;
constexpr float kFigureH = 148;
constexpr float kFigureMinW = 148;

constexpr int kTourSteps = 4;  // welcome, pressing, profile, rating

int step_number(OnboardingStep step) {
  switch (step) {
    case OnboardingStep::Welcome:
      return 1;
    case OnboardingStep::Pressing:
      return 2;
    case OnboardingStep::Rating:
      return 4;
  }
  return 1;
}

void add_para(Flow& f, std::vector<OnboardingPara>& out, std::string_view text,
              OnboardingPara::Style style, Font font = Font::Body) {
  OnboardingPara p;
  p.style = style;
  if (style == OnboardingPara::Style::Bullet) {
    p.text = text_block(f.text, text, font, f.x + kBulletIndent, f.y, f.w - kBulletIndent);
    const float line =
        p.text.lines.empty() ? 0 : p.text.box.h / static_cast<float>(p.text.lines.size());
    p.dot = {f.x + 6, f.y + line / 2};
    f.y = p.text.box.bottom() + kSmallGap + 4;
  } else {
    p.text = f.add(text, style == OnboardingPara::Style::Note ? Font::Caption : font, kGap - 4);
  }
  out.push_back(std::move(p));
}

void lay_out_welcome(Flow& f, OnboardingLayout& l) {
  l.title = f.add(onboarding_heading(OnboardingStep::Welcome), Font::Title, kGap);
  add_para(
      f, l.paras,
      core::tr("Unknot guides gentle self-massage of tender spots in your muscles, with a ball or "
               "your fingertips, while a slow breathing rhythm sets the pace. Voice and soft tones "
               "carry the session, so you can close your eyes."),
      OnboardingPara::Style::Plain);
  add_para(
      f, l.paras,
      core::tr("Before and after each session you rate your pain from 0 to 10. Over the weeks, "
               "Unknot shows whether it is easing and how often you practised."),
      OnboardingPara::Style::Plain);
  f.y += kSmallGap;
  add_para(f, l.paras, core::tr("What Unknot is not"), OnboardingPara::Style::Plain, Font::Heading);
  add_para(
      f, l.paras,
      core::tr("Unknot is not medical advice. It does not diagnose or treat any condition, and it "
               "does not replace your doctor, physiotherapist or therapist."),
      OnboardingPara::Style::Bullet);
  add_para(f, l.paras, core::tr("If pain is severe, new, or getting worse, see a clinician."),
           OnboardingPara::Style::Bullet);
  f.y += kSmallGap;
  add_para(
      f, l.paras,
      core::tr("Your records stay on this device. Nothing leaves it unless you export a report."),
      OnboardingPara::Style::Note);
}

void lay_out_pressing(Flow& f, OnboardingLayout& l) {
  l.title = f.add(onboarding_heading(OnboardingStep::Pressing), Font::Title, kGap);
  // Two pictures side by side where each keeps kFigureMinW, else one above the other.
  const bool beside = f.w >= 2 * kFigureMinW + kGap;
  const float fw = beside ? (f.w - kGap) / 2 : std::min(f.w, 320.0f);
  const struct {
    OnboardingArt art;
    const char* caption;
  } figures[] = {
      {OnboardingArt::BallOnWall,
       core::tr_noop("A ball between you and a wall: lean in to set the pressure.")},
      {OnboardingArt::Fingertips,
       core::tr_noop("Or fingertips, or a thumb supported by the other hand.")},
  };
  float row_bottom = f.y;
  float x = f.x;
  for (const auto& fig : figures) {
    OnboardingFigure out;
    out.art = fig.art;
    const float top = beside ? f.y : row_bottom;
    out.box = {beside ? x : f.x + (f.w - fw) / 2, top, fw, kFigureH};
    out.caption = text_block(f.text, core::tr(fig.caption), Font::Caption, out.box.x,
                             out.box.bottom() + 8, fw);
    const float below = out.caption.box.bottom() + kGap;
    row_bottom = beside ? std::max(row_bottom, below) : below;
    x += fw + kGap;
    l.figures.push_back(std::move(out));
  }
  f.y = row_bottom + kSmallGap;
  add_para(
      f, l.paras,
      core::tr("Ease into the pressure as you breathe out. Keep breathing slowly: never hold your "
               "breath."),
      OnboardingPara::Style::Bullet);
  add_para(f, l.paras,
           core::tr("Aim for about 5 to 6 out of 10, a \"good hurt\" that eases. Never above 7."),
           OnboardingPara::Style::Bullet);
  add_para(
      f, l.paras,
      core::tr(
          "If it doesn't ease within about 10 seconds, go lighter. If the pain rises while you "
          "hold, stop that point."),
      OnboardingPara::Style::Bullet);
  add_para(
      f, l.paras,
      core::tr("Stop at once for burning, shooting or electric pain, numbness or tingling, a pulse "
               "under the ball, dizziness, or chest pain."),
      OnboardingPara::Style::Bullet);
  add_para(
      f, l.paras,
      core::tr("Keep the ball off the front and sides of the neck, the armpit, the front of the "
               "elbow, the groin, the back of the knee and bony points."),
      OnboardingPara::Style::Bullet);
  add_para(
      f, l.paras,
      core::tr("Soreness the next day means it was too deep, and bruising far too deep: go lighter "
               "next time."),
      OnboardingPara::Style::Bullet);
}

void lay_out_rating(Flow& f, OnboardingLayout& l) {
  l.title = f.add(onboarding_heading(OnboardingStep::Rating), Font::Title, kSmallGap);
  add_para(f, l.paras, core::tr("Average pain over the last 24 hours"),
           OnboardingPara::Style::Plain, Font::BodyStrong);
  add_para(f, l.paras, core::tr("0 = no pain, 10 = worst pain you can imagine"),
           OnboardingPara::Style::Plain);
  const float w = f.w;
  const int cols = w >= 6 * 48 + 5 * kSmallGap + 12 ? 6 : 4;
  const float cell_w = (w - kSmallGap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  for (int v = 0; v <= 10; ++v) {
    const int row = v / cols, c = v % cols;
    l.values.push_back({f.x + static_cast<float>(c) * (cell_w + kSmallGap),
                        f.y + static_cast<float>(row) * (kCell + kSmallGap), cell_w, kCell});
  }
  f.y = l.values.back().bottom() + kGap;
  add_para(
      f, l.paras,
      core::tr("This is your starting point: later ratings are compared with it. You can skip it "
               "and rate another day."),
      OnboardingPara::Style::Note);
}

OnboardingLayout layout_at(const OnboardingScreen& s, const Env& env, float dy) {
  OnboardingLayout l;
  l.page = page_frame(env.window, true);
  l.next = l.page.bottom;
  const Rect bar = l.page.top_bar;
  const bool first = s.step == OnboardingStep::Welcome;
  if (!first || s.review) l.back = {bar.x - 12, bar.y, 48, 48};
  if (!s.review) l.skip = {bar.right() - 96, bar.y, 96, 48};
  const Rect col = l.page.column;
  const float w = std::min(col.w, 560.0f);
  Flow f{env.text, col.x, w, l.page.viewport.y + kSmallGap - dy};
  if (!s.review) {
    // TRANSLATORS: where the person is in the welcome tour, e.g. "Step 2 of 4".
    l.step_label = f.add(core::fill(core::tr("Step {step} of {total}"),
                                    {{"step", std::to_string(step_number(s.step))},
                                     {"total", std::to_string(kTourSteps)}}),
                         Font::Caption, 4);
  }
  switch (s.step) {
    case OnboardingStep::Welcome:
      lay_out_welcome(f, l);
      break;
    case OnboardingStep::Pressing:
      lay_out_pressing(f, l);
      break;
    case OnboardingStep::Rating:
      lay_out_rating(f, l);
      break;
  }
  l.content_h = f.y + dy - l.page.viewport.y;
  return l;
}

void finish(Step& st) {
  st.fx.push_back(SaveOnboarded{st.m.wall_now});
  open_screen(st.m, HomeScreen{});
}

void to_profile(AppModel& m) {
  ProfileScreen p{m.profile};
  p.onboarding = true;
  open_screen(m, p);
}

}  // namespace

OnboardingLayout onboarding_layout(const OnboardingScreen& s, const Env& env) {
  OnboardingLayout l = layout_at(s, env, 0);
  const float dy = std::clamp(env.scroll, 0.0f, std::max(0.0f, l.content_h - l.page.viewport.h));
  return dy > 0 ? layout_at(s, env, dy) : l;
}

std::string onboarding_next_label(const OnboardingScreen& s) {
  switch (s.step) {
    case OnboardingStep::Welcome:
      if (s.review) return core::tr("Next");
      // TRANSLATORS: the welcome tour's first button.
      return core::tr("Get started");
    case OnboardingStep::Pressing:
      return s.review ? core::tr("Done") : core::tr("Next");
    case OnboardingStep::Rating:
      return core::tr("Save");
  }
  return core::tr("Next");
}

void open_onboarding(AppModel& m, bool review) {
  OnboardingScreen s;
  s.review = review;
  open_screen(m, s);
}

ScreenFrame frame(const AppModel&, const OnboardingScreen& s, const Env& env) {
  const auto l = onboarding_layout(s, env);
  ScreenFrame f;
  f.title = onboarding_heading(s.step);
  f.viewport = l.page.viewport;
  f.content_h = l.content_h;
  if (l.back.w > 0) add_target(f, {ControlKind::Back, 0}, l.back, core::trc("button", "Back"));
  if (l.skip.w > 0) add_target(f, {ControlKind::Skip, 0}, l.skip, core::tr("Skip"));
  for (std::size_t v = 0; v < l.values.size(); ++v) {
    add_scrolling(f, {ControlKind::PainValue, static_cast<int>(v)}, l.values[v],
                  // TRANSLATORS: what a screen reader says for a pain rating's value, 0 to 10.
                  core::fill(core::tr("Pain {value}"), {{"value", std::to_string(v)}}),
                  Role::Option);
    set_checked(f, s.pain == static_cast<int>(v));
  }
  const bool can_go = s.step != OnboardingStep::Rating || s.pain.has_value();
  add_target(f, {ControlKind::Confirm, 0}, l.next, onboarding_next_label(s), Role::Button, can_go);
  return f;
}

Control primary(const AppModel&, const OnboardingScreen& s) {
  if (s.step == OnboardingStep::Rating && !s.pain) return {ControlKind::PainValue, 0};
  return {ControlKind::Confirm, 0};
}

void activate(Step& st, OnboardingScreen& s, Control c) {
  AppModel& m = st.m;
  switch (c.kind) {
    case ControlKind::Confirm:
      switch (s.step) {
        case OnboardingStep::Welcome: {
          OnboardingScreen next = s;
          next.step = OnboardingStep::Pressing;
          open_screen(m, next);
          return;
        }
        case OnboardingStep::Pressing:
          if (s.review) {
            open_screen(m, SettingsScreen{});
          } else {
            to_profile(m);
          }
          return;
        case OnboardingStep::Rating:
          if (!s.pain) return;
          st.fx.push_back(SaveCheckin{CheckinKind::DailyPain, *s.pain});
          st.fx.push_back(CheckinOffered{});
          finish(st);
          return;
      }
      return;
    case ControlKind::Skip:
      if (s.review) return;
      if (s.step == OnboardingStep::Rating) {
        finish(st);
      } else {
        to_profile(m);
      }
      return;
    case ControlKind::PainValue:
      if (s.step == OnboardingStep::Rating) {
        s.pain = std::clamp(c.index, 0, 10);
      }
      return;
    case ControlKind::Back:
      back(st, s);
      return;
    default:
      return;
  }
}

void back(Step& st, OnboardingScreen& s) {
  AppModel& m = st.m;
  switch (s.step) {
    case OnboardingStep::Welcome:
      if (s.review) open_screen(m, SettingsScreen{});
      return;
    case OnboardingStep::Pressing: {
      OnboardingScreen prev = s;
      prev.step = OnboardingStep::Welcome;
      open_screen(m, prev);
      return;
    }
    case OnboardingStep::Rating:
      to_profile(m);
      return;
  }
}

void scroll(Step& st, OnboardingScreen&, float dy) { scroll_content(st.m, dy); }

void text_input(Step&, OnboardingScreen&, const TextInput&) {}

}  // namespace unknot::app
