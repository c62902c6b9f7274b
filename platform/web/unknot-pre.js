// The browser side of Unknot, run before the program (emcc --pre-js). It mounts the record's
// folder on IndexedDB and loads it before main() starts, and it is the page half of every
// browser service the C++ side asks for through Module.unknotWeb (web_places.cpp,
// web_main.cpp): downloads, the file picker, the screen Wake Lock, saving to IndexedDB, the
// accessible layer over the canvas, the live region for spoken cues and the on-screen keyboard.
/* global Module, FS, IDBFS, ENV, addRunDependency, removeRunDependency, ccall */
'use strict';

Module.canvas = document.getElementById('canvas');
Module.preRun = Module.preRun || [];
Module.preInit = Module.preInit || [];
Module.print = (text) => console.log(text);
Module.printErr = (text) => console.warn(text);
// The data package's voice clips are read by the app's own decoder (SDL_mixer). Emscripten
// would otherwise also hand each of them to an <audio> element while unpacking and wait for it
// to decode, which holds the start back by hundreds of milliseconds (more on a slow phone).
Module.noAudioDecoding = true;
Module.noImageDecoding = true;
// Moments of the start, for the budgets bench (bench/web/budgets.mjs): the program loaded and
// ready to run (wasm compiled, data unpacked, the record read), the shell made, the first frame.
Module.onRuntimeInitialized = () => performance.mark('unknot-runtime');
// The browser's language stands for the system's: the app reads LANG as it does on a desktop
// (core::system_language) when the person has not chosen one in Settings.
const browserLanguage = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
Module.preRun.push(() => {
  ENV.LANG = browserLanguage.replace('-', '_') + '.UTF-8';
});

// Spoken cues in a language other than English are a package of their own (voice-<code>.data,
// made by platform/web/CMakeLists.txt), fetched only by those who speak it: at the start when
// the language the app spoke last time (or, the first time, the browser's) has one, and when the
// person picks it in Settings. It unpacks into /assets/audio/<code>, which the app reads when it
// opens its sound.
const voicePackages = new Set(Module.unknotVoicePackages || []);
const voicesAsked = new Set();
function fetchVoice(code) {
  if (!voicePackages.has(code) || voicesAsked.has(code)) return;
  voicesAsked.add(code);
  const script = document.createElement('script');
  script.src = 'voice-' + code + '.js';
  script.async = true;
  document.head.appendChild(script);
}
(function () {
  let last = '';
  try {
    last = localStorage.getItem('unknot-language') || '';
  } catch (e) {
    // storage refused (a private window): the browser's language decides
  }
  fetchVoice(last || browserLanguage.split('-')[0].toLowerCase());
})();

