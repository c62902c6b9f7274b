#include "app/catalog_entry.h"

namespace unknot::app {

CatalogEntry make_catalog_entry(core::Routine routine, const core::PatternLookup& lookup) {
  auto steps = core::expand(routine, lookup);
  auto timeline = std::make_shared<const core::Timeline>(std::move(steps), lookup);
  core::Routine original = routine;
  return CatalogEntry{
      std::move(routine), std::move(timeline), std::nullopt, std::move(original), {}};
}

}  // namespace unknot::app
