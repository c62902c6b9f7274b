#include "desktop/renderer_choice.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace unknot::platform {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Fragments of GL_RENDERER strings of CPU rasterisers, lower case. "Software Rasterizer" is
// Mesa's classic swrast; virtual GPUs (virgl, VMware SVGA3D) do reach real hardware.
constexpr std::array<std::string_view, 8> kSoftwareNames{
    "llvmpipe",    "softpipe",    "swrast",       "software rasterizer",
    "swiftshader", "gdi generic", "basic render", "apple software renderer",
};

}  // namespace

bool is_software_rasteriser(std::string_view gl_renderer) {
  const std::string name = lower(gl_renderer);
  return std::any_of(kSoftwareNames.begin(), kSoftwareNames.end(),
                     [&name](std::string_view s) { return name.find(s) != std::string::npos; });
}

RendererChoice choose_renderer(std::string_view asked_driver,
                               std::optional<std::string_view> gl_renderer) {
  if (!asked_driver.empty()) return RendererChoice::AsAsked;
  // An empty GL_RENDERER means the probe context answered nothing useful: trust no GPU.
  if (!gl_renderer || gl_renderer->empty() || is_software_rasteriser(*gl_renderer)) {
    return RendererChoice::Software;
  }
  return RendererChoice::Accelerated;
}

}  // namespace unknot::platform
