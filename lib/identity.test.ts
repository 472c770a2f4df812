import { describe, expect, it } from 'vitest';
import { ClientGroups, clientKey, clientLinks, normaliseDomain } from './identity';

describe('clientKey', () => {
  it.each([
    ['ООО «Ромашка»', 'ромашка'],
    ['Ромашка, ООО', 'ромашка'],
    ['"Ромашка" ООО', 'ромашка'],
    ['ЧУП «Вектор»', 'вектор'],
    ['Acme Trading LLC', 'acme trading'],
    ['ACME  Trading, L.L.C.', 'acme trading'],
    ['Acme Trading Inc.', 'acme trading'],
    ['Ёлка ЗАО', 'елка'],
    ['Globex GmbH', 'globex'],
    ['Initech Ltd', 'initech'],
    ['ＡＣＭＥ Trading', 'acme trading'], // full-width letters, NFKC
    ['ООО', 'ооо'], // nothing but a legal form keeps it
    ['__proto__', 'proto'],
  ])('%s → %s', (name, key) => {
    expect(clientKey({ name })).toBe(key);
  });

  it('keeps different clients apart', () => {
    expect(clientKey({ name: 'Acme Trading' })).not.toBe(clientKey({ name: 'Acme Consulting' }));
  });
});

describe('links and groups', () => {
  it('normalises domains and tax ids', () => {
    expect(normaliseDomain('https://www.Acme.com/about')).toBe('acme.com');
    expect(clientLinks({ name: 'x', taxId: 'УНП 190 123 456', domain: 'acme.com' })).toEqual(['tax:УНП190123456', 'domain:acme.com']);
  });

  it('ties keys that share a tax id; the earlier one leads', () => {
    const groups = new ClientGroups();
    groups.add('romashka', ['tax:190123456']);
    groups.add('romashka trade', ['tax:190123456']);
    groups.add('other');
    expect(groups.find('romashka trade')).toBe('romashka');
    expect(groups.find('other')).toBe('other');
  });

  it('joins two groups through a third key and by hand', () => {
    const groups = new ClientGroups();
    groups.add('a', ['domain:a.com']);
    groups.add('b', ['tax:1']);
    groups.add('c', ['domain:a.com', 'tax:1']);
    expect(new Set(['a', 'b', 'c'].map((k) => groups.find(k)))).toEqual(new Set(['a']));
    groups.add('d');
    groups.union('d', 'b');
    expect(groups.find('d')).toBe('a');
  });
});
