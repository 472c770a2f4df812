import { count, formatNumber, plural } from './i18n';
import type { CriterionId, Lang, VerdictStatus } from './model';

/**
 * Every visible string of the popup and the options page, in English and Russian.
 * Numbers are formatted and words pluralised through lib/i18n.ts, so
 * `uiText('ru').badge.listTitle(2, 21)` reads «2 из 21 клиента …».
 */

const DAY_FORMS = { en: ['day', 'days'], ru: ['день', 'дня', 'дней'] } as const;

/** Settings paths that are shown as number inputs, e.g. 'latePayment.windowDays'. */
export type NumberFieldPath =
  | 'latePayment.windowDays'
  | 'latePayment.lateDays'
  | 'latePayment.metCount'
  | 'latePayment.overdueDays'
  | 'latePayment.watchMeanDays'
  | 'pricePressure.windowDays'
  | 'pricePressure.metEvents'
  | 'disrespect.windowDays'
  | 'disrespect.metEvents'
  | 'disrespect.badRatingsMin'
  | 'disrespect.badRatingShare'
  | 'ignoredAdvice.windowDays'
  | 'ignoredAdvice.metIgnored'
  | 'ignoredAdvice.metShare'
  | 'scopeCreep.windowDays'
  | 'scopeCreep.metRatio'
  | 'scopeCreep.watchRatio'
  | 'scopeCreep.minItems'
  | 'scopeCreep.billingGrowth'
  | 'scopeCreep.invoiceWindowDays'
  | 'excessAttention.windowDays'
  | 'excessAttention.minContacts'
  | 'excessAttention.afterHoursShare'
  | 'excessAttention.urgentShare'
  | 'excessAttention.volumeMultiple'
  | 'excessAttention.volumeMinContacts'
  | 'outOfScope.windowDays'
  | 'outOfScope.metItems'
  | 'lowIncome.windowDays'
  | 'lowIncome.metFraction'
  | 'lowIncome.watchFraction'
  | 'lowIncome.minPeers';

/** How a number field is shown: its unit after the input. */
export type FieldUnit = 'days' | 'percent' | 'times' | 'none';

type CriterionText = {
  /** Short title in the user's words, for the popup row. */
  title: string;
  /** One line under the title in the popup. */
  description: string;
  /** The source article's wording, for the options section heading. */
  article: string;
  /** One line under the heading in the options page: what the numbers below decide. */
  rule: string;
};

