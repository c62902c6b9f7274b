#include "core/sound_settings.h"

namespace unknot::core {

std::string_view ambient_name(AmbientKind kind) {
  switch (kind) {
    case AmbientKind::Off:
      return "off";
    case AmbientKind::BrownNoise:
      return "brown_noise";
    case AmbientKind::Ocean:
      return "ocean";
  }
  return "off";
}

std::string_view sound_set_name(SoundSet set) {
  switch (set) {
    case SoundSet::Chimes:
      return "chimes";
    case SoundSet::Bowls:
      return "bowls";
    case SoundSet::Pads:
      return "pads";
  }
  return "chimes";
}

}  // namespace unknot::core
