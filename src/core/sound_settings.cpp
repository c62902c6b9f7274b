#include "core/sound_settings.h"

namespace unknot::core {

std::string_view ambient_name(AmbientKind kind) {
  switch (kind) {
    case AmbientKind::Off: return "off";
    case AmbientKind::BrownNoise: return "brown_noise";
    case AmbientKind::Ocean: return "ocean";
  }
  return "off";
}

}  // namespace unknot::core
