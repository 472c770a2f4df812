import type { Settings } from '../settings';
import type { AttentionWords, Dates, DisrespectWords, IncomeWords, LateInvoiceWords, LimitsWords, Period, PriceWords, ScopeWords, Tally } from '../parting/words';
import { count, formatMoney, formatNumber, plural } from './format';

/**
 * Every word Client Signals shows, in English: the popup, the options page, the dashboard, the
 * toolbar badge's title, the criteria's verdicts and evidence, and the parting assistant's
 * steps and letter. The Russian dictionary (ru.ts) is typed from this one (`UiText`): a key
 * missing there, or a function taking other arguments, is a type error. Numbers arrive as
 * numbers where a sentence agrees with them, and already formatted where they are only shown.
 *
 * @example en.badge.listTitle(2, 1200) // '2 of 1,200 listed clients meet at least one criterion'
 */

/** Settings paths shown as number inputs, e.g. 'latePayment.windowDays': every number setting. */
export type NumberFieldPath = {
  [S in keyof Settings & string]: Settings[S] extends Record<string, unknown>
    ? { [K in keyof Settings[S] & string]: Settings[S][K] extends number ? `${S}.${K}` : never }[keyof Settings[S] & string]
    : never;
}[keyof Settings & string];

/** How a number field is shown: its unit after the input. */
export type FieldUnit = 'days' | 'percent' | 'times' | 'none';

/** A dictionary's shape: the English one with every word widened to any string. */
export type UiText = Widen<typeof en>;

type Widen<T> = T extends string
  ? string
  : T extends readonly string[]
    ? readonly string[]
    : T extends (...args: infer A) => infer R
      ? (...args: A) => Widen<R>
      : { readonly [K in keyof T]: Widen<T[K]> };

const n = (value: number) => formatNumber('en', value);
const days = (value: number) => count('en', value, ['day', 'days']);
const clients = (value: number) => count('en', value, ['client', 'clients']);

// ——— The parting letter's helpers ———

const requests = (value: number) => count('en', value, ['request', 'requests']);
const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const period = (p: Period) => (p.from ? `from ${p.from} to ${p.to}` : `on ${p.to}`);
const list = (items: readonly string[]) => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
/** "40–44 days", or "44 days" when the bounds meet. */
const dayRange = (least: number | undefined, most: number) => (least === undefined || least === most ? days(most) : `${least}–${days(most)}`);

function invoiceState(state: LateInvoiceWords['state'], short: boolean): string {
  switch (state.kind) {
    case 'paid':
      if (short) return state.days ? `${days(state.days)} late` : 'on time';
      return `paid ${state.paid}` + (state.days ? `, ${days(state.days)} late` : '');
    case 'estimated': {
      const late = state.most === undefined ? '' : state.period.from ? `${dayRange(state.least, state.most)} late` : `up to ${days(state.most)} late`;
      if (short) return `${late || 'paid'} (estimated)`;
      const paid = state.period.from ? `paid between ${state.period.from} and ${state.period.to}` : `paid by ${state.period.to} at the latest`;
      return late ? `${paid}, ${late}` : paid;
    }
    case 'unpaid': {
      const overdue = state.days === undefined ? '' : days(state.days);
      if (short) return (state.partial ? 'part paid' : 'unpaid') + (overdue ? `, ${overdue} overdue` : '');
      const past = overdue ? `${state.partial ? 'the balance is' : 'it is'} ${overdue} past the due date${state.asOf ? ` as of ${state.asOf}` : ''}` : '';
      return (state.partial ? 'paid in part' : 'not yet paid') + (past ? `; ${past}` : '');
    }
  }
}

function priceItems(w: PriceWords, short: boolean): string[] {
  return [
    ...w.discounts.map((d) => (short ? `discount on ${d.number}` : `a discount${d.amount ? ` of ${d.amount}` : ''} on invoice ${d.number}`)),
    ...w.credits.map((c) => (short ? `credit note ${c.number}` : `credit note ${c.number}${c.amount ? ` for ${c.amount}` : ''}`)),
    ...w.lowered.map((l) =>
      short ? `amount of ${l.number} lowered` : `the amount of invoice ${l.number} was lowered${l.from && l.to ? ` from ${l.from} to ${l.to}` : ''}${l.seen ? ` (${l.seen})` : ''}`,
    ),
    ...w.deferrals.map((d) => (short ? `due date of ${d.number} moved later` : `the due date of invoice ${d.number} was moved from ${d.from} to ${d.to}`)),
    ...(w.requests
      ? [short ? `discount asked for on ${w.requests.list}` : `${w.requests.count === 1 ? 'a request' : 'requests'} for a discount on ${w.requests.list}`]
      : []),
  ];
}

