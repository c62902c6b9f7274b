// The muscle library and body map from the source tree's assets, for app and ui tests.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "app/model.h"
#include "core/body_map.h"
#include "core/muscle_library.h"

namespace unknot::test {

inline std::string asset_text(const std::string& name) {
  std::ifstream in(std::string(UNKNOT_SOURCE_DIR) + "/assets/" + name, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline std::shared_ptr<const core::MuscleLibrary> asset_library() {
  static const auto library = [] {
    auto parsed = core::parse_muscle_library(asset_text("muscles.json"), "muscles.json");
    REQUIRE(parsed.library);
    return std::make_shared<const core::MuscleLibrary>(std::move(*parsed.library));
  }();
  return library;
}

inline std::shared_ptr<const core::BodyMap> asset_body_map() {
  static const auto map = [] {
    auto parsed = core::parse_body_map(asset_text("body_map.json"), "body_map.json");
    REQUIRE(parsed.map);
    return std::make_shared<const core::BodyMap>(std::move(*parsed.map));
  }();
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
