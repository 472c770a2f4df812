import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { waitFor } from './browsers';

/**
 * A real X display for the tests that click and type as a user does: Xvfb with the openbox
 * window manager (without one, Firefox closes its panels on the first pointer motion), driven by
 * xdotool and looked at with ImageMagick's `import`. Debian's packages: xvfb, openbox, xdotool,
 * imagemagick (scripts/ensure-browsers.mjs installs them).
 */
export type Display = {
  name: string;
  env: NodeJS.ProcessEnv;
  key(...keys: string[]): Promise<void>;
  activate(windowClass: string): Promise<void>;
  /** A left click at a point of the screen. */
  click(x: number, y: number): Promise<void>;
  /** The colour ('#rrggbb') of one pixel of the screen, as a user would see it. */
  pixel(x: number, y: number): Promise<string>;
  close(): Promise<void>;
};

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

export async function startDisplay(): Promise<Display> {
  // A display number no other run uses: one per process.
  const number = 90 + (process.pid % 400);
  const name = `:${number}`;
  const env = { ...process.env, DISPLAY: name };
  const children: ChildProcess[] = [spawn('Xvfb', [name, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' })];
  await waitFor(async () => existsSync(`/tmp/.X11-unix/X${number}`), Boolean, `the X display ${name}`);
  children.push(spawn('openbox', [], { env, stdio: 'ignore' }));
  // The window manager is up when it owns the screen's window-manager selection.
  await waitFor(() => run('xdotool', ['getdisplaygeometry'], env).then(() => true), Boolean, 'openbox');
  return {
    name,
    env,
    key: async (...keys) => {
      for (const key of keys) await run('xdotool', ['key', '--clearmodifiers', key], env);
    },
    activate: async (windowClass) => {
      const ids = await waitFor(() => run('xdotool', ['search', '--onlyvisible', '--class', windowClass], env).then((out) => out.trim().split('\n').filter(Boolean)), (found) => found.length > 0, `a ${windowClass} window`);
      await run('xdotool', ['windowactivate', '--sync', ids.at(-1)!], env);
    },
    click: async (x, y) => {
      await run('xdotool', ['mousemove', '--sync', String(Math.round(x)), String(Math.round(y)), 'click', '1'], env);
    },
    pixel: async (x, y) => {
      // ImageMagick's `import` grabs the screen; one pixel, printed as text ("… #RRGGBB …").
      const out = await run('import', ['-window', 'root', '-crop', `1x1+${x}+${y}`, '-depth', '8', 'txt:-'], env);
      return (/#[0-9A-F]{6}/i.exec(out)?.[0] ?? '').toLowerCase();
    },
    close: async () => {
      for (const child of children.reverse()) child.kill();
    },
  };
}
