// The body map: a front and a back view of a figure, drawn from simple vector shapes so it is
// crisp at any size, with named zones a person can tap ("temple", "between the shoulder
// blades"). Coordinates are in a figure box 100 wide and 220 tall per view. Loaded from
// assets/body_map.json. Pure.
//
// Conventions: x runs 0-100 left to right and y 0-220 top to bottom, in each view's own box.
// Zone ids end in _left / _right for the PERSON's side: on the front view the person's right
// side is on the viewer's left (x < 50); on the back view the person's left is on the
// viewer's left. Midline zones ("forehead", "back_of_neck") have no suffix.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/routine_parser.h"

namespace unknot::core {

enum class BodyView { Front, Back };

// An ellipse, or a capsule when it has a second centre (a rounded segment from c1 to c2).
struct BodyShape {
  float x = 0, y = 0;    // centre
  float rx = 0, ry = 0;  // radii (a capsule uses rx as its half-width)
  std::optional<std::pair<float, float>> to;  // capsule's second centre
  bool contains(float px, float py) const;
};

struct BodyZone {
  std::string id;      // "temple_left"
  std::string label;   // "Left temple"
  BodyView view = BodyView::Front;
  std::vector<BodyShape> shapes;  // the zone is their union
  bool contains(float px, float py) const;
};

struct BodyMap {
  std::vector<BodyShape> front_outline, back_outline;  // the figure's silhouette
  std::vector<BodyZone> zones;
  const BodyZone* find(std::string_view id) const;
  const std::vector<BodyShape>& outline(BodyView view) const;
  // Whether a point lies on the figure's silhouette in that view.
  bool on_figure(BodyView view, float x, float y) const;
  // The zone under a point of a view (figure coordinates); the smallest when several overlap.
  const BodyZone* zone_at(BodyView view, float x, float y) const;
};

struct BodyMapParseResult {
  std::optional<BodyMap> map;
  std::vector<ParseProblem> problems;
};

BodyMapParseResult parse_body_map(std::string_view text, std::string_view file);

}  // namespace unknot::core
