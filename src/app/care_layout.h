// Where things go on the settings screen, in dp (same rules as layout.h).
#pragma once

#include <vector>

#include "app/layout.h"
#include "app/model.h"

namespace unknot::app {}  // namespace unknot::app
