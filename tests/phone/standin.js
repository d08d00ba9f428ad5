// The stand-in server (server.py) from the tests' side: start it, change
// the state it serves, steer its refusals, read what the phones sent.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

function start(assets, tmp) {
  const stateFile = path.join(tmp, 'state.json');
  const logFile = path.join(tmp, 'inm.log');
  fs.writeFileSync(logFile, '');
  const sv = {
    stateFile, logFile,
    set: (s) => fs.writeFileSync(stateFile, JSON.stringify(s)),
    // POST /_test {..}: see server.py
    control: async (o) => {
      const r = await fetch(`http://127.0.0.1:${sv.port}/_test`, { method: 'POST', body: JSON.stringify(o) });
      if (r.status !== 200) throw new Error('/_test answered ' + r.status);
    },
    // {phones: {token: {role, name, vote, proposed}}, calls: [[method, path, status]]}
    dump: async () => (await fetch(`http://127.0.0.1:${sv.port}/_test`)).json(),
    calls: async (p, status) => (await sv.dump()).calls
      .filter((c) => c[1] === p && (status === undefined || c[2] === status)).length,
  };
  return new Promise((resolve, reject) => {
    if (!fs.existsSync(stateFile)) sv.set({ v: 1, phase: 'before', roles: [] });
    const p = spawn('python3', [path.join(__dirname, 'server.py'), assets, stateFile, logFile],
      { stdio: ['ignore', 'pipe', 'inherit'] });
    sv.proc = p;
    p.stdout.once('data', (d) => { sv.port = parseInt(String(d), 10); resolve(sv); });
    p.once('error', reject);
    p.once('exit', (c) => reject(new Error('server.py exited ' + c)));
  });
}

module.exports = { start };
