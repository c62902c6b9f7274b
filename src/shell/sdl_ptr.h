// One owning handle for every SDL object the shell holds (window, renderer, texture, haptic):
// std::unique_ptr with the SDL function that frees it. SDL only; no Unknot types.
#pragma once

#include <SDL.h>

#include <memory>

namespace unknot::shell {

// Calls `Free` on a non-null handle.
template <class T, void (*Free)(T*)>
struct SdlFree {
  void operator()(T* handle) const {
    if (handle != nullptr) Free(handle);
  }
};

template <class T, void (*Free)(T*)>
using SdlPtr = std::unique_ptr<T, SdlFree<T, Free>>;

using WindowPtr = SdlPtr<SDL_Window, SDL_DestroyWindow>;
using RendererPtr = SdlPtr<SDL_Renderer, SDL_DestroyRenderer>;
using TexturePtr = SdlPtr<SDL_Texture, SDL_DestroyTexture>;
using SurfacePtr = SdlPtr<SDL_Surface, SDL_FreeSurface>;
using HapticPtr = SdlPtr<SDL_Haptic, SDL_HapticClose>;
using GlContextPtr = SdlPtr<void, SDL_GL_DeleteContext>;

}  // namespace unknot::shell
