import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { exactClient, matchClients, type PickableClient } from './client-match';

type ClientPickerProps = {
  name: string;
  label: string;
  /** Every stored client; undefined while loading. */
  clients: readonly PickableClient[] | undefined;
  /** The chosen client's key, or '' for none. */
  value: string;
  onChange: (key: string) => void;
  placeholder: string;
  noMatch: string;
};

/**
 * A client chosen by typing part of its name (an ARIA combobox): a store of 5,000 clients is not
 * a dropdown anyone can scroll, nor thousands of <option>s for the page to carry. Up to
 * MAX_MATCHES names are shown; arrows move, Enter or a click chooses, Escape closes.
 */
export function ClientPicker({ name, label, clients, value, onChange, placeholder, noMatch }: ClientPickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => matchClients(clients ?? [], query), [clients, query]);
  // Cleared from outside (after a tie): the text goes too.
  useEffect(() => {
    if (value === '') setQuery((typed) => (exactClient(clients ?? [], typed) ? '' : typed));
  }, [value, clients]);

  const choose = (client: PickableClient) => {
    onChange(client.key);
    setQuery(client.name);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (matches.length) setActive((at) => (at + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
    } else if (event.key === 'Enter' && open && matches[active]) {
      event.preventDefault();
      choose(matches[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };
  const shown = open && query.trim() !== '';
  return (
    <label className="client-picker">
      <span>{label}</span>
      <input
        name={name}
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={`${id}-list`}
        aria-activedescendant={shown && matches[active] ? `${id}-${active}` : undefined}
        data-client-key={value}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(0);
          onChange(exactClient(clients ?? [], event.target.value)?.key ?? '');
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {shown && (
        <ul className="client-picker__list" role="listbox" id={`${id}-list`}>
          {matches.map((client, i) => (
            <li
              key={client.key}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === active}
              data-client-key={client.key}
              // Chosen on press, before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(client);
              }}
            >
              {client.name}
              {matches.some((other) => other !== client && other.name === client.name) && <small> {client.key}</small>}
            </li>
          ))}
          {matches.length === 0 && <li className="client-picker__none">{noMatch}</li>}
        </ul>
      )}
    </label>
  );
}
