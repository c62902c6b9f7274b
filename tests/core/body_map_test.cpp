#include "core/body_map.h"

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace unknot::core;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

BodyMap shipped_map() {
  const auto path = std::filesystem::path(UNKNOT_SOURCE_DIR) / "assets" / "body_map.json";
  const auto result = parse_body_map(read_file(path), "body_map.json");
  std::string listing;
  for (const auto& p : result.problems) listing += "\n  " + p.to_string();
  INFO("problems:" << listing);
  REQUIRE(result.problems.empty());
  REQUIRE(result.map.has_value());
  return *result.map;
}

BodyShape ellipse(float x, float y, float rx, float ry) {
  BodyShape s;
  s.x = x;
  s.y = y;
  s.rx = rx;
  s.ry = ry;
  return s;
}

BodyShape capsule(float x, float y, float tx, float ty, float r) {
  BodyShape s = ellipse(x, y, r, r);
  s.to = std::pair{tx, ty};
  return s;
}

// Points on the edge of a shape (and its centre line), for "lies inside" checks.
std::vector<std::pair<float, float>> edge_points(const BodyShape& s) {
  std::vector<std::pair<float, float>> out;
  constexpr int kSteps = 48;
  const float shrink = 0.999f;  // float rounding on the very edge
  for (int k = 0; k < kSteps; ++k) {
    const float a = 2 * std::numbers::pi_v<float> * static_cast<float>(k) / kSteps;
    const float c = std::cos(a) * shrink;
    const float n = std::sin(a) * shrink;
    if (!s.to) {
      out.emplace_back(s.x + s.rx * c, s.y + s.ry * n);
      continue;
    }
    out.emplace_back(s.x + s.rx * c, s.y + s.rx * n);
    out.emplace_back(s.to->first + s.rx * c, s.to->second + s.rx * n);
    const float t = static_cast<float>(k) / kSteps;
    const float dx = s.to->first - s.x, dy = s.to->second - s.y;
    const float len = std::hypot(dx, dy);
    const float px = s.x + t * dx, py = s.y + t * dy;
    out.emplace_back(px - dy / len * s.rx * shrink, py + dx / len * s.rx * shrink);
    out.emplace_back(px + dy / len * s.rx * shrink, py - dx / len * s.rx * shrink);
  }
  return out;
}

// Shapes of a body map text, one member per line: zone '{' on line 5, id 6, label 7, view 8,
// shapes 9.
constexpr std::string_view kMap =
    "{\n"
    "  \"format_version\": 1,\n"
    "  \"front_outline\": [{\"x\": 50, \"y\": 110, \"rx\": 40, \"ry\": 100}],\n"
    "  \"back_outline\": [{\"x\": 50, \"y\": 110, \"rx\": 40, \"ry\": 100}],\n"
    "  \"zones\": [{\n"
    "    \"id\": \"temple_left\",\n"
    "    \"label\": \"Left temple\",\n"
    "    \"view\": \"front\",\n"
    "    \"shapes\": [{\"x\": 60, \"y\": 20, \"rx\": 3, \"ry\": 4}, {\"x\": 40, \"y\": 60, "
    "\"to_x\": 40, \"to_y\": 90, \"r\": 3}]\n"
    "  }]\n"
    "}\n";

std::string edit(std::string text, std::string_view from, std::string_view to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "not in the text: " << from);
  REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, "more than once: " << from);
  return text.replace(at, from.size(), to);
}

int column_of(std::string_view text, int line, std::string_view token) {
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) start = text.find('\n', start) + 1;
  const std::size_t end = text.find('\n', start);
  const auto at = text.substr(start, end - start).find(token);
  REQUIRE(at != std::string_view::npos);
  return static_cast<int>(at) + 1;
}

void check_only_problem(std::string_view text, std::string_view field, int line,
                        std::string_view token, std::string_view fragment) {
  const auto result = parse_body_map(text, "b.json");
  std::string listing;
  for (const auto& p : result.problems) listing += "\n  " + p.to_string();
  INFO("problems:" << listing);
  REQUIRE(result.problems.size() == 1);
  const ParseProblem& p = result.problems[0];
  CHECK(p.file == "b.json");
  CHECK(p.field == field);
  CHECK(p.line == line);
  CHECK(p.column == column_of(text, line, token));
  CHECK(p.message.find(fragment) != std::string::npos);
  CHECK_FALSE(result.map.has_value());
}

}  // namespace

TEST_CASE("an ellipse contains its inside and its edge, not beyond") {
  const BodyShape s = ellipse(50, 100, 10, 20);
  CHECK(s.contains(50, 100));
  CHECK(s.contains(60, 100));  // on the edge, along x
  CHECK(s.contains(50, 80));   // on the edge, along y
  CHECK_FALSE(s.contains(60.1f, 100));
  CHECK_FALSE(s.contains(50, 120.1f));
  CHECK_FALSE(s.contains(58, 115));  // inside the bounding box, outside the ellipse
  CHECK(s.contains(57, 114));
  CHECK_FALSE(ellipse(0, 0, 0, 0).contains(0, 0));
}

