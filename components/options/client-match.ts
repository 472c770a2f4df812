/** A client as the pickers list it. */
export type PickableClient = { key: string; name: string };

/** How many matches a picker shows: enough to choose from, few enough to read (and to draw with 5,000 clients stored). */
export const MAX_MATCHES = 8;

const fold = (value: string) => value.toLocaleLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/**
 * The clients whose name (or key) holds the typed text, whatever its case (and "ё" as "е"):
 * names that start with it first, then the rest, each group in name order; at most `max`.
 */
export function matchClients(clients: readonly PickableClient[], query: string, max = MAX_MATCHES): PickableClient[] {
  const wanted = fold(query);
  if (!wanted) return [];
  const starts: PickableClient[] = [];
  const within: PickableClient[] = [];
  for (const client of clients) {
    const name = fold(client.name);
    if (name.startsWith(wanted)) starts.push(client);
    else if (name.includes(wanted) || fold(client.key).includes(wanted)) within.push(client);
  }
  const byName = (a: PickableClient, b: PickableClient) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key);
  return [...starts.sort(byName), ...within.sort(byName)].slice(0, max);
}

/** The one client whose name is exactly the typed text (case and spaces aside), if only one is. */
export function exactClient(clients: readonly PickableClient[], query: string): PickableClient | undefined {
  const wanted = fold(query);
  const same = wanted ? clients.filter((client) => fold(client.name) === wanted) : [];
  return same.length === 1 ? same[0] : undefined;
}
