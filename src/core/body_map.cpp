#include "core/body_map.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <map>
#include <nlohmann/json.hpp>
#include <numbers>
#include <utility>

#include "core/json_fields.h"
#include "core/json_locator.h"
#include "core/routine_validation.h"

namespace unknot::core {
namespace {

using nlohmann::json;

constexpr float kBoxWidth = 100;
constexpr float kBoxHeight = 220;
constexpr std::size_t kMaxOutlineShapes = 40;
constexpr std::size_t kMaxZones = 200;
constexpr std::size_t kMaxZoneShapes = 8;
constexpr std::size_t kMaxLabelChars = 40;  // read aloud and shown under the figure

constexpr std::string_view kRootFields[] = {"format_version", "front_outline", "back_outline",
                                            "zones"};
constexpr std::string_view kZoneFields[] = {"id", "label", "view", "shapes"};
constexpr std::string_view kShapeFields[] = {"x", "y", "rx", "ry", "to_x", "to_y", "r"};
constexpr std::string_view kViews[] = {"front", "back"};

std::string number_text(float v) {
  std::string s = std::to_string(v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// A number in [min, max] (any number, not only whole ones); `limits` ends the message.
std::optional<float> read_number(FieldReader& r, const json& object, std::string_view key,
                                 double min, double max, std::string_view limits) {
  const auto it = object.find(std::string(key));
  if (it == object.end()) {
    (void)r.array(key, Need::Required, 0, 0);  // logs "missing" unless already suggested
    return std::nullopt;
  }
  if (!it->is_number()) {
    r.log().at_value(r.field(key), "must be a number (got " + describe(*it) + ")");
    return std::nullopt;
  }
  const double v = it->get<double>();
  if (!(v >= min && v <= max)) {
    r.log().at_value(r.field(key), "must be " + std::string(limits) + " (got " + describe(*it) + ")");
    return std::nullopt;
  }
  return static_cast<float>(v);
}

std::optional<BodyShape> read_shape(const json& value, const std::string& pointer,
                                    ProblemLog& log) {
  if (!value.is_object()) {
    log.at_value(pointer, "each shape must be an object { ... } (got " + describe(value) + ")");
    return std::nullopt;
  }
  const std::size_t before = log.count();
  FieldReader r(value, pointer, log);
  r.reject_unknown(kShapeFields);
  const bool capsule = r.has("to_x") || r.has("to_y") || r.has("r");
  BodyShape s;
  s.x = read_number(r, value, "x", 0, kBoxWidth, "between 0 and 100 (the figure box)").value_or(0);
  s.y = read_number(r, value, "y", 0, kBoxHeight, "between 0 and 220 (the figure box)").value_or(0);
  constexpr std::string_view kRadius = "more than 0 and at most 100";
  if (capsule) {
    for (std::string_view key : {"rx", "ry"}) {
      r.reject(key, "a capsule (with to_x, to_y and r) has no \"" + std::string(key) +
                        "\"; give an ellipse rx and ry, or a capsule to_x, to_y and r");
    }
    const float tx =
        read_number(r, value, "to_x", 0, kBoxWidth, "between 0 and 100 (the figure box)")
            .value_or(0);
    const float ty =
        read_number(r, value, "to_y", 0, kBoxHeight, "between 0 and 220 (the figure box)")
            .value_or(0);
    s.to = std::pair{tx, ty};
    s.rx = s.ry = read_number(r, value, "r", 1e-3, 100, kRadius).value_or(0);
  } else {
    s.rx = read_number(r, value, "rx", 1e-3, 100, kRadius).value_or(0);
    s.ry = read_number(r, value, "ry", 1e-3, 100, kRadius).value_or(0);
  }
  if (log.count() != before) return std::nullopt;
  const float min_x = std::min(s.x, s.to ? s.to->first : s.x) - s.rx;
  const float max_x = std::max(s.x, s.to ? s.to->first : s.x) + s.rx;
  const float min_y = std::min(s.y, s.to ? s.to->second : s.y) - s.ry;
  const float max_y = std::max(s.y, s.to ? s.to->second : s.y) + s.ry;
  if (min_x < 0 || max_x > kBoxWidth || min_y < 0 || max_y > kBoxHeight) {
    log.at_value(pointer, "reaches outside the figure box (x " + number_text(min_x) + " to " +
                              number_text(max_x) + ", y " + number_text(min_y) + " to " +
                              number_text(max_y) +
                              "); every shape must lie within x 0-100 and y 0-220");
    return std::nullopt;
  }
  return s;
}

std::optional<std::vector<BodyShape>> read_shapes(FieldReader& r, std::string_view key,
                                                  std::size_t max_items) {
  const json* items = r.array(key, Need::Required, 1, max_items);
  if (!items) return std::nullopt;
  std::vector<BodyShape> out;
  bool ok = true;
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto shape = read_shape((*items)[i], pointer_append(r.field(key), i), r.log());
    if (shape) {
      out.push_back(*shape);
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

bool is_zone_id(const std::string& s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::optional<BodyZone> read_zone(const json& value, const std::string& pointer, ProblemLog& log) {
  if (!value.is_object()) {
    log.at_value(pointer, "each zone must be an object { ... } (got " + describe(value) + ")");
    return std::nullopt;
  }
  const std::size_t before = log.count();
  FieldReader r(value, pointer, log);
  r.reject_unknown(kZoneFields);
  BodyZone zone;
  if (const auto it = value.find("id"); it == value.end()) {
    (void)r.text("id", Need::Required, 64);
  } else if (!it->is_string() || !is_zone_id(it->get_ref<const std::string&>())) {
    log.at_value(r.field("id"),
                 "must be 1-64 characters from a-z, 0-9 and _ (got " + describe(*it) + ")");
  } else {
    zone.id = it->get<std::string>();
  }
  zone.label = r.text("label", Need::Required, kMaxLabelChars).value_or("");
  const auto view = r.choice("view", Need::Required, kViews);
  zone.view = view && *view == "back" ? BodyView::Back : BodyView::Front;
  zone.shapes = read_shapes(r, "shapes", kMaxZoneShapes).value_or(std::vector<BodyShape>{});
  if (log.count() != before) return std::nullopt;
  return zone;
}

float shape_area(const BodyShape& s) {
  const float pi = std::numbers::pi_v<float>;
  if (!s.to) return pi * s.rx * s.ry;
  const float length = std::hypot(s.to->first - s.x, s.to->second - s.y);
  return pi * s.rx * s.rx + 2 * s.rx * length;
}

float zone_area(const BodyZone& z) {
  float sum = 0;
  for (const BodyShape& s : z.shapes) sum += shape_area(s);
  return sum;
}

BodyMapParseResult parse_checked(std::string_view text, std::string_view file) {
  BodyMapParseResult result;
  const auto document = read_json_document(text, file, "a body map", result.problems);
  if (!document) return result;
  const JsonLocator locator(text);
  ProblemLog log(file, locator);
  for (const auto& [pointer, where] : locator.duplicate_keys()) {
    log.at(pointer, where, "this field appears more than once in the same object; keep one");
  }
  if (!document->is_object()) {
    log.at_value("", "a body map must hold one JSON object { ... } (got " + describe(*document) +
                         ")");
    result.problems = log.take();
    return result;
  }
  BodyMap map;
  FieldReader r(*document, "", log);
  r.reject_unknown(kRootFields);
  (void)r.whole_number("format_version", Need::Required, 1, 1, "equal to 1");
  map.front_outline =
      read_shapes(r, "front_outline", kMaxOutlineShapes).value_or(std::vector<BodyShape>{});
  map.back_outline =
      read_shapes(r, "back_outline", kMaxOutlineShapes).value_or(std::vector<BodyShape>{});
  if (const json* zones = r.array("zones", Need::Required, 1, kMaxZones)) {
    std::map<std::string, std::string> seen;
    for (std::size_t i = 0; i < zones->size(); ++i) {
      const std::string pointer = pointer_append("/zones", i);
      auto zone = read_zone((*zones)[i], pointer, log);
      if (!zone) continue;
      if (const auto [it, fresh] = seen.emplace(zone->id, pointer); !fresh) {
        log.at_value(pointer + "/id", "zone id \"" + zone->id + "\" is already used by " +
                                          it->second + "; ids must be unique");
        continue;
      }
      map.zones.push_back(std::move(*zone));
    }
  }
  result.problems = log.take();
  if (result.problems.empty()) result.map = std::move(map);
  return result;
}

}  // namespace

bool BodyShape::contains(float px, float py) const {
  if (to) {
    // Distance from the point to the segment c1-c2, against the half-width.
    const float dx = to->first - x;
    const float dy = to->second - y;
    const float length2 = dx * dx + dy * dy;
    float t = length2 > 0 ? ((px - x) * dx + (py - y) * dy) / length2 : 0.0f;
    t = std::clamp(t, 0.0f, 1.0f);
    const float qx = x + t * dx - px;
    const float qy = y + t * dy - py;
    return qx * qx + qy * qy <= rx * rx;
  }
  if (rx <= 0 || ry <= 0) return false;
  const float u = (px - x) / rx;
  const float v = (py - y) / ry;
  return u * u + v * v <= 1.0f;
}

bool BodyZone::contains(float px, float py) const {
  return std::any_of(shapes.begin(), shapes.end(),
                     [&](const BodyShape& s) { return s.contains(px, py); });
}

const BodyZone* BodyMap::find(std::string_view id) const {
  const auto it =
      std::find_if(zones.begin(), zones.end(), [&](const BodyZone& z) { return z.id == id; });
  return it == zones.end() ? nullptr : &*it;
}

const std::vector<BodyShape>& BodyMap::outline(BodyView view) const {
  return view == BodyView::Front ? front_outline : back_outline;
}

bool BodyMap::on_figure(BodyView view, float x, float y) const {
  const auto& shapes = outline(view);
  return std::any_of(shapes.begin(), shapes.end(),
                     [&](const BodyShape& s) { return s.contains(x, y); });
}

const BodyZone* BodyMap::zone_at(BodyView view, float x, float y) const {
  const BodyZone* best = nullptr;
  float best_area = 0;
  for (const BodyZone& z : zones) {
    if (z.view != view || !z.contains(x, y)) continue;
    const float area = zone_area(z);
    if (!best || area < best_area) {
      best = &z;
      best_area = area;
    }
  }
  return best;
}

BodyMapParseResult parse_body_map(std::string_view text, std::string_view file) {
  try {
    return parse_checked(text, file);
  } catch (const std::exception& e) {
    BodyMapParseResult result;
    result.problems.push_back(
        {std::string(file), 0, 0, "", std::string("could not read the body map: ") + e.what()});
    return result;
  } catch (...) {
    BodyMapParseResult result;
    result.problems.push_back({std::string(file), 0, 0, "", "could not read the body map"});
    return result;
  }
}

}  // namespace unknot::core
