#!/usr/bin/env python3
"""Measures candidate voices for the spoken cues (standard library plus the sox command).

Usage: measure_voice.py WORK_DIR CANDIDATE...   (each candidate is WORK_DIR/<candidate>/*.wav)

Per candidate, over all its clips:
  * F0 by YIN (de Cheveigne & Kawahara 2002) on the clip resampled to 8 kHz, 30 ms window,
    10 ms hop, 65-400 Hz, threshold 0.15, a 5-frame median filter per clip. Reported: the
    median F0, the pitch range as the 5th-95th percentile spread of all voiced frames pooled
    (semitones), and the median of each phrase's own 5th-95th percentile spread.
  * Band balance: RMS level (sox stats) after a 100 Hz - 1 kHz band-pass minus the RMS level
    after a 3-8 kHz band-pass (a 3 kHz high-pass for 16 kHz sources), in dB, over all clips joined. Higher is warmer / less hissy.
  * Artefacts: samples at or within 0.1 % of full scale (clipping), DC offset, and the
    worst peak in the first and last 5 ms of any clip (an edge that does not start at
    silence clicks).
  * Buzz: in voiced frames, the normalised autocorrelation of the 3-8 kHz band at the pitch
    period found above (best of the period +-1 sample at 16 kHz, 30 ms window), averaged.
    Near 1: the band repeats pulse for pulse; near 0: it is noise-like. (Meant as a buzz
    measure; on these candidates it did not rank espeak-ng's voices as the buzziest.)
  * Speech rate: syllables per second of "One hand on your belly, one on your chest"
    (10 syllables) after trimming silence, and the total trimmed length of all clips.
"""

import array
import math
import operator
import os
import statistics
import subprocess
import sys
import tempfile
import wave

RATE = 8000
WIN = 240          # 30 ms
HOP = 80           # 10 ms
TAU_MIN = RATE // 400
TAU_MAX = RATE // 65
THRESHOLD = 0.15
SAMPLE_PHRASE = "say_belly_hand"
SAMPLE_SYLLABLES = 10


def run(args):
    return subprocess.run(args, check=True, capture_output=True, text=True)


def read_samples(path):
    with wave.open(path, "rb") as w:
        assert w.getsampwidth() == 2 and w.getnchannels() == 1, path
        data = array.array("h", w.readframes(w.getnframes()))
        if sys.byteorder == "big":
            data.byteswap()
        return data, w.getframerate()


def as_16bit_mono(path, out, rate=None, effects=()):
    args = ["sox", path, "-b", "16", "-c", "1", "-e", "signed-integer"]
    if rate:
        args += ["-r", str(rate)]
    run(args + [out] + list(effects))


def yin_track(x):
    """F0 in Hz per frame, None where unvoiced or too quiet."""
    n = len(x)
    sq = [0]
    for v in x:
        sq.append(sq[-1] + v * v)
    loud = max((abs(v) for v in x), default=0)
    gate = (loud * 0.03) ** 2 * WIN  # frames more than ~30 dB under the clip's peak are skipped
    track = []
    for start in range(0, n - WIN - TAU_MAX, HOP):
        e0 = sq[start + WIN] - sq[start]
        if e0 < gate:
            track.append(None)
            continue
        seg = x[start:start + WIN]
        d = [0.0] * (TAU_MAX + 2)
        for tau in range(1, TAU_MAX + 2):
            r = sum(map(operator.mul, seg, x[start + tau:start + tau + WIN]))
            et = sq[start + tau + WIN] - sq[start + tau]
            d[tau] = e0 + et - 2 * r
        cmnd = [1.0] * (TAU_MAX + 2)
        running = 0.0
        for tau in range(1, TAU_MAX + 2):
            running += d[tau]
            cmnd[tau] = d[tau] * tau / running if running > 0 else 1.0
        best = None
        tau = TAU_MIN
        while tau <= TAU_MAX:
            if cmnd[tau] < THRESHOLD:
                while tau + 1 <= TAU_MAX and cmnd[tau + 1] < cmnd[tau]:
                    tau += 1
                best = tau
                break
            tau += 1
        if best is None:
            track.append(None)
            continue
        a, b, c = cmnd[best - 1], cmnd[best], cmnd[best + 1]
        denom = a - 2 * b + c
        shift = 0.5 * (a - c) / denom if denom > 0 else 0.0
        track.append(RATE / (best + shift))
    # Median-filter the voiced runs (5 frames) to drop single-frame octave slips.
    out = []
    for i, f in enumerate(track):
        if f is None:
            out.append(None)
            continue
        near = [g for g in track[max(0, i - 2):i + 3] if g is not None]
        out.append(statistics.median(near))
    return out


