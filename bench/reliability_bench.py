#!/usr/bin/env python3
"""Nothing lost, nothing hangs (issue 11): drives the real app under Xvfb with xdotool keys and
SIGKILLs it, and its `import` and `export` commands, at random moments, then checks the record.
Prints four tables:
1. kills per moment (a new data folder's first start, a normal start, mid-step of a running
   session, saving the final ratings, the daily backup, `unknot import`, `unknot export`), each
   at a random delay within that moment's window (measured first, on this machine). After each
   kill: `PRAGMA integrity_check` (read-only), every session the record held before the kill
   still there with its ratings, a killed running session offered for resume on the next start
   (the app is started again; its Resume screen is answered "Close it"), and the next start not
   blocked by the lock file left behind.
2. damaged and unusual databases: what the app and `history`, `export`, `report` do, and whether
   the file's bytes were left unchanged.
3. time to reject the largest allowed input and a 100 MB one (bench/input_bench.cpp's figures).
4. fuzzing executions per target from scripts/fuzz.sh's logs, if it has been run.
The main data folder starts with 10 years of made-up history (bench/make_history_db.cpp), so
start-up checks and the backup take as long as they would for a long-time user; sessions play a
routine of two 5-second breathing steps (15 s with the last whole breath).
Usage: bench/reliability_bench.py BUILD_DIR [--kills 300] [--moments start,mid_step,...]
       [--seed S] [--history-years N] [--minutes M] [--skip-damage] [--keep]
(under Xvfb, with xdotool: bench/run-reliability-bench.sh). Aim: 0 integrity failures, 0
sessions or ratings lost, 0 resume offers missing, 0 starts blocked, every damaged file refused
with its bytes unchanged."""
import argparse
import collections
import datetime
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROUTINE_ID = "bench_short"
STEPS = 2
STEP_S = 5  # the shortest breathing step a routine file may have
COUNTDOWN_S = 3
ROUTINE = {
    "format_version": 1, "id": ROUTINE_ID, "title": "Bench short",
    "steps": [{"type": "breathing", "title": f"Breathe {i + 1}", "pattern": "resonance_6",
               "duration_s": STEP_S} for i in range(STEPS)],
}
HOMEWORK_ID = "bench-homework"
MOMENTS = ["start_new", "start", "mid_step", "rating_save", "backup", "import", "export"]
SESSION_COLUMNS = "id, routine_id, started_at, ended_at, status, pain_before, pain_after"


# ---- the app and its commands ----

class App:
    """The GUI app, launched on a data folder; its stderr is read on a thread."""

    def __init__(self, ctx, data_dir, args=(), env=None):
        self.ctx = ctx
        environ = dict(os.environ, UNKNOT_TRACE_FIRST_FRAME="1", **(env or {}))
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [ctx.app, "--data-dir", data_dir, "--theme", "dark", *args], env=environ,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
            errors="replace")
        self.lines = []
        self.first_frame = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stderr:
            if "first-frame" in line:
                self.first_frame.set()
            elif line.startswith("unknot"):  # not the sound library's complaints
                self.lines.append(line.rstrip("\n"))
        self.first_frame.set()  # it ended without a frame

    def wait_frame(self, timeout=15):
        """Seconds from launch to the first frame, or None if it exited or timed out."""
        if not self.first_frame.wait(timeout) or self.proc.poll() is not None:
            return None
        return time.monotonic() - self.started

    def focus(self):
        subprocess.run(["xdotool", "search", "--sync", "--pid", str(self.proc.pid), "--name",
                        "Unknot", "windowfocus", "--sync"], capture_output=True, timeout=10,
                       check=False)

    def keys(self, *keys, gap=0.15):
        for key in keys:
            self.focus()
            subprocess.run(["xdotool", "key", key], check=True, timeout=10)
            time.sleep(gap)

    def press(self, key):
        """Sends one key without waiting (the window already focused): the xdotool process,
        started now, so a kill can be timed from the moment the key is on its way."""
        return subprocess.Popen(["xdotool", "key", key])

    def kill(self):
        self.proc.kill()
        self.proc.wait()

    def close(self):
        """SIGTERM (the app quits within a second); the exit status."""
        if self.proc.poll() is None:
            self.proc.terminate()
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.ctx.hangs += 1
            self.proc.kill()
            return self.proc.wait()


def cli(ctx, *args, timeout=60):
    """Runs `unknot ARGS`: (exit status, stdout + stderr)."""
    r = subprocess.run([ctx.app, *args], capture_output=True, text=True, errors="replace",
                       timeout=timeout)
    return r.returncode, (r.stdout + r.stderr).strip()


def kill_after(args, delay):
    """Starts a command and SIGKILLs it after `delay` seconds; True if it had already ended."""
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    ended = proc.poll() is not None
    proc.kill()
    proc.wait()
    return ended


