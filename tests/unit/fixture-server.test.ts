import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCT_ADDRESSES, renderDates, startFixtureServer } from '../fixtures/server';

const NOW = new Date(2026, 10, 27, 15, 30); // 27 Nov 2026, local time

/** A raw GET that sends the path exactly as written (fetch would normalise "..", "%2e"). */
function get(base: string, rawPath: string): Promise<{ status: number; type?: string; body: string; location?: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body, location: res.headers.location }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('renderDates', () => {
  it.each([
    ['{{date:-40}}', '2026-10-18'],
    ['{{date:0}}', '2026-11-27'],
    ['{{date:+5}}', '2026-12-02'],
    ['{{date:5}}', '2026-12-02'],
    ['{{date:-40:dd.MM.yyyy}}', '18.10.2026'],
    ['{{date:-40:MM/dd/yyyy}}', '10/18/2026'],
    ['{{date:-40:dd/MM/yyyy}}', '18/10/2026'],
    ['{{date:-270:d MMM yyyy}}', '2 Mar 2026'],
    ['{{date:-365}}', '2025-11-27'],
    // far back, and across a year end
    ['{{date:-1000}}', '2024-03-02'],
    ['{{date:+35:dd.MM.yyyy}}', '01.01.2027'],
  ])('%s → %s', (placeholder, expected) => {
    expect(renderDates(placeholder, NOW)).toBe(expected);
  });

  it('renders every placeholder in a page and leaves other braces alone', () => {
    const page = '<td>{{date:-1:dd.MM.yyyy}}</td><td>{{date:-2:dd.MM.yyyy}}</td>{{name}}{{date:x}}{{date:-1:hh:mm}}';
    expect(renderDates(page, NOW)).toBe('<td>26.11.2026</td><td>25.11.2026</td>{{name}}{{date:x}}{{date:-1:hh:mm}}');
  });
});

describe('startFixtureServer', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'fixture-server-'));
    const root = path.join(dir, 'root');
    await mkdir(path.join(root, 'demo'), { recursive: true });
    await writeFile(path.join(root, 'demo', 'page.html'), '<p>due {{date:-30:dd.MM.yyyy}}</p>');
    await writeFile(path.join(root, 'demo', 'index.html'), '<p>index</p>');
    await writeFile(path.join(root, 'demo', 'clients.html'), '<p>clients</p>');
    await writeFile(path.join(root, 'demo', 'style.css'), 'body{}');
    await writeFile(path.join(root, 'data.json'), '{"due":"{{date:-1}}"}');
    await writeFile(path.join(dir, 'secret.txt'), 'secret');
    await symlink(path.join(dir, 'secret.txt'), path.join(root, 'demo', 'link.txt'));
    server = await startFixtureServer({ root, now: NOW });
  });

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on loopback at a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves a page with its dates rendered relative to now', async () => {
    const page = await get(server.url, '/demo/page.html');
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<p>due 28.10.2026</p>' });
    expect(await get(server.url, '/data.json')).toMatchObject({ type: 'application/json; charset=utf-8', body: '{"due":"2026-11-26"}' });
    expect((await get(server.url, '/demo/style.css')).type).toBe('text/css; charset=utf-8');
  });

  it('serves a folder by its index.html and sends / to the demo', async () => {
    expect((await get(server.url, '/demo/')).body).toBe('<p>index</p>');
    expect(await get(server.url, '/')).toMatchObject({ status: 302, location: '/demo/clients.html' });
  });

  it.each([
    '/../secret.txt',
    '/demo/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/demo/..%2F..%2Fsecret.txt',
    '/..%5csecret.txt',
    '/demo/link.txt',
    '/demo/page.html%00.txt',
    '/%E0%A4%A',
    '/missing.html',
  ])('refuses %s', async (rawPath) => {
    const response = await get(server.url, rawPath);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('secret');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const { hostname, port } = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ hostname, port, path: '/demo/page.html', method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(405);
  });
});

describe('the real fixtures', () => {
  it('serves the demo CRM pages with no placeholder left', async () => {
    const server = await startFixtureServer({ now: NOW });
    try {
      for (const page of ['invoices-ru.html', 'client-acme.html', 'clients.html', 'about.html']) {
        const response = await get(server.url, `/demo/${page}`);
        expect(response.status, page).toBe(200);
        expect(response.body, page).not.toContain('{{');
      }
    } finally {
      await server.close();
    }
  });

  it('serves each look-alike at its product address, and nothing at a near miss', async () => {
    const server = await startFixtureServer({ now: NOW });
    try {
      for (const [address, file] of PRODUCT_ADDRESSES) {
        const [byAddress, byFile] = await Promise.all([get(server.url, address), get(server.url, `/${file}`)]);
        expect(byAddress, address).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
        expect(byAddress.body, address).toBe(byFile.body);
      }
      expect((await get(server.url, '/odoo/customer-invoices/')).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