export const en = {
  lang: 'en',

  status: { met: 'Yes', watch: 'Watch', clear: 'No', unknown: 'Not enough data' },
  /** The status in a dashboard cell, where the criterion names the column. */
  statusShort: { met: 'Yes', watch: 'Watch', clear: 'No', unknown: '?' },

  /**
   * Per criterion: its names (popup row, dashboard column, options heading), the rule in one
   * line, and the lines its verdict is written in (lib/criteria, one file per criterion).
   */
  criteria: {
    'late-payment': {
      title: 'Pays late',
      short: 'Pays late',
      description: 'Invoices paid well after their due date, or left unpaid.',
      article: '1. Breaks the contract terms: pays late',
      rule: 'Counts invoices due in the window and how many days after the due date they were paid.',
      verdict: {
        unknown: (windowDays: number) => `No invoice due in the last ${windowDays} days with a payment date or past its due date`,
        overdue: (number: string, overdue: string, others: number, lateDays: number) =>
          `Invoice ${number} is unpaid, ${overdue} overdue` + (others ? `; ${others} more ${lateDays}+ days late` : ''),
        lateMet: (late: number, judged: number, lateDays: number, max: number) => `${late} of the last ${judged} invoices were paid ${lateDays}+ days late (max ${max})`,
        lateOnce: (judged: number, lateDays: number, late: string) => `1 of the last ${judged} invoices was paid ${lateDays}+ days late (${late})`,
        meanWatch: (invoices: string, windowDays: number, mean: string) => `${invoices} in ${windowDays} days, paid ${mean} days late on average`,
        mean: (invoices: string, windowDays: number, mean: string) => `${invoices} in ${windowDays} days, ${mean} days late on average`,
        onTime: (invoices: string, windowDays: number) => `All ${invoices} of the last ${windowDays} days paid on time`,
      },
    },
    'price-pressure': {
      title: 'Pushes price or terms down',
      short: 'Price',
      description: 'Discounts, deferrals, credit notes and requests for them.',
      article: '2. Keeps pushing the price or the terms down',
      rule: 'Counts discounts, deferred due dates, lowered amounts, credit notes and discount requests.',
      verdict: {
        unknown: (period: string) => `No invoices and no notes in the last ${period}`,
        clear: (period: string) => `No pressure on price or terms in ${period}`,
        events: (events: string, period: string, tally: string) => `${events} in ${period}: ${tally}`,
        deferral: (number: string, from: string, to: string, seen: string) => `№ ${number}: due date moved ${from} → ${to} (seen ${seen})`,
        lowered: (number: string, from: string, to: string, seen: string) => `№ ${number}: amount lowered ${from} → ${to} (seen ${seen})`,
      },
    },
    disrespect: {
      title: 'Disrespects the team',
      short: 'Respect',
      description: 'Bad ratings, complaints and rudeness towards your people.',
      article: '3. Treats the team badly',
      rule: 'Counts tickets rated bad or tagged as complaints, and incidents you noted.',
      verdict: {
        unknown: (period: string) => `No tickets and no notes in the last ${period}`,
        clear: (period: string) => `No bad ratings, complaints or incidents in ${period}`,
        ratings: (bad: number, rated: number, share: string, period: string) => `${bad} of ${rated} rated tickets rated bad (${share}) in ${period}`,
        events: (events: string, period: string, tally: string) => `${events} in ${period}: ${tally}`,
        ratedBad: 'rated bad',
        complaint: 'complaint',
      },
    },
    'ignored-advice': {
      title: 'Ignores professional advice',
      short: 'Advice',
      description: 'Your advice is asked for, then not followed.',
      article: '4. Ignores professional advice',
      rule: 'Compares the advice you noted as ignored with the advice that was decided either way.',
      verdict: {
        unknown: (period: string) => `No advice notes in the last ${period}`,
        clear: (period: string, advice: string) => `No advice ignored in ${period} (${advice})`,
        ignored: (ignored: number, decided: number, share: string, period: string) => `${ignored} of ${decided} decided pieces of advice ignored (${share}) in ${period}`,
      },
    },
    'scope-creep': {
      title: 'More work, same fee',
      short: 'More work',
      description: 'The workload grows while the billed amount does not.',
      article: '5. More tasks for the same fee',
      rule: 'Compares the work of the latest period with the period before it, against the billed amount.',
      verdict: {
        noBase: (period: string) => `No work items in the ${period} before the last ${period}: nothing to compare with`,
        noInvoices: (period: string) => `No invoices in the last ${period}`,
        upFromNothing: 'up from nothing',
        work: (items: string, period: string, before: number, times: string) => `${items} in the last ${period} vs ${before} before (×${times})`,
        billed: (recent: string, before: string, growth: string) => `Billed ${recent} vs ${before} (${growth})`,
        summary: (work: string, growth: string) => `${work}; billing ${growth}`,
      },
    },
    'excess-attention': {
      title: 'Demands excessive attention',
      short: 'Attention',
      description: 'Many contacts, often urgent or outside business hours.',
      article: '6. Demands excessive attention',
      rule: 'Looks at contacts outside business hours, urgent ones, and volume compared with your other clients.',
      verdict: {
        none: (period: string) => `No tickets seen in the last ${period}`,
        few: (tickets: string, period: string, needed: number) => `Only ${tickets} in the last ${period}; at least ${needed} needed`,
        afterHours: (after: number, contacts: number, period: string, share: string) => `${after} of ${contacts} tickets in ${period} came outside business hours (${share})`,
        urgent: (urgent: number, contacts: number, period: string, share: string) => `${urgent} of ${contacts} tickets in ${period} were urgent (${share})`,
        volume: (tickets: string, period: string, median: string) => `${tickets} in ${period}, the median client's: ${median}`,
        clear: (tickets: string, period: string, afterShare: string, urgentShare: string) => `${tickets} in ${period}: ${afterShare} after hours, ${urgentShare} urgent`,
        afterHoursReason: 'outside business hours',
        urgentReason: 'urgent',
        notCompared: 'Volume not compared: no data on other clients',
      },
    },
    'out-of-scope': {
      title: 'Asks for work outside competence or ethics',
      short: 'Out of scope',
      description: 'Requests outside the contract, or ones you should not do.',
      article: '7. Sets tasks outside your competence or ethics',
      rule: 'Counts out-of-scope requests (by the keywords below, or noted by you); any unethical request is enough.',
      verdict: {
        items: (items: string, period: string) => `${items} in ${period}`,
        ethics: (noted: string) => `Asked for unethical work (noted ${noted})`,
        clear: (period: string) => `No out-of-scope or unethical requests in ${period}`,
        reason: 'out of scope',
      },
    },
    'low-income': {
      title: 'Adds little to income',
      short: 'Income',
      description: 'Billed much less per piece of work than your typical client.',
      article: "The article's premise: the client adds little to income",
      rule: 'Compares the amount billed per work item with the median of your other clients.',
      verdict: {
        noPeers: 'Not compared: no data on other clients',
        fewPeers: (needed: number, period: string) => `Fewer than ${needed} clients with both invoices and work items in ${period} to compare with`,
        noInvoices: (period: string) => `No invoices in the last ${period}`,
        noWork: (period: string) => `No work items (tickets) in the last ${period}`,
        perItem: (perItem: string, period: string, share: string, median: string) => `Billed ${perItem} per work item in ${period}, ${share} of the median client's ${median}`,
        billed: (billed: string, items: string, period: string) => `Billed ${billed} over ${items} in ${period}`,
      },
    },
  },

  /** The verdicts' counted things: [one, other] (Russian gives [one, few, many]). */
  words: {
    day: ['day', 'days'],
    invoice: ['invoice', 'invoices'],
    ticket: ['ticket', 'tickets'],
    workItem: ['work item', 'work items'],
    pressureEvent: ['pressure event', 'pressure events'],
    discount: ['discount', 'discounts'],
    creditNote: ['credit note', 'credit notes'],
    amountLowered: ['amount lowered', 'amounts lowered'],
    deferral: ['deferral', 'deferrals'],
    discountRequest: ['discount request', 'discount requests'],
    disrespectEvent: ['disrespect event', 'disrespect events'],
    badRating: ['bad rating', 'bad ratings'],
    complaint: ['complaint', 'complaints'],
    incident: ['incident', 'incidents'],
    adviceNote: ['advice note', 'advice notes'],
    outOfScopeRequest: ['out-of-scope request', 'out-of-scope requests'],
  },

  /** The evidence lines every criterion shares. */
  evidence: {
    more: (rest: number) => `…and ${rest} more`,
    percent: (percent: string) => `${percent}%`,
    countGrowth: (date: string, from: number, to: number) => `${date} · ticket count ${from} → ${to} (+${to - from})`,
    due: (date: string) => `due ${date}`,
    paid: (date: string) => `paid ${date}`,
    paidBetween: (from: string, to: string) => `paid between ${from} and ${to} (estimated)`,
    paidNoDate: 'paid, date not shown',
    unpaid: 'unpaid',
    discount: (amount: string) => `discount ${amount}`,
    lateUnknown: 'days late unknown',
    late: (late: string) => `${late} late`,
    onTime: 'on time',
  },

  popup: {
    enableSite: 'Enable on this site',
    disableSite: 'Disable on this site',
    noClient: 'No client recognised on this page',
    noClientExplanation:
      'Client Signals reads invoice tables (number, client, dates, amount, status) and ticket lists on the CRM, accounting and helpdesk pages you enable. Open a client page or an invoice list. Nothing leaves your browser.',
    evidence: 'Evidence',
    delete: 'Delete',
    notes: 'Notes',
    addNote: 'Add a note',
    statusHistory: 'Status history',
    since: (date: string) => `since ${date}`,
    openSettings: 'Settings',
    openDashboard: 'All clients',
    noteButtons: {
      discountRequest: 'Asked for a discount / deferral',
      adviceGiven: 'Gave advice',
      adviceFollowed: 'Advice followed',
      adviceIgnored: 'Advice ignored',
      incident: 'Rude to the team',
      outOfScope: 'Asked for out-of-scope work',
      ethics: 'Asked for unethical work',
    },
  },

  badge: {
    /** A page about one client: "{name}: meets {n} of {total} criteria". */
    clientTitle: (name: string, met: number, total: number) => `${name}: meets ${n(met)} of ${n(total)} criteria`,
    /** A page listing clients: "{n} of {m} listed clients meet at least one criterion". */
    listTitle: (meeting: number, listed: number) =>
      `${n(meeting)} of ${n(listed)} listed ${plural('en', listed, ['client', 'clients'])} ${plural('en', meeting, ['meets', 'meet'])} at least one criterion`,
    noClient: 'No client recognised',
  },

  options: {
    pageTitle: 'Client Signals — settings',
    intro:
      'The rules below follow the article on parting with difficult clients. Every number is a default you can change to fit your business. Settings stay in this browser.',
    openDashboard: 'See all clients on the dashboard',
    general: 'General',
    language: 'Language',
    languageAuto: (browserLanguage: string) => `Browser's language (${browserLanguage})`,
    timeZone: 'Time zone',
    timeZoneHint: (browserZone: string) => `Leave empty to use the browser's time zone: ${browserZone}.`,
    timeZonePlaceholder: 'e.g. Europe/Minsk',
    businessHours: 'Business hours',
    businessHoursHint: 'Contacts outside these hours count as after-hours for “Demands excessive attention”.',
    workingDays: 'Working days',
    /** Monday first, ISO order. */
    weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    weekdaysLong: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    start: 'Day starts at',
    end: 'Day ends at',
    criteriaHeading: 'Criteria',
    criteriaIntro: '“Yes” means the client meets the criterion; “Watch” means it is getting close.',
    words: 'Words the page readers look for',
    wordsHint: 'Matched in ticket tags and subjects, in any letter case.',
    outOfScopeKeywords: 'Out-of-scope keywords',
    outOfScopeKeywordsHint: 'A ticket with one of these counts as an out-of-scope request.',
    complaintTags: 'Complaint tags',
    complaintTagsHint: 'A ticket tagged with one of these counts as a complaint.',
    onePerLine: 'One per line.',
    fields: {
      'latePayment.windowDays': 'Look back over',
      'latePayment.lateDays': 'An invoice counts as late from',
      'latePayment.metCount': 'Late invoices for “Yes”',
      'latePayment.overdueDays': 'Or one unpaid invoice overdue by',
      'latePayment.watchMeanDays': '“Watch” when the average delay exceeds',
      'pricePressure.windowDays': 'Look back over',
      'pricePressure.metEvents': 'Pressure events for “Yes”',
      'disrespect.windowDays': 'Look back over',
      'disrespect.metEvents': 'Incidents for “Yes”',
      'disrespect.badRatingsMin': 'Or bad ratings, at least',
      'disrespect.badRatingShare': '… making up at least this share of rated tickets',
      'ignoredAdvice.windowDays': 'Look back over',
      'ignoredAdvice.metIgnored': 'Ignored pieces of advice for “Yes”',
      'ignoredAdvice.metShare': '… and at least this share of the decided advice',
      'scopeCreep.windowDays': 'Length of each compared period',
      'scopeCreep.metRatio': 'Work grew this many times, for “Yes”',
      'scopeCreep.watchRatio': 'Work grew this many times, for “Watch”',
      'scopeCreep.minItems': 'At least this many work items recently',
      'scopeCreep.billingGrowth': 'While the billed amount grew by less than',
      'scopeCreep.invoiceWindowDays': 'Needs an invoice within the last',
      'excessAttention.windowDays': 'Look back over',
      'excessAttention.minContacts': 'Contacts needed to judge',
      'excessAttention.afterHoursShare': 'Share outside business hours, for “Yes”',
      'excessAttention.urgentShare': 'Or share marked urgent',
      'excessAttention.volumeMultiple': 'Or this many times the median client’s contacts',
      'excessAttention.volumeMinContacts': '… with at least this many contacts',
      'outOfScope.windowDays': 'Look back over',
      'outOfScope.metItems': 'Out-of-scope requests for “Yes”',
      'lowIncome.windowDays': 'Look back over',
      'lowIncome.metFraction': 'Billed per work item below this share of the median, for “Yes”',
      'lowIncome.watchFraction': 'Below this share, for “Watch”',
      'lowIncome.minPeers': 'Clients needed to compare',
    } satisfies Record<NumberFieldPath, string>,
    units: { days: 'days', percent: '%', times: '×' },
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved',
    unsaved: 'Unsaved changes',
    reset: 'Reset to defaults…',
    resetConfirm: 'Reset every setting on this page to its default?',
    resetYes: 'Reset',
    resetNo: 'Cancel',
    resetDone: 'Defaults restored',
    errorSummary: (errors: number) => `${count('en', errors, ['value needs', 'values need'])} fixing; nothing was saved.`,
    errors: {
      range: (min: number, max: number, integer: boolean, unit: FieldUnit) => {
        const what = unit === 'percent' ? 'a percentage' : integer ? 'a whole number' : 'a number';
        const suffix = unit === 'percent' ? ' %' : unit === 'times' ? ' ×' : '';
        return `Enter ${what} from ${formatNumber('en', min, 2)} to ${formatNumber('en', max, 2)}${suffix}.`;
      },
      time: 'Enter a time as HH:mm, e.g. 09:00.',
      hoursOrder: 'The end must be later than the start.',
      timeZone: 'Unknown time zone. Pick one from the list, or leave empty.',
      words: 'At most 100 lines, each up to 100 characters.',
      other: (path: string) => `Invalid value: ${path}.`,
    },
    storageFailed: 'Could not save to the browser storage. Try again.',
    loading: 'Loading settings…',
    moreSections: 'More settings',
    sites: {
      title: 'Enabled sites',
      description: 'Client Signals reads pages only on these sites. Enable a site from the popup while you are on it, or add its address here.',
      none: 'No site enabled yet.',
      builtIn: 'built in',
      disable: 'Disable',
      addLabel: 'Site address',
      addPlaceholder: 'https://crm.example.com',
      add: 'Enable',
      invalidOrigin: 'Enter a web address such as https://crm.example.com',
      denied: 'The browser did not grant access to that site.',
    },
    merges: {
      title: 'One client, several names',
      description: 'Names that share a tax id or a website are tied automatically. Tie two names by hand when a page shows neither; undo it at any time.',
      first: 'Client',
      second: 'is the same as',
      merge: 'Tie together',
      undo: 'Undo',
      none: 'No names tied by hand.',
      same: 'Pick two different clients.',
      search: 'Type a name…',
      noMatch: 'No client by that name.',
    },
    backup: {
      title: 'Backup',
      description: 'Save every client, invoice, ticket, note and setting to a file, or restore them from one. Restoring replaces what is stored now.',
      export: 'Save a backup',
      import: 'Restore from a file…',
      confirmImport: (file: string) => `Replace everything stored now with the backup “${file}”?`,
      restore: 'Restore',
      cancel: 'Cancel',
      imported: (rows: number) => `Restored ${count('en', rows, ['record', 'records'])}.`,
      failed: (error: string) => `Nothing was changed: ${error}`,
    },
  },

  /** The popup's line on what read the page, teach mode's button, and a hosted product it recognises (issues 9, 11). */
  pageReader: {
    readBy: (label: string) => `Read by: ${label}`,
    profile: 'your taught profile',
    generic: 'the general reader',
    notRead: 'What could not be read',
    teach: 'Teach this page',
    teachHint: 'Point at one row and its fields; this page is then read that way.',
    recognised: (product: string) => `This looks like ${product}`,
  },

  /** The options page's "Import history" and "Export" sections (issue 10). */
  importHistory: {
    title: 'Import history',
    description:
      'Drop an invoice or ticket export from your accounting, CRM or helpdesk (CSV, XLSX, or an HTML table saved as .xls) to have verdicts from day one. Nothing leaves your browser.',
    choose: 'Choose a file…',
    drop: 'or drop it here',
    tooLarge: (file: string, megabytes: number) => `“${file}” is larger than ${formatNumber('en', megabytes)} MB: export a shorter period, or split the file.`,
    reading: (file: string) => `Reading “${file}”…`,
    importing: (observations: number) => `Importing ${count('en', observations, ['record', 'records'])}… A large file can take a minute.`,
    cancel: 'Cancel',
    cancelled: 'Cancelled: nothing was imported.',
    readFailed: (error: string) => `The file could not be read: ${error}`,
    kind: 'The file lists',
    kindAuto: 'Detect',
    kinds: { invoices: 'Invoices', tickets: 'Tickets', unknown: 'Nothing that can be imported' },
    columns: 'Columns',
    column: 'Column in the file',
    field: 'Read as',
    fieldAuto: (field: string | undefined) => (field ? `${field} (detected)` : 'not used (detected)'),
    ignore: 'Do not use',
    fieldNames: {
      number: 'Invoice number',
      client: 'Client',
      issued: 'Issue date',
      due: 'Due date',
      paid: 'Payment date',
      amount: 'Total billed',
      'line-total': 'Line total',
      balance: 'Balance (still owed)',
      'paid-amount': 'Amount paid',
      currency: 'Currency',
      discount: 'Discount',
      status: 'Status',
      id: 'Ticket id',
      requester: 'Requester',
      created: 'Created',
      priority: 'Priority',
      satisfaction: 'Rating',
      tags: 'Tags',
      subject: 'Subject',
    } as Record<string, string>,
    /** Statuses and priorities as the preview shows them. */
    values: {
      draft: 'draft', open: 'open', partial: 'partly paid', paid: 'paid', overdue: 'overdue', void: 'void',
      pending: 'pending', solved: 'solved', closed: 'closed', low: 'low', normal: 'normal', high: 'high', urgent: 'urgent',
    } as Record<string, string>,
    preview: (shown: number, rows: number) => `The first ${n(shown)} of ${count('en', rows, ['row', 'rows'])}, as they will be imported`,
    counts: 'Found',
    invoices: (value: number) => count('en', value, ['invoice', 'invoices']),
    tickets: (value: number) => count('en', value, ['ticket', 'tickets']),
    clients: (value: number) => clients(value),
    warnings: 'Warnings',
    encoding: 'Text encoding',
    encodingAuto: 'Detect',
    source: 'Which system is this from?',
    sourceHint: 'Pick the site these invoices and tickets are on, so that one seen later on its page is the same record.',
    sourceOther: 'Another system (type its name)',
    sourcePlaceholder: 'e.g. crm.example.com',
    import: 'Import',
    imported: (records: number, clients: number) => `Imported ${count('en', records, ['record', 'records'])} for ${count('en', clients, ['client', 'clients'])}.`,
    importFailed: (error: string) => `Nothing was imported: ${error}`,
    exportTitle: 'Export',
    exportDescription: 'Download what is stored as CSV files for a spreadsheet. Cells that a spreadsheet would run as formulas are written as text.',
    exportInvoices: 'Invoices (CSV)',
    exportTickets: 'Tickets (CSV)',
    exportVerdicts: 'Current verdicts (CSV)',
  },

  /** The options page's list of taught pages (issue 11). */
  profiles: {
    title: 'Taught pages',
    description: 'Pages you taught with “Teach this page” in the popup. Each is read that way on its site and address.',
    none: 'No page taught yet. Open a list in your CRM, enable the site, and press “Teach this page” in the popup.',
    site: 'Site',
    path: 'Address',
    kind: 'List of',
    kinds: { invoice: 'invoices', ticket: 'tickets' },
    taught: 'Taught',
    delete: 'Delete',
    export: 'Export all as JSON',
    import: 'Import from a JSON file…',
    imported: (profiles: number) => `Imported ${count('en', profiles, ['taught page', 'taught pages'])}.`,
    importFailed: (error: string) => `Nothing was imported: ${error}`,
    deleteFailed: (error: string) => `Could not delete: ${error}`,
  },

  /** The options page's list of supported products (issue 9). */
  products: {
    title: 'Supported products',
    description: 'Pages of these products are read by a reader made for them; any other page by your taught profiles, then by the general reader of tables and lists.',
    teachOnly: [
      '1C:Enterprise web client: list layouts differ per configuration and are not public; teach the page instead.',
      'MoySklad: its document lists are not publicly described; teach the page instead.',
    ],
  },

  dashboard: {
    pageTitle: 'Client Signals — all clients',
    title: 'All clients',
    intro: 'Every client seen on your pages, those meeting the most criteria first. Click a client for its history and to prepare a conversation.',
    search: 'Search by name',
    searchPlaceholder: 'Client name',
    criterion: 'Criterion',
    anyCriterion: 'Any criterion',
    status: 'Status',
    anyStatus: 'Any status',
    /** The status choice "any" once a criterion is picked: the clients it flags. */
    flagged: 'Yes or watch',
    reset: 'Show all',
    shown: (shown: number, total: number) => (shown === total ? clients(total) : `${n(shown)} of ${clients(total)}`),
    columns: { client: 'Client', met: 'Met', lastSeen: 'Last seen', where: 'Where' },
    metTitle: (met: number, watch: number, total: number) => `Meets ${n(met)} of ${n(total)} criteria; ${n(watch)} on watch`,
    loading: 'Loading clients…',
    empty: 'No client stored yet. Enable Client Signals on your CRM, accounting or helpdesk site and open its invoice or ticket pages.',
    noMatch: 'No client matches these filters.',
    settings: 'Settings',
    back: 'All clients',
    notFound: 'This client is not in the store: it may have been tied to another name or removed by a restore.',
    lastSeen: (date: string, host: string) => `Last seen ${date} on ${host}`,
    firstSeen: (date: string) => `First seen ${date}`,
    meets: (met: number) => (met === 0 ? 'Meets no criterion' : `Meets ${count('en', met, ['criterion', 'criteria'])}`),
    criteria: 'Criteria',
    charts: 'History',
    notes: 'Notes',
    noNotes: 'No notes yet. Add them from the popup while on this client’s page, or here.',
  },

  /** The client view's charts (SVG): titles, axes, legends, and one line per bar for its tooltip. */
  charts: {
    invoices: {
      title: 'Invoices: days late at the due date',
      axis: 'days late',
      onTime: 'Paid on time',
      paidLate: 'Paid late: the redder, the later',
      unpaid: 'Unpaid (overdue to today)',
      span: 'Under a bar: from the due date to the payment',
      lateLine: (lateDays: number) => `${days(lateDays)}: late`,
      overdueLine: (overdueDays: number) => `${days(overdueDays)}: long overdue`,
      bar: (number: string, due: string, paid: string | undefined, late: number) =>
        `№ ${number}: due ${due}, ${paid ? `paid ${paid}` : 'unpaid'}, ${late === 0 ? 'on time' : `${days(late)} late`}`,
      summary: (invoices: number, unpaid: number) => `${count('en', invoices, ['invoice', 'invoices'])}, ${n(unpaid)} of them unpaid.`,
      none: 'No invoice with a due date and a payment seen yet.',
    },
    tickets: {
      title: 'Tickets per week',
      total: 'All tickets',
      afterHours: 'Outside business hours',
      urgent: 'Urgent',
      shares: (tickets: number, afterHours: string, urgent: string) => `${count('en', tickets, ['ticket', 'tickets'])}: ${afterHours} outside business hours, ${urgent} urgent`,
      bar: (week: string, tickets: number, afterHours: number, urgent: number) =>
        `Week of ${week}: ${count('en', tickets, ['ticket', 'tickets'])}, ${n(afterHours)} outside business hours, ${n(urgent)} urgent`,
      none: 'No tickets seen yet.',
    },
    billed: {
      title: 'Billed per month',
      summary: (total: string, months: number) => `${total} over ${count('en', months, ['month', 'months'])}.`,
      bar: (month: string, amount: string) => `${month}: ${amount}`,
      none: 'No invoice with an amount seen yet.',
      otherCurrencies: (currencies: string) => `Also billed in ${currencies}: not drawn on this scale.`,
    },
  },

  /** The parting assistant's page: around partingPlan's steps and letter (section `parting`). */
  assistant: {
    prepare: 'Prepare the conversation',
    title: 'Preparing the conversation',
    intro: 'The next step for each criterion the client meets or is close to, and a draft letter that states the facts. Nothing is sent: copy the letter into your own mail and edit it as you like.',
    steps: 'Next steps',
    letter: 'Draft letter',
    subject: 'Subject',
    copy: 'Copy the letter',
    copied: 'Copied',
    copyFailed: 'Could not copy. Select the text and copy it by hand.',
    close: 'Close',
    noLetter: 'No criterion is met yet, so there is no letter: the steps above are early, lighter ones.',
    nothingToDo: 'No criterion is met or on watch: nothing to prepare.',
    loading: 'Preparing…',
  },

  /** partingPlan (lib/parting): the next steps the user reads and the letter the client reads. */
  parting: {
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    /** "5 March 2026". */
    date: (day: number, month: string, year: number) => `${day} ${month} ${year}`,
    /** "5 March", for the first day of a span within one year. */
    dayMonth: (day: number, month: string) => `${day} ${month}`,
    list,
    money: (amount: number, currency?: string) => formatMoney('en', amount, currency),

    /** The article's next step per criterion: at `met` the step itself, at `watch` the early, lighter form of it. */
    steps: {
      'late-payment': {
        met: 'Revise the payment terms (prepayment, shorter terms), or end the work.',
        watch: 'Remind them of the payment terms now; if it happens again, move to prepayment or shorter terms.',
      },
      'price-pressure': {
        met: 'Hold the price and show the value delivered.',
        watch: 'Hold the price calmly and be ready to show the value delivered.',
      },
      disrespect: {
        met: 'Name the behaviour and agree the rules of working together.',
        watch: 'Name the behaviour calmly if it happens again, and agree the rules of working together.',
      },
      'ignored-advice': {
        met: 'Ask whether our help is still wanted.',
        watch: 'Confirm the advice in writing and ask whether it still fits their plans.',
      },
      'scope-creep': {
        met: 'Re-scope and re-price the work, or finish within the agreed budget.',
        watch: 'Check new requests against the agreed scope before taking them on.',
      },
      'excess-attention': {
        met: 'Agree contact hours and channels.',
        watch: 'Remind them of the contact hours and channels before the load grows.',
      },
      'out-of-scope': {
        met: 'State the limits at once: what the agreement covers, and what we will not do.',
        watch: 'State the limits at once, before such requests become a habit.',
      },
      'low-income': {
        met: 'Reprice, or part.',
        watch: 'Review the price at the next renewal, while the work still pays for itself.',
      },
    },

    /** The facts behind a step, in one short line for the user. */
    stepFacts: {
      latePayment: (invoices: readonly LateInvoiceWords[]) =>
        `${invoices.length === 1 ? 'Invoice' : 'Invoices'} ${list(invoices.map((i) => `${i.number} (${invoiceState(i.state, true)})`))}.`,
      pricePressure: (w: PriceWords) => {
        const items = priceItems(w, true);
        const facts = items.length ? `${cap(items.join('; '))}.` : '';
        const value = w.handled ? `Value to show: ${requests(w.handled.count)} handled ${period(w.handled.period)}.` : '';
        return [facts, value].filter(Boolean).join(' ');
      },
      disrespect: (w: DisrespectWords) => {
        const parts: string[] = [];
        if (w.tickets) {
          const kinds = [
            w.tickets.lowRated ? count('en', w.tickets.lowRated, ['low-rated request', 'low-rated requests']) : '',
            w.tickets.complaints ? count('en', w.tickets.complaints, ['complaint', 'complaints']) : '',
          ].filter(Boolean);
          parts.push(`${list(kinds)} ${period(w.tickets.period)}`);
        }
        if (w.incidents) parts.push(`${w.incidents.count === 1 ? 'an incident' : 'incidents'} noted on ${w.incidents.list}`);
        return parts.length ? `${cap(parts.join('; '))}.` : '';
      },
      ignoredAdvice: (advice: Dates) => `Advice not followed: ${advice.list}.`,
      scopeCreep: (w: ScopeWords) => {
        if (w.windows) {
          const { recent, before, billedRecent, billedBefore } = w.windows;
          return `${cap(requests(recent.count))} ${period(recent.period)} against ${before.count} ${period(before.period)}; billed ${billedRecent} and ${billedBefore}.`;
        }
        return w.growth.map((g) => `Request count rose from ${g.from} to ${g.to} (as of ${g.seen}).`).join(' ');
      },
      excessAttention: (w: AttentionWords) => {
        if (w.flagged) {
          const { tally, urgent } = w.flagged;
          const what = urgent === tally.count ? 'marked urgent' : urgent === 0 ? 'outside working hours' : `outside working hours or urgent (${urgent} urgent)`;
          return `${cap(requests(tally.count))} ${what}, ${period(tally.period)}.`;
        }
        return w.contacts ? `${cap(requests(w.contacts.count))} ${period(w.contacts.period)}.` : '';
      },
      outOfScope: (w: LimitsWords) => {
        const parts = [
          w.ethics ? `${w.ethics.count === 1 ? 'a request' : 'requests'} against professional or ethical standards, noted on ${w.ethics.list}` : '',
          w.outside ? `${count('en', w.outside.count, ['out-of-scope request', 'out-of-scope requests'])} ${period(w.outside.period)}` : '',
        ].filter(Boolean);
        return parts.length ? `${cap(parts.join('; '))}.` : '';
      },
      lowIncome: (w: IncomeWords) => `Billed ${w.billed}${w.work ? ` for ${requests(w.work.count)}` : ''} ${period(w.period)}.`,
    },

    letter: {
      subject: 'Our work together: facts and proposals',
      to: (name: string) => `To: ${name}`,
      greeting: 'Dear colleagues,',
      opening:
        'Thank you for our work together. So that we can continue on terms that are clear to both sides, we would like to set out a few facts from our records and propose how to proceed.',

      /** What happened, stated from the records, one paragraph per met criterion. */
      facts: {
        latePayment: (invoices: readonly LateInvoiceWords[]) => {
          const paid = invoices.every((i) => i.state.kind !== 'unpaid');
          const open = invoices.every((i) => i.state.kind === 'unpaid');
          const one = invoices.length === 1;
          const intro = paid
            ? `According to our records, ${one ? 'this invoice was' : 'these invoices were'} paid after the due date:`
            : open
              ? `According to our records, ${one ? 'this invoice is' : 'these invoices are'} not yet paid in full:`
              : 'According to our records, these invoices were paid after the due date or are not yet paid in full:';
          const lines = invoices.map((i) => `Invoice ${i.number}${i.amount ? ` for ${i.amount}` : ''}: ${i.due ? `due ${i.due}, ` : ''}${invoiceState(i.state, false)}.`);
          return [intro, ...lines].join('\n');
        },
        pricePressure: (w: PriceWords) => `Over recent months the price and terms of our work have come up several times: ${priceItems(w, false).join('; ')}.`,
        disrespect: (w: DisrespectWords) => {
          const sentences: string[] = [];
          if (w.tickets) {
            const { lowRated, complaints } = w.tickets;
            const kinds = [
              lowRated ? `${requests(lowRated)} ${plural('en', lowRated, ['was', 'were'])} closed with a low rating` : '',
              complaints ? `${requests(complaints)} ${plural('en', complaints, ['was', 'were'])} raised as a complaint` : '',
            ].filter(Boolean);
            sentences.push(`${cap(period(w.tickets.period))}, ${list(kinds)}. We take this seriously and would like to understand what is not working for you.`);
          }
          if (w.incidents) {
            const one = w.incidents.count === 1;
            sentences.push(`On ${w.incidents.list} our team noted ${one ? 'a conversation in which the tone became sharp' : 'conversations in which the tone became sharp'}.`);
          }
          return sentences.join(' ');
        },
        ignoredAdvice: (advice: Dates) =>
          `On ${advice.list} we gave ${advice.count === 1 ? 'a recommendation that was' : 'recommendations that were'} not taken forward.`,
        scopeCreep: (w: ScopeWords) => {
          if (w.windows) {
            const { recent, before, billedRecent, billedBefore } = w.windows;
            return `${cap(period(recent.period))} we received ${requests(recent.count)} from you, against ${before.count} ${period(before.period)}; the amounts invoiced for these periods were ${billedRecent} and ${billedBefore}.`;
          }
          if (w.growth.length) return w.growth.map((g) => `The number of your requests rose from ${g.from} to ${g.to} (as of ${g.seen}).`).join(' ');
          return 'Recently the number of your requests has grown noticeably, while the fee has stayed the same.';
        },
        excessAttention: (w: AttentionWords) => {
          if (w.flagged) {
            const { tally, urgent } = w.flagged;
            const total = tally.count;
            const what =
              urgent === total
                ? `${plural('en', total, ['was', 'were'])} marked urgent`
                : urgent === 0
                  ? 'came outside our working hours'
                  : `came outside our working hours or ${plural('en', total, ['was', 'were'])} marked urgent (${urgent} of them urgent)`;
            return `${cap(period(tally.period))}, ${requests(total)} ${what}.`;
          }
          return w.contacts ? `${cap(period(w.contacts.period))} we received ${requests(w.contacts.count)} from you.` : '';
        },
        outOfScope: (w: LimitsWords) =>
          [
            w.ethics
              ? `On ${w.ethics.list} we received ${w.ethics.count === 1 ? 'a request that' : 'requests that'} we cannot take on under our professional and ethical standards.`
              : '',
            w.outside ? `${cap(period(w.outside.period))} we received ${requests(w.outside.count)} for work outside our agreement.` : '',
          ]
            .filter(Boolean)
            .join(' '),
        lowIncome: (w: IncomeWords) =>
          w.work
            ? `${cap(period(w.period))} we handled ${requests(w.work.count)} for you, and the amount invoiced over the same period was ${w.billed}.`
            : `${cap(period(w.period))} the amount invoiced for our work was ${w.billed}.`,
      },

      proposalsHeading: 'What we propose:',
      /** The way forward, one paragraph per met criterion: the article's step, phrased to the client. */
      proposals: {
        latePayment: (unpaid: readonly string[]) =>
          'For new work, we propose prepayment or shorter payment terms.' +
          (unpaid.length ? ` We would also ask you to settle ${unpaid.length === 1 ? 'invoice' : 'invoices'} ${list(unpaid)}.` : ''),
        pricePressure: (handled?: Tally) =>
          'We would like to keep the agreed prices and terms: they reflect the work we do for you' +
          (handled ? `, and ${period(handled.period)} we handled ${requests(handled.count)} for you` : '') +
          '. We are glad to go through the work delivered and its results with you in detail.',
        disrespect:
          'We suggest agreeing a few simple rules of working together: how requests and concerns reach us, how quickly we respond, and a calm, respectful tone on both sides. If something in our work does not suit you, please tell us directly, and we will do our best to put it right.',
        ignoredAdvice:
          'We would like to ask you openly whether our help is still useful to you in its present form. If our recommendations do not fit your plans, let us discuss what support you need now.',
        scopeCreep:
          'We propose to review the scope of work together and agree a price that matches it, or, if you prefer to keep the current budget, to agree what we will complete within it.',
        excessAttention:
          'We suggest agreeing how and when we are in touch: our working hours, one channel for everyday requests, and what counts as urgent, so that truly urgent matters always get a quick response.',
        outOfScope: (w: { outside: boolean; ethics: boolean }) =>
          'We would like to be clear about the limits of our work now: we carry out the work set out in our agreement' +
          (w.outside ? '; new tasks within our competence we are glad to discuss and price separately' : '') +
          (w.ethics ? '; requests that conflict with professional or ethical standards we cannot take on under any terms' : '') +
          '.',
        lowIncome: 'At the current price, this volume of work no longer pays for itself for us, so we propose to revise the price from the next period.',
      },
      parting:
        'If these proposals do not suit you, we are ready to complete the work in progress and end our cooperation in an orderly way, handing over everything you need to continue.',
      closing:
        'We value our work together and would be glad to discuss this by phone or in a meeting at a time convenient for you. We look forward to your reply.',
      signOff: 'Kind regards,',
    },
  },
} as const;
