import type { UiText } from '../../lib/i18n';
import { CRITERION_IDS, type CriterionId, type VerdictStatus } from '../../lib/model';
import { NO_FILTER, type CriterionFilter, type RowFilter, type StatusFilter } from './rows';

const STATUSES: readonly VerdictStatus[] = ['met', 'watch', 'clear', 'unknown'];

/** A select's value back as a filter: anything not offered means no filter. */
const criterionOf = (value: string): CriterionFilter => CRITERION_IDS.find((id: CriterionId) => id === value) ?? 'any';
const statusOf = (value: string): StatusFilter => STATUSES.find((status) => status === value) ?? 'any';

type FiltersProps = {
  filter: RowFilter;
  shown: number;
  total: number;
  text: UiText;
  onChange: (filter: RowFilter) => void;
};

/** Search by name, filter by criterion and status, and how many clients that leaves. */
export function Filters({ filter, shown, total, text, onChange }: FiltersProps) {
  const t = text.dashboard;
  const filtered = filter.query !== '' || filter.criterion !== 'any' || filter.status !== 'any';
  return (
    <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <label className="filters__field filters__field--search">
        <span>{t.search}</span>
        <input
          type="search"
          name="search"
          value={filter.query}
          placeholder={t.searchPlaceholder}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => onChange({ ...filter, query: event.target.value })}
        />
      </label>
      <label className="filters__field">
        <span>{t.criterion}</span>
        <select name="criterion" value={filter.criterion} onChange={(event) => onChange({ ...filter, criterion: criterionOf(event.target.value) })}>
          <option value="any">{t.anyCriterion}</option>
          {CRITERION_IDS.map((id) => (
            <option key={id} value={id}>
              {text.criteria[id].title}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__field">
        <span>{t.status}</span>
        <select name="status" value={filter.status} onChange={(event) => onChange({ ...filter, status: statusOf(event.target.value) })}>
          <option value="any">{filter.criterion === 'any' ? t.anyStatus : t.flagged}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {text.status[status]}
            </option>
          ))}
        </select>
      </label>
      <p className="filters__count" role="status" data-shown={shown}>
        {t.shown(shown, total)}
      </p>
      {filtered && (
        <button type="button" className="link" data-action="reset-filters" onClick={() => onChange(NO_FILTER)}>
          {t.reset}
        </button>
      )}
    </form>
  );
}
