#include "shell/video.h"

#include <SDL_opengl.h>

#include <filesystem>
#include <optional>
#include <stdexcept>

#include "desktop/renderer_choice.h"
#ifndef __EMSCRIPTEN__
#include "desktop/window_icon.h"
#endif

namespace unknot::shell {
namespace {

#ifndef __EMSCRIPTEN__
// Whether the OS shows any GPU device. Probing GL without one would only find a CPU
// rasteriser, after loading libGL and a ~30 MB driver into the process.
bool gpu_device_present() {
#ifdef __linux__
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/dev/dri", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("card", 0) == 0 || name.rfind("renderD", 0) == 0) return true;
  }
  // NVIDIA's own driver without kernel modesetting has no DRM node.
  return fs::exists("/dev/nvidia0", ec);
#else
  return true;
#endif
}

// GL_RENDERER of a throwaway context on a hidden 1x1 window; nullopt if GL is unavailable.
std::optional<std::string> probe_gl_renderer() {
  if (SDL_GL_LoadLibrary(nullptr) != 0) return std::nullopt;
  std::optional<std::string> name;
  {
    const WindowPtr probe(SDL_CreateWindow("", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1,
                                           1, SDL_WINDOW_OPENGL | SDL_WINDOW_HIDDEN));
    const GlContextPtr context(probe ? SDL_GL_CreateContext(probe.get()) : nullptr);
    using GetString = const GLubyte*(GLAPIENTRY*)(GLenum);
    const auto get_string = reinterpret_cast<GetString>(SDL_GL_GetProcAddress("glGetString"));
    if (context && get_string != nullptr) {
      if (const GLubyte* text = get_string(GL_RENDERER)) name = reinterpret_cast<const char*>(text);
    }
  }
  SDL_GL_UnloadLibrary();
  return name;
}

std::optional<platform::PointSize> usable_bounds() {
  SDL_Rect usable{};
  if (SDL_GetDisplayUsableBounds(0, &usable) != 0) return std::nullopt;
  return platform::PointSize{usable.w, usable.h};
}
#endif

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error(what + ": " + SDL_GetError());
}

}  // namespace

Video open_video(const VideoRequest& request) {
  // The software renderer presents through the plain window framebuffer: SDL would otherwise
  // route it through an OpenGL texture, which costs ~40 ms at start and tens of MB.
  SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT);
  const char* asked = SDL_GetHint(SDL_HINT_RENDER_DRIVER);
  const std::string asked_driver = asked != nullptr ? asked : "";
#ifdef __EMSCRIPTEN__
  // The browser: WebGL draws on the page's one canvas (a probe would take that canvas), and the
  // window is the page, sized by it, with no decorations to leave room for.
  const platform::RendererChoice choice = asked_driver.empty()
                                              ? platform::RendererChoice::Accelerated
                                              : platform::RendererChoice::AsAsked;
  const platform::WindowFit fit =
      platform::fit_window(request.size_dp, request.scale, std::nullopt);
#else
  std::optional<std::string> gl_renderer;
  if (asked_driver.empty() && gpu_device_present()) gl_renderer = probe_gl_renderer();
  const platform::RendererChoice choice = platform::choose_renderer(asked_driver, gl_renderer);

  const platform::WindowFit fit = platform::fit_window(
      request.size_dp, request.scale, request.hidden ? std::nullopt : usable_bounds());
#endif
  Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI |
                 (request.hidden ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN);
  // Made GL-capable up front, so SDL does not destroy and recreate a shown window for the renderer.
  if (choice == platform::RendererChoice::Accelerated) flags |= SDL_WINDOW_OPENGL;
  Video video;
  video.window.reset(SDL_CreateWindow("Unknot", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                      fit.size.w, fit.size.h, flags));
  if (!video.window) fail("cannot open a window");
#ifndef __EMSCRIPTEN__
  platform::set_window_icon(video.window.get());
#endif
  SDL_SetWindowMinimumSize(video.window.get(), fit.minimum.w, fit.minimum.h);

  Uint32 renderer_flags = 0;  // AsAsked: SDL picks by the hint
  if (choice == platform::RendererChoice::Accelerated) renderer_flags = SDL_RENDERER_ACCELERATED;
  if (choice == platform::RendererChoice::Software) renderer_flags = SDL_RENDERER_SOFTWARE;
  video.renderer.reset(SDL_CreateRenderer(video.window.get(), -1, renderer_flags));
  if (!video.renderer && choice != platform::RendererChoice::Software) {
    video.renderer.reset(SDL_CreateRenderer(video.window.get(), -1, SDL_RENDERER_SOFTWARE));
  }
  if (!video.renderer) fail("cannot create a renderer");
  SDL_RendererInfo info{};
  if (SDL_GetRendererInfo(video.renderer.get(), &info) == 0 && info.name != nullptr) {
    video.renderer_name = info.name;
  }
  return video;
}

}  // namespace unknot::shell