TEST_CASE("a capsule is a rounded segment") {
  const BodyShape s = capsule(10, 10, 10, 50, 4);
  CHECK(s.contains(10, 30));
  CHECK(s.contains(14, 30));
  CHECK_FALSE(s.contains(14.1f, 30));
  CHECK(s.contains(10, 6));  // the rounded end
  CHECK(s.contains(10, 54));
  CHECK_FALSE(s.contains(13.5f, 7));  // outside the round cap, inside the box
  CHECK_FALSE(s.contains(10, 54.1f));
  const BodyShape slanted = capsule(0, 0, 30, 40, 2);  // length 50
  CHECK(slanted.contains(15, 20));
  CHECK(slanted.contains(15 + 1.6f * 0.99f, 20 - 1.2f * 0.99f));  // 2 units off the axis
  CHECK_FALSE(slanted.contains(15 + 1.6f * 1.01f, 20 - 1.2f * 1.01f));
  const BodyShape dot = capsule(5, 5, 5, 5, 1);  // zero length: a circle
  CHECK(dot.contains(5.9f, 5));
  CHECK_FALSE(dot.contains(6.1f, 5));
}

TEST_CASE("zone_at picks the smallest zone under the point, in the right view") {
  BodyMap map;
  BodyZone big{"big", "Big", BodyView::Front, {ellipse(50, 50, 20, 20)}};
  BodyZone small{"small", "Small", BodyView::Front, {ellipse(55, 50, 4, 4)}};
  BodyZone back{"back", "Back", BodyView::Back, {ellipse(50, 50, 2, 2)}};
  map.zones = {big, small, back};
  REQUIRE(map.zone_at(BodyView::Front, 55, 50) != nullptr);
  CHECK(map.zone_at(BodyView::Front, 55, 50)->id == "small");
  CHECK(map.zone_at(BodyView::Front, 40, 50)->id == "big");
  CHECK(map.zone_at(BodyView::Front, 50, 50)->id == "big");
  CHECK(map.zone_at(BodyView::Back, 50, 50)->id == "back");
  CHECK(map.zone_at(BodyView::Back, 40, 50) == nullptr);
  CHECK(map.zone_at(BodyView::Front, 90, 90) == nullptr);
  // The union of a zone's shapes.
  BodyZone two{"two", "Two", BodyView::Front, {ellipse(10, 10, 2, 2), capsule(80, 10, 80, 30, 2)}};
  CHECK(two.contains(10, 11));
  CHECK(two.contains(81, 20));
  CHECK_FALSE(two.contains(40, 10));
  CHECK(map.find("small") != nullptr);
  CHECK(map.find("none") == nullptr);
}

TEST_CASE("the shipped body map: zones inside the figure, both sides, the listed regions") {
  const BodyMap map = shipped_map();
  CHECK(map.front_outline.size() >= 15);
  CHECK(map.back_outline.size() >= 15);
  std::set<std::string> ids;
  for (const BodyZone& z : map.zones) {
    CAPTURE(z.id);
    ids.insert(z.id);
    CHECK(z.label.size() <= 40);
    for (const BodyShape& s : z.shapes) {
      CHECK(map.on_figure(z.view, s.x, s.y));
      for (const auto& point : edge_points(s)) {
        const auto [x, y] = point;
        CAPTURE(point.first);
        CAPTURE(point.second);
        CHECK(map.on_figure(z.view, x, y));
      }
      // A zone is found where it lies (its centre is not covered by a smaller zone).
      const BodyZone* at = map.zone_at(z.view, s.x, s.y);
      REQUIRE(at != nullptr);
    }
    // Left and right come in pairs, mirrored about x = 50 in the same view.
    for (std::string_view side : {"_left", "_right"}) {
      if (!z.id.ends_with(side)) continue;
      const std::string other =
          z.id.substr(0, z.id.size() - side.size()) + (side == "_left" ? "_right" : "_left");
      const BodyZone* twin = map.find(other);
      REQUIRE(twin != nullptr);
      CHECK(twin->view == z.view);
      CHECK(twin->shapes[0].x == doctest::Approx(100 - z.shapes[0].x).epsilon(0.001));
    }
  }
  for (std::string_view base : {"temple",
                                "behind_eye",
                                "jaw",
                                "ear",
                                "side_of_neck",
                                "neck_shoulder",
                                "front_of_shoulder",
                                "back_of_shoulder",
                                "between_shoulder_blades",
                                "chest",
                                "upper_arm_outer",
                                "outer_elbow",
                                "forearm_back",
                                "hand",
                                "low_back",
                                "sacrum",
                                "buttock",
                                "hip_side",
                                "groin",
                                "front_thigh",
                                "outer_thigh",
                                "back_of_thigh",
                                "knee",
                                "back_of_knee",
                                "calf",
                                "heel",
                                "sole"}) {
    CAPTURE(base);
    CHECK(ids.count(std::string(base) + "_left") == 1);
    CHECK(ids.count(std::string(base) + "_right") == 1);
  }
  for (std::string_view id : {"top_of_head", "forehead", "back_of_head", "back_of_neck"}) {
    CHECK(ids.count(std::string(id)) == 1);
  }
}

