# The browser build's libraries, as imported targets with the names the native build gets from
# find_package, so the layers' CMakeLists do not care which build they are in. They come from
# UNKNOT_WEB_DEPS (scripts/web-deps.sh's prefix: static wasm libraries built from Debian's
# sources) and UNKNOT_WEB_HEADERS (header-only libraries copied from Debian's packages).
set(UNKNOT_WEB_DEPS "" CACHE PATH "Prefix of the wasm libraries (scripts/web-deps.sh)")
set(UNKNOT_WEB_HEADERS "" CACHE PATH "Header-only libraries for the web build (nlohmann)")
if(NOT EXISTS "${UNKNOT_WEB_DEPS}/lib/libSDL2.a")
  message(FATAL_ERROR "UNKNOT_WEB_DEPS must name scripts/web-deps.sh's prefix; use scripts/build-web.sh")
endif()

function(unknot_web_library name file)
  add_library(${name} STATIC IMPORTED GLOBAL)
  set_target_properties(${name} PROPERTIES IMPORTED_LOCATION "${UNKNOT_WEB_DEPS}/lib/${file}"
    INTERFACE_INCLUDE_DIRECTORIES "${UNKNOT_WEB_DEPS}/include;${UNKNOT_WEB_DEPS}/include/SDL2")
  if(ARGN)
    set_target_properties(${name} PROPERTIES INTERFACE_LINK_LIBRARIES "${ARGN}")
  endif()
endfunction()

unknot_web_library(Web::ogg libogg.a)
unknot_web_library(Web::vorbis libvorbis.a Web::ogg)
unknot_web_library(Web::vorbisfile libvorbisfile.a Web::vorbis)
unknot_web_library(Web::freetype libfreetype.a)
unknot_web_library(SDL2::SDL2 libSDL2.a)
unknot_web_library(SDL2_mixer::SDL2_mixer libSDL2_mixer.a "SDL2::SDL2;Web::vorbisfile")
unknot_web_library(SDL2_ttf::SDL2_ttf libSDL2_ttf.a "SDL2::SDL2;Web::freetype")
unknot_web_library(SQLite::SQLite3 libsqlite3.a)
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED GLOBAL)
set_target_properties(nlohmann_json::nlohmann_json PROPERTIES
  INTERFACE_INCLUDE_DIRECTORIES "${UNKNOT_WEB_HEADERS}")
