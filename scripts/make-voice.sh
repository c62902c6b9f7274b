#!/usr/bin/env bash
# Regenerates the spoken cues in assets/audio/ (say_*.ogg, side_*.ogg, muscle_*.ogg, step_*.ogg)
# with Festival's HTS voice cmu_us_slt_arctic_hts, sox, ffmpeg and oggenc, and writes the exact
# package versions used to assets/audio/VOICE-VERSIONS.txt. The words must match the on-screen
# captions exactly (core::caption; a step announcement is side_<side> then muscle_<id>, the
# step's heading). Why this voice: docs/voice-comparison.md. Usage:
#   scripts/make-voice.sh [OUTPUT_DIR]      (default: assets/audio next to this script)
#   scripts/make-voice.sh --lang es [DIR]   another language's set (default: assets/audio/es):
#       the same clips, saying the catalog's translation of each caption (scripts/voice_words.py
#       reads po/es.po), spoken by espeak-ng's Latin American Spanish voice (Debian has no
#       better free Spanish voice: no Spanish Festival HTS voice, MBROLA is non-free); the words
#       are written beside the clips as WORDS.txt, which the app and the tests read.
# Every clip is trimmed, faded (8 ms each end), set to -23 LUFS integrated with a true peak of
# at most -3 dBTP, and checked after encoding (loudness, true peak, silent first and last
# 2 ms); the script fails if a check does not hold.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lang=en
if [[ "${1:-}" == --lang ]]; then
  lang="${2:?--lang needs a language code}"
  shift 2
fi
if [[ "${lang}" == en ]]; then
  out_dir="${1:-${script_dir}/../assets/audio}"
else
  out_dir="${1:-${script_dir}/../assets/audio/${lang}}"
fi

# Fixed settings: a rerun with the same package versions gives the same files.
voice="cmu_us_slt_arctic_hts"
speed=0.85          # hts_engine -r: below 1 is slower; 0.85 gives about 3.2 syllables a second
sample_rate=24000   # the voice is rendered at 32 kHz; 24 kHz keeps the sibilants (to 12 kHz)
fade_s=0.008
target_lufs=-23
max_true_peak=-3    # dBTP
max_spread_lu=2
max_edge_db=-30     # the first and last 2 ms start and end near silence
min_measure_s=0.4   # EBU R128 integrates 400 ms blocks; shorter clips are padded for measuring
packages=(festival festvox-us-slt-hts festlex-cmu festlex-poslex sox vorbis-tools ffmpeg)
# Another language: espeak-ng's voice for it, at a calm pace (words a minute) and a lower pitch.
espeak_voice="es-419"
espeak_speed=135
espeak_pitch=40
if [[ "${lang}" != en ]]; then
  packages=(espeak-ng python3 sox vorbis-tools ffmpeg)
fi

