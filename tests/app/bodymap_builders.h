// The muscle library and body map from the source tree's assets, for app and ui tests.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "app/model.h"
#include "core/body_map.h"
#include "core/content_language.h"
#include "core/muscle_library.h"
#include "core/translate.h"

namespace unknot::test {

inline std::string asset_text(const std::string& name) {
  std::ifstream in(std::string(UNKNOT_SOURCE_DIR) + "/assets/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The asset library and body map in the current language (core/translate.h), as the app reads
// them: read once per language.
inline std::shared_ptr<const core::MuscleLibrary> asset_library() {
  static std::map<std::string, std::shared_ptr<const core::MuscleLibrary>> read;
  auto& library = read[core::current_language()];
  if (!library) {
    auto parsed = core::parse_muscle_library(asset_text("muscles.json"), "muscles.json");
    REQUIRE(parsed.library);
    core::translate_muscle_library(*parsed.library);
    library = std::make_shared<const core::MuscleLibrary>(std::move(*parsed.library));
  }
  return library;
}

inline std::shared_ptr<const core::BodyMap> asset_body_map() {
  static std::map<std::string, std::shared_ptr<const core::BodyMap>> read;
  auto& map = read[core::current_language()];
  if (!map) {
    auto parsed = core::parse_body_map(asset_text("body_map.json"), "body_map.json");
    REQUIRE(parsed.map);
    core::translate_body_map(*parsed.map);
    map = std::make_shared<const core::BodyMap>(std::move(*parsed.map));
  }
  return map;
}

// Index of a zone in the asset map.
inline int zone_of(const std::string& id) {
  const auto map = asset_body_map();
  const auto* z = map->find(id);
  REQUIRE(z != nullptr);
  return static_cast<int>(z - map->zones.data());
}

}  // namespace unknot::test