export type UiText = {
  lang: Lang;
  criteria: Record<CriterionId, CriterionText>;
  status: Record<VerdictStatus, string>;
  popup: {
    enableSite: string;
    disableSite: string;
    noClient: string;
    noClientExplanation: string;
    evidence: string;
    showEvidence: string;
    hideEvidence: string;
    delete: string;
    notes: string;
    addNote: string;
    statusHistory: string;
    since: (date: string) => string;
    notImplemented: string;
    openSettings: string;
    daysLate: (n: number) => string;
    paidDateEstimated: string;
    noteButtons: {
      discountRequest: string;
      adviceGiven: string;
      adviceFollowed: string;
      adviceIgnored: string;
      incident: string;
      outOfScope: string;
      ethics: string;
    };
  };
  badge: {
    /** A page about one client: "{name}: meets {n} of {total} criteria". */
    clientTitle: (name: string, met: number, total: number) => string;
    /** A page listing clients: "{n} of {m} listed clients meet at least one criterion". */
    listTitle: (meeting: number, listed: number) => string;
    noClient: string;
  };
  options: {
    pageTitle: string;
    intro: string;
    general: string;
    language: string;
    languageAuto: (browserLanguage: string) => string;
    timeZone: string;
    timeZoneHint: (browserZone: string) => string;
    timeZonePlaceholder: string;
    businessHours: string;
    businessHoursHint: string;
    workingDays: string;
    /** Monday first, ISO order. */
    weekdays: readonly [string, string, string, string, string, string, string];
    weekdaysLong: readonly [string, string, string, string, string, string, string];
    start: string;
    end: string;
    criteriaHeading: string;
    criteriaIntro: string;
    words: string;
    wordsHint: string;
    outOfScopeKeywords: string;
    outOfScopeKeywordsHint: string;
    complaintTags: string;
    complaintTagsHint: string;
    onePerLine: string;
    fields: Record<NumberFieldPath, string>;
    units: Record<Exclude<FieldUnit, 'none'>, string>;
    save: string;
    saving: string;
    saved: string;
    unsaved: string;
    reset: string;
    resetConfirm: string;
    resetYes: string;
    resetNo: string;
    resetDone: string;
    errorSummary: (n: number) => string;
    errors: {
      range: (min: number, max: number, integer: boolean, unit: FieldUnit) => string;
      time: string;
      hoursOrder: string;
      timeZone: string;
      words: string;
      other: (path: string) => string;
    };
    storageFailed: string;
    loading: string;
    moreSections: string;
    sites: {
      title: string;
      description: string;
      none: string;
      builtIn: string;
      disable: string;
      addLabel: string;
      addPlaceholder: string;
      add: string;
      invalidOrigin: string;
      denied: string;
    };
    merges: {
      title: string;
      description: string;
      first: string;
      second: string;
      merge: string;
      undo: string;
      none: string;
      same: string;
    };
    backup: {
      title: string;
      description: string;
      export: string;
      import: string;
      confirmImport: (file: string) => string;
      restore: string;
      cancel: string;
      imported: (rows: number) => string;
      failed: (error: string) => string;
    };
  };
};

