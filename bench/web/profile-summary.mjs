// A sampled CPU profile from the DevTools protocol (Profiler.stop) as self and inclusive time
// per function, largest first. Shared by the start and session profilers.
export function printProfile(profile, { selfRows = 30, totalRows = Number(process.env.TOP || 60) } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const total = new Map();
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const ms = (dt[i + 1] || 0) / 1000;
    const n = byId.get(id);
    const name = n.callFrame.functionName || '(anon ' + n.callFrame.url.split('/').pop() + ')';
    self.set(name, (self.get(name) || 0) + ms);
    // Each function once per sample, however deep it recurses.
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const nm = byId.get(cur).callFrame.functionName || '(anon)';
      if (!seen.has(nm)) { total.set(nm, (total.get(nm) || 0) + ms); seen.add(nm); }
    }
  }
  const top = (m, k) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k);
  console.log('self time (ms)');
  for (const [name, ms] of top(self, selfRows)) console.log(ms.toFixed(1).padStart(8), name.slice(0, 120));
  console.log('inclusive time (ms)');
  for (const [name, ms] of top(total, totalRows)) console.log(ms.toFixed(1).padStart(8), name.slice(0, 120));
}
