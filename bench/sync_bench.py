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
    # Columns: frame presented (ns), last audio callback (ns), frames mixed by then, rate,
    # session time the frame showed (us).
    rate = rows[0][3]
    t0 = rows[0][0]
    anchors = sorted({(r[1], r[2]) for r in rows})
    # The audio clock as the device ran it: a least-squares line through the callbacks.
    at = [(a[0] - t0) / 1e9 for a in anchors]
    af = [a[1] for a in anchors]
    n_a = len(at)
    mt, mf = sum(at) / n_a, sum(af) / n_a
    b = sum((x - mt) * (y - mf) for x, y in zip(at, af)) / sum((x - mt) ** 2 for x in at)
    a0 = mf - b * mt
    residual = max(abs(a0 + b * x - y) for x, y in zip(at, af)) / rate * 1000
    diffs = []
    for r in rows:
        t = (r[0] - t0) / 1e9
        audio_s = (a0 + b * t) / rate
        diffs.append(r[4] / 1e6 - audio_s)
    n = len(diffs)
    mean = sum(diffs) / n
    raw = sorted(abs(d) * 1000 for d in diffs)
    jitter = sorted(abs(d - mean) * 1000 for d in diffs)
    span = (rows[-1][0] - t0) / 1e9
    print(f"frames compared: {n} over {span:.1f} s ({n / span:.1f} frames/s drawn; "
          f"unchanged frames are not redrawn)")
    print(f"audio clock: {n_a} callbacks, {b:.1f} frames/s (nominal {rate}), callbacks within "
          f"{residual:.2f} ms of a straight line")
    print(f"screen vs audio clock: max {raw[-1]:.2f} ms, p99 {raw[int(0.99 * (n - 1))]:.2f} ms, "
          f"median {raw[n // 2]:.2f} ms  target <= 17 ms")
    print(f"  of which a constant offset of {mean * 1000:+.2f} ms (frames mixed vs shown); "
          f"around it: max {jitter[-1]:.2f} ms, p99 {jitter[int(0.99 * (n - 1))]:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
