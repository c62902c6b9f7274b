#!/usr/bin/env bash
# Speaks every cue in scripts/make-voice.sh with each candidate voice, unprocessed (the engine's
# own output, no filtering or normalising), then measures the candidates with measure_voice.py.
# This is what docs/voice-comparison.md was made with. Usage:
#   docs/voice/compare-voices.sh [WORK_DIR]     (default: a fresh temporary directory)
# Needs espeak-ng, flite, festival, festvox-us-slt-hts, festvox-kallpc16k, sox, ffmpeg, python3.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "${here}/../.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "${work}"

# The cue list as make-voice.sh has it: name|words[|respelling], one per line.
sed -n 's/^  "\([a-z_0-9]*|[^"]*\)"$/\1/p' "${repo}/scripts/make-voice.sh" >"${work}/phrases.txt"

# id|engine|settings|uses respellings (the espeak-ng respellings were written for espeak-ng)
candidates=(
  "espeak_m7|espeak-ng|-v en-us+m7 -s 120 -p 32|yes"
  "espeak_m3|espeak-ng|-v en-us+m3 -s 135 -p 45|yes"
  "espeak_f3|espeak-ng|-v en-us+f3 -s 135 -p 55|yes"
  "flite_slt|flite|-voice slt|no"
  "flite_awb|flite|-voice awb|no"
  "flite_rms|flite|-voice rms|no"
  "flite_kal16|flite|-voice kal16|no"
  "festival_slt_hts|festival|(voice_cmu_us_slt_arctic_hts)|no"
  "festival_slt_hts_r085|festival|(voice_cmu_us_slt_arctic_hts) (set! hts_engine_params (append hts_engine_params (list (list \"-r\" 0.85))))|no"
  "festival_kal|festival|(voice_kal_diphone)|no"
)

for cand in "${candidates[@]}"; do
  IFS='|' read -r id engine settings respell <<<"${cand}"
  dir="${work}/${id}"
  mkdir -p "${dir}"
  while IFS='|' read -r name words respelling; do
    text="${words}"
    [[ "${respell}" == yes && -n "${respelling}" ]] && text="${respelling}"
    case "${engine}" in
      espeak-ng)
        # shellcheck disable=SC2086  # the settings are separate options
        espeak-ng ${settings} -w "${dir}/${name}.wav" "${text}" ;;
      flite)
        # shellcheck disable=SC2086
        flite ${settings} -t "${text}" -o "${dir}/${name}.wav" ;;
      festival)
        printf '%s\n' "${text}" |
          text2wave -eval "(begin ${settings})" -o "${dir}/${name}.wav" ;;
    esac
  done <"${work}/phrases.txt"
  echo "${id}: ${engine} ${settings}" >&2
done

# The clips shipped today, decoded, for reference.
mkdir -p "${work}/shipped"
for f in "${repo}"/assets/audio/*.ogg; do
  ffmpeg -loglevel error -y -i "${f}" "${work}/shipped/$(basename "${f}" .ogg).wav"
done

ids=()
for cand in "${candidates[@]}"; do ids+=("${cand%%|*}"); done
nice python3 "${here}/measure_voice.py" "${work}" shipped "${ids[@]}"
