#include "ui/page_check.h"

#include <SDL.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "app/catalog_entry.h"
#include "app/page_layout.h"
#include "app/screens.h"
#include "app/update.h"
#include "core/content_language.h"
#include "core/language.h"
#include "core/translate.h"
#include "desktop/paths.h"
#include "shell/routine_files.h"
#include "ui/canvas.h"
#include "ui/screens.h"

namespace unknot::ui::pages {

app::AppModel act(app::AppModel m, const app::Action& a) {
  return app::update(std::move(m), a).model;
}

app::AppModel press(app::AppModel m, app::ControlKind k, int i) {
  return act(std::move(m), app::Activated{{k, i}});
}

app::AppModel builtin_model() {
  app::AppModel m;
  auto loaded =
      shell::load_catalog(std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets" / "routines",
                          core::builtin_pattern_lookup());
  REQUIRE(loaded.problems.empty());
  // In the current language, as the app reads them (shell::read_start_content).
  for (app::CatalogEntry& entry : loaded.entries) {
    core::Routine routine = std::move(entry.original);
    core::translate_builtin_routine(routine);
    entry = app::make_catalog_entry(std::move(routine), core::builtin_pattern_lookup());
  }
  m.catalog = std::move(loaded.entries);
  m.wall_now = core::UnixSeconds{std::chrono::seconds(1'790'000'000)};
  m.screened_at = m.wall_now;
  m.profile_answered = true;
  return m;
}

app::AppModel start(app::AppModel m) {
  m = press(std::move(m), app::ControlKind::Start);
  if (const auto* s = std::get_if<app::SafetyScreen>(&m.screen); s && s->brief) {
    m = press(std::move(m), app::ControlKind::Confirm);
  }
  return m;
}

std::string english_word(std::string_view text, const std::vector<std::string>& own) {
  std::size_t run = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++run;
      continue;
    }
    // A letter beyond ASCII (UTF-8's bytes are all >= 0x80) belongs to the word: "Śţàŕţ" has
    // ASCII letters only if it was never translated.
    if (static_cast<unsigned char>(c) >= 0x80) {
      run = 0;
      while (i + 1 < text.size() && (std::isalpha(static_cast<unsigned char>(text[i + 1])) != 0 ||
                                     static_cast<unsigned char>(text[i + 1]) >= 0x80))
        ++i;
      continue;
    }
    if (run >= 3) {
      const std::string_view word = text.substr(i - run, run);
      const bool theirs = std::any_of(own.begin(), own.end(), [word](const std::string& o) {
        return o.find(word) != std::string::npos;
      });
      if (!theirs) return std::string(word);
    }
    run = 0;
  }
  return {};
}

namespace {

// What a state may draw in English in any language. `words`: the check's own words (a person's
// text, a therapist's name: their words may share a line with translated text), the app's name
// and the routines' ids. `citations`: the content's source citations (authors and titles stay
// as published), allowed only as whole lines of them, so that a common word a citation happens
// to hold ("trapezius") is still caught elsewhere.
struct EnglishAllowed {
  std::vector<std::string> words, citations;
};

EnglishAllowed english_allowed(const PageCheck& check, const app::AppModel& m) {
  EnglishAllowed out{check.own_words, {}};
  out.words.emplace_back("Unknot");  // the app's name, in every language
  for (const auto& entry : m.catalog) {
    out.words.push_back(entry.routine.id);  // shown beside long test titles, "(jaw_temple)"
    out.citations.insert(out.citations.end(), entry.routine.sources.begin(),
                         entry.routine.sources.end());
  }
  for (const core::BreathPattern* pattern : app::all_patterns(m))
    out.citations.push_back(pattern->source);
  if (m.library) {
    for (const auto& muscle : m.library->muscles) {
      out.citations.insert(out.citations.end(), muscle.sources.begin(), muscle.sources.end());
    }
  }
  return out;
}

// The English word in a drawn line of the pseudo-language, if any (see EnglishAllowed). A run of
// the line that belongs to a citation is left out: a whole line inside one; a run that opens a
// citation (after a translated "Source:") and runs on to the line's end or to the citation's end;
// a run from the line's start that closes one (before a translated bracket). Each run holds at
// least one whole word, so a common word a citation happens to hold is still caught elsewhere.
std::string untranslated(std::string_view line, const EnglishAllowed& allowed) {
  std::string word = english_word(line, allowed.words);
  if (word.empty()) return word;
  const auto cited = [&](std::string_view run, bool opens, bool closes) {
    return std::any_of(allowed.citations.begin(), allowed.citations.end(),
                       [&](const std::string& c) {
                         const std::string_view whole(c);
                         if (opens && closes) return whole == run;
                         if (opens) return whole.starts_with(run);
                         if (closes) return whole.ends_with(run);
                         return whole.find(run) != std::string_view::npos;
                       });
  };
  std::string rest(line);
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i > 0 && line[i - 1] != ' ') continue;  // a run starts at a word
    for (std::size_t j = line.size(); j >= i + 3; --j) {
      const bool at_start = i == 0, at_end = j == line.size();
      if (!at_start && !at_end && !cited(line.substr(i, j - i), true, true)) continue;
      if ((at_start && at_end) ? cited(line, false, false)
          : at_start           ? cited(line.substr(0, j), false, true)
          : at_end             ? cited(line.substr(i), true, false)
                               : true) {
        std::fill(rest.begin() + static_cast<std::ptrdiff_t>(i),
                  rest.begin() + static_cast<std::ptrdiff_t>(j), ' ');
        i = j;
        break;
      }
    }
  }
  return english_word(rest, allowed.words);
}

