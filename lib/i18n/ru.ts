import type { LateInvoiceWords, Period, PriceWords } from '../parting/words';
import type { UiText } from './en';
import { count, formatMoney, formatNumber, plural } from './format';

/**
 * Every word Client Signals shows, in Russian, typed from the English dictionary (en.ts): a key
 * missing here is a type error. Counts go through Intl plural rules (format.ts `count`); where a
 * case other than the nominative follows a number, the forms of that case are given. Where a
 * number would force agreement of a verb, the sentence is built around a dash («обращений — 3»),
 * as reports in business letters are.
 *
 * @example ru.badge.listTitle(2, 21) // '2 из 21 клиента на странице соответствуют хотя бы одному критерию'
 */

const n = (value: number) => formatNumber('ru', value);
const days = (value: number) => count('ru', value, ['день', 'дня', 'дней']);
/** After «до», «не более»: the genitive. */
const daysGenitive = (value: number) => count('ru', value, ['дня', 'дней', 'дней']);
/** After «из N»: the genitive (из 1 / 21 клиента, из 2 / 5 клиентов). */
const ofClients = (value: number) => count('ru', value, ['клиента', 'клиентов', 'клиентов']);

// ——— The parting letter's helpers ———

/** After «по» (по 1 обращению, по 34 обращениям): the dative. */
const requestsDative = (value: number) => count('ru', value, ['обращению', 'обращениям', 'обращениям']);
const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** A full stop, unless the sentence already ends with the one of «г.». */
const dot = (text: string) => (text.endsWith('.') ? text : `${text}.`);
/** «со 2 июня», but «с 1 июня», «с 12 июня»: «со» before a word starting with «вт». */
const since = (date: string) => `${/^2\D/.test(date) ? 'со' : 'с'} ${date}`;
const period = (p: Period) => (p.from ? `${since(p.from)} по ${p.to}` : p.to);
const forPeriod = (p: Period) => (p.from ? `за период ${since(p.from)} по ${p.to}` : p.to);
const list = (items: readonly string[]) => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} и ${items[items.length - 1]}`);
/** «40–44 дня», or «44 дня» when the bounds meet. */
const dayRange = (least: number | undefined, most: number) => (least === undefined || least === most ? days(most) : `${least}–${days(most)}`);

function invoiceState(state: LateInvoiceWords['state'], short: boolean): string {
  switch (state.kind) {
    case 'paid':
      if (short) return state.days ? `опоздание ${days(state.days)}` : 'в срок';
      return `оплачен ${state.paid}` + (state.days ? `, с опозданием на ${days(state.days)}` : '');
    case 'estimated': {
      const bounded = state.period.from !== undefined;
      if (short) {
        if (state.most === undefined) return 'оплачен (оценка)';
        return `${bounded ? `опоздание ${dayRange(state.least, state.most)}` : `опоздание не более ${daysGenitive(state.most)}`} (оценка)`;
      }
      const paid = bounded ? `оплачен в период ${period(state.period)}` : `оплачен не позднее ${state.period.to}`;
      if (state.most === undefined) return paid;
      return `${paid}, ${bounded ? `с опозданием на ${dayRange(state.least, state.most)}` : `с опозданием не более чем на ${days(state.most)}`}`;
    }
    case 'unpaid': {
      const paid = state.partial ? 'оплачен частично' : 'не оплачен';
      if (state.days === undefined) return paid;
      if (short) return `${paid}, просрочка ${days(state.days)}`;
      return `${paid}; ${state.asOf ? `на ${state.asOf} ` : ''}просрочка${state.partial ? ' по остатку' : ''} составляет ${days(state.days)}`;
    }
  }
}

function priceItems(w: PriceWords, short: boolean): string[] {
  return [
    ...w.discounts.map((d) => (short ? `скидка по счёту № ${d.number}` : `скидка${d.amount ? ` ${d.amount}` : ''} по счёту № ${d.number}`)),
    ...w.credits.map((c) => (short ? `кредит-нота № ${c.number}` : `кредит-нота № ${c.number}${c.amount ? ` на сумму ${c.amount}` : ''}`)),
    ...w.lowered.map((l) => (short ? `снижена сумма счёта № ${l.number}` : `снижение суммы счёта № ${l.number}${l.from && l.to ? ` с ${l.from} до ${l.to}` : ''}${l.seen ? ` (${l.seen})` : ''}`)),
    ...w.deferrals.map((d) => (short ? `перенесён срок оплаты счёта № ${d.number}` : `перенос срока оплаты счёта № ${d.number} ${since(d.from)} на ${d.to}`)),
    ...(w.requests ? [`${w.requests.count === 1 ? 'просьба' : 'просьбы'} о скидке ${w.requests.list}`] : []),
  ];
}


export const ru: UiText = {
  lang: 'ru',

  status: { met: 'Да', watch: 'Под наблюдением', clear: 'Нет', unknown: 'Мало данных' },
  statusShort: { met: 'Да', watch: 'Набл.', clear: 'Нет', unknown: '?' },

  criteria: {
    'late-payment': {
      title: 'Платит с опозданием',
      short: 'Оплата',
      description: 'Счета оплачиваются намного позже срока или не оплачиваются.',
      article: '1. Нарушает условия договора: платит с опозданием',
      rule: 'Учитываются счета со сроком оплаты в периоде и на сколько дней позже срока они оплачены.',
      verdict: {
        unknown: (windowDays) => `Нет счетов со сроком в последние ${windowDays} дн., оплаченных с датой или просроченных`,
        overdue: (number, overdue, others, lateDays) =>
          `Счёт ${number} не оплачен, просрочка ${overdue}` + (others ? `; ещё ${others} с опозданием ${lateDays}+ дн.` : ''),
        lateMet: (late, judged, lateDays, max) => `${late} из ${judged} последних счетов оплачены с опозданием ${lateDays}+ дней (макс. ${max})`,
        lateOnce: (judged, lateDays, late) => `1 из ${judged} последних счетов оплачен с опозданием ${lateDays}+ дней (${late})`,
        meanWatch: (invoices, windowDays, mean) => `${invoices} за ${windowDays} дн., в среднем опоздание ${mean} дн.`,
        mean: (invoices, windowDays, mean) => `${invoices} за ${windowDays} дн., в среднем опоздание ${mean} дн.`,
        onTime: (invoices, windowDays) => `Все ${invoices} за ${windowDays} дн. оплачены в срок`,
      },
    },
    'price-pressure': {
      title: 'Давит на цену и условия',
      short: 'Цена',
      description: 'Скидки, отсрочки, кредит-ноты и просьбы о них.',
      article: '2. Постоянно давит на цену и условия',
      rule: 'Учитываются скидки, перенос срока оплаты, снижение суммы, кредит-ноты и просьбы о скидке.',
      verdict: {
        unknown: (period) => `Нет счетов и заметок за последние ${period}`,
        clear: (period) => `Нет давления на цену или условия за ${period}`,
        events: (events, period, tally) => `${events} за ${period}: ${tally}`,
        deferral: (number, from, to, seen) => `№ ${number}: срок перенесён ${from} → ${to} (замечено ${seen})`,
        lowered: (number, from, to, seen) => `№ ${number}: сумма снижена ${from} → ${to} (замечено ${seen})`,
      },
    },
    disrespect: {
      title: 'Неуважительно относится к команде',
      short: 'Уважение',
      description: 'Плохие оценки, жалобы и грубость к сотрудникам.',
      article: '3. Плохо относится к команде',
      rule: 'Учитываются обращения с плохой оценкой или с тегом жалобы и отмеченные вами инциденты.',
      verdict: {
        unknown: (period) => `Нет обращений и заметок за последние ${period}`,
        clear: (period) => `Нет плохих оценок, жалоб и инцидентов за ${period}`,
        ratings: (bad, rated, share, period) => `Плохих оценок за ${period}: ${bad} из ${rated} (${share})`,
        events: (events, period, tally) => `${events} за ${period}: ${tally}`,
        ratedBad: 'плохая оценка',
        complaint: 'жалоба',
      },
    },
    'ignored-advice': {
      title: 'Игнорирует профессиональные советы',
      short: 'Советы',
      description: 'Просит совета, а потом ему не следует.',
      article: '4. Игнорирует профессиональные советы',
      rule: 'Сравнивает проигнорированные советы со всеми советами, по которым уже есть решение.',
      verdict: {
        unknown: (period) => `Нет заметок о советах за последние ${period}`,
        clear: (period, advice) => `Советы не игнорировались за ${period} (${advice})`,
        ignored: (ignored, decided, share, period) => `Проигнорировано советов за ${period}: ${ignored} из ${decided} с итогом (${share})`,
      },
    },
    'scope-creep': {
      title: 'Больше работы за те же деньги',
      short: 'Объём',
      description: 'Объём работ растёт, а выставленные суммы — нет.',
      article: '5. Больше задач за те же деньги',
      rule: 'Сравнивает объём работ последнего периода с предыдущим и рост выставленных сумм.',
      verdict: {
        noBase: (period) => `Нет задач за ${period} до последних ${period}: не с чем сравнить`,
        noInvoices: (period) => `Нет счетов за последние ${period}`,
        upFromNothing: 'рост с нуля',
        work: (items, period, before, times) => `${items} за последние ${period} против ${before} до того (×${times})`,
        billed: (recent, before, growth) => `Выставлено ${recent} против ${before} (${growth})`,
        summary: (work, growth) => `${work}; выставлено ${growth}`,
      },
    },
    'excess-attention': {
      title: 'Требует чрезмерного внимания',
      short: 'Внимание',
      description: 'Много обращений, часто срочных или в нерабочее время.',
      article: '6. Требует чрезмерного внимания',
      rule: 'Смотрит на обращения в нерабочее время, срочные и на их число по сравнению с другими клиентами.',
      verdict: {
        none: (period) => `Нет обращений за последние ${period}`,
        few: (tickets, period, needed) => `Всего ${tickets} за последние ${period}; нужно не меньше ${needed}`,
        afterHours: (after, contacts, period, share) => `Вне рабочего времени за ${period}: ${after} из ${contacts} обращений (${share})`,
        urgent: (urgent, contacts, period, share) => `Срочных за ${period}: ${urgent} из ${contacts} обращений (${share})`,
        volume: (tickets, period, median) => `${tickets} за ${period}, медиана клиентов: ${median}`,
        clear: (tickets, period, afterShare, urgentShare) => `${tickets} за ${period}: ${afterShare} вне рабочего времени, ${urgentShare} срочных`,
        afterHoursReason: 'вне рабочего времени',
        urgentReason: 'срочное',
        notCompared: 'Объём не сравнивался: нет данных о других клиентах',
      },
    },
    'out-of-scope': {
      title: 'Просит работу вне компетенции или этики',
      short: 'Рамки и этика',
      description: 'Просьбы вне договора или то, что делать нельзя.',
      article: '7. Ставит задачи вне компетенции или этики',
      rule: 'Учитываются запросы вне договора (по ключевым словам ниже или отмеченные вами); любой неэтичный запрос — сразу «Да».',
      verdict: {
        items: (items, period) => `${items} за ${period}`,
        ethics: (noted) => `Просил о неэтичной работе (заметка от ${noted})`,
        clear: (period) => `Нет запросов вне договора или этики за ${period}`,
        reason: 'вне договора',
      },
    },
    'low-income': {
      title: 'Приносит мало дохода',
      short: 'Доход',
      description: 'На единицу работы выставляется намного меньше, чем у типичного клиента.',
      article: 'Исходная посылка статьи: клиент приносит мало дохода',
      rule: 'Сравнивает сумму счетов на одну задачу с медианой по другим клиентам.',
      verdict: {
        noPeers: 'Не с чем сравнить: нет данных о других клиентах',
        fewPeers: (needed, period) => `Меньше ${needed} клиентов со счетами и задачами за ${period}: не с чем сравнить`,
        noInvoices: (period) => `Нет счетов за последние ${period}`,
        noWork: (period) => `Нет задач (обращений) за последние ${period}`,
        perItem: (perItem, period, share, median) => `Выставлено ${perItem} на задачу за ${period}: ${share} от медианы клиентов (${median})`,
        billed: (billed, items, period) => `Выставлено ${billed} на ${items} за ${period}`,
      },
    },
  },

  words: {
    day: ['день', 'дня', 'дней'],
    invoice: ['счёт', 'счёта', 'счетов'],
    ticket: ['обращение', 'обращения', 'обращений'],
    workItem: ['задача', 'задачи', 'задач'],
    pressureEvent: ['попытка давления', 'попытки давления', 'попыток давления'],
    discount: ['скидка', 'скидки', 'скидок'],
    creditNote: ['кредит-нота', 'кредит-ноты', 'кредит-нот'],
    amountLowered: ['снижение суммы', 'снижения суммы', 'снижений суммы'],
    deferral: ['отсрочка', 'отсрочки', 'отсрочек'],
    discountRequest: ['просьба о скидке', 'просьбы о скидке', 'просьб о скидке'],
    disrespectEvent: ['случай неуважения', 'случая неуважения', 'случаев неуважения'],
    badRating: ['плохая оценка', 'плохие оценки', 'плохих оценок'],
    complaint: ['жалоба', 'жалобы', 'жалоб'],
    incident: ['инцидент', 'инцидента', 'инцидентов'],
    adviceNote: ['заметка о совете', 'заметки о совете', 'заметок о совете'],
    outOfScopeRequest: ['запрос вне договора', 'запроса вне договора', 'запросов вне договора'],
  },

  evidence: {
    more: (rest) => `…и ещё ${rest}`,
    percent: (percent) => `${percent} %`,
    countGrowth: (date, from, to) => `${date} · число обращений ${from} → ${to} (+${to - from})`,
    due: (date) => `срок ${date}`,
    paid: (date) => `оплачен ${date}`,
    paidBetween: (from, to) => `оплачен между ${from} и ${to} (оценка)`,
    paidNoDate: 'оплачен, дата не указана',
    unpaid: 'не оплачен',
    discount: (amount) => `скидка ${amount}`,
    lateUnknown: 'опоздание неизвестно',
    late: (late) => `опоздание ${late}`,
    onTime: 'в срок',
  },

  popup: {
    enableSite: 'Включить на этом сайте',
    disableSite: 'Выключить на этом сайте',
    noClient: 'На этой странице клиент не распознан',
    noClientExplanation:
      'Client Signals читает таблицы счетов (номер, клиент, даты, сумма, статус) и списки обращений на страницах CRM, бухгалтерии и службы поддержки, которые вы включили. Откройте страницу клиента или список счетов. Данные не покидают браузер.',
    evidence: 'Основания',
    delete: 'Удалить',
    notes: 'Заметки',
    addNote: 'Добавить заметку',
    statusHistory: 'История статусов',
    since: (date) => `с ${date}`,
    openSettings: 'Настройки',
    openDashboard: 'Все клиенты',
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
    clientTitle: (name, met, total) => `${name}: ${n(met)} из ${n(total)} критериев`,
    listTitle: (meeting, listed) =>
      `${n(meeting)} из ${ofClients(listed)} на странице ${plural('ru', meeting, ['соответствует', 'соответствуют', 'соответствуют'])} хотя бы одному критерию`,
    noClient: 'Клиент не распознан',
  },

  options: {
    pageTitle: 'Client Signals — настройки',
    intro:
      'Правила ниже следуют статье о том, как расстаться с трудным клиентом. Каждое число — значение по умолчанию, его можно подстроить под ваш бизнес. Настройки хранятся только в этом браузере.',
    openDashboard: 'Все клиенты на одной странице',
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
    errorSummary: (errors) => `Исправьте ${count('ru', errors, ['значение', 'значения', 'значений'])}; ничего не сохранено.`,
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
      search: 'Начните вводить имя…',
      noMatch: 'Клиента с таким именем нет.',
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

  pageReader: {
    readBy: (label: string) => `Прочитано: ${label}`,
    profile: 'ваш обученный профиль',
    generic: 'общий читатель',
    notRead: 'Что не удалось прочитать',
    teach: 'Научить эту страницу',
    teachHint: 'Укажите одну строку и её поля — дальше эта страница будет читаться так же.',
    recognised: (product: string) => `Похоже, это ${product}`,
  },

  importHistory: {
    title: 'Импорт истории',
    description:
      'Перетащите сюда выгрузку счетов или обращений из учётной системы, CRM или службы поддержки (CSV, XLSX или HTML-таблица, сохранённая как .xls), чтобы оценки появились с первого дня. Данные не покидают браузер.',
    choose: 'Выбрать файл…',
    drop: 'или перетащите его сюда',
    tooLarge: (file: string, megabytes: number) => `Файл «${file}» больше ${formatNumber('ru', megabytes)} МБ: выгрузите более короткий период или разделите файл.`,
    reading: (file: string) => `Читаем «${file}»…`,
    importing: (observations: number) => `Импортируем: записей — ${n(observations)}… Большой файл может занять минуту.`,
    cancel: 'Отмена',
    cancelled: 'Отменено: ничего не импортировано.',
    readFailed: (error: string) => `Не удалось прочитать файл: ${error}`,
    kind: 'В файле',
    kindAuto: 'Определить',
    kinds: { invoices: 'Счета', tickets: 'Обращения', unknown: 'Нет данных для импорта' },
    columns: 'Столбцы',
    column: 'Столбец в файле',
    field: 'Читать как',
    fieldAuto: (field: string | undefined) => (field ? `${field} (определено)` : 'не используется (определено)'),
    ignore: 'Не использовать',
    fieldNames: {
      number: 'Номер счёта',
      client: 'Клиент',
      issued: 'Дата выставления',
      due: 'Срок оплаты',
      paid: 'Дата оплаты',
      amount: 'Сумма счёта',
      'line-total': 'Сумма строки',
      balance: 'Остаток долга',
      'paid-amount': 'Оплаченная сумма',
      currency: 'Валюта',
      discount: 'Скидка',
      status: 'Статус',
      id: 'Номер обращения',
      requester: 'Автор обращения',
      created: 'Создано',
      priority: 'Приоритет',
      satisfaction: 'Оценка',
      tags: 'Теги',
      subject: 'Тема',
    } as Record<string, string>,
    values: {
      draft: 'черновик', open: 'не оплачен', partial: 'оплачен частично', paid: 'оплачен', overdue: 'просрочен', void: 'аннулирован',
      pending: 'ожидает', solved: 'решено', closed: 'закрыто', low: 'низкий', normal: 'обычный', high: 'высокий', urgent: 'срочный',
    } as Record<string, string>,
    preview: (shown: number, rows: number) => `Первые ${n(shown)} из ${count('ru', rows, ['строки', 'строк', 'строк'])} — так они будут импортированы`,
    counts: 'Найдено',
    invoices: (value: number) => count('ru', value, ['счёт', 'счёта', 'счетов']),
    tickets: (value: number) => count('ru', value, ['обращение', 'обращения', 'обращений']),
    clients: (value: number) => count('ru', value, ['клиент', 'клиента', 'клиентов']),
    warnings: 'Предупреждения',
    encoding: 'Кодировка текста',
    encodingAuto: 'Определить',
    source: 'Из какой это системы?',
    sourceHint: 'Выберите сайт, на котором эти счета и обращения, чтобы запись, увиденная потом на его странице, была той же самой.',
    sourceOther: 'Другая система (введите название)',
    sourcePlaceholder: 'например, crm.example.com',
    import: 'Импортировать',
    imported: (records: number, clients: number) =>
      `Импортировано: записей — ${n(records)}, клиентов — ${n(clients)}.`,
    importFailed: (error: string) => `Ничего не импортировано: ${error}`,
    exportTitle: 'Экспорт',
    exportDescription: 'Скачайте сохранённое в виде CSV-файлов для электронной таблицы. Ячейки, которые таблица выполнила бы как формулы, записываются как текст.',
    exportInvoices: 'Счета (CSV)',
    exportTickets: 'Обращения (CSV)',
    exportVerdicts: 'Текущие оценки (CSV)',
  },

  profiles: {
    title: 'Обученные страницы',
    description: 'Страницы, которые вы научили кнопкой «Научить эту страницу» во всплывающем окне. Каждая читается так на своём сайте и адресе.',
    none: 'Пока ни одной обученной страницы. Откройте список в вашей CRM, включите сайт и нажмите «Научить эту страницу» во всплывающем окне.',
    site: 'Сайт',
    path: 'Адрес',
    kind: 'Список',
    kinds: { invoice: 'счетов', ticket: 'обращений' },
    taught: 'Обучено',
    delete: 'Удалить',
    export: 'Экспортировать все в JSON',
    import: 'Импортировать из JSON-файла…',
    imported: (profiles: number) => `Импортировано обученных страниц: ${n(profiles)}.`,
    importFailed: (error: string) => `Ничего не импортировано: ${error}`,
    deleteFailed: (error: string) => `Не удалось удалить: ${error}`,
  },

  products: {
    title: 'Поддерживаемые продукты',
    description: 'Страницы этих продуктов читает сделанный для них читатель; любую другую — ваши обученные профили, а затем общий читатель таблиц и списков.',
    teachOnly: [
      'Веб-клиент 1С:Предприятия: вид списков зависит от конфигурации и нигде не описан публично — научите страницу сами.',
      'МойСклад: списки его документов публично не описаны — научите страницу сами.',
    ],
  },

  dashboard: {
    pageTitle: 'Client Signals — все клиенты',
    title: 'Все клиенты',
    intro: 'Все клиенты с ваших страниц; первыми — те, кто соответствует большему числу критериев. Нажмите на клиента, чтобы увидеть его историю и подготовить разговор.',
    search: 'Поиск по названию',
    searchPlaceholder: 'Название клиента',
    criterion: 'Критерий',
    anyCriterion: 'Любой критерий',
    status: 'Статус',
    anyStatus: 'Любой статус',
    flagged: 'Да или под наблюдением',
    reset: 'Показать всех',
    shown: (shown, total) =>
      shown === total ? count('ru', total, ['клиент', 'клиента', 'клиентов']) : `${n(shown)} из ${ofClients(total)}`,
    columns: { client: 'Клиент', met: 'Да', lastSeen: 'Последний раз', where: 'Где' },
    metTitle: (met, watch, total) => `Соответствует критериям: ${n(met)} из ${n(total)}; под наблюдением: ${n(watch)}`,
    loading: 'Загрузка клиентов…',
    empty: 'Пока нет ни одного клиента. Включите Client Signals на сайте вашей CRM, бухгалтерии или службы поддержки и откройте страницы счетов или обращений.',
    noMatch: 'Нет клиентов, подходящих под эти условия.',
    settings: 'Настройки',
    back: 'Все клиенты',
    notFound: 'Этого клиента нет в хранилище: возможно, его объединили с другим именем или заменили восстановлением из копии.',
    lastSeen: (date, host) => `Последний раз: ${date}, ${host}`,
    firstSeen: (date) => `Впервые: ${date}`,
    meets: (met) => (met === 0 ? 'Не соответствует ни одному критерию' : `Соответствует критериям: ${n(met)}`),
    criteria: 'Критерии',
    charts: 'История',
    notes: 'Заметки',
    noNotes: 'Заметок пока нет. Добавьте их здесь или во всплывающем окне на странице клиента.',
  },

  charts: {
    invoices: {
      title: 'Счета: опоздание к сроку оплаты',
      axis: 'дней опоздания',
      onTime: 'Оплачен в срок',
      paidLate: 'Оплачен с опозданием: чем краснее, тем позже',
      unpaid: 'Не оплачен (просрочка на сегодня)',
      span: 'Под столбцом: от срока до оплаты',
      lateLine: (lateDays) => `${days(lateDays)}: опоздание`,
      overdueLine: (overdueDays) => `${days(overdueDays)}: долгая просрочка`,
      bar: (number, due, paid, late) => `№ ${number}: срок ${due}, ${paid ? `оплачен ${paid}` : 'не оплачен'}, ${late === 0 ? 'в срок' : `опоздание ${days(late)}`}`,
      summary: (invoices, unpaid) => `${count('ru', invoices, ['счёт', 'счёта', 'счетов'])}, из них не оплачено: ${n(unpaid)}.`,
      none: 'Пока нет счетов со сроком и оплатой.',
    },
    tickets: {
      title: 'Обращения по неделям',
      total: 'Все обращения',
      afterHours: 'Вне рабочего времени',
      urgent: 'Срочные',
      shares: (tickets, afterHours, urgent) =>
        `${count('ru', tickets, ['обращение', 'обращения', 'обращений'])}: ${afterHours} вне рабочего времени, ${urgent} срочных`,
      bar: (week, tickets, afterHours, urgent) =>
        `Неделя с ${week}: ${count('ru', tickets, ['обращение', 'обращения', 'обращений'])}, вне рабочего времени — ${n(afterHours)}, срочных — ${n(urgent)}`,
      none: 'Обращений пока нет.',
    },
    billed: {
      title: 'Выставлено по месяцам',
      summary: (total, months) => `${total} за ${count('ru', months, ['месяц', 'месяца', 'месяцев'])}.`,
      bar: (month, amount) => `${month}: ${amount}`,
      none: 'Пока нет счетов с суммой.',
      otherCurrencies: (currencies) => `Есть счета и в других валютах (${currencies}): на этой шкале не показаны.`,
    },
  },

  assistant: {
    prepare: 'Подготовить разговор',
    title: 'Подготовка разговора',
    intro: 'Следующий шаг по каждому критерию, которому клиент соответствует или близок, и черновик письма с фактами. Ничего не отправляется: скопируйте письмо в свою почту и поправьте как нужно.',
    steps: 'Следующие шаги',
    letter: 'Черновик письма',
    subject: 'Тема',
    copy: 'Скопировать письмо',
    copied: 'Скопировано',
    copyFailed: 'Не удалось скопировать. Выделите текст и скопируйте вручную.',
    close: 'Закрыть',
    noLetter: 'Ни одному критерию клиент пока не соответствует, поэтому письма нет: шаги выше — ранние и мягкие.',
    nothingToDo: 'Нет критериев, которым клиент соответствует или близок: готовить нечего.',
    loading: 'Готовим…',
  },

  parting: {
    months: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
    date: (day, month, year) => `${day} ${month} ${year} г.`,
    dayMonth: (day, month) => `${day} ${month}`,
    list,
    money: (amount, currency) => formatMoney('ru', amount, currency),
  
    steps: {
      'late-payment': {
        met: 'Пересмотреть условия оплаты (предоплата, более короткий срок) или прекратить работу.',
        watch: 'Напомнить клиенту об условиях оплаты сейчас; если опоздание повторится, перейти на предоплату или более короткий срок.',
      },
      'price-pressure': {
        met: 'Сохранить цену и показать ценность проделанной работы.',
        watch: 'Спокойно держать цену и быть готовыми показать результаты работы.',
      },
      disrespect: {
        met: 'Прямо назвать недопустимое поведение и договориться о правилах совместной работы.',
        watch: 'Если такое поведение повторится, спокойно назвать его и договориться о правилах совместной работы.',
      },
      'ignored-advice': {
        met: 'Спросить клиента, нужна ли ему ещё наша помощь.',
        watch: 'Подтвердить рекомендацию письменно и уточнить, отвечает ли она планам клиента.',
      },
      'scope-creep': {
        met: 'Пересогласовать объём и стоимость работ или завершить работу в рамках согласованного бюджета.',
        watch: 'Сверять новые запросы с согласованным объёмом работ, прежде чем браться за них.',
      },
      'excess-attention': {
        met: 'Договориться о часах и каналах связи.',
        watch: 'Напомнить о часах и каналах связи, пока нагрузка не выросла.',
      },
      'out-of-scope': {
        met: 'Сразу обозначить границы: что входит в договор и чего мы делать не будем.',
        watch: 'Сразу обозначить границы, пока такие запросы не стали привычкой.',
      },
      'low-income': {
        met: 'Пересмотреть цену или расстаться.',
        watch: 'Пересмотреть цену при следующем продлении, пока работа ещё окупается.',
      },
    },
  
    stepFacts: {
      latePayment: (invoices) =>
        `${invoices.length === 1 ? 'Счёт' : 'Счета'}: ${list(invoices.map((i) => `№ ${i.number} (${invoiceState(i.state, true)})`))}.`,
      pricePressure: (w) => {
        const items = priceItems(w, true);
        const facts = items.length ? dot(cap(items.join('; '))) : '';
        const value = w.handled ? dot(`Что показать: работа по ${requestsDative(w.handled.count)} ${period(w.handled.period)}`) : '';
        return [facts, value].filter(Boolean).join(' ');
      },
      disrespect: (w) => {
        const parts: string[] = [];
        if (w.tickets) {
          const kinds = [
            w.tickets.lowRated ? `с низкой оценкой — ${w.tickets.lowRated}` : '',
            w.tickets.complaints ? `с жалобой — ${w.tickets.complaints}` : '',
          ].filter(Boolean);
          parts.push(`обращений ${kinds.join(', ')} (${period(w.tickets.period)})`);
        }
        if (w.incidents) parts.push(`${w.incidents.count === 1 ? 'инцидент отмечен' : 'инциденты отмечены'} ${w.incidents.list}`);
        return parts.length ? dot(cap(parts.join('; '))) : '';
      },
      ignoredAdvice: (advice) => dot(`${advice.count === 1 ? 'Рекомендация не принята' : 'Рекомендации не приняты'} в работу: ${advice.list}`),
      scopeCreep: (w) => {
        if (w.windows) {
          const { recent, before, billedRecent, billedBefore } = w.windows;
          return `Обращений ${period(recent.period)} — ${recent.count}, ${period(before.period)} — ${before.count}; выставлено ${billedRecent} и ${billedBefore}.`;
        }
        return w.growth.map((g) => `Число обращений выросло с ${g.from} до ${g.to} (на ${g.seen}).`).join(' ');
      },
      excessAttention: (w) => {
        if (w.flagged) {
          const { tally, urgent } = w.flagged;
          const what = urgent === tally.count ? 'с пометкой «срочно»' : urgent === 0 ? 'вне рабочего времени' : 'вне рабочего времени или срочных';
          const mixed = urgent > 0 && urgent < tally.count ? `, из них срочных — ${urgent}` : '';
          return `Обращений ${what} — ${tally.count}${mixed} (${period(tally.period)}).`;
        }
        return w.contacts ? `Обращений ${period(w.contacts.period)} — ${w.contacts.count}.` : '';
      },
      outOfScope: (w) => {
        const parts = [
          w.ethics ? `${w.ethics.count === 1 ? 'запрос' : 'запросы'} вне профессиональных и этических норм — ${w.ethics.list}` : '',
          w.outside ? `запросов вне договора — ${w.outside.count} (${period(w.outside.period)})` : '',
        ].filter(Boolean);
        return parts.length ? dot(cap(parts.join('; '))) : '';
      },
      lowIncome: (w) => `Выставлено ${w.billed}${w.work ? ` за работу по ${requestsDative(w.work.count)}` : ''} (${period(w.period)}).`,
    },
  
    letter: {
      subject: 'О нашем сотрудничестве: факты и предложения',
      to: (name) => `Кому: ${name}`,
      greeting: 'Здравствуйте!',
      opening:
        'Благодарим Вас за сотрудничество. Чтобы и дальше работать на понятных для обеих сторон условиях, хотели бы сверить с Вами несколько фактов по нашим данным и предложить, как действовать дальше.',
  
      facts: {
        latePayment: (invoices) => {
          const paid = invoices.every((i) => i.state.kind !== 'unpaid');
          const open = invoices.every((i) => i.state.kind === 'unpaid');
          const one = invoices.length === 1;
          const intro = paid
            ? `По нашим данным, ${one ? 'следующий счёт был оплачен' : 'следующие счета были оплачены'} позже срока:`
            : open
              ? `По нашим данным, ${one ? 'следующий счёт не оплачен' : 'следующие счета не оплачены'} полностью:`
              : 'По нашим данным, следующие счета были оплачены позже срока или ещё не оплачены полностью:';
          const lines = invoices.map(
            (i) => dot(`Счёт № ${i.number}${i.amount ? ` на сумму ${i.amount}` : ''}: ${i.due ? `срок оплаты — ${i.due}, ` : ''}${invoiceState(i.state, false)}`),
          );
          return [intro, ...lines].join('\n');
        },
        pricePressure: (w) => dot(`За последние месяцы мы несколько раз возвращались к цене и условиям нашей работы: ${priceItems(w, false).join('; ')}`),
        disrespect: (w) => {
          const sentences: string[] = [];
          if (w.tickets) {
            const kinds = [
              w.tickets.lowRated ? `обращений с низкой оценкой — ${w.tickets.lowRated}` : '',
              w.tickets.complaints ? `обращений с жалобой — ${w.tickets.complaints}` : '',
            ].filter(Boolean);
            sentences.push(
              `По нашим данным, ${forPeriod(w.tickets.period)} ${kinds.join(', ')}. Мы относимся к этому серьёзно и хотели бы понять, что в нашей работе Вас не устраивает.`,
            );
          }
          if (w.incidents) {
            const one = w.incidents.count === 1;
            sentences.push(
              `${w.incidents.list} наша команда отметила ${one ? 'разговор, в котором тон общения стал резким' : 'разговоры, в которых тон общения стал резким'}.`,
            );
          }
          return sentences.join(' ');
        },
        ignoredAdvice: (advice) =>
          advice.count === 1
            ? `${advice.list} мы дали рекомендацию, которая не была принята в работу.`
            : `${advice.list} мы давали рекомендации, которые не были приняты в работу.`,
        scopeCreep: (w) => {
          if (w.windows) {
            const { recent, before, billedRecent, billedBefore } = w.windows;
            return `Число Ваших обращений ${period(recent.period)} — ${recent.count}, ${period(before.period)} — ${before.count}; сумма выставленных счетов за эти периоды — ${billedRecent} и ${billedBefore} соответственно.`;
          }
          if (w.growth.length) return w.growth.map((g) => `Число Ваших обращений выросло с ${g.from} до ${g.to} (по данным на ${g.seen}).`).join(' ');
          return 'В последнее время число Ваших обращений заметно выросло, а стоимость работ осталась прежней.';
        },
        excessAttention: (w) => {
          if (w.flagged) {
            const { tally, urgent } = w.flagged;
            const what =
              urgent === tally.count
                ? 'обращений с пометкой «срочно»'
                : urgent === 0
                  ? 'обращений вне нашего рабочего времени'
                  : 'обращений вне нашего рабочего времени или с пометкой «срочно»';
            const mixed = urgent > 0 && urgent < tally.count ? `, из них с пометкой «срочно» — ${urgent}` : '';
            return `${cap(forPeriod(tally.period))} ${what} — ${tally.count}${mixed}.`;
          }
          return w.contacts ? `Число Ваших обращений ${period(w.contacts.period)} — ${w.contacts.count}.` : '';
        },
        outOfScope: (w) =>
          [
            w.ethics
              ? `${w.ethics.list} мы получили ${w.ethics.count === 1 ? 'запрос, который' : 'запросы, которые'} не можем выполнить в силу профессиональных и этических норм.`
              : '',
            w.outside ? `${cap(forPeriod(w.outside.period))} запросов на работы вне нашего договора — ${w.outside.count}.` : '',
          ]
            .filter(Boolean)
            .join(' '),
        lowIncome: (w) =>
          w.work
            ? `${cap(forPeriod(w.period))} мы выполнили работу по ${requestsDative(w.work.count)}, а сумма выставленных счетов за это время составила ${w.billed}.`
            : `${cap(forPeriod(w.period))} сумма выставленных счетов за нашу работу составила ${w.billed}.`,
      },
  
      proposalsHeading: 'Наши предложения:',
      proposals: {
        latePayment: (unpaid) =>
          'Для новых работ предлагаем перейти на предоплату или сократить срок оплаты.' +
          (unpaid.length ? ` Также просим погасить задолженность по ${unpaid.length === 1 ? 'счёту' : 'счетам'} ${list(unpaid.map((n) => `№ ${n}`))}.` : ''),
        pricePressure: (handled) =>
          'Мы хотели бы сохранить согласованные цены и условия: они отражают объём и качество нашей работы' +
          (handled ? ` — ${period(handled.period)} мы выполнили работу по ${requestsDative(handled.count)}` : '') +
          '. Будем рады подробно рассказать о проделанной работе и её результатах.',
        disrespect:
          'Предлагаем договориться о простых правилах совместной работы: как к нам поступают запросы и замечания, в какие сроки мы на них отвечаем и как сохранять спокойный, уважительный тон общения с обеих сторон. Если что-то в нашей работе Вас не устраивает, пожалуйста, скажите нам об этом прямо — мы постараемся это исправить.',
        ignoredAdvice:
          'Хотели бы прямо спросить, нужна ли Вам наша помощь в нынешнем виде. Если наши рекомендации расходятся с Вашими планами, давайте обсудим, какая поддержка нужна Вам сейчас.',
        scopeCreep:
          'Предлагаем вместе пересмотреть объём работ и согласовать соответствующую ему стоимость либо, если Вам удобнее сохранить текущий бюджет, договориться, какие работы мы выполним в его рамках.',
        excessAttention:
          'Предлагаем договориться о порядке связи: рабочих часах, едином канале для текущих запросов и о том, что считать срочным, — чтобы по-настоящему срочные вопросы всегда решались быстро.',
        outOfScope: (w) =>
          'Хотели бы сразу обозначить границы нашей работы: мы выполняем работы, предусмотренные договором' +
          (w.outside ? '; новые задачи в пределах нашей компетенции готовы обсудить и оценить отдельно' : '') +
          (w.ethics ? '; запросы, противоречащие профессиональным или этическим нормам, мы не можем выполнять ни на каких условиях' : '') +
          '.',
        lowIncome: 'При текущей стоимости такой объём работ для нас уже не окупается, поэтому предлагаем пересмотреть цену со следующего периода.',
      },
      parting:
        'Если эти предложения Вам не подходят, мы готовы завершить текущие работы и корректно прекратить сотрудничество, передав Вам всё необходимое для дальнейшей работы.',
      closing:
        'Мы ценим нашу совместную работу и будем рады обсудить эти вопросы по телефону или на встрече в удобное для Вас время. Ждём Вашего ответа.',
      signOff: 'С уважением,',
    },
  },
};
