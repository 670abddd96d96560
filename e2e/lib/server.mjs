// Starts `blma serve` (the binary named by BLMA_BIN) on a free loopback port with a throwaway
// data directory and a first administrator, and stops it again.

import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ADMIN_EMAIL = 'e2e-admin@example.org';
export const ADMIN_PASSWORD = 'correct horse battery staple';

/** The blma binary under test: `BLMA_BIN` (cargo sets it in crates/blma/tests/e2e_browser.rs). */
export function blmaBinary() {
  const bin = process.env.BLMA_BIN;
  if (!bin) {
    throw new Error('set BLMA_BIN to a built blma binary (e.g. target/debug/blma), or run `cargo test -p blma --test e2e_browser`');
  }
  if (!existsSync(bin)) throw new Error(`BLMA_BIN=${bin} does not exist: build it first (cargo build -p blma)`);
  return bin;
}

/**
 * Runs `blma serve --bind 127.0.0.1:0` (the kernel picks a free port; the server prints it),
 * waits for its "serving on" line and for /healthz to answer "ok".
 * Returns `{ url, readyMs, stderr(), stop() }`.
 */
export async function startServer({ timeoutMs = 120_000 } = {}) {
  const bin = blmaBinary();
  const dataDir = mkdtempSync(join(tmpdir(), 'blma-e2e-data-'));
  const started = Date.now();
  const child = spawn(bin, ['serve', '--data-dir', dataDir, '--bind', '127.0.0.1:0'], {
    env: { ...process.env, BLMA_ADMIN_EMAIL: ADMIN_EMAIL, BLMA_ADMIN_PASSWORD: ADMIN_PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT'); // graceful shutdown
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`blma serve was not ready after ${timeoutMs} ms`)), timeoutMs);
      const look = () => {
        const m = log.match(/serving on (http:\/\/[^\s]+) \(ready in (\d+) ms/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stderr.on('data', look);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`blma serve exited (${code ?? signal}) before it was ready`));
      });
      look();
    });
    // The socket is bound before the line is printed; /healthz proves requests are served.
    for (;;) {
      if ((await getText(`${url}/healthz`).catch(() => null)) === 'ok') break;
      if (Date.now() - started > timeoutMs) throw new Error('/healthz never answered "ok"');
      await new Promise((r) => setTimeout(r, 50));
    }
    const readyMs = Number(log.match(/ready in (\d+) ms/)[1]);
    return { url, readyMs, healthyAfterMs: Date.now() - started, stderr: () => log, stop };
  } catch (e) {
    await stop();
    e.message += `\n--- blma serve output ---\n${log}`;
    throw e;
  }
}

/** The body of a GET answered 200, as text. */
function getText(url) {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { body += d; });
      res.on('end', () => (res.statusCode === 200 ? resolve(body.trim()) : reject(new Error(`HTTP ${res.statusCode}`))));
    }).on('error', reject);
  });
}
