#!/usr/bin/env python3
"""Measures the real app under Xvfb as a person launches it (no renderer override) and prints:
time from launch to first frame, resident (RSS) and proportional (PSS) memory during a session,
CPU used over a window of a running session and of idle time on Home. Each --compare driver is
measured the same way with SDL_RENDER_DRIVER set, as a comparison row.
Usage: bench/app_bench.py BINARY [--seconds N] [--compare software,opengl]
Targets (issue 9): first frame <= 100 ms, RSS <= 40 MB, session CPU <= 3 % of a core, idle ~0."""
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


def memory_mb(pid):
    """(RSS, PSS) in MB; PSS shares each shared library's pages among the processes mapping it."""
    rss = pss = float("nan")
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1]) / 1024
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1]) / 1024
    except FileNotFoundError:
        pass
    return rss, pss


def launch(binary, data_dir, args, display, driver):
    # The audio driver is SDL's own choice too (on a machine without sound the app falls back
    # to SDL's dummy driver by itself); UNKNOT_TRACE_FIRST_FRAME only prints a time stamp.
    env = dict(os.environ, DISPLAY=display, UNKNOT_TRACE_FIRST_FRAME="1")
    env.pop("SDL_RENDER_DRIVER", None)
    if driver:
        env["SDL_RENDER_DRIVER"] = driver
    start = time.monotonic_ns()
    proc = subprocess.Popen([binary, "--data-dir", data_dir, "--theme", "dark", *args],
                            env=env, stderr=subprocess.PIPE, text=True)
    first, renderer = None, "?"
    for line in proc.stderr:
        m = re.search(r"first-frame monotonic_ns=(\d+)(?: renderer=(\S+))?", line)
        if m:
            first = (int(m.group(1)) - start) / 1e6
            renderer = m.group(2) or "?"
            break
    return proc, first, renderer


def stop(proc):
    proc.terminate()
    proc.wait()


def xdotool(display, *keys):
    env = dict(os.environ, DISPLAY=display)
    for key in keys:
        subprocess.run(["xdotool", "search", "--name", "Unknot", "windowfocus", "--sync"],
                       env=env, check=False, capture_output=True)
        subprocess.run(["xdotool", "key", key], env=env, check=True)
        time.sleep(0.2)


def wakeups(pid):
    """Times any of the process's threads went to sleep and was woken (voluntary switches)."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/status") as f:
                for line in f:
                    if line.startswith("voluntary_ctxt_switches:"):
                        total += int(line.split()[1])
        except FileNotFoundError:
            pass  # a thread that ended while we looked
    return total


def window_cpu(pid, seconds):
    """CPU % of a core over the window, wake-ups per second, and the largest RSS and PSS seen
    (sampled each second)."""
    c0, w0, t0 = cpu_seconds(pid), wakeups(pid), time.monotonic()
    rss, pss = [], []
    while time.monotonic() - t0 < seconds:
        time.sleep(1)
        r, p = memory_mb(pid)
        rss.append(r)
        pss.append(p)
    used, woke, spent = cpu_seconds(pid) - c0, wakeups(pid) - w0, time.monotonic() - t0
    return used / spent * 100, woke / spent, max(rss), max(pss)


def measure(a, driver):
    with tempfile.TemporaryDirectory() as data:
        firsts = []
        for _ in range(a.launches):
            proc, first, renderer = launch(a.binary, data, [], a.display, driver)
            firsts.append(first)
            stop(proc)

        proc, _, _ = launch(a.binary, data, [], a.display, driver)
        time.sleep(1)
        xdotool(a.display, "Escape")  # "not today" on the daily check-in, if offered: Home
        time.sleep(1)
        idle_pct, idle_wakeups, _, _ = window_cpu(proc.pid, a.idle_seconds)
        stop(proc)

        proc, _, _ = launch(a.binary, data, ["--routine", "neck_tension_headache"], a.display,
                            driver)
        time.sleep(1)
        xdotool(a.display, "Return")  # Start: a new data folder gets the safety check first
        # "No" to all seven questions (focus starts on the first "No"), then Continue.
        xdotool(a.display, "Return", *(["Tab", "Tab", "Return"] * 6), "Tab", "Return")
        xdotool(a.display, "5", "Return")  # rate 5, Continue
        time.sleep(4)  # past the countdown
        session_pct, _, rss, pss = window_cpu(proc.pid, a.seconds)
        stop(proc)
    return {"renderer": renderer, "first": statistics.median(firsts), "first_min": min(firsts),
            "first_max": max(firsts), "rss": rss, "pss": pss, "session": session_pct,
            "idle": idle_pct, "idle_wakeups": idle_wakeups}


def row(label, m):
    return (f"{label:<28} {m['renderer']:<10} {m['first']:>7.1f} ({m['first_min']:.0f}-"
            f"{m['first_max']:.0f}) {m['rss']:>7.1f} {m['pss']:>7.1f} {m['session']:>8.2f} "
            f"{m['idle']:>7.2f} {m['idle_wakeups']:>9.1f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--seconds", type=float, default=60, help="length of the session window")
    ap.add_argument("--idle-seconds", type=float, default=30)
    ap.add_argument("--launches", type=int, default=11)
    ap.add_argument("--compare", default="software",
                    help="comma-separated SDL_RENDER_DRIVER values to compare, or empty")
    ap.add_argument("--display", default=os.environ.get("DISPLAY", ":99"))
    a = ap.parse_args()

    print(f"{'launch':<28} {'renderer':<10} {'first frame ms':>17} {'RSS MB':>7} {'PSS MB':>7} "
          f"{'session%':>8} {'idle%':>7} {'idle wk/s':>9}")
    print(row("default (headline)", measure(a, None)), flush=True)
    for driver in filter(None, a.compare.split(",")):
        print(row(f"SDL_RENDER_DRIVER={driver}", measure(a, driver)), flush=True)
    print(f"targets: first frame <= 100 ms, RSS <= 40 MB, session CPU <= 3 % of a core "
          f"({a.seconds:.0f} s), idle ~0 % and ~0 wake-ups/s ({a.idle_seconds:.0f} s)")


if __name__ == "__main__":
    sys.exit(main())
