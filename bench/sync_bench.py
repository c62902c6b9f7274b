#!/usr/bin/env python3
"""Runs a live session for N seconds under Xvfb and compares, for every frame drawn, the session
time the screen showed with the audio clock at the moment the frame was presented.

The audio clock is reconstructed independently of the app's smoothing: a least-squares line
through (time, audio frame counter) over the whole run. Target (issue 3): every frame within one
video frame (17 ms) of the audio. Usage: bench/sync_bench.py BINARY [--seconds 60]"""
import argparse
import os
import subprocess
import sys
import tempfile
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--seconds", type=float, default=60)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trace = os.path.join(tmp, "frames.txt")
        env = dict(os.environ, SDL_RENDER_DRIVER="software", UNKNOT_TRACE_FRAMES=trace,
                   SDL_AUDIODRIVER=os.environ.get("SDL_AUDIODRIVER", "dummy"))
        proc = subprocess.Popen([a.binary, "--data-dir", tmp, "--routine", "neck_tension_headache"],
                                env=env, stderr=subprocess.DEVNULL)
        time.sleep(1.5)
        for key in ("Return", "5", "Return"):
            subprocess.run(["xdotool", "search", "--name", "Unknot", "windowfocus", "--sync"],
                           capture_output=True)
            subprocess.run(["xdotool", "key", key], check=True)
            time.sleep(0.2)
        time.sleep(a.seconds + 3)
        proc.terminate()
        proc.wait()
        rows = [tuple(int(x) for x in line.split()) for line in open(trace) if line.strip()]
    if len(rows) < 10:
        print("too few frames traced:", len(rows))
        return 1
    rate = rows[0][2]
    t = [(r[0] - rows[0][0]) / 1e9 for r in rows]
    frames = [r[1] for r in rows]
    shown = [r[3] / 1e6 for r in rows]
    # The audio clock: frames = a + b*t by least squares over the run.
    n = len(t)
    mt, mf = sum(t) / n, sum(frames) / n
    b = sum((x - mt) * (y - mf) for x, y in zip(t, frames)) / sum((x - mt) ** 2 for x in t)
    a0 = mf - b * mt
    audio_s = [(a0 + b * x) / rate for x in t]
    # Both count from the moment the device opened, so they compare directly.
    diffs = [s - au for s, au in zip(shown, audio_s)]
    mean = sum(diffs) / n
    errors_ms = sorted(abs(d) * 1000 for d in diffs)
    p99 = errors_ms[int(0.99 * (n - 1))]
    print(f"frames compared: {n} over {t[-1]:.1f} s ({n / t[-1]:.1f} frames/s drawn)")
    print(f"audio clock rate: {b:.1f} frames/s (nominal {rate})")
    print(f"screen vs audio: max {errors_ms[-1]:.2f} ms, p99 {p99:.2f} ms, median "
          f"{errors_ms[n // 2]:.2f} ms, mean offset {mean * 1000:+.2f} ms  target <= 17 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
