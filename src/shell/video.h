// The desktop window and its renderer: sized to fit the display, drawn by the renderer that is
// cheapest for this machine (see desktop/renderer_choice.h). SDL and platform only.
#pragma once

#include <string>

#include "desktop/window_fit.h"
#include "shell/sdl_ptr.h"

namespace unknot::shell {

struct VideoRequest {
  platform::PointSize size_dp;  // the window's content size in dp
  float scale = 1;              // points per dp (--scale)
  bool hidden = false;          // tests and benchmarks: never shown, and not fitted to a display
};

struct Video {
  WindowPtr window;
  RendererPtr renderer;
  std::string renderer_name;  // SDL's name for it: "software", "opengl", …
};

// Requires SDL video to be initialised. Creates the window (never larger than the display's
// usable bounds, with a minimum size) and a renderer: the one SDL_RENDER_DRIVER names if set,
// else an accelerated one only on a real GPU, else SDL's software renderer, which then presents
// through the window framebuffer so libGL is never loaded. Throws std::runtime_error with
// SDL's message if no window or renderer can be made.
Video open_video(const VideoRequest& request);

}  // namespace unknot::shell