const en: UiText = {
  lang: 'en',
  criteria: {
    'late-payment': {
      title: 'Pays late',
      description: 'Invoices paid well after their due date, or left unpaid.',
      article: '1. Breaks the contract terms: pays late',
      rule: 'Counts invoices due in the window and how many days after the due date they were paid.',
    },
    'price-pressure': {
      title: 'Pushes price or terms down',
      description: 'Discounts, deferrals, credit notes and requests for them.',
      article: '2. Keeps pushing the price or the terms down',
      rule: 'Counts discounts, deferred due dates, lowered amounts, credit notes and discount requests.',
    },
    disrespect: {
      title: 'Disrespects the team',
      description: 'Bad ratings, complaints and rudeness towards your people.',
      article: '3. Treats the team badly',
      rule: 'Counts tickets rated bad or tagged as complaints, and incidents you noted.',
    },
    'ignored-advice': {
      title: 'Ignores professional advice',
      description: 'Your advice is asked for, then not followed.',
      article: '4. Ignores professional advice',
      rule: 'Compares the advice you noted as ignored with the advice that was decided either way.',
    },
    'scope-creep': {
      title: 'More work, same fee',
      description: 'The workload grows while the billed amount does not.',
      article: '5. More tasks for the same fee',
      rule: 'Compares the work of the latest period with the period before it, against the billed amount.',
    },
    'excess-attention': {
      title: 'Demands excessive attention',
      description: 'Many contacts, often urgent or outside business hours.',
      article: '6. Demands excessive attention',
      rule: 'Looks at contacts outside business hours, urgent ones, and volume compared with your other clients.',
    },
    'out-of-scope': {
      title: 'Asks for work outside competence or ethics',
      description: 'Requests outside the contract, or ones you should not do.',
      article: '7. Sets tasks outside your competence or ethics',
      rule: 'Counts out-of-scope requests (by the keywords below, or noted by you); any unethical request is enough.',
    },
    'low-income': {
      title: 'Adds little to income',
      description: 'Billed much less per piece of work than your typical client.',
      article: "The article's premise: the client adds little to income",
      rule: 'Compares the amount billed per work item with the median of your other clients.',
    },
  },
  status: { met: 'Yes', watch: 'Watch', clear: 'No', unknown: 'Not enough data' },
  popup: {
    enableSite: 'Enable on this site',
    disableSite: 'Disable on this site',
    noClient: 'No client recognised on this page',
    noClientExplanation:
      'Client Signals reads invoice tables (number, client, dates, amount, status) and ticket lists on the CRM, accounting and helpdesk pages you enable. Open a client page or an invoice list. Nothing leaves your browser.',
    evidence: 'Evidence',
    showEvidence: 'Show evidence',
    hideEvidence: 'Hide evidence',
    delete: 'Delete',
    notes: 'Notes',
    addNote: 'Add a note',
    statusHistory: 'Status history',
    since: (date) => `since ${date}`,
    notImplemented: 'Not checked yet in this version',
    openSettings: 'Settings',
    daysLate: (n) => `${count('en', n, DAY_FORMS.en)} late`,
    paidDateEstimated: 'paid date estimated from when it was first seen paid',
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
    clientTitle: (name, met, total) => `${name}: meets ${formatNumber('en', met)} of ${formatNumber('en', total)} criteria`,
    listTitle: (meeting, listed) =>
      `${formatNumber('en', meeting)} of ${formatNumber('en', listed)} listed ${plural('en', listed, ['client', 'clients'])} ${plural('en', meeting, ['meets', 'meet'])} at least one criterion`,
    noClient: 'No client recognised',
  },
  options: {
    pageTitle: 'Client Signals — settings',
    intro:
      'The rules below follow the article on parting with difficult clients. Every number is a default you can change to fit your business. Settings stay in this browser.',
    general: 'General',
    language: 'Language',
    languageAuto: (browserLanguage) => `Browser's language (${browserLanguage})`,
    timeZone: 'Time zone',
    timeZoneHint: (browserZone) => `Leave empty to use the browser's time zone: ${browserZone}.`,
    timeZonePlaceholder: 'e.g. Europe/Minsk',
    businessHours: 'Business hours',
    businessHoursHint: 'Contacts outside these hours count as after-hours for “Demands excessive attention”.',
    workingDays: 'Working days',
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
    },
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
    errorSummary: (n) => `${count('en', n, ['value needs', 'values need'])} fixing; nothing was saved.`,
    errors: {
      range: (min, max, integer, unit) => {
        const what = unit === 'percent' ? 'a percentage' : integer ? 'a whole number' : 'a number';
        const suffix = unit === 'percent' ? ' %' : unit === 'times' ? ' ×' : '';
        return `Enter ${what} from ${formatNumber('en', min, 2)} to ${formatNumber('en', max, 2)}${suffix}.`;
      },
      time: 'Enter a time as HH:mm, e.g. 09:00.',
      hoursOrder: 'The end must be later than the start.',
      timeZone: 'Unknown time zone. Pick one from the list, or leave empty.',
      words: 'At most 100 lines, each up to 100 characters.',
      other: (path) => `Invalid value: ${path}.`,
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
    },
    backup: {
      title: 'Backup',
      description: 'Save every client, invoice, ticket, note and setting to a file, or restore them from one. Restoring replaces what is stored now.',
      export: 'Save a backup',
      import: 'Restore from a file…',
      confirmImport: (file) => `Replace everything stored now with the backup “${file}”?`,
      restore: 'Restore',
      cancel: 'Cancel',
      imported: (rows) => `Restored ${count('en', rows, ['record', 'records'])}.`,
      failed: (error) => `Nothing was changed: ${error}`,
    },
  },
};