void check_text(const Canvas& canvas, const PageCheck& check, const PageState& state, bool end,
                const app::ScreenFrame& frame, app::Size window) {
  const auto& log = canvas.text_log();
  CHECK_FALSE(log.empty());
  const bool pseudo = core::current_language() == core::kPseudoLanguage;
  const EnglishAllowed allowed = pseudo ? english_allowed(check, state.model) : EnglishAllowed{};
  for (std::size_t i = 0; i < log.size(); ++i) {
    const auto& a = log[i];
    CAPTURE(a.text);
    CAPTURE(a.asked);
    if (pseudo) {
      const std::string word = untranslated(a.text, allowed);
      CHECK_MESSAGE(word.empty(), "not translated: " << word);
    }
    const auto fits = [](bool ok, const char* what) { CHECK_MESSAGE(ok, what); };
    if (a.truncated) fits(check.may_truncate && check.may_truncate(a.text), "cut short");
    fits(a.box.x >= -0.5f, "left of the window");
    fits(a.box.right() <= window.w + 0.5f, "right of the window");
    if (a.clipped) {
      // Only the viewport's edges cut text, and at the end only its top edge does (under an
      // overlay the page's own viewport is not the frame's).
      if (end && frame.viewport.w > 0 && !state.overlay) CHECK(a.box.y < frame.viewport.y);
      continue;
    }
    fits(a.box.y >= -0.5f, "above the window");
    fits(a.box.bottom() <= window.h + 0.5f, "below the window");
    if (state.overlay) continue;
    for (std::size_t j = i + 1; j < log.size(); ++j) {
      if (log[j].clipped) continue;
      CAPTURE(log[j].text);
      fits(!a.box.intersects(log[j].box), "on other text");
    }
  }
}

std::string without_spaces(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    if (ch != ' ' && ch != '\n') out += ch;
  }
  return out;
}