# ---- reading the record ----

def open_ro(path, immutable=False):
    """Read-only; `immutable` also makes no -wal or -shm file (for a closed backup)."""
    return sqlite3.connect(f"file:{path}?mode=ro{'&immutable=1' if immutable else ''}", uri=True,
                           timeout=5)


def integrity(path, immutable=False):
    """'ok', the check's first complaint, or why the file could not be read."""
    if not os.path.exists(path):
        return "ok"  # nothing written yet
    try:
        with open_ro(path, immutable) as db:
            return db.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.OperationalError as e:
        if "readonly" not in str(e):
            return f"unreadable: {e}"
    except sqlite3.Error as e:
        return f"unreadable: {e}"
    # A hot rollback journal (a kill during a new folder's first migration) must be rolled back
    # before reading, which a read-only connection may not do: check a copy, as the app would
    # find it.
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in ("", "-journal", "-wal"):
            if os.path.exists(path + suffix):
                shutil.copy2(path + suffix, os.path.join(tmp, "copy.db" + suffix))
        try:
            with sqlite3.connect(os.path.join(tmp, "copy.db")) as db:
                return db.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.Error as e:
            return f"unreadable: {e}"


def sessions(path):
    """{id: row} of every session, or {} before the database exists."""
    if not os.path.exists(path):
        return {}
    db = open_ro(path)
    try:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sessions'").fetchone():
            return {}
        return {r[0]: r for r in db.execute(f"SELECT {SESSION_COLUMNS} FROM sessions")}
    finally:
        db.close()


