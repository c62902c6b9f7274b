#include "app/care_layout.h"

#include <algorithm>
#include <cmath>

namespace unknot::app {}  // namespace unknot::app
