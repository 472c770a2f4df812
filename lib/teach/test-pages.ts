import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Observation } from '../model';
import { squish } from '../extract/text';
import { loadPage } from '../../tests/fixtures/pages/page';
import type { TaughtExample } from './learn';

/*
 * The fixture pages of tests/fixtures/teach (an unknown in-house CRM and helpdesk) and how a user
 * points at one row of them. Elements are found by what the user sees (their text), never by
 * the generated classes.
 */

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/teach/', import.meta.url));

type TeachPage = { name: string; url: string; now: Date; observations: Observation[] };

/** A fixture's expected reading and the address and time it is read at. */
export function expectedOf(name: string): TeachPage {
  const expected = JSON.parse(readFileSync(`${FIXTURES}${name}.expected.json`, 'utf8')) as { url: string; now: string; observations: Observation[] };
  // `now` has no zone: local time, so relative times resolve the same in every time zone.
  return { name, url: expected.url, now: new Date(expected.now), observations: expected.observations };
}

export function loadTeachPage(name: string, url = expectedOf(name).url): Document {
  return loadPage(readFileSync(`${FIXTURES}${name}.html`, 'utf8'), url);
}

/** The innermost element in `scope` whose text is exactly `value`, as a user would click it. */
export function shown(scope: ParentNode, value: string): Element {
  const matches = Array.from(scope.querySelectorAll('*')).filter((el) => squish(el.textContent ?? '') === value);
  const innermost = matches.find((el) => !matches.some((other) => other !== el && el.contains(other)));
  if (!innermost) throw new Error(`nothing shows "${value}"`);
  return innermost;
}

/** Pointing at the first invoice of the list on invoices-page1.html: every field the picker asks for. */
export function invoiceExample(doc: Document): TaughtExample {
  const main = doc.querySelector('main')!;
  const number = shown(main, '#INV-1042');
  const row = number.parentElement!.parentElement!;
  return {
    kind: 'invoice',
    row,
    fields: {
      client: shown(row, 'Northwind Traders'),
      number,
      issued: shown(row, 'Feb 2'),
      due: shown(row, 'Mar 4'),
      paid: shown(row, '03/01/2026'),
      amount: shown(row, '$1,250.00'),
      // The status is an icon: the user clicks its drawing.
      status: row.querySelector('circle')!,
    },
  };
}

/** Pointing at the first ticket of the list on tickets-ru-page1.html. */
export function ticketExample(doc: Document): TaughtExample {
  const main = doc.querySelector('main')!;
  const id = shown(main, '№ 5012');
  const row = id.closest('tr')!;
  return {
    kind: 'ticket',
    row,
    fields: {
      id,
      client: shown(row, 'ООО «Ромашка»'),
      created: shown(row, 'вчера, 14:20'),
      priority: row.querySelector('i')!,
      status: shown(row, 'Открыт'),
      subject: shown(row, 'Не работает выгрузка отчётов'),
    },
  };
}