install_missing() {
  local missing=() pkg
  for pkg in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "${pkg}" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("${pkg}")
  done
  ((${#missing[@]} == 0)) && return 0
  local sudo=()
  [[ "$(id -u)" -eq 0 ]] || sudo=(sudo)
  echo "Installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update
  "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

# name|words[|respelling]: the words are the caption, spoken exactly; a respelling, when given,
# is what the synthesiser is fed instead. The Latin muscle names need none with this voice:
# the lexicon below tells Festival how clinicians say them.
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
  "muscle_sternocleidomastoid|sternocleidomastoid"
  "muscle_masseter|masseter"
  "muscle_temporalis|temporalis"
  "muscle_supraspinatus|supraspinatus"
  "muscle_infraspinatus|infraspinatus"
  "muscle_pectoralis_minor|pectoralis minor"
  "muscle_forearm_extensors|forearm extensors"
  "muscle_quadratus_lumborum|quadratus lumborum"
  "muscle_gluteus_medius|gluteus medius"
  "muscle_gluteus_minimus|gluteus minimus"
  "muscle_piriformis|piriformis"
  "muscle_iliopsoas|iliopsoas"
  "muscle_tensor_fasciae_latae|tensor fasciae latae"
  "muscle_rectus_femoris|rectus femoris"
  "muscle_gastrocnemius|gastrocnemius"
  "muscle_soleus|soleus"
  "muscle_plantar_intrinsics|plantar intrinsics"
  # Said after a repeated step's muscle name: "Left, upper trapezius, second round".
  "step_second_round|second round"
  "step_third_round|third round"
)

# "word: syllables" in Festival's CMU phone set, syllables separated by " . "; a leading '
# marks the stressed syllable. (Not "word|...": that is the cue list's form, which
# tests/audio/voice_bank_test.cpp reads.) Without these, Festival's letter-to-sound rules
# say e.g. "TRAP-zee-is", "GLUH-tee-us", "suh-LEH-us". Stress as in US clinical use
# (muh-SEE-ter, pek-tuh-RAL-is).
lexicon=(
  "trapezius: t r ax . 'p iy . z iy . ax s"
  "levator: l ax . 'v ey . t er"
  "scapulae: 's k ae p . y uw . l iy"
  "sternocleidomastoid: s t er . n ow . k l ay . d ow . 'm ae s . t oy d"
  "masseter: m ax . 's iy . t er"
  "temporalis: t eh m . p ax . 'r ae . l ih s"
  "supraspinatus: s uw . p r ax . s p ay . 'n ey . t ax s"
  "infraspinatus: ih n . f r ax . s p ay . 'n ey . t ax s"
  "pectoralis: p eh k . t ax . 'r ae . l ih s"
  "forearm: 'f ao r . aa r m"
  "extensors: ih k . 's t eh n . s er z"
  "quadratus: k w aa . 'd r ey . t ax s"
  "lumborum: l ah m . 'b ao . r ax m"
  "gluteus: 'g l uw . t iy . ax s"
  "medius: 'm iy . d iy . ax s"
  "minimus: 'm ih . n ih . m ax s"
  "piriformis: p ih . r ih . 'f ao r . m ih s"
  "iliopsoas: ih . l iy . ow . 's ow . ax s"
  "tensor: 't eh n . s er"
  "fasciae: 'f ae . sh iy . iy"
  "latae: 'l ey . t iy"
  "femoris: 'f eh . m ax . r ih s"
  "gastrocnemius: g ae s . t r aa k . 'n iy . m iy . ax s"
  "soleus: 's ow . l iy . ax s"
)

# One lexicon entry as Scheme: ("word" nil (((p h o n e s) stress) ...)).
lex_entry() {
  local word="$1" syllables="$2" syl out=""
  local IFS='.'
  for syl in ${syllables}; do
    syl="${syl#"${syl%%[! ]*}"}"   # trim the spaces around the syllable
    syl="${syl%"${syl##*[! ]}"}"
    if [[ "${syl}" == "'"* ]]; then
      out+="((${syl#\'}) 1) "
    else
      out+="((${syl}) 0) "
    fi
  done
  printf '(lex.add.entry (quote ("%s" nil (%s))))\n' "${word}" "${out% }"
}

# Integrated loudness and true peak of a file, as "LUFS dBTP", padded to min_measure_s.
loudness() {
  local report
  report="$(ffmpeg -hide_banner -nostats -i "$1" \
    -af "apad=whole_dur=${min_measure_s},ebur128=peak=true" -f null - 2>&1)"
  awk '/Integrated loudness:/ {s = 1} s && $1 == "I:" {i = $2}
       /True peak:/ {t = 1} t && $1 == "Peak:" {p = $2} END {print i, p}' <<<"${report}"
}

# Sample peak (dBFS) of the first 2 ms of a file, or of the last 2 ms with "reverse".
edge_peak() {
  sox -V1 "$1" -n ${2:+"$2"} trim 0 0.002 stats 2>&1 | awk '$1 == "Pk" && $2 == "lev" {print $4}'
}

install_missing
mkdir -p "${out_dir}"
work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
if [[ "${lang}" != en ]]; then
  # The English set's clips, saying what the captions say in this language.
  python3 "${script_dir}/voice_words.py" "${lang}" >"${work}/words.txt"
  # Every line but the announcement's order is a clip to speak.
  mapfile -t phrases < <(grep -v '^announce|' "${work}/words.txt")
  voice="espeak-ng ${espeak_voice}"
fi

{
  echo "# Package versions scripts/make-voice.sh used (Debian dpkg-query)."
  for pkg in "${packages[@]}"; do
    dpkg-query -W -f='${Package} ${Version}\n' "${pkg}"
  done
  if [[ "${lang}" == en ]]; then
    echo "# Settings: voice ${voice}, hts_engine -r ${speed}, ${sample_rate} Hz mono," \
      "fades ${fade_s} s, ${target_lufs} LUFS, true peak <= ${max_true_peak} dBTP, oggenc -q 4"
  else
    echo "# Settings: voice ${voice}, -s ${espeak_speed} -p ${espeak_pitch}, ${sample_rate} Hz" \
      "mono, fades ${fade_s} s, ${target_lufs} LUFS, true peak <= ${max_true_peak} dBTP," \
      "oggenc -q 4; words from po/${lang}.po"
  fi
} >"${work}/VOICE-VERSIONS.txt"

if [[ "${lang}" != en ]]; then
  for entry in "${phrases[@]}"; do
    IFS='|' read -r name words <<<"${entry}"
    espeak-ng -v "${espeak_voice}" -s "${espeak_speed}" -p "${espeak_pitch}" \
      -w "${work}/${name}.raw.wav" -- "${words}"
  done
else
# One Festival run speaks every clip.
{
  echo "(voice_${voice})"
  echo "(set! hts_engine_params (append hts_engine_params (list (list \"-r\" ${speed}))))"
  for entry in "${lexicon[@]}"; do
    lex_entry "${entry%%:*}" "${entry#*: }"
  done
  for entry in "${phrases[@]}"; do
    IFS='|' read -r name words respelling <<<"${entry}"
    text="${respelling:-${words}}"
    [[ "${text}" != *[\"\\]* ]] || { echo "quote or backslash in: ${text}" >&2; exit 1; }
    echo "(utt.save.wave (utt.synth (Utterance Text \"${text}\")) \"${work}/${name}.raw.wav\" 'riff)"
  done
} >"${work}/speak.scm"
festival -b "${work}/speak.scm"
fi

printf '%-34s %6s %6s %6s %6s %7s  %s\n' file LUFS dBTP first last bytes words
printf '%-34s %6s %6s %6s %6s\n' "" "" "" "2 ms" "2 ms"
for entry in "${phrases[@]}"; do
  IFS='|' read -r name words _ <<<"${entry}"
  w="${work}/${name}"
  # Pass 1: remove DC and rumble, cut leading and trailing silence (the word starts on the
  # cue's frame), mono at the target rate, kept as float so nothing is rounded twice.
  sox "${w}.raw.wav" -e floating-point -b 32 "${w}.trim.wav" \
    highpass 60 silence 1 0.005 0.1% reverse silence 1 0.005 0.1% reverse \
    channels 1 rate -v "${sample_rate}"
  # Pass 2 (the length is known now, so the fade can find the end): fades so neither edge
  # clicks.
  sox "${w}.trim.wav" -e floating-point -b 32 "${w}.fade.wav" fade h "${fade_s}" -0 "${fade_s}"
  # Pass 3: gain to the target loudness, then a look-ahead limiter (delay compensated, so
  # the timing is unchanged) holds sample peaks at -6 dBFS; it only acts on the odd clip whose
  # plosive or sibilant would otherwise pass -3 dBTP. A small second gain puts back what it
  # took off the loudness.
  read -r lufs peak <<<"$(loudness "${w}.fade.wav")"
  gain="$(awk -v t="${target_lufs}" -v i="${lufs}" 'BEGIN {printf "%.2f", t - i}')"
  ffmpeg -loglevel error -y -i "${w}.fade.wav" -c:a pcm_f32le \
    -af "volume=${gain}dB,alimiter=limit=0.5:attack=5:release=50:level=false:latency=true" \
    "${w}.lim.wav"
  read -r lufs peak <<<"$(loudness "${w}.lim.wav")"
  gain="$(awk -v t="${target_lufs}" -v i="${lufs}" 'BEGIN {printf "%.2f", t - i}')"
  # Fixed dither seed (-R) and stream serial: a rerun with the same tools is byte-identical.
  sox -V1 -R "${w}.lim.wav" -b 16 "${w}.wav" gain "${gain}"
  oggenc --quiet -q 4 --serial 1 -o "${out_dir}/${name}.ogg" "${w}.wav"
  # Check what was written: decode with libvorbisfile as the app does (through sox; ffmpeg's
  # own decoder drops the last 256 samples), measure again.
  sox -V1 "${out_dir}/${name}.ogg" "${w}.check.wav"
  read -r lufs peak <<<"$(loudness "${w}.check.wav")"
  head_db="$(edge_peak "${w}.check.wav")"
  tail_db="$(edge_peak "${w}.check.wav" reverse)"
  echo "${name} ${lufs} ${peak} ${head_db} ${tail_db}" >>"${work}/measured.txt"
  printf '%-34s %6s %6s %6s %6s %7d  "%s"\n' "${name}.ogg" "${lufs}" "${peak}" "${head_db}" \
    "${tail_db}" "$(stat -c %s "${out_dir}/${name}.ogg")" "${words}"
done
cp "${work}/VOICE-VERSIONS.txt" "${out_dir}/VOICE-VERSIONS.txt"
if [[ "${lang}" != en ]]; then
  {
    echo "# The words each clip says (scripts/voice_words.py ${lang}), as its captions show them."
    cat "${work}/words.txt"
  } >"${out_dir}/WORDS.txt"
fi

# The whole set: loudness spread, true peaks, edges.
awk -v spread="${max_spread_lu}" -v tp="${max_true_peak}" -v edge="${max_edge_db}" '
  NR == 1 || $2 < lo {lo = $2} NR == 1 || $2 > hi {hi = $2}
  $3 > tp {bad = bad " " $1}
  ($4 != "-inf" && $4 > edge) || ($5 != "-inf" && $5 > edge) {loud_edge = loud_edge " " $1}
  END {
    printf "loudness %.1f to %.1f LUFS, spread %.1f LU (at most %s)\n", lo, hi, hi - lo, spread
    if (hi - lo > spread) exit 1
    if (bad != "") {print "true peak above " tp " dBTP:" bad; exit 1}
    if (loud_edge != "") {print "an edge louder than " edge " dBFS:" loud_edge; exit 1}
  }' "${work}/measured.txt"