def homework_revision(path):
    with open_ro(path) as db:
        row = db.execute("SELECT revision FROM homework WHERE id = ?", (HOMEWORK_ID,)).fetchone()
    return row[0] if row else 0


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def wait_for(condition, timeout, step=0.02):
    """Polls until condition() is truthy; its value, or None after `timeout` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return None


# ---- the bench's state: the main data folder and what it must still hold ----

class Context:
    def __init__(self, a):
        self.app = os.path.join(a.build, "src", "unknot")
        self.build = a.build
        self.rng = random.Random(a.seed)
        self.root = tempfile.mkdtemp(prefix="unknot-reliability-")
        self.data = os.path.join(self.root, "data")
        self.db = os.path.join(self.data, "unknot.db")
        self.expected = {}  # id -> session row, as last seen
        self.counts = collections.Counter()
        self.problems = collections.Counter()
        self.notes = collections.Counter()
        self.reproductions = []
        self.hangs = 0
        self.kill_no = 0
        self.moment = "setup"
        self.windows = {}
        self.revision = 0
        self.pain = 0

    def failure(self, kind, moment, detail):
        self.problems[(moment, kind)] += 1
        line = f"kill {self.kill_no} ({moment}): {kind}: {detail}"
        print("   FOUND " + line, file=sys.stderr, flush=True)
        if len(self.reproductions) < 20:
            self.reproductions.append(line)

    def next_pain(self):
        self.pain = (self.pain + 3) % 10
        return self.pain


def write_routine(data_dir):
    os.makedirs(os.path.join(data_dir, "routines"), mode=0o700, exist_ok=True)
    with open(os.path.join(data_dir, "routines", ROUTINE_ID + ".json"), "w") as f:
        json.dump(ROUTINE, f)


def seed_settings(db_path):
    """As if the welcome, the health profile and a full safety check were done an hour ago, so a
    session starts with Start, the one-tap check, a rating and Continue."""
    hour_ago = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(hours=1)
    stamp = hour_ago.strftime("%Y-%m-%dT%H:%M:%SZ")
    db = sqlite3.connect(db_path)
    with db:
        for key, value in [("onboarded_at", stamp), ("profile", ""),
                           ("safety_screen", "passed " + stamp)]:
            db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))
    db.close()


def homework_file(ctx, revision):
    today = datetime.date.today()
    path = os.path.join(ctx.root, f"homework-{revision}.unknot")
    routine = dict(ROUTINE, id="bench_homework", title="Bench homework")
    with open(path, "w") as f:
        json.dump({"format": "unknot-homework", "format_version": 1, "id": HOMEWORK_ID,
                   "revision": revision, "routine": routine,
                   "prescription": {"start": today.isoformat(),
                                    "end": (today + datetime.timedelta(days=27)).isoformat(),
                                    "therapist": "Bench", "note": f"Revision {revision}"}}, f)
    return path


def today_backups(ctx):
    days = {datetime.date.today().isoformat(), datetime.datetime.utcnow().date().isoformat()}
    return [os.path.join(ctx.data, "backups", f"unknot-{d}.db") for d in days]


def check_record(ctx, moment):
    """After a kill: the file passes integrity_check and every session seen before is still
    there with its ratings (an in-progress one may since have been finished)."""
    result = integrity(ctx.db)
    if result != "ok":
        ctx.failure("integrity", moment, result)
        return
    now = sessions(ctx.db)
    for sid, old in ctx.expected.items():
        new = now.get(sid)
        if new is None:
            ctx.failure("session lost", moment, f"session {sid} {old} is gone")
            continue
        if old[4] != "in_progress" and new != old:
            ctx.failure("session changed", moment, f"{old} became {new}")
        for col, name in ((5, "before"), (6, "after")):
            if old[col] is not None and new[col] != old[col]:
                ctx.failure("rating lost", moment, f"session {sid} pain {name} {old[col]} -> "
                            f"{new[col]}")
    ctx.expected.update(now)


def restart_check(ctx, moment, data_dir=None):
    """The next start after a kill: not blocked by the lock file, not refused as damaged.
    Returns the running App (the caller closes it)."""
    app = App(ctx, data_dir or ctx.data)
    if app.wait_frame() is None:
        status = app.close()
        ctx.failure("next start failed", moment, f"exit {status}: {' | '.join(app.lines)[:300]}")
        return None
    if any("damaged" in line for line in app.lines):
        ctx.failure("next start refused", moment, " | ".join(app.lines)[:300])
    return app


def restart_and_close(ctx, moment, data_dir=None):
    app = restart_check(ctx, moment, data_dir)
    if app:
        time.sleep(0.3)
        app.close()


# ---- driving a session ----

def start_session(ctx):
    """Launches the app at the short routine and starts a session: (app, session id, pain
    before, monotonic time the countdown began) or None."""
    close_left_in_progress(ctx)
    app = App(ctx, ctx.data, ["--routine", ROUTINE_ID])
    if app.wait_frame() is None:
        ctx.failure("start failed", ctx.moment, " | ".join(app.lines)[:300])
        app.close()
        return None
    known = set(sessions(ctx.db))
    pain = ctx.next_pain()
    time.sleep(1.0)  # the first frame is drawn before the routine screen takes keys under load
    # Start, "None of these", the rating, Continue.
    app.keys("Return", "Return", str(pain), "Return", gap=0.25)

    def new_session():
        fresh = [r for sid, r in sessions(ctx.db).items() if sid not in known]
        return fresh[0] if fresh else None

    row = wait_for(new_session, 10, step=0.01)
    began = time.monotonic()
    if row is None:
        # The bench's keys were lost (the machine is busy), not the app's record: counted apart.
        ctx.notes[("bench", "session did not start (keys lost), cycle skipped")] += 1
        ctx.counts[ctx.moment] -= 1  # no kill was made
        print(f"   kill {ctx.kill_no}: session did not start", file=sys.stderr, flush=True)
        app.close()
        return None
    return app, row[0], pain, began


def session_status(ctx, sid, column="status"):
    """One column of one session (cheap enough to poll every millisecond), or None."""
    with open_ro(ctx.db) as db:
        row = db.execute(f"SELECT {column} FROM sessions WHERE id = ?", (sid,)).fetchone()
    return row[0] if row else None


def steps_done(ctx, sid):
    with open_ro(ctx.db) as db:
        return db.execute("SELECT count(*) FROM session_steps WHERE session_id = ?",
                          (sid,)).fetchone()[0]


def planned_s(ctx, sid):
    """The session's planned length: a breathing step ends after a whole out-breath, so it
    may be longer than the routine file says."""
    with open_ro(ctx.db) as db:
        return db.execute("SELECT planned_ms FROM sessions WHERE id = ?", (sid,)).fetchone()[0] / 1000


def wait_session_end(ctx, sid, began):
    """Waits for the session's end: its last step row is written, the record completed and the
    day's backup made in the same frame, as the player opens the rating after. False if it did
    not end in time."""
    time.sleep(max(0.0, began + COUNTDOWN_S + planned_s(ctx, sid) - 0.3 - time.monotonic()))
    if wait_for(lambda: steps_done(ctx, sid) >= STEPS, 10, step=0.001):
        return True
    ctx.failure("session did not end", ctx.moment, f"session {sid}: {sessions(ctx.db)[sid]}")
    return False


def type_rating_after(ctx, app):
    time.sleep(0.3)  # the backup made as the session ended, then the rating screen
    pain_after = ctx.next_pain()
    app.keys(str(pain_after))
    return pain_after


def resume_check(ctx, sid, moment):
    """A killed running session must be offered on the next start: the app keeps it in progress
    only while its Resume screen waits (else it closes the record at once as abandoned).
    Answers "Close it" (once more on a fresh start if the keys were lost) and checks the record
    keeps its rating before."""
    for attempt in range(2):
        app = restart_check(ctx, moment)
        if app is None:
            return
        time.sleep(0.8)
        status = session_status(ctx, sid)
        if status != "in_progress":
            ctx.failure("resume not offered", moment, f"session {sid} is {status} after the restart")
            app.close()
            return
        app.keys("Tab", "Return")  # "Close it"
        closed = wait_for(lambda: session_status(ctx, sid) == "abandoned", 5)
        app.close()
        if closed:
            break
        ctx.notes[(moment, "Close it retried (keys lost under load)")] += 1
    else:
        ctx.failure("resume answer not kept", moment, f"session {sid}: {sessions(ctx.db)[sid]}")
    check_record(ctx, moment)


def close_left_in_progress(ctx):
    """A session the bench itself stopped (SIGTERM after its keys were lost) would open the
    Resume screen over the routine and swallow the next session's keys: closed first, through
    the app, and counted as a note (not a kill's problem)."""
    with open_ro(ctx.db) as db:
        waiting = [r[0] for r in db.execute("SELECT id FROM sessions WHERE status = 'in_progress'")]
    if not waiting:
        return
    ctx.notes[("bench", "session left by a lost key, closed before the next")] += 1
    app = App(ctx, ctx.data)
    if app.wait_frame() is not None:
        time.sleep(0.8)
        if session_status(ctx, waiting[-1]) == "in_progress":
            app.keys("Tab", "Return")  # "Close it"
            wait_for(lambda: session_status(ctx, waiting[-1]) != "in_progress", 5)
    app.close()
    ctx.expected.update(sessions(ctx.db))


# ---- one function per moment: each makes one kill and checks what it left ----

def kill_start_new(ctx):
    folder = tempfile.mkdtemp(prefix="new-", dir=ctx.root)
    app = App(ctx, folder)
    time.sleep(ctx.rng.uniform(0, ctx.windows["start_new"]))
    app.kill()
    db = os.path.join(folder, "unknot.db")
    result = integrity(db)
    if result != "ok":
        ctx.failure("integrity", "start_new", f"{folder}: {result}")
    restart_and_close(ctx, "start_new", folder)
    result = integrity(db)
    if result != "ok":
        ctx.failure("integrity", "start_new", f"{folder} after restart: {result}")
    shutil.rmtree(folder, ignore_errors=True)


def kill_start(ctx):
    app = App(ctx, ctx.data)
    time.sleep(ctx.rng.uniform(0, ctx.windows["start"]))
    app.kill()
    check_record(ctx, "start")
    restart_and_close(ctx, "start")
    check_record(ctx, "start")


def kill_mid_step(ctx):
    started = start_session(ctx)
    if not started:
        return
    app, sid, pain, began = started
    into = ctx.rng.uniform(0.2, planned_s(ctx, sid) - 0.5)
    time.sleep(max(0.0, began + COUNTDOWN_S + into - time.monotonic()))
    app.kill()
    check_record(ctx, "mid_step")
    row = sessions(ctx.db).get(sid)
    if row is not None and row[4] == "completed" and row[5] == pain:
        # The session start was seen late on a busy machine and the kill came after its end.
        ctx.notes[("mid_step", "kill came after the session's end (seen late)")] += 1
    elif row is None or row[4] != "in_progress" or row[5] != pain:
        ctx.failure("running session not kept", "mid_step", f"session {sid}: {row} (rated {pain})")
    if row is not None and row[4] == "in_progress":
        resume_check(ctx, sid, "mid_step")


def check_backups(ctx, moment):
    backups = os.path.join(ctx.data, "backups")
    for name in os.listdir(backups) if os.path.isdir(backups) else []:
        path = os.path.join(backups, name)
        if name.endswith(".partial"):  # counted, then removed so the next kill counts anew
            ctx.notes[(moment, "kill came during the copy (.partial left)")] += 1
            os.remove(path)
        elif name.endswith(".db") and integrity(path, immutable=True) != "ok":
            ctx.failure("backup damaged", moment, f"{name}: {integrity(path, immutable=True)}")


def kill_rating_save(ctx):
    """A whole session, then Save on the rating after, and a kill within Save's window."""
    started = start_session(ctx)
    if not started:
        return
    app, sid, _, began = started
    if not wait_session_end(ctx, sid, began):
        app.close()
        return
    pain_after = type_rating_after(ctx, app)
    app.focus()
    xdotool = app.press("Return")  # Save
    time.sleep(ctx.rng.uniform(0, ctx.windows["rating_save"]))
    app.kill()
    xdotool.wait()
    check_record(ctx, "rating_save")
    row = sessions(ctx.db).get(sid)
    if row and row[4] == "completed" and row[6] == pain_after:
        ctx.notes[("rating_save", "rating saved before the kill")] += 1
    else:
        # Not yet committed: the person never saw the summary that confirms it.
        ctx.notes[("rating_save", "kill came before the save")] += 1
    restart_and_close(ctx, "rating_save")
    check_record(ctx, "rating_save")


def kill_backup(ctx):
    """Today's backup removed, a whole session, and a kill within the backup's window after
    the session's end."""
    for path in today_backups(ctx):
        if os.path.exists(path):
            os.remove(path)
    started = start_session(ctx)
    if not started:
        return
    app, sid, _, began = started
    if not wait_session_end(ctx, sid, began):
        app.close()
        return
    time.sleep(ctx.rng.uniform(0, ctx.windows["backup"]))
    app.kill()
    check_record(ctx, "backup")
    if any(os.path.exists(p) for p in today_backups(ctx)):
        ctx.notes[("backup", "backup finished before the kill")] += 1
    check_backups(ctx, "backup")
    status = session_status(ctx, sid)
    if status == "in_progress":
        # Killed between the last step's row and the completion (two commits): every step is
        # kept, and the next start closes it as abandoned, as nothing is left to play.
        ctx.notes[("backup", "kill came before the completion commit")] += 1
    elif status != "completed":
        ctx.failure("completed session not kept", "backup", f"session {sid}: "
                    f"{sessions(ctx.db).get(sid)}")
    restart_and_close(ctx, "backup")
    check_record(ctx, "backup")


def kill_import(ctx):
    revision_before = homework_revision(ctx.db)
    ctx.revision += 1
    path = homework_file(ctx, ctx.revision)
    kill_after([ctx.app, "import", path, "--data-dir", ctx.data],
               ctx.rng.uniform(0, ctx.windows["import"]))
    check_record(ctx, "import")
    revision = homework_revision(ctx.db)
    if revision not in (revision_before, ctx.revision):
        ctx.failure("homework half imported", "import", f"revision {revision}")
    # The next import must not wait on the killed one's lock.
    status, out = cli(ctx, "import", path, "--data-dir", ctx.data, timeout=20)
    if status != 0 or homework_revision(ctx.db) != ctx.revision:
        ctx.failure("next import failed", "import", f"exit {status}: {out[:200]}")
    check_record(ctx, "import")


def kill_export(ctx):
    before = sha256(ctx.db)
    out = os.path.join(ctx.root, "export.csv")
    if os.path.exists(out):
        os.remove(out)
    kill_after([ctx.app, "export", "--csv", out, "--data-dir", ctx.data],
               ctx.rng.uniform(0, ctx.windows["export"]))
    check_record(ctx, "export")
    if sha256(ctx.db) != before:
        ctx.failure("database changed by export", "export", ctx.db)
    if os.path.exists(out):
        with open(out, newline="") as f:
            rows = sum(1 for line in f if line.startswith("session,"))
        if rows != len(ctx.expected):
            ctx.failure("partial export file", "export", f"{rows} of {len(ctx.expected)} sessions")
    for name in os.listdir(ctx.root):
        if name.startswith(".export.csv.tmp"):  # counted, then removed so each kill counts anew
            ctx.notes[("export", "temporary file left beside the target")] += 1
            os.remove(os.path.join(ctx.root, name))


KILLS = {"start_new": kill_start_new, "start": kill_start, "mid_step": kill_mid_step,
         "rating_save": kill_rating_save, "backup": kill_backup, "import": kill_import,
         "export": kill_export}


# ---- set-up: the main folder and each moment's window, measured here ----

def prepare(ctx, history_years):
    tool = os.path.join(ctx.build, "bench", "unknot_make_history_db")
    if history_years > 0 and os.path.exists(tool):
        subprocess.run([tool, ctx.data, "--years", str(history_years)], check=True,
                       capture_output=True)
    app = App(ctx, ctx.data)  # makes (or opens) the database
    if app.wait_frame() is None:
        sys.exit("the app did not start: " + " | ".join(app.lines))
    app.close()
    write_routine(ctx.data)
    seed_settings(ctx.db)
    ctx.expected = sessions(ctx.db)


def measure_windows(ctx):
    """Each moment's window in seconds: from launch to the first frame (a new folder and the
    main one), from Save to the session's completed row and to the backup's file, and how long
    an import and an export take."""
    firsts = []
    for _ in range(3):
        folder = tempfile.mkdtemp(prefix="new-", dir=ctx.root)
        app = App(ctx, folder)
        firsts.append(app.wait_frame() or 2.0)
        app.close()
        shutil.rmtree(folder)
    ctx.windows["start_new"] = 1.2 * max(firsts)
    firsts = []
    for _ in range(3):
        app = App(ctx, ctx.data)
        firsts.append(app.wait_frame() or 2.0)
        app.close()
    ctx.windows["start"] = 1.2 * max(firsts)

    for path in today_backups(ctx):
        if os.path.exists(path):
            os.remove(path)
    started = start_session(ctx)
    if not started:
        sys.exit("could not drive a session: " + " | ".join(ctx.reproductions))
    app, sid, _, began = started
    ctx.windows["mid_step"] = planned_s(ctx, sid)
    if not wait_session_end(ctx, sid, began):
        sys.exit("could not finish a session: " + " | ".join(ctx.reproductions))
    t0 = time.monotonic()
    backed = wait_for(lambda: any(os.path.exists(p) for p in today_backups(ctx)), 10, 0.001)
    ctx.windows["backup"] = 1.2 * (time.monotonic() - t0)
    pain_after = type_rating_after(ctx, app)
    app.focus()
    t0 = time.monotonic()
    app.press("Return").wait()
    saved = wait_for(lambda: session_status(ctx, sid, "pain_after") == pain_after, 10, 0.001)
    ctx.windows["rating_save"] = 1.2 * (time.monotonic() - t0)
    app.close()
    if not saved or not backed:
        sys.exit(f"the calibration session was not saved ({saved}) or backed up ({backed})")
    ctx.expected = sessions(ctx.db)

    ctx.revision += 1
    t0 = time.monotonic()
    status, out = cli(ctx, "import", homework_file(ctx, ctx.revision), "--data-dir", ctx.data)
    ctx.windows["import"] = 1.5 * (time.monotonic() - t0)
    if status != 0:
        sys.exit("import failed: " + out)
    t0 = time.monotonic()
    cli(ctx, "export", "--csv", os.path.join(ctx.root, "export.csv"), "--data-dir", ctx.data)
    ctx.windows["export"] = 1.5 * (time.monotonic() - t0)


# ---- part 2: damaged and unusual databases ----

NOBODY = 65534


def as_nobody(args):
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *args]