// The frame's title, which the web build's screen reader announces as the page's heading, is
// the heading the screen drew: never empty, and word for word a run of whole lines in the text
// log (compared without spaces, so a heading wrapped over two or more lines still matches, and
// a title that is only part of a line, or another screen's heading, does not). A heading taller
// than the viewport (a long routine's title at 200 % text on a small phone) runs on past the
// viewport's foot, where the canvas logs nothing: then its lines in view are the title's
// beginning and the last of them is within a heading line of that foot. (Under a modal question
// the frame holds only the question's answers and no viewport: the foot is then a page's usual
// one, above its bottom button.)
void check_title(const Canvas& canvas, const app::ScreenFrame& frame, app::Size window) {
  CAPTURE(frame.title);
  CHECK_FALSE(frame.title.empty());
  if (frame.title.empty()) return;
  const std::string title = without_spaces(frame.title);
  const auto& log = canvas.text_log();
  const float heading_line = canvas.line_height(app::Font::Display);  // the tallest heading type
  const app::Rect viewport =
      frame.viewport.w > 0 ? frame.viewport : app::page_frame(window, true).viewport;
  bool found = false;
  for (std::size_t i = 0; i < log.size() && !found; ++i) {
    std::string run;
    for (std::size_t j = i; j < log.size() && run.size() < title.size(); ++j) {
      run += without_spaces(log[j].text);
      if (run == title) found = true;
      if (title.compare(0, run.size(), run) != 0) break;
      const bool cut_at_foot = !run.empty() && run.size() < title.size() &&
                               log[j].box.bottom() + heading_line >= viewport.bottom();
      if (cut_at_foot) found = true;
      if (found) break;
    }
  }
  if (!found) {
    std::string drawn;
    for (const auto& line : log) drawn += line.text + " | ";
    CAPTURE(drawn);
    CHECK(found);
  }
}

void check_targets(const app::AppModel& shown, bool end, const app::ScreenFrame& frame,
                   app::Size window) {
  // Scrolled to the end, the content's foot and the last pressable item are in view.
  if (end && frame.viewport.w > 0) {
    CHECK(frame.content_h - frame.max_scroll() <= frame.viewport.h + 0.5f);
    for (auto it = frame.targets.rbegin(); it != frame.targets.rend(); ++it) {
      if (!it->scrolls) continue;
      CAPTURE(it->label);
      // Not cut by the viewport's foot. (Its top may be above the viewport when what follows
      // it, notes or a footer at large text, needs the viewport's height.)
      CHECK(it->rect.bottom() <= frame.viewport.bottom() + 0.5f);
      if (frame.viewport.bottom() - it->rect.y <= frame.viewport.h) {
        CHECK(it->rect.y >= frame.viewport.y - 0.5f);
      }
      break;
    }
  }
  // Every pressable target lies in the window, apart from the others.
  const auto fits = [](bool ok, const char* what) { CHECK_MESSAGE(ok, what); };
  const auto hits = app::hits(shown, window);
  for (std::size_t i = 0; i < hits.size(); ++i) {
    CAPTURE(hits[i].label);
    fits(hits[i].rect.x >= -0.5f, "target left of the window");
    fits(hits[i].rect.right() <= window.w + 0.5f, "target right of the window");
    fits(hits[i].rect.bottom() <= window.h + 0.5f, "target below the window");
    for (std::size_t j = i + 1; j < hits.size(); ++j) {
      CAPTURE(hits[j].label);
      fits(!hits[i].rect.intersects(hits[j].rect), "target on another");
    }
  }
}

}  // namespace

std::vector<PageSize> every_size() {
  return {{320, 568},        {360, 640},  {390, 844},  {390, 844, 2},
          {480, 1040, 1.5f}, {1280, 800}, {1920, 1080}};
}

std::vector<PageSize> key_sizes() { return {{320, 568}, {390, 844, 2}, {1280, 800}}; }

std::vector<Look> every_look() {
  return {{ThemeKind::Dark, false},
          {ThemeKind::Light, false},
          {ThemeKind::Dark, true},
          {ThemeKind::Light, true}};
}