const ru: UiText = {
  lang: 'ru',
  criteria: {
    'late-payment': {
      title: 'Платит с опозданием',
      description: 'Счета оплачиваются намного позже срока или не оплачиваются.',
      article: '1. Нарушает условия договора: платит с опозданием',
      rule: 'Учитываются счета со сроком оплаты в периоде и на сколько дней позже срока они оплачены.',
    },
    'price-pressure': {
      title: 'Давит на цену и условия',
      description: 'Скидки, отсрочки, кредит-ноты и просьбы о них.',
      article: '2. Постоянно давит на цену и условия',
      rule: 'Учитываются скидки, перенос срока оплаты, снижение суммы, кредит-ноты и просьбы о скидке.',
    },
    disrespect: {
      title: 'Неуважительно относится к команде',
      description: 'Плохие оценки, жалобы и грубость к сотрудникам.',
      article: '3. Плохо относится к команде',
      rule: 'Учитываются обращения с плохой оценкой или с тегом жалобы и отмеченные вами инциденты.',
    },
    'ignored-advice': {
      title: 'Игнорирует профессиональные советы',
      description: 'Просит совета, а потом ему не следует.',
      article: '4. Игнорирует профессиональные советы',
      rule: 'Сравнивает проигнорированные советы со всеми советами, по которым уже есть решение.',
    },
    'scope-creep': {
      title: 'Больше работы за те же деньги',
      description: 'Объём работ растёт, а выставленные суммы — нет.',
      article: '5. Больше задач за те же деньги',
      rule: 'Сравнивает объём работ последнего периода с предыдущим и рост выставленных сумм.',
    },
    'excess-attention': {
      title: 'Требует чрезмерного внимания',
      description: 'Много обращений, часто срочных или в нерабочее время.',
      article: '6. Требует чрезмерного внимания',
      rule: 'Смотрит на обращения в нерабочее время, срочные и на их число по сравнению с другими клиентами.',
    },
    'out-of-scope': {
      title: 'Просит работу вне компетенции или этики',
      description: 'Просьбы вне договора или то, что делать нельзя.',
      article: '7. Ставит задачи вне компетенции или этики',
      rule: 'Учитываются запросы вне договора (по ключевым словам ниже или отмеченные вами); любой неэтичный запрос — сразу «Да».',
    },
    'low-income': {
      title: 'Приносит мало дохода',
      description: 'На единицу работы выставляется намного меньше, чем у типичного клиента.',
      article: 'Исходная посылка статьи: клиент приносит мало дохода',
      rule: 'Сравнивает сумму счетов на одну задачу с медианой по другим клиентам.',
    },
  },
  status: { met: 'Да', watch: 'Под наблюдением', clear: 'Нет', unknown: 'Мало данных' },
  popup: {
    enableSite: 'Включить на этом сайте',
    disableSite: 'Выключить на этом сайте',
    noClient: 'На этой странице клиент не распознан',
    noClientExplanation:
      'Client Signals читает таблицы счетов (номер, клиент, даты, сумма, статус) и списки обращений на страницах CRM, бухгалтерии и службы поддержки, которые вы включили. Откройте страницу клиента или список счетов. Данные не покидают браузер.',
    evidence: 'Основания',
    showEvidence: 'Показать основания',
    hideEvidence: 'Скрыть основания',
    delete: 'Удалить',
    notes: 'Заметки',
    addNote: 'Добавить заметку',
    statusHistory: 'История статусов',
    since: (date) => `с ${date}`,
    notImplemented: 'В этой версии пока не проверяется',
    openSettings: 'Настройки',
    daysLate: (n) => `опоздание ${count('ru', n, DAY_FORMS.ru)}`,
    paidDateEstimated: 'дата оплаты оценена по первому появлению счёта оплаченным',
    noteButtons: {
      discountRequest: 'Просил скидку / отсрочку',
      adviceGiven: 'Дали совет',
      adviceFollowed: 'Совет выполнен',
      adviceIgnored: 'Совет проигнорирован',
      incident: 'Груб с командой',
      outOfScope: 'Просил работу вне договора',
      ethics: 'Просил неэтичную работу',
    },
  },
  badge: {
    clientTitle: (name, met, total) => `${name}: ${formatNumber('ru', met)} из ${formatNumber('ru', total)} критериев`,
    // «из N» takes the genitive: из 1 / 21 клиента, из 2 / 5 клиентов.
    listTitle: (meeting, listed) =>
      `${formatNumber('ru', meeting)} из ${formatNumber('ru', listed)} ${plural('ru', listed, ['клиента', 'клиентов', 'клиентов'])} на странице ${plural('ru', meeting, ['соответствует', 'соответствуют', 'соответствуют'])} хотя бы одному критерию`,
    noClient: 'Клиент не распознан',
  },
  options: {
    pageTitle: 'Client Signals — настройки',
    intro:
      'Правила ниже следуют статье о том, как расстаться с трудным клиентом. Каждое число — значение по умолчанию, его можно подстроить под ваш бизнес. Настройки хранятся только в этом браузере.',
    general: 'Общие',
    language: 'Язык',
    languageAuto: (browserLanguage) => `Язык браузера (${browserLanguage})`,
    timeZone: 'Часовой пояс',
    timeZoneHint: (browserZone) => `Оставьте пустым, чтобы использовать пояс браузера: ${browserZone}.`,
    timeZonePlaceholder: 'например, Europe/Minsk',
    businessHours: 'Рабочее время',
    businessHoursHint: 'Обращения вне этого времени считаются нерабочими для критерия «Требует чрезмерного внимания».',
    workingDays: 'Рабочие дни',
    weekdays: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'],
    weekdaysLong: ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'],
    start: 'Начало рабочего дня',
    end: 'Конец рабочего дня',
    criteriaHeading: 'Критерии',
    criteriaIntro: '«Да» — клиент соответствует критерию; «Под наблюдением» — близок к этому.',
    words: 'Слова, которые ищет расширение',
    wordsHint: 'Ищутся в тегах и темах обращений без учёта регистра.',
    outOfScopeKeywords: 'Ключевые слова «вне договора»',
    outOfScopeKeywordsHint: 'Обращение с одним из этих слов считается запросом вне договора.',
    complaintTags: 'Теги жалоб',
    complaintTagsHint: 'Обращение с одним из этих тегов считается жалобой.',
    onePerLine: 'По одному в строке.',
    fields: {
      'latePayment.windowDays': 'Период анализа',
      'latePayment.lateDays': 'Счёт считается оплаченным с опозданием от',
      'latePayment.metCount': 'Счетов с опозданием для «Да»',
      'latePayment.overdueDays': 'Или один неоплаченный счёт просрочен на',
      'latePayment.watchMeanDays': '«Под наблюдением», если средняя задержка больше',
      'pricePressure.windowDays': 'Период анализа',
      'pricePressure.metEvents': 'Случаев давления для «Да»',
      'disrespect.windowDays': 'Период анализа',
      'disrespect.metEvents': 'Инцидентов для «Да»',
      'disrespect.badRatingsMin': 'Или плохих оценок не меньше',
      'disrespect.badRatingShare': '… и их доля среди оценённых обращений не меньше',
      'ignoredAdvice.windowDays': 'Период анализа',
      'ignoredAdvice.metIgnored': 'Проигнорированных советов для «Да»',
      'ignoredAdvice.metShare': '… и их доля среди советов с решением не меньше',
      'scopeCreep.windowDays': 'Длина каждого сравниваемого периода',
      'scopeCreep.metRatio': 'Рост объёма работ (во сколько раз) для «Да»',
      'scopeCreep.watchRatio': 'Рост объёма работ (во сколько раз) для «Под наблюдением»',
      'scopeCreep.minItems': 'Не меньше задач за последний период',
      'scopeCreep.billingGrowth': 'При росте выставленных сумм меньше чем на',
      'scopeCreep.invoiceWindowDays': 'Нужен хотя бы один счёт за последние',
      'excessAttention.windowDays': 'Период анализа',
      'excessAttention.minContacts': 'Обращений нужно для оценки',
      'excessAttention.afterHoursShare': 'Доля обращений в нерабочее время для «Да»',
      'excessAttention.urgentShare': 'Или доля срочных',
      'excessAttention.volumeMultiple': 'Или обращений больше, чем у медианного клиента (во сколько раз)',
      'excessAttention.volumeMinContacts': '… при числе обращений не меньше',
      'outOfScope.windowDays': 'Период анализа',
      'outOfScope.metItems': 'Запросов вне договора для «Да»',
      'lowIncome.windowDays': 'Период анализа',
      'lowIncome.metFraction': 'Сумма на задачу ниже этой доли медианы, для «Да»',
      'lowIncome.watchFraction': 'Ниже этой доли, для «Под наблюдением»',
      'lowIncome.minPeers': 'Клиентов нужно для сравнения',
    },
    units: { days: 'дн.', percent: '%', times: '×' },
    save: 'Сохранить',
    saving: 'Сохранение…',
    saved: 'Сохранено',
    unsaved: 'Есть несохранённые изменения',
    reset: 'Сбросить по умолчанию…',
    resetConfirm: 'Вернуть все настройки на этой странице к значениям по умолчанию?',
    resetYes: 'Сбросить',
    resetNo: 'Отмена',
    resetDone: 'Значения по умолчанию восстановлены',
    errorSummary: (n) =>
      `Исправьте ${count('ru', n, ['значение', 'значения', 'значений'])}; ничего не сохранено.`,
    errors: {
      range: (min, max, integer, unit) => {
        const what = unit === 'percent' ? 'процент' : integer ? 'целое число' : 'число';
        const suffix = unit === 'percent' ? ' %' : unit === 'times' ? ' ×' : '';
        return `Введите ${what} от ${formatNumber('ru', min, 2)} до ${formatNumber('ru', max, 2)}${suffix}.`;
      },
      time: 'Введите время в виде ЧЧ:мм, например 09:00.',
      hoursOrder: 'Конец должен быть позже начала.',
      timeZone: 'Неизвестный часовой пояс. Выберите из списка или оставьте пустым.',
      words: 'Не больше 100 строк, каждая до 100 символов.',
      other: (path) => `Неверное значение: ${path}.`,
    },
    storageFailed: 'Не удалось сохранить в хранилище браузера. Попробуйте ещё раз.',
    loading: 'Загрузка настроек…',
    moreSections: 'Другие настройки',
    sites: {
      title: 'Включённые сайты',
      description: 'Client Signals читает страницы только на этих сайтах. Включите сайт во всплывающем окне, находясь на нём, или добавьте его адрес здесь.',
      none: 'Пока ни один сайт не включён.',
      builtIn: 'встроенный',
      disable: 'Отключить',
      addLabel: 'Адрес сайта',
      addPlaceholder: 'https://crm.example.com',
      add: 'Включить',
      invalidOrigin: 'Введите адрес сайта, например https://crm.example.com',
      denied: 'Браузер не дал доступ к этому сайту.',
    },
    merges: {
      title: 'Один клиент под разными именами',
      description: 'Имена с общим УНП/ИНН или сайтом объединяются сами. Объедините два имени вручную, если страница не показывает ни того, ни другого; это можно отменить.',
      first: 'Клиент',
      second: 'это тот же, что',
      merge: 'Объединить',
      undo: 'Отменить',
      none: 'Вручную ничего не объединено.',
      same: 'Выберите двух разных клиентов.',
    },
    backup: {
      title: 'Резервная копия',
      description: 'Сохраните всех клиентов, счета, обращения, заметки и настройки в файл или восстановите их из файла. Восстановление заменяет всё, что хранится сейчас.',
      export: 'Сохранить копию',
      import: 'Восстановить из файла…',
      confirmImport: (file) => `Заменить всё, что хранится сейчас, копией «${file}»?`,
      restore: 'Восстановить',
      cancel: 'Отмена',
      imported: (rows) => `Восстановлено: ${count('ru', rows, ['запись', 'записи', 'записей'])}.`,
      failed: (error) => `Ничего не изменено: ${error}`,
    },
  },
};

/** The UI strings for `lang`. */
export function uiText(lang: Lang): UiText {
  return lang === 'ru' ? ru : en;
}
