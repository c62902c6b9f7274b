// Times bounded work on hostile input (issue 11): rejecting the largest routine file allowed
// (1 MiB, nearly all of it one unknown field name) and a 100 MB file, opening the error screen
// that explains such a file and drawing it, and wrapping a 1 MB error message (one word, and
// words) with the real font on the software renderer. Prints milliseconds, median of a few runs.
#include <SDL.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "app/update.h"
#include "shell/routine_files.h"
#include "ui/canvas.h"
#include "ui/screens.h"

namespace {

using namespace unknot;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double median_ms(int runs, const std::function<void()>& work) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    work();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

// A routine file of exactly `bytes` bytes whose one step has an unknown member with a name as
// long as fills it.
std::string routine_with_long_name(std::size_t bytes) {
  const std::string head =
      "{\"format_version\": 1, \"id\": \"r\", \"title\": \"T\", \"steps\": [{\"type\": "
      "\"breathing\", \"title\": \"B\", \"pattern\": \"extended_exhale_4_6\", \"duration_s\": 60, "
      "\"";
  const std::string tail = "\": 1}]}";
  return head + std::string(bytes - head.size() - tail.size(), 'n') + tail;
}

}  // namespace

int main() {
  const fs::path dir =
      fs::temp_directory_path() / ("unknot-input-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const core::PatternLookup lookup = core::builtin_pattern_lookup();
  std::string message;

  std::printf("Rejecting a routine file (read, parse, every problem as text):\n");
  for (const std::size_t bytes : {16u << 10, 64u << 10, 900u << 10, 1u << 20}) {
    const fs::path file = dir / ("long_" + std::to_string(bytes) + ".json");
    std::ofstream(file, std::ios::binary) << routine_with_long_name(bytes);
    std::size_t length = 0;
    const double ms = median_ms(5, [&] {
      const shell::RoutineFile r = shell::read_routine_file(file, lookup);
      message.clear();
      for (const auto& p : r.problems) message += p + "\n";
      length = message.size();
    });
    std::printf("  %7zu bytes, one unknown field name: %8.2f ms (message %zu bytes)\n", bytes, ms,
                length);
  }
  {
    const fs::path file = dir / "huge.json";
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || ::ftruncate(fd, 100'000'000) != 0) return 1;
    ::close(fd);
    std::string said;
    const double ms = median_ms(5, [&] {
      const shell::RoutineFile r = shell::read_routine_file(file, lookup);
      said = r.problems.empty() ? "" : r.problems.front();
    });
    std::printf("  100 MB file:                        %8.2f ms\n    \"%s\"\n", ms, said.c_str());
  }

  if (SDL_Init(0) != 0) return 1;
  const int w = 360, h = 640;
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  if (surface == nullptr || renderer == nullptr) return 1;
  {
    auto canvas = std::make_shared<ui::Canvas>(renderer);
    const std::shared_ptr<const app::TextMeasure> measure(canvas, canvas.get());
    const auto& palette = ui::palette(ui::ThemeKind::Dark);

    std::printf("The error screen for the 1 MiB file at %dx%d (open, show details, draw):\n", w, h);
    const double screen_ms = median_ms(5, [&] {
      app::AppModel m;
      m = app::update(std::move(m), app::TextMeasureReady{measure}).model;
      m = app::update(std::move(m), app::Resized{static_cast<float>(w), static_cast<float>(h)})
              .model;
      m = app::update(std::move(m), app::FileOpenFailed{"This routine file has problems", message})
              .model;
      m = app::update(std::move(m), app::Activated{{app::ControlKind::ShowDetails, 0}}).model;
      canvas->begin_frame(palette.background);
      ui::DrawContext dc{*canvas, palette, {static_cast<float>(w), static_cast<float>(h)}, {}};
      ui::draw(dc, m);
    });
    std::printf("  %8.2f ms\n", screen_ms);

    std::printf("Wrapping a 1 MB error message with the real font, 312 dp wide:\n");
    const std::string word(1'000'000, 'x');
    std::string words;
    while (words.size() < 1'000'000) words += "unknown field \"name\"; did you mean \"title\"? ";
    std::size_t lines = 0;
    // A new width each run, so the canvas's wrap cache never answers.
    float width = 312;
    const double word_ms =
        median_ms(3, [&] { lines = canvas->lines(word, app::Font::Body, width += 0.5f).size(); });
    std::printf("  one 1 MB word:   %8.2f ms (%zu lines)\n", word_ms, lines);
    const double words_ms =
        median_ms(3, [&] { lines = canvas->lines(words, app::Font::Body, width += 0.5f).size(); });
    std::printf("  1 MB of words:   %8.2f ms (%zu lines)\n", words_ms, lines);
  }
  SDL_DestroyRenderer(renderer);
  SDL_FreeSurface(surface);
  SDL_Quit();
  std::error_code ignored;
  fs::remove_all(dir, ignored);
  return 0;
}
