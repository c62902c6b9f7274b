#include "desktop/renderer_choice.h"

#include <doctest/doctest.h>

namespace unknot::platform {

TEST_CASE("a renderer the person asked for through SDL_RENDER_DRIVER is always respected") {
  CHECK(choose_renderer("software", "AMD Radeon RX 6600") == RendererChoice::AsAsked);
  CHECK(choose_renderer("opengl", "llvmpipe (LLVM 15.0.6, 256 bits)") == RendererChoice::AsAsked);
  CHECK(choose_renderer("opengl", std::nullopt) == RendererChoice::AsAsked);
}

TEST_CASE("Mesa's and other CPU rasterisers get the software renderer") {
  for (const char* name :
       {"llvmpipe (LLVM 15.0.6, 256 bits)", "softpipe", "Software Rasterizer", "Mesa X11 swrast",
        "SwiftShader Device (Subzero)", "GDI Generic", "Microsoft Basic Render Driver",
        "Apple Software Renderer", "LLVMPIPE"}) {
    CAPTURE(name);
    CHECK(is_software_rasteriser(name));
    CHECK(choose_renderer("", name) == RendererChoice::Software);
  }
}

TEST_CASE("a real or virtual GPU gets the accelerated renderer") {
  for (const char* name :
       {"AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)",
        "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", "NVIDIA GeForce GTX 1060/PCIe/SSE2",
        "virgl (Intel(R) Iris(R) Xe Graphics)", "Apple M1"}) {
    CAPTURE(name);
    CHECK_FALSE(is_software_rasteriser(name));
    CHECK(choose_renderer("", name) == RendererChoice::Accelerated);
  }
}

TEST_CASE("without a GL context, or with an empty GL_RENDERER, the renderer is software") {
  CHECK(choose_renderer("", std::nullopt) == RendererChoice::Software);
  CHECK(choose_renderer("", "") == RendererChoice::Software);
}

}  // namespace unknot::platform