(function () {
  const page = {
    canvas: document.getElementById('canvas'),
    layer: document.getElementById('a11y'),
    live: document.getElementById('live'),
    notice: document.getElementById('notice'),
    loading: document.getElementById('loading'),
    fileInput: document.getElementById('file-input'),
    textEntry: document.getElementById('text-entry'),
  };
  let started = false;
  let startProblem = null;    // a storage problem met before the app could show it
  const waitingFiles = [];    // files handed over before the app started

  // ---- The record's folder: IndexedDB under /data, loaded before main() --------------------
  // The page opened the IndexedDB database already (shell.html, Module.recordOpening), while
  // the program downloads; it is handed to emscripten's IDBFS when made the way IDBFS makes it
  // (else IDBFS opens it itself). Reading the record starts once this script has run
  // (preInit), and main() waits for it (a run dependency).
  Module.preInit.push(() => {
    FS.mkdir('/data');
    try {
      FS.mount(IDBFS, {}, '/data');
    } catch (e) {
      startProblem = ['unavailable', String(e)];
      return;
    }
    addRunDependency('unknot-record');
    const load = () => FS.syncfs(true, (err) => {
      performance.mark('unknot-record-loaded');
      if (err) {
        startProblem = ['refused', ''];
      }
      removeRunDependency('unknot-record');
    });
    const opening = Module.recordOpening || Promise.resolve(null);
    opening.then((opened) => {
      performance.mark('unknot-record-opened');
      if (opened && opened.version === IDBFS.DB_VERSION && opened.store === IDBFS.DB_STORE_NAME) {
        IDBFS.dbs['/data'] = opened.db;
      } else if (opened) {
        opened.db.close();
      }
      load();
    });
  });
  // One tab at a time: two would each save their own copy of the record over the other's.
  if (navigator.locks) {
    Module.preInit.push(() => {
      addRunDependency('unknot-lock');
      navigator.locks.request('unknot-record', { ifAvailable: true }, (lock) => {
        if (!lock) {
          showFatal(Module.pageText.otherTab);
          return undefined;
        }
        removeRunDependency('unknot-lock');
        return new Promise(() => {});  // held for as long as the page lives
      });
    });
  }
  // Ask the browser to keep the record even when space runs low (it may say no; then it is
  // still kept, only not guaranteed).
  if (navigator.storage && navigator.storage.persist) {
    navigator.storage.persisted().then((already) => {
      if (!already) return navigator.storage.persist();
      return true;
    }).catch(() => {});
  }

  function showFatal(text) {
    page.loading.hidden = true;
    page.notice.textContent = text;
    page.notice.hidden = false;
  }

  // ---- Saving: the in-memory files are copied to IndexedDB after each committed write -------
  const saver = {
    busy: false,
    again: false,
    failing: false,
    retry: 0,
    written() {
      this.again = true;
      this.flush();
    },
    flush() {
      if (this.busy || !this.again) return;
      this.again = false;
      this.busy = true;
      FS.syncfs(false, (err) => {
        this.busy = false;
        if (err) {
          if (!this.failing) {
            this.failing = true;
            tell(['not kept', '']);
          }
          // Try again in a while: space may be freed, or the browser may allow it.
          clearTimeout(this.retry);
          this.retry = setTimeout(() => this.written(), 15000);
        } else if (this.failing) {
          this.failing = false;
          announce(Module.pageText.savedAgain);
          if (started) ccall('unknot_web_storage_saved', null, [], []);
        }
        if (this.again) this.flush();
      });
    },
  };
  // Leaving the page or hiding it: save what is waiting now.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saver.written();
  });
  window.addEventListener('pagehide', () => saver.written());

  // `problem` is [what, the browser's words]: the app words it (web_main.cpp).
  function tell(problem) {
    if (started) {
      ccall('unknot_web_storage_failed', null, ['string', 'string'], problem);
    } else {
      startProblem = problem;
    }
  }

  // ---- Files in: the picker, drag and drop, a shared link, "open with" ------------------------
  function openBytes(name, bytes) {
    if (!started) {
      waitingFiles.push([name, bytes]);
      return;
    }
    const safe = (name || 'homework.unknot').replace(/[^A-Za-z0-9._ -]/g, '-').slice(-120);
    try {
      FS.mkdirTree('/incoming');
    } catch (e) { /* already there */ }
    const path = '/incoming/' + safe;
    FS.writeFile(path, bytes);
    ccall('unknot_web_open_file', null, ['string'], [path]);
    try {
      FS.unlink(path);
    } catch (e) { /* the app may have moved it */ }
  }
  function openFileObject(file) {
    file.arrayBuffer().then((buffer) => openBytes(file.name, new Uint8Array(buffer)));
  }
  page.fileInput.addEventListener('change', () => {
    for (const file of page.fileInput.files) openFileObject(file);
    page.fileInput.value = '';
  });
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    for (const file of e.dataTransfer.files) openFileObject(file);
  });
  // A link such as https://…/unknot/?open=https://…/neck.unknot: the file is fetched (the server
  // must allow it) and opened as if picked. Nothing is sent: it is a plain download.
  const shared = new URLSearchParams(location.search).get('open');
  if (shared) {
    fetch(shared, { credentials: 'omit' })
      .then((r) => {
        if (!r.ok) throw new Error('the link answered ' + r.status);
        return r.arrayBuffer();
      })
      .then((buffer) => {
        const name = decodeURIComponent(new URL(shared, location.href).pathname.split('/').pop());
        openBytes(name || 'homework.unknot', new Uint8Array(buffer));
      })
      .catch((err) => tell('the shared homework link could not be opened: ' + err.message));
  }
  // An installed app opening a .unknot file (file_handlers in the manifest).
  if ('launchQueue' in window) {
    window.launchQueue.setConsumer((params) => {
      for (const handle of params.files || []) handle.getFile().then(openFileObject);
    });
  }

  // ---- Files out: a saved file becomes a download ------------------------------------------
  const types = {
    html: 'text/html', ics: 'text/calendar', csv: 'text/csv',
    unknot: 'application/x-unknot-homework', json: 'application/json',
  };
  function download(path) {
    let data;
    try {
      data = FS.readFile(path);
    } catch (e) {
      return false;
    }
    const name = path.split('/').pop();
    const ext = name.split('.').pop().toLowerCase();
    const url = URL.createObjectURL(new Blob([data], { type: types[ext] || 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    setTimeout(() => {
      URL.revokeObjectURL(url);
      a.remove();
    }, 60000);
    try {
      FS.unlink(path);  // the browser has it now; the copy in memory is not kept
    } catch (e) { /* gone already */ }
    return true;
  }

  // ---- The screen stays on during a session ----------------------------------------------------
  const awake = { wanted: false, sentinel: null };
  function requestWakeLock() {
    if (!awake.wanted || awake.sentinel || !navigator.wakeLock) return;
    navigator.wakeLock.request('screen').then((sentinel) => {
      if (!awake.wanted) {
        sentinel.release();
        return;
      }
      awake.sentinel = sentinel;
      sentinel.addEventListener('release', () => { awake.sentinel = null; });
    }).catch(() => {});  // refused (battery saver, not visible): the session runs anyway
  }
  function keepAwake(on) {
    awake.wanted = on;
    if (on) {
      requestWakeLock();
    } else if (awake.sentinel) {
      awake.sentinel.release();
      awake.sentinel = null;
    }
  }
  // The browser drops the lock when the tab is hidden; take it again on return.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') requestWakeLock();
  });

  // ---- The accessible layer: the app's targets as real buttons over the canvas --------------
  const mirrored = new Map();  // "kind:index" → element
  let lastScreen = -1;
  // The screen's heading, first in the layer: a reader moving by headings lands on it, and the
  // tab's title follows it.
  const heading = document.createElement('h1');
  heading.className = 'visually-hidden';
  page.layer.prepend(heading);
  function mirrorTargets(json) {
    const state = JSON.parse(json);
    if (heading.textContent !== state.title) {
      heading.textContent = state.title;
      document.title = state.title ? state.title + ' · Unknot' : 'Unknot';
    }
    const seen = new Set();
    const hadFocus = page.layer.contains(document.activeElement);
    let focusedEl = null;
    state.targets.forEach((t, order) => {
      const key = t.kind + ':' + t.index;
      seen.add(key);
      let el = mirrored.get(key);
      if (!el) {
        el = document.createElement('button');
        el.type = 'button';
        el.tabIndex = -1;  // the canvas keeps its own Tab order; readers move by their own
        el.addEventListener('click', (e) => {
          e.preventDefault();
          ccall('unknot_web_press', null, ['number', 'number'], [t.kind, t.index]);
        });
        // Enter and Space reach the app through its own key handling: no second press.
        el.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') e.preventDefault();
        });
        mirrored.set(key, el);
      }
      el.dataset.kind = t.kind;
      el.dataset.index = t.index;
      el.setAttribute('aria-label', t.label);
      if (t.role !== 'button') {
        el.setAttribute('role', t.role);
      } else {
        el.removeAttribute('role');
      }
      if ('checked' in t) {
        el.setAttribute('aria-checked', t.checked ? 'true' : 'false');
      } else {
        el.removeAttribute('aria-checked');
      }
      el.setAttribute('aria-disabled', t.enabled ? 'false' : 'true');
      el.style.left = t.x + 'px';
      el.style.top = t.y + 'px';
      el.style.width = t.w + 'px';
      el.style.height = t.h + 'px';
      el.style.order = order;
      // After the heading, which is the layer's first child.
      const at = order + 1;
      if (page.layer.children[at] !== el) page.layer.insertBefore(el, page.layer.children[at] || null);
      if (t.focused) focusedEl = el;
    });
    // (No destructuring in loops: emcc's JS optimiser in Debian 12 mangles it.)
    Array.from(mirrored.keys()).forEach((key) => {
      if (seen.has(key)) return;
      mirrored.get(key).remove();
      mirrored.delete(key);
    });
    // A reader already in the layer follows the app's focus (Tab, or a new screen's first
    // control); nobody else's focus is moved.
    if (hadFocus && focusedEl && document.activeElement !== focusedEl) focusedEl.focus();
    if (state.screen !== lastScreen) {
      lastScreen = state.screen;
      page.layer.dataset.screen = state.screen;
    }
  }
  function announce(text) {
    // Cleared first, so the same words said twice are announced twice.
    page.live.textContent = '';
    setTimeout(() => { page.live.textContent = text; }, 30);
  }

  // ---- Text fields: the on-screen keyboard --------------------------------------------------
  // While the app edits a text field, a hidden input holds the focus so a phone shows its
  // keyboard. Keys with a readable key event reach the app through SDL; text that arrives
  // without one (phone keyboards, dictation, IME) is passed on here.
  let keyedText = false;
  page.textEntry.addEventListener('keydown', (e) => {
    keyedText = e.key && e.key.length === 1 && e.keyCode !== 229;
  });
  page.textEntry.addEventListener('input', (e) => {
    const text = page.textEntry.value;
    page.textEntry.value = '';
    if (keyedText) {
      keyedText = false;
      return;
    }
    if (e.inputType === 'deleteContentBackward') {
      ccall('unknot_web_key', null, ['number'], [8]);  // SDLK_BACKSPACE
    } else if (e.inputType === 'insertLineBreak') {
      ccall('unknot_web_key', null, ['number'], [13]);  // SDLK_RETURN
    } else if (text) {
      ccall('unknot_web_text', null, ['string'], [text]);
    }
  });
  function editing(on) {
    if (on) {
      page.textEntry.focus({ preventScroll: true });
    } else if (document.activeElement === page.textEntry) {
      page.textEntry.blur();
      page.canvas.focus({ preventScroll: true });
    }
  }

  Module.unknotWeb = {
    dataWritten: () => saver.written(),
    download,
    keepAwake,
    pickFile: () => page.fileInput.click(),
    mirrorTargets,
    announce,
    // The app speaks `code` now (platform::language_changed).
    language(code) {
      document.documentElement.lang = code === 'qps' ? 'en' : code;
      Module.pageText = Module.pageTexts[code] || Module.pageTexts.en;
      try {
        localStorage.setItem('unknot-language', code);
      } catch (e) {
        // not remembered: the next start follows the browser's language again
      }
      fetchVoice(code);
    },
    editing,
    started() {
      performance.mark('unknot-started');
      started = true;
      page.loading.hidden = true;
      document.body.classList.add('running');
      if (startProblem) tell(startProblem);
      waitingFiles.splice(0).forEach((file) => openBytes(file[0], file[1]));
    },
    // The first frame is on the screen: its moment is kept for the budgets bench.
    firstFrame() {
      performance.mark('unknot-first-frame');
      window.unknotFirstFrameMs = performance.now();
      // The app works offline after the first visit: a service worker keeps its files. It is
      // registered a second after the first frame, once the app has read its routines and
      // opened its sound: installing fetches and stores every file again, which would compete
      // with the start for a phone's cores.
      if ('serviceWorker' in navigator && (location.protocol === 'https:' ||
          location.hostname === 'localhost' || location.hostname === '127.0.0.1')) {
        setTimeout(() => navigator.serviceWorker.register('sw.js').catch(() => {}), 1000);
      }
    },
    failed(text) {
      showFatal(Module.pageText.cannotStart + text);
    },
    saveNow: () => saver.written(),
    // Whether the app's loop is resting: nothing moves and it waits for the person (web_main.cpp,
    // pace()); it takes no frames then.
    resting: false,
    // Whether the app asked for the screen to stay on (a session is running), and whether the
    // browser granted it.
    get keepingAwake() { return awake.wanted; },
    get wakeLockHeld() { return awake.sentinel !== null; },
    get saving() { return saver.busy || saver.again; },
  };
})();