TEST_CASE("the shipped body map: the person's left is on the viewer's right in front") {
  const BodyMap map = shipped_map();
  const BodyZone* front_left = map.find("temple_left");
  REQUIRE(front_left != nullptr);
  CHECK(front_left->view == BodyView::Front);
  CHECK(front_left->shapes[0].x > 50);
  const BodyZone* back_left = map.find("buttock_left");
  REQUIRE(back_left != nullptr);
  CHECK(back_left->view == BodyView::Back);
  CHECK(back_left->shapes[0].x < 50);
  // Taps in the middle of features find them.
  CHECK(map.zone_at(BodyView::Front, 50, 13)->id == "forehead");
  CHECK(map.zone_at(BodyView::Back, 50, 14)->id == "back_of_head");
  CHECK(map.zone_at(BodyView::Front, 50, 1) == nullptr);  // above the head
  CHECK_FALSE(map.on_figure(BodyView::Front, 50, 219));   // between the feet
}

TEST_CASE("body map: a shape radius of 0") {
  const std::string text = edit(std::string(kMap), "\"rx\": 3, \"ry\": 4", "\"rx\": 0, \"ry\": 4");
  check_only_problem(text, "/zones/0/shapes/0/rx", 9, "0, \"ry\"", "more than 0");
}

TEST_CASE("body map: a shape reaching outside the 100 x 220 box") {
  const std::string text =
      edit(std::string(kMap), "\"x\": 60, \"y\": 20, \"rx\": 3", "\"x\": 98, \"y\": 20, \"rx\": 3");
  check_only_problem(text, "/zones/0/shapes/0", 9, "{\"x\": 98", "outside the figure box");
}

TEST_CASE("body map: a centre outside the box") {
  const std::string text = edit(std::string(kMap), "\"to_y\": 90", "\"to_y\": 230");
  check_only_problem(text, "/zones/0/shapes/1/to_y", 9, "230", "between 0 and 220");
}

TEST_CASE("body map: a capsule with an ellipse radius") {
  const std::string text = edit(std::string(kMap), "\"r\": 3}", "\"r\": 3, \"rx\": 2}");
  check_only_problem(text, "/zones/0/shapes/1/rx", 9, "\"rx\": 2", "a capsule");
}

TEST_CASE("body map: a coordinate that is not a number") {
  const std::string text = edit(std::string(kMap), "\"x\": 60", "\"x\": \"60\"");
  check_only_problem(text, "/zones/0/shapes/0/x", 9, "\"60\"", "must be a number");
}

TEST_CASE("body map: an unknown shape field") {
  const std::string text = edit(std::string(kMap), "\"ry\": 4}", "\"ry\": 4, \"rz\": 1}");
  check_only_problem(text, "/zones/0/shapes/0/rz", 9, "\"rz\"", "did you mean");
}

TEST_CASE("body map: a zone id with a space") {
  const std::string text = edit(std::string(kMap), "\"temple_left\"", "\"temple left\"");
  check_only_problem(text, "/zones/0/id", 6, "\"temple left\"", "a-z, 0-9 and _");
}

TEST_CASE("body map: the same zone id twice") {
  std::string text(kMap);
  const auto open = text.find("{\n    \"id\"");
  const auto close = text.find("  }]") + 3;
  const std::string zone = text.substr(open, close - open);
  text.insert(close, ", " + zone);
  // The copy begins on line 10; its id is on line 11.
  check_only_problem(text, "/zones/1/id", 11, "\"temple_left\"", "already used by /zones/0");
}

TEST_CASE("body map: a label longer than 40 characters") {
  const std::string text =
      edit(std::string(kMap), "\"Left temple\"", "\"" + std::string(41, 'x') + "\"");
  check_only_problem(text, "/zones/0/label", 7, "\"xxx", "the limit is 40");
}

TEST_CASE("body map: a view other than front or back") {
  const std::string text = edit(std::string(kMap), "\"front\"", "\"side\"");
  check_only_problem(text, "/zones/0/view", 8, "\"side\"", "front or back");
}

TEST_CASE("body map: a zone without shapes") {
  std::string text(kMap);
  const auto from = text.find(",\n    \"shapes\"");
  const auto to = text.find("\n  }]");
  text.erase(from, to - from);
  check_only_problem(text, "/zones/0/shapes", 5, "{", "is required but missing");
}

TEST_CASE("body map: an unknown top-level field and a syntax error") {
  const std::string text = edit(std::string(kMap), "\"back_outline\"", "\"bak_outline\"");
  const auto result = parse_body_map(text, "b.json");
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].field == "/bak_outline");
  CHECK(result.problems[0].line == 4);
  CHECK(result.problems[0].column == 3);
  CHECK(result.problems[0].message.find("did you mean \"back_outline\"") != std::string::npos);

  const auto broken = parse_body_map(
      edit(std::string(kMap), "\"label\": \"Left temple\",", "\"label\": \"Left temple\""),
      "b.json");
  REQUIRE(broken.problems.size() == 1);
  CHECK(broken.problems[0].line == 8);
  CHECK(broken.problems[0].message.starts_with("not valid JSON"));
}