def damage_cases(ctx):
    """(name, how to make it, run as an unprivileged user): each makes DIR/unknot.db."""
    def overwrite_middle(db):
        size = os.path.getsize(db)
        with open(db, "r+b") as f:
            f.seek(size // 2 // 4096 * 4096)
            f.write(random.Random(1).randbytes(4096))

    def truncate(db):
        os.truncate(db, os.path.getsize(db) // 2)

    def zero_header(db):
        with open(db, "r+b") as f:
            f.write(bytes(100))

    def foreign(db):
        os.remove(db)
        other = sqlite3.connect(db)
        other.executescript("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                            "INSERT INTO notes (text) VALUES ('another app''s file');")
        other.close()

    def newer_schema(db):
        d = sqlite3.connect(db)
        d.execute("PRAGMA user_version = 999")
        d.close()  # checkpointed into the file before anything else opens it

    def wal_from_kill(db):
        # A session killed mid-step leaves its writes in unknot.db-wal.
        folder = os.path.dirname(db)
        app = App(ctx, folder, ["--routine", ROUTINE_ID])
        app.wait_frame()
        time.sleep(0.3)
        app.keys("Return", "Return", "4", "Return")
        time.sleep(COUNTDOWN_S + STEP_S + 1)
        app.kill()

    def read_only_file(db):
        os.chmod(db, 0o400)

    def read_only_folder(db):
        os.chmod(os.path.dirname(db), 0o500)

    def read_only_folder_after_kill(db):
        wal_from_kill(db)
        read_only_folder(db)

    refused = "refused, 1 1 1, unchanged"
    damaged = "damaged screen, 1 restore, unchanged"
    return [("4 KiB overwritten mid-file", overwrite_middle, False, damaged),
            ("truncated to half", truncate, False, damaged),
            ("header zeroed (100 bytes)", zero_header, False, damaged),
            ("another app's SQLite file", foreign, False, refused),
            ("newer schema (user_version 999)", newer_schema, False, refused),
            ("WAL left by a kill mid-step", wal_from_kill, False, "opens, resume offered, 0 0 0"),
            ("read-only database file", read_only_file, True, "can't save, 0 0 0, unchanged"),
            ("read-only data folder", read_only_folder, True, "can't save, 0 0 0, unchanged"),
            ("read-only folder, WAL left by a kill", read_only_folder_after_kill, True,
             "can't save, 0 0 0, unchanged")]


def folder_hashes(folder):
    """The database and its WAL, a missing WAL as an empty one (SQLite removes an empty WAL as
    the last connection closes; the -shm index is rewritten by any reader, by design)."""
    def content(name):
        path = os.path.join(folder, name)
        return sha256(path) if os.path.isfile(path) else hashlib.sha256().hexdigest()
    return (content("unknot.db"), content("unknot.db-wal"))


def app_outcome(ctx, folder, unprivileged):
    """What the app says on this folder (dummy video: only its messages matter here)."""
    mode = os.stat(folder).st_mode & 0o777
    outcome = app_message(ctx, folder, unprivileged)
    if os.stat(folder).st_mode & 0o777 != mode:
        outcome += f", folder mode {mode:o} -> {os.stat(folder).st_mode & 0o777:o}"
    if outcome.startswith("opened"):
        db = os.path.join(folder, "unknot.db")
        waiting = [r for r in sessions(db).values() if r[4] == "in_progress"]
        if waiting:
            outcome += f", {len(waiting)} session waiting to resume"
    return outcome


def app_message(ctx, folder, unprivileged):
    """What the app says on this folder (dummy video: only its messages matter here)."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    args = [ctx.app, "--data-dir", folder]
    proc = subprocess.Popen(as_nobody(args) if unprivileged else args, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            errors="replace")
    time.sleep(2.0)
    proc.terminate()
    try:
        _, err = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        return "HUNG after SIGTERM"
    lines = [l[len("unknot: "):].replace(os.path.join(folder, "unknot.db"), "DB")
             .replace(folder, "DIR") for l in err.splitlines() if l.startswith("unknot:")]
    if any("the database is damaged" in l for l in lines):
        return "damaged screen"  # DamagedDatabase: the "Your record is damaged" screen
    if lines:
        return "notice: " + lines[0][:64]
    return f"opened (exit {proc.returncode})"


def cli_outcome(ctx, parent, folder, unprivileged, command):
    out = os.path.join(parent, "out")
    os.makedirs(out, exist_ok=True)
    os.chmod(out, 0o777)
    args = {"history": ["history"],
            "export": ["export", "--csv", os.path.join(out, "x.csv")],
            "report": ["report", "--out", os.path.join(out, "x.html")]}[command]
    full = [ctx.app, *args, "--data-dir", folder]
    r = subprocess.run(as_nobody(full) if unprivileged else full, capture_output=True,
                       text=True, errors="replace", timeout=60)
    return f"{r.returncode}{' restore' if 'unknot restore' in r.stdout + r.stderr else ''}"


def run_damage(ctx):
    """Each case on a copy of the main folder: the commands first (they only read), then the
    app. Rows: case, expected, app, bytes unchanged by the app, each command's exit status."""
    parent = os.path.join(ctx.root, "damage")
    os.makedirs(parent)
    os.chmod(ctx.root, 0o711)  # an unprivileged user reaches the read-only cases' folders
    os.chmod(parent, 0o711)
    base = os.path.join(parent, "base")
    restart_and_close(ctx, "setup")  # the main folder closed cleanly: no WAL
    os.makedirs(base)
    shutil.copy2(ctx.db, base)
    shutil.copytree(os.path.join(ctx.data, "routines"), os.path.join(base, "routines"))
    rows = []
    can_drop = shutil.which("setpriv") is not None and os.geteuid() == 0
    for name, make, unprivileged, expected in damage_cases(ctx):
        folder = tempfile.mkdtemp(prefix="case-", dir=parent)
        os.rmdir(folder)
        shutil.copytree(base, folder)
        os.chmod(folder, 0o700)  # as the app makes it: only a read-only folder's mode changes
        make(os.path.join(folder, "unknot.db"))
        if unprivileged:
            if not can_drop:
                rows.append((name, expected, "skipped: needs root and setpriv", "-", "-", "-",
                             "-"))
                continue
            for dirpath, _, files in os.walk(folder):
                os.chown(dirpath, NOBODY, NOBODY)
                for f in files:
                    os.chown(os.path.join(dirpath, f), NOBODY, NOBODY)
        codes = []
        for command in ("history", "export", "report"):
            before = folder_hashes(folder)
            codes.append(f"{cli_outcome(ctx, parent, folder, unprivileged, command)}"
                         f"{'' if folder_hashes(folder) == before else ' CHANGED'}")
        before = folder_hashes(folder)
        outcome = app_outcome(ctx, folder, unprivileged)
        rows.append((name, expected, outcome, "yes" if folder_hashes(folder) == before else "no",
                     *codes))
    return rows


# ---- parts 3 and 4: figures from the other benches ----

def input_figures(ctx):
    tool = os.path.join(ctx.build, "bench", "unknot_input_bench")
    if not os.path.exists(tool):
        return ["not run (build the unknot_input_bench target)"]
    r = subprocess.run([tool], capture_output=True, text=True, errors="replace", timeout=600)
    return r.stdout.splitlines() or [f"exit {r.returncode}: {r.stderr.strip()[:200]}"]


def fuzz_figures():
    cache = os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
                         "unknot-fuzz")
    rows = []
    for target in ("routine", "homework", "library", "bodymap"):
        log = os.path.join(cache, target + ".log")
        if not os.path.exists(log):
            continue
        runs = seconds = speed = "?"
        with open(log, errors="replace") as f:
            for line in f:
                if "stat::number_of_executed_units:" in line:
                    runs = line.split(":")[-1].strip()
                elif "stat::average_exec_per_sec:" in line:
                    speed = line.split(":")[-1].strip()
                elif line.startswith("Done ") and " runs in " in line:
                    seconds = line.split(" runs in ")[1].split()[0]
        when = datetime.datetime.fromtimestamp(os.path.getmtime(log)).strftime("%Y-%m-%d %H:%M")
        rows.append((target, runs, seconds, speed, when))
    return rows


# ---- the tables ----

def table(headers, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    print(line.format(*headers))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line.format(*row))


def print_kills(ctx, seconds):
    kinds = {"integrity": "integrity", "sessions lost": ("session lost", "session changed",
                                                         "running session not kept",
                                                         "completed session not kept"),
             "ratings lost": "rating lost",
             "resume missing": ("resume not offered", "resume answer not kept"),
             "start blocked": ("next start failed", "next start refused", "start failed",
                               "session did not start")}
    rows = []
    for moment in MOMENTS:
        counts = []
        for kind in kinds.values():
            names = (kind,) if isinstance(kind, str) else kind
            counts.append(sum(ctx.problems[(moment, n)] for n in names))
        other = sum(v for (m, k), v in ctx.problems.items() if m == moment) - sum(counts)
        rows.append((moment, ctx.counts[moment], f"{ctx.windows.get(moment, 0) * 1000:.0f}",
                     *counts, other))
    total = ["total", sum(ctx.counts.values()), ""]
    total += [sum(r[i] for r in rows) for i in range(3, len(rows[0]))]
    rows.append(tuple(total))
    print(f"\n1. SIGKILL at random moments ({sum(ctx.counts.values())} kills in {seconds:.0f} s)")
    table(["moment", "kills", "window ms", *kinds.keys(), "other"], rows)
    if ctx.hangs:
        print(f"   HANG: {ctx.hangs} times the app did not quit within 10 s of SIGTERM")
    for (moment, note), n in sorted(ctx.notes.items()):
        print(f"   {moment}: {note}: {n}")
    for line in ctx.reproductions:
        print("   FOUND " + line)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build", help="a build folder holding src/unknot and bench/ tools")
    ap.add_argument("--kills", type=int, default=300)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--history-years", type=int, default=10,
                    help="years of made-up history in the main folder (0: start empty)")
    ap.add_argument("--moments", default=",".join(MOMENTS),
                    help="comma-separated moments to kill at (default: all)")
    ap.add_argument("--skip-damage", action="store_true")
    ap.add_argument("--minutes", type=float, default=0,
                    help="stop killing after this long and print what was done (0: no limit)")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder")
    a = ap.parse_args()
    ctx = Context(a)
    try:
        prepare(ctx, a.history_years)
        measure_windows(ctx)
        print(f"main folder: {len(ctx.expected)} sessions; windows (ms): " +
              ", ".join(f"{k} {v * 1000:.0f}" for k, v in ctx.windows.items()), flush=True)
        moments = a.moments.split(",")
        plan = [moments[i % len(moments)] for i in range(a.kills)]
        ctx.rng.shuffle(plan)
        t0 = time.monotonic()
        for i, moment in enumerate(plan, 1):
            if a.minutes and time.monotonic() - t0 > a.minutes * 60:
                print(f"   time budget of {a.minutes} minutes reached after {i - 1} kills",
                      file=sys.stderr, flush=True)
                break
            ctx.counts[moment] += 1
            ctx.kill_no = i
            ctx.moment = moment
            KILLS[moment](ctx)
            if i % 10 == 0:
                print(f"  {i}/{len(plan)} kills, {sum(ctx.problems.values())} problems",
                      file=sys.stderr, flush=True)
        print_kills(ctx, time.monotonic() - t0)

        if not a.skip_damage:
            print("\n2. Damaged and unusual databases (the app, then each command: exit status)")
            table(["case", "expected", "app", "bytes unchanged", "history", "export", "report"],
                  run_damage(ctx))
            print("   (exit status; 'restore': the message names `unknot restore`; 'CHANGED': the "
                  "command changed the database's bytes; 'bytes unchanged' is the app's)")

        print("\n3. Time to reject (bench/input_bench.cpp)")
        for line in input_figures(ctx):
            print("   " + line)

        print("\n4. Fuzzing (scripts/fuzz.sh logs in ~/.cache/unknot-fuzz)")
        rows = fuzz_figures()
        if rows:
            table(["target", "executions", "seconds", "exec/s", "log written"], rows)
        else:
            print("   not run")
    finally:
        if a.keep:
            print(f"scratch folder kept: {ctx.root}")
        else:
            subprocess.run(["chmod", "-R", "u+rwX", ctx.root], check=False)
            shutil.rmtree(ctx.root, ignore_errors=True)
    lost = sum(ctx.problems.values()) + ctx.hangs
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
