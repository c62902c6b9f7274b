#!/usr/bin/env bash
# Regenerates the spoken cues in assets/audio/ (say_*.ogg, side_*.ogg, muscle_*.ogg) with
# espeak-ng, sox and oggenc. The words must match the on-screen captions exactly (core::caption;
# a step announcement is side_<side> then muscle_<id>, the step's heading). Usage:
#   scripts/make-voice.sh [OUTPUT_DIR]      (default: assets/audio next to this script)
# Voice settings can be overridden for auditioning: UNKNOT_VOICE, UNKNOT_VOICE_WPM,
# UNKNOT_VOICE_PITCH.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out_dir="${1:-${script_dir}/../assets/audio}"

# A low, unhurried American male variant. Of the stock espeak-ng voices measured, it keeps the
# most body (100 Hz - 1 kHz) against hiss (3 - 8 kHz) without muffling the consonants, and does
# not clip (darker variants blurred "Switch sides"; some deeper ones clipped).
# Slower and lower than espeak's defaults (175 wpm, pitch 50).
voice="${UNKNOT_VOICE:-en-us+m7}"
wpm="${UNKNOT_VOICE_WPM:-120}"
pitch="${UNKNOT_VOICE_PITCH:-32}"
sample_rate=24000   # espeak-ng speaks at 22.05 kHz; more would only grow the files
peak_db=-6          # design.md "Sound": voice peaks about -6 dBFS

install_missing() {
  local missing=()
  command -v espeak-ng >/dev/null || missing+=(espeak-ng)
  command -v sox >/dev/null || missing+=(sox)
  command -v oggenc >/dev/null || missing+=(vorbis-tools)
  ((${#missing[@]} == 0)) && return 0
  local sudo=()
  [[ "$(id -u)" -eq 0 ]] || sudo=(sudo)
  echo "Installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update
  "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

# name|words[|respelling]: the words are the caption, spoken exactly. espeak-ng reads some Latin
# muscle names with English rules ("supra-SPIN-atus"); a respelling, when given, is what it
# is fed instead, so it says them as clinicians do while the caption keeps the real spelling.
phrases=(
  "say_breathe_in|Breathe in"
  "say_breathe_out|Breathe out"
  "say_switch_sides|Switch sides"
  "say_release|Release"
  "say_session_complete|Session complete"
  "say_hold|Hold"
  "say_top_up|A little more"
  "say_three|Three"
  "say_two|Two"
  "say_one|One"
  "say_gentle|Gently: low and slow, not big"
  "say_belly_hand|One hand on your belly, one on your chest"
  "say_go_lighter|Not easing after ten seconds? Go lighter."
  # A step announcement: the side word, a short gap, then the muscle (CueRenderer joins them).
  "side_left|Left"
  "side_right|Right"
  "muscle_upper_trapezius|upper trapezius"
  "muscle_middle_trapezius|middle trapezius"
  "muscle_levator_scapulae|levator scapulae"
  # The built-in routine titles this step "Base of the skull"; say what the caption shows.
  "muscle_suboccipitals|base of the skull"
  "muscle_sternocleidomastoid|sternocleidomastoid|sterno-klydo-mastoid"
  "muscle_masseter|masseter"
  "muscle_temporalis|temporalis"
  "muscle_supraspinatus|supraspinatus|soopra-spynaytus"
  "muscle_infraspinatus|infraspinatus|infra-spy-naytus"
  "muscle_pectoralis_minor|pectoralis minor"
  "muscle_forearm_extensors|forearm extensors"
  "muscle_quadratus_lumborum|quadratus lumborum|kwod-raytus lumborum"
  "muscle_gluteus_medius|gluteus medius"
  "muscle_gluteus_minimus|gluteus minimus"
  "muscle_piriformis|piriformis|pirri-formis"
  "muscle_iliopsoas|iliopsoas|illy-oh-so-us"
  "muscle_tensor_fasciae_latae|tensor fasciae latae|tensor fashee-ee lay-tee"
  "muscle_rectus_femoris|rectus femoris"
  "muscle_gastrocnemius|gastrocnemius"
  "muscle_soleus|soleus"
  "muscle_plantar_intrinsics|plantar intrinsics"
)

install_missing
mkdir -p "${out_dir}"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

for entry in "${phrases[@]}"; do
  IFS='|' read -r name words respelling <<<"${entry}"
  espeak-ng -v "${voice}" -s "${wpm}" -p "${pitch}" -w "${work}/${name}.raw.wav" \
    "${respelling:-${words}}"
  # Pass 1: cut leading and trailing silence so the word starts on the cue's frame; take
  # the edge off espeak's buzzy top end and the rumble below the voice.
  sox -R "${work}/${name}.raw.wav" "${work}/${name}.trim.wav" \
    silence 1 0.005 0.1% reverse silence 1 0.005 0.1% reverse \
    highpass 70 treble -4 4500
  # Pass 2 (the length is known now, so the fade can find the end): mono at the target rate,
  # 10 ms fades so neither edge clicks, peak normalised.
  sox -R "${work}/${name}.trim.wav" -b 16 "${work}/${name}.wav" \
    channels 1 rate -v "${sample_rate}" fade h 0.01 -0 0.01 norm "${peak_db}"
  # Fixed dither seed (-R) and stream serial: a rerun with the same tools is byte-identical.
  oggenc --quiet -q 3 --serial 1 -o "${out_dir}/${name}.ogg" "${work}/${name}.wav"
  printf '%-32s %6d bytes  "%s"\n' "${name}.ogg" "$(stat -c %s "${out_dir}/${name}.ogg")" "${words}"
done
