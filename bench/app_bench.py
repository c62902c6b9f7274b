#!/usr/bin/env python3
"""Measures the real app under Xvfb with SDL's software renderer and prints:
time from launch to first frame, resident memory during a session, and CPU used over a window
of a running session and of idle time on Home. Usage: bench/app_bench.py BINARY [--seconds N]
Targets (issue 2): first frame <= 150 ms, RSS <= 40 MB, session CPU <= 5 % of a core, idle ~0."""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def launch(binary, data_dir, args, display):
    env = dict(os.environ, DISPLAY=display, SDL_RENDER_DRIVER="software",
               SDL_AUDIODRIVER=os.environ.get("SDL_AUDIODRIVER", "dummy"),
               UNKNOT_TRACE_FIRST_FRAME="1")
    start = time.monotonic_ns()
    proc = subprocess.Popen([binary, "--data-dir", data_dir, "--theme", "dark", *args],
                            env=env, stderr=subprocess.PIPE, text=True)
    first = None
    for line in proc.stderr:
        m = re.search(r"first-frame monotonic_ns=(\d+)", line)
        if m:
            first = (int(m.group(1)) - start) / 1e6
            break
    return proc, first


def xdotool(display, *keys):
    env = dict(os.environ, DISPLAY=display)
    for key in keys:
        subprocess.run(["xdotool", "search", "--name", "Unknot", "windowfocus", "--sync"],
                       env=env, check=False, capture_output=True)
        subprocess.run(["xdotool", "key", key], env=env, check=True)
        time.sleep(0.2)


def window_cpu(pid, seconds):
    c0, t0 = cpu_seconds(pid), time.monotonic()
    samples = []
    while time.monotonic() - t0 < seconds:
        time.sleep(1)
        samples.append(rss_mb(pid))
    used = cpu_seconds(pid) - c0
    return used, used / (time.monotonic() - t0) * 100, max(samples)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--launches", type=int, default=5)
    ap.add_argument("--display", default=os.environ.get("DISPLAY", ":99"))
    a = ap.parse_args()

    with tempfile.TemporaryDirectory() as data:
        firsts = []
        for _ in range(a.launches):
            proc, first = launch(a.binary, data, [], a.display)
            firsts.append(first)
            proc.terminate()
            proc.wait()
        print(f"first frame after launch: median {statistics.median(firsts):.1f} ms "
              f"(min {min(firsts):.1f}, max {max(firsts):.1f}, {a.launches} launches)  target <= 150 ms")

        proc, _ = launch(a.binary, data, [], a.display)
        time.sleep(1)
        xdotool(a.display, "Escape")  # "not today" on the daily check-in, if offered: Home
        time.sleep(1)
        used, pct, rss = window_cpu(proc.pid, a.seconds)
        print(f"idle on Home: {used:.2f} CPU s over {a.seconds:.0f} s = {pct:.2f} % of a core, "
              f"RSS {rss:.1f} MB  target ~0 %")
        proc.terminate()
        proc.wait()

        proc, _ = launch(a.binary, data, ["--routine", "neck_tension_headache"], a.display)
        time.sleep(1)
        xdotool(a.display, "Return")  # Start: a new data folder gets the safety check first
        # "No" to all seven questions (focus starts on the first "No"), then Continue.
        xdotool(a.display, "Return", *(["Tab", "Tab", "Return"] * 6), "Tab", "Return")
        xdotool(a.display, "5", "Return")  # rate 5, Continue
        time.sleep(4)  # past the countdown
        used, pct, rss = window_cpu(proc.pid, a.seconds)
        print(f"running session: {used:.2f} CPU s over {a.seconds:.0f} s = {pct:.2f} % of a core "
              f"target <= 5 %")
        print(f"resident memory during the session: max {rss:.1f} MB  target <= 40 MB")
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    sys.exit(main())