void check_pages(const std::vector<PageState>& states, const PageCheck& check) {
  REQUIRE(SDL_Init(0) == 0);
  for (const PageSize size : check.sizes) {
    const int px_w = static_cast<int>(std::lround(static_cast<float>(size.w) * size.density));
    const int px_h = static_cast<int>(std::lround(static_cast<float>(size.h) * size.density));
    SDL_Surface* surface =
        SDL_CreateRGBSurfaceWithFormat(0, px_w, px_h, 32, SDL_PIXELFORMAT_ARGB8888);
    REQUIRE(surface != nullptr);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    REQUIRE(renderer != nullptr);
    {
      auto canvas = std::make_shared<Canvas>(renderer);
      canvas->set_scale(size.density);
      const std::shared_ptr<const app::TextMeasure> measure(canvas, canvas.get());
      const app::Size window{static_cast<float>(size.w), static_cast<float>(size.h)};
      for (const float text_scale : check.text_scales) {
        canvas->set_text_scale(text_scale);
        for (const PageState& state : states) {
          app::AppModel model = act(state.model, app::TextMeasureReady{measure});
          model = act(std::move(model), app::Resized{window.w, window.h});
          // The frame's title against the heading drawn: at the top of the page, where the
          // heading is in view. A state scrolled down (which may have scrolled it away) is drawn
          // once more at the top; the others are checked on their first drawing.
          const bool at_top = model.scroll.offset <= 0;
          if (!at_top) {
            // Its scroll reset directly: a page under a modal question does not scroll.
            app::AppModel top = model;
            top.scroll = {};
            CAPTURE(size.w);
            CAPTURE(size.h);
            CAPTURE(size.density);
            CAPTURE(text_scale);
            CAPTURE(state.name);
            const Palette& p = palette(ThemeKind::Dark, false);
            canvas->begin_frame(p.background);
            DrawContext dc{*canvas, p, window, app::focused_control(top)};
            draw(dc, top);
            check_title(*canvas, app::screen_frame(top, window), window);
            canvas->end_frame();
          }
          for (const bool end : {false, true}) {
            const app::AppModel shown = end ? act(model, app::Scrolled{1e7f}) : model;
            const app::ScreenFrame frame = app::screen_frame(shown, window);
            CAPTURE(size.w);
            CAPTURE(size.h);
            CAPTURE(size.density);
            CAPTURE(text_scale);
            CAPTURE(state.name);
            CAPTURE(end);
            bool first_look = true;
            for (const Look look : check.looks) {
              CAPTURE(static_cast<int>(look.theme));
              CAPTURE(look.high_contrast);
              const Palette& p = palette(look.theme, look.high_contrast);
              canvas->begin_frame(p.background);
              DrawContext dc{*canvas, p, window, app::focused_control(shown)};
              draw(dc, shown);
              if (const char* dir = std::getenv("UNKNOT_DUMP_DIR")) {
                // For looking at: <dir>/<language>-<w>x<h>@<density>-<text
                // %>-<look>-<state>[-end].bmp
                SDL_RenderFlush(renderer);
                std::string name = state.name + (end ? "-end" : "");
                std::replace(name.begin(), name.end(), ' ', '_');
                const std::string file = std::string(dir) + "/" + core::current_language() + "-" +
                                         std::to_string(size.w) + "x" + std::to_string(size.h) +
                                         "@" + std::to_string(static_cast<int>(size.density * 10)) +
                                         "-" + std::to_string(static_cast<int>(text_scale * 100)) +
                                         "-" + (look.theme == ThemeKind::Dark ? "dark" : "light") +
                                         (look.high_contrast ? "hc" : "") + "-" + name + ".bmp";
                SDL_SaveBMP(surface, file.c_str());
              }
              check_text(*canvas, check, state, end, frame, window);
              if (!end && at_top && first_look) check_title(*canvas, frame, window);
              first_look = false;
              canvas->end_frame();
            }
            check_targets(shown, end, frame, window);
          }
        }
      }
    }
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
  }
}

void check_pages(const std::function<std::vector<PageState>()>& make, const PageCheck& check) {
  // UNKNOT_PAGE_LANGUAGES (e.g. "qps" or "en es"): only those of the check's languages it names
  // are drawn (for looking at one language's pages; the sanitizer run draws two of the three).
  const char* only = std::getenv("UNKNOT_PAGE_LANGUAGES");
  for (const std::string& language : check.languages) {
    if (only && std::string_view(only).find(language) == std::string_view::npos) continue;
    CAPTURE(language);
    const std::string problem = platform::install_language(language, UNKNOT_TEST_LOCALE_DIR);
    REQUIRE_MESSAGE(problem.empty(), problem);
    check_pages(make(), check);
  }
  platform::install_language("en", UNKNOT_TEST_LOCALE_DIR);
}

}  // namespace unknot::ui::pages