def hf_periodicity(path, track, tmp):
    """Per voiced frame, how exactly the 3-8 kHz band repeats at the pitch period."""
    band = os.path.join(tmp, "band.wav")
    as_16bit_mono(path, band, 16000, ["sinc", "3000"])
    y, _ = read_samples(band)
    y = list(y)
    win = 3 * HOP * 2  # 30 ms at 16 kHz
    out = []
    for i, f0 in enumerate(track):
        if f0 is None:
            continue
        start = i * HOP * 2
        period = round(16000 / f0)
        if start + win + period + 1 > len(y):
            break
        seg = y[start:start + win]
        e0 = sum(map(operator.mul, seg, seg))
        if e0 < win * 4:  # an all but silent band says nothing
            continue
        best = 0.0
        for lag in (period - 1, period, period + 1):
            other = y[start + lag:start + lag + win]
            e1 = sum(map(operator.mul, other, other))
            if e1 > 0:
                best = max(best, sum(map(operator.mul, seg, other)) / math.sqrt(e0 * e1))
        out.append(best)
    return out


def percentile(values, p):
    s = sorted(values)
    k = (len(s) - 1) * p
    lo, hi = math.floor(k), math.ceil(k)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def semitones(hi, lo):
    return 12 * math.log2(hi / lo)


def sox_rms_db(path, effects):
    res = run(["sox", path, "-n"] + effects + ["stats"])
    for line in res.stderr.splitlines():
        if line.startswith("RMS lev dB"):
            return float(line.split()[3])
    raise RuntimeError("no RMS level from sox for " + path)


def trimmed_seconds(path, tmp):
    out = os.path.join(tmp, "trim.wav")
    run(["sox", path, out, "silence", "1", "0.005", "0.1%", "reverse",
         "silence", "1", "0.005", "0.1%", "reverse"])
    with wave.open(out, "rb") as w:
        return w.getnframes() / w.getframerate()


def measure(cand_dir, tmp):
    names = sorted(f[:-4] for f in os.listdir(cand_dir) if f.endswith(".wav"))
    pooled, ranges, buzz = [], [], []
    clipped = 0
    dc_worst = 0.0
    edge_worst = 0
    total = 0.0
    native_rate = None
    joined = os.path.join(tmp, "joined.wav")
    converted = []
    for name in names:
        src = os.path.join(cand_dir, name + ".wav")
        native = os.path.join(tmp, name + ".native.wav")
        as_16bit_mono(src, native)
        samples, native_rate = read_samples(native)
        converted.append(native)
        full = 32767 * 0.999
        clipped += sum(1 for v in samples if v >= full or v <= -full)
        if samples:
            dc_worst = max(dc_worst, abs(sum(samples) / len(samples)) / 32768)
            edge = max(1, native_rate // 200)
            edge_worst = max(edge_worst, max(abs(v) for v in samples[:edge]),
                             max(abs(v) for v in samples[-edge:]))
        low = os.path.join(tmp, name + ".8k.wav")
        as_16bit_mono(src, low, RATE)
        x, _ = read_samples(low)
        track = yin_track(list(x))
        f0 = [f for f in track if f is not None]
        buzz += hf_periodicity(src, track, tmp)
        pooled += f0
        if len(f0) >= 10:
            ranges.append(semitones(percentile(f0, 0.95), percentile(f0, 0.05)))
        secs = trimmed_seconds(src, tmp)
        total += secs
        if name == SAMPLE_PHRASE:
            sample_secs = secs
    run(["sox"] + converted + [joined])
    low_db = sox_rms_db(joined, ["sinc", "100-1000"])
    # At 16 kHz the Nyquist frequency is 8 kHz, so a 3 kHz high-pass is the same band.
    high_db = (sox_rms_db(joined, ["sinc", "3000-8000"]) if native_rate > 16000 else
               sox_rms_db(joined, ["sinc", "3000"]) if native_rate == 16000 else None)
    return {
        "rate": native_rate,
        "median_f0": statistics.median(pooled),
        "range_st": semitones(percentile(pooled, 0.95), percentile(pooled, 0.05)),
        "phrase_range_st": statistics.median(ranges),
        "balance_db": None if high_db is None else low_db - high_db,
        "buzz": statistics.mean(buzz),
        "clipped": clipped,
        "dc": dc_worst,
        "edge_dbfs": 20 * math.log10(max(edge_worst, 1) / 32768),
        "sample_secs": sample_secs,
        "syll_per_s": SAMPLE_SYLLABLES / sample_secs,
        "total_secs": total,
    }


def main():
    work, cands = sys.argv[1], sys.argv[2:]
    print("| candidate | rate | median F0 Hz | range st (pooled 5-95 %) | median range "
          "per phrase st | low/high band dB | buzz (3-8 kHz periodicity) | clipped samples | DC | worst edge dBFS | "
          "sample phrase s | syll/s | all clips s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for cand in cands:
        with tempfile.TemporaryDirectory() as tmp:
            m = measure(os.path.join(work, cand), tmp)
        bal = "n/a (8 kHz band limit)" if m["balance_db"] is None else f"{m['balance_db']:.1f}"
        print(f"| {cand} | {m['rate']} | {m['median_f0']:.0f} | {m['range_st']:.1f} | "
              f"{m['phrase_range_st']:.1f} | {bal} | {m['buzz']:.2f} | {m['clipped']} | {m['dc']:.4f} | "
              f"{m['edge_dbfs']:.0f} | {m['sample_secs']:.2f} | {m['syll_per_s']:.1f} | "
              f"{m['total_secs']:.1f} |", flush=True)


if __name__ == "__main__":
    main()
