import { count } from '../i18n';
import type { InvoiceStatus, Lang, TicketPriority, TicketStatus } from '../model';
import type { FieldName } from './profile';

/** Every word the picker shows, per UI language. */
export type PickerText = {
  title: string;
  chooseKind: string;
  invoices: string;
  tickets: string;
  pickRow: string;
  notARow: string;
  /** "Click the client in the highlighted row." */
  pickField: (field: string) => string;
  outsideRow: string;
  review: string;
  skip: string;
  back: string;
  save: string;
  cancel: string;
  previewTitle: string;
  /** What must still be pointed at before anything can be read ("client, invoice number"). */
  needs: (fields: string) => string;
  rowsRead: (rows: number) => string;
  warnings: (warnings: number) => string;
  /** Field names as the steps say them. */
  fields: Readonly<Record<FieldName, string>>;
  /** Short labels of the dates in a preview line. */
  dateLabels: Readonly<Record<'issued' | 'due' | 'paid', string>>;
  invoiceStatus: Readonly<Record<InvoiceStatus, string>>;
  ticketStatus: Readonly<Record<TicketStatus, string>>;
  priority: Readonly<Record<TicketPriority, string>>;
};

const en: PickerText = {
  title: 'Client Signals: teach this list',
  chooseKind: 'What does this list show?',
  invoices: 'Invoices',
  tickets: 'Tickets',
  pickRow: 'Click one row of the list.',
  notARow: 'That is not a row of a list. Click inside one of the rows.',
  pickField: (field) => `Click the ${field} in the highlighted row, or skip it.`,
  outsideRow: 'That is outside the highlighted row. Click inside it.',
  review: 'Done. Check the preview, then save.',
  skip: 'Skip',
  back: 'Back',
  save: 'Save',
  cancel: 'Cancel',
  previewTitle: 'Preview',
  needs: (fields) => `To see rows here, point at: ${fields}.`,
  rowsRead: (rows) => `${count('en', rows, ['row', 'rows'])} read`,
  warnings: (warnings) => count('en', warnings, ['warning', 'warnings']),
  fields: {
    client: 'client',
    number: 'invoice number',
    issued: 'issue date',
    due: 'due date',
    paid: 'paid date',
    amount: 'amount',
    currency: 'currency',
    status: 'status',
    discount: 'discount',
    id: 'ticket number',
    created: 'created time',
    priority: 'priority',
    satisfaction: 'rating',
    tags: 'tags',
    subject: 'subject',
  },
  dateLabels: { issued: 'issued', due: 'due', paid: 'paid' },
  invoiceStatus: { draft: 'draft', open: 'unpaid', partial: 'partly paid', paid: 'paid', overdue: 'overdue', void: 'void' },
  ticketStatus: { open: 'open', pending: 'pending', solved: 'solved', closed: 'closed' },
  priority: { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' },
};

const ru: PickerText = {
  title: 'Client Signals: обучение на этом списке',
  chooseKind: 'Что в этом списке?',
  invoices: 'Счета',
  tickets: 'Обращения',
  pickRow: 'Щёлкните одну строку списка.',
  notARow: 'Это не строка списка. Щёлкните внутри одной из строк.',
  pickField: (field) => `Щёлкните ${field} в выделенной строке или пропустите.`,
  outsideRow: 'Это вне выделенной строки. Щёлкните внутри неё.',
  review: 'Готово. Проверьте предпросмотр и сохраните.',
  skip: 'Пропустить',
  back: 'Назад',
  save: 'Сохранить',
  cancel: 'Отмена',
  previewTitle: 'Предпросмотр',
  needs: (fields) => `Чтобы увидеть строки, укажите: ${fields}.`,
  rowsRead: (rows) => `прочитано: ${count('ru', rows, ['строка', 'строки', 'строк'])}`,
  warnings: (warnings) => count('ru', warnings, ['предупреждение', 'предупреждения', 'предупреждений']),
  // Accusative: "Щёлкните клиента", "Щёлкните дату выставления".
  fields: {
    client: 'клиента',
    number: 'номер счёта',
    issued: 'дату выставления',
    due: 'срок оплаты',
    paid: 'дату оплаты',
    amount: 'сумму',
    currency: 'валюту',
    status: 'статус',
    discount: 'скидку',
    id: 'номер обращения',
    created: 'время создания',
    priority: 'приоритет',
    satisfaction: 'оценку',
    tags: 'теги',
    subject: 'тему',
  },
  dateLabels: { issued: 'выставлен', due: 'срок', paid: 'оплачен' },
  invoiceStatus: { draft: 'черновик', open: 'не оплачен', partial: 'оплачен частично', paid: 'оплачен', overdue: 'просрочен', void: 'аннулирован' },
  ticketStatus: { open: 'открыто', pending: 'в ожидании', solved: 'решено', closed: 'закрыто' },
  priority: { low: 'низкий', normal: 'обычный', high: 'высокий', urgent: 'срочный' },
};

/** The picker's words in the UI language. */
export const PICKER_TEXT: Readonly<Record<Lang, PickerText>> = { en, ru };

/**
 * The picker's language from a language tag (the extension's UI choice, else the browser's):
 * Russian for ru and be, English otherwise.
 *
 * @example pickerLang('ru-RU') // 'ru'
 */
export function pickerLang(tag: string): Lang {
  return /^(?:ru|be)(?:$|[-_])/i.test(tag.trim()) ? 'ru' : 'en';
}
