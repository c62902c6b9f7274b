#include "core/psfs.h"

#include <doctest/doctest.h>

#include <string>

namespace unknot::core {
namespace {
using namespace std::chrono;

constexpr Day kStart = sys_days{2026y / November / 2};

}  // namespace

TEST_CASE("each activity runs from its first rating to its latest, in the order first rated") {
  const std::vector<PsfsRating> ratings{
      {kStart + days{14}, 1, "Reaching up", 6},
      {kStart, 2, "Carrying shopping", 3},
      {kStart, 1, "Reaching up", 2},
      {kStart + days{14}, 2, "carrying shopping ", 4},
      {kStart + days{28}, 1, "Reaching up", 7},
  };
  const auto trends = psfs_trends(ratings);
  REQUIRE(trends.size() == 2);
  CHECK(trends[0].activity == "Reaching up");
  CHECK(trends[0].first == 2);
  CHECK(trends[0].latest == 7);
  CHECK(trends[0].latest_day == kStart + days{28});
  CHECK(trends[0].ratings == 3);
  CHECK(trends[0].change() == 5);
  CHECK(trends[0].passes_mdc());
  // Case and surrounding spaces do not make another activity; the first spelling is kept.
  CHECK(trends[1].activity == "Carrying shopping");
  CHECK(trends[1].change() == 1);
  CHECK_FALSE(trends[1].passes_mdc());
}

TEST_CASE("the minimal detectable change is 2 points either way, and needs two ratings") {
  const auto change_of = [](int first, int latest) {
    const std::vector<PsfsRating> r{{kStart, 1, "Walking", first},
                                    {kStart + days{14}, 1, "Walking", latest}};
    return psfs_trends(r).front();
  };
  CHECK(change_of(3, 5).passes_mdc());
  CHECK_FALSE(change_of(3, 4).passes_mdc());
  CHECK(change_of(6, 4).passes_mdc());
  CHECK(change_of(6, 4).change() == -2);
  CHECK_FALSE(change_of(6, 5).passes_mdc());
  const std::vector<PsfsRating> once{{kStart, 1, "Walking", 0}};
  CHECK_FALSE(psfs_trends(once).front().passes_mdc());
}

TEST_CASE("ratings outside 0-10 are ignored") {
  const std::vector<PsfsRating> r{{kStart, 1, "Walking", 11}, {kStart + days{1}, 1, "Walking", 4}};
  const auto trends = psfs_trends(r);
  REQUIRE(trends.size() == 1);
  CHECK(trends[0].ratings == 1);
  CHECK(trends[0].first == 4);
}

TEST_CASE("an activity's name is one line of 1 to 60 characters") {
  CHECK_FALSE(psfs_activity_problem("Lifting my daughter").has_value());
  CHECK(psfs_activity_problem("   ").value().find("needs a name") != std::string::npos);
  CHECK(psfs_activity_problem("Two\nlines").value().find("one line") != std::string::npos);
  CHECK_FALSE(psfs_activity_problem(std::string(60, 'a')).has_value());
  CHECK(psfs_activity_problem(std::string(61, 'a')).value().find("61 characters") !=
        std::string::npos);
  // Characters, not bytes: 60 accented letters are fine.
  std::string accented;
  for (int i = 0; i < 60; ++i) accented += "\xC3\xA9";
  CHECK_FALSE(psfs_activity_problem(accented).has_value());
  CHECK(psfs_trimmed("  Gardening\t") == "Gardening");
  CHECK(same_psfs_activity("Gardening", " gardening"));
}

}  // namespace unknot::core
