// Which SDL renderer the desktop app draws with, decided from what was measured about the
// machine. Pure std: the shell gathers the facts (hint, GPU device, GL_RENDERER) with SDL.
#pragma once

#include <optional>
#include <string_view>

namespace unknot::platform {

enum class RendererChoice {
  AsAsked,      // the person set SDL_RENDER_DRIVER (or the hint): SDL picks by it
  Accelerated,  // a real GPU: SDL's accelerated renderer
  Software,     // no GPU, or GL is a CPU rasteriser: SDL's software renderer
};

// Whether a GL_RENDERER string names a rasteriser that runs on the CPU (Mesa's llvmpipe,
// softpipe and swrast, SwiftShader, Windows' GDI Generic and Basic Render Driver, Apple's
// Software Renderer). Case-insensitive.
bool is_software_rasteriser(std::string_view gl_renderer);

// The renderer to create. `asked_driver` is SDL_RENDER_DRIVER or the hint, empty when unset;
// `gl_renderer` is GL_RENDERER from a probe context, nullopt when no GL context could be made
// (or it was not worth probing because the machine shows no GPU device).
// Under a software rasteriser the GL renderer costs ~90 MB more memory and more CPU than SDL's
// own software renderer for the same pixels, so only a real GPU gets it.
RendererChoice choose_renderer(std::string_view asked_driver,
                               std::optional<std::string_view> gl_renderer);

}  // namespace unknot::platform
