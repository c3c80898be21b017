/**
 * Streams the items of a JSON list without holding the whole text: the alerts file may be hundreds of
 * megabytes. The list is either the top-level array or the `value` array of a top-level object (a
 * Graph page). Each item's text is handed to JSON.parse on its own, so memory is one item at a time.
 */
export class JsonListError extends Error {
  override name = 'JsonListError';
}

/** An item whose text is longer than this is refused as an item, not parsed. */
export const MAX_ITEM_CHARS = 16 * 1024 * 1024;

export type ListItem = { value: unknown } | { tooLarge: number };

export async function* jsonListItems(chunks: AsyncIterable<string>): AsyncGenerator<ListItem> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** Depth of the values that are items (1: top-level array; 2: the `value` array of an object). */
  let itemDepth = 0;
  let rootKind: '' | 'array' | 'object' = '';
  let found = false;
  let stringStart = -1;
  let lastKey = '';
  let keyText = '';
  let item: string[] = [];
  let itemLength = 0;
  let inItem = false;
  let first = true;

  const finishItem = (): ListItem => {
    const text = item.join('');
    const result: ListItem = itemLength > MAX_ITEM_CHARS ? { tooLarge: itemLength } : { value: parseItem(text) };
    item = [];
    itemLength = 0;
    inItem = false;
    return result;
  };

  for await (let chunk of chunks) {
    if (first) {
      chunk = chunk.replace(/^\uFEFF/, '');
      first = false;
    }
    let itemFrom = inItem ? 0 : -1;
    const keep = (end: number) => {
      if (itemFrom === -1) return;
      const part = chunk.slice(itemFrom, end);
      itemLength += part.length;
      if (itemLength <= MAX_ITEM_CHARS) item.push(part);
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') {
          inString = false;
          if (depth === 1 && rootKind === 'object' && !inItem) {
            keyText += chunk.slice(stringStart === -1 ? 0 : stringStart, i);
            lastKey = keyText;
          }
        }
        continue;
      }
      if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
      // A value starts inside the item list: this is the start of an item.
      if (itemDepth > 0 && depth === itemDepth && !inItem && c !== ',' && c !== ']') {
        inItem = true;
        itemFrom = i;
      }
      if (c === '"') {
        inString = true;
        stringStart = i + 1;
        keyText = '';
        continue;
      }
      if (c === '{' || c === '[') {
        if (depth === 0) {
          rootKind = c === '[' ? 'array' : 'object';
          if (c === '[') {
            itemDepth = 1;
            found = true;
          }
        } else if (depth === 1 && rootKind === 'object' && c === '[' && lastKey === 'value' && !found) {
          itemDepth = 2;
          found = true;
        }
        depth++;
        continue;
      }
      if (c === '}' || c === ']') {
        depth--;
        if (depth < 0) throw new JsonListError('unbalanced brackets');
        if (inItem && depth === itemDepth - 1) {
          // The list itself closed: a primitive item (e.g. `42]`) ends here.
          keep(i);
          itemFrom = -1;
          yield finishItem();
        } else if (inItem && depth === itemDepth && (c === '}' || c === ']')) {
          keep(i + 1);
          itemFrom = -1;
          yield finishItem();
        }
        if (depth === itemDepth - 1 && itemDepth > 0) itemDepth = -1; // the list is done; ignore the rest
        continue;
      }
      if (c === ',' && inItem && depth === itemDepth) {
        keep(i);
        itemFrom = -1;
        yield finishItem();
      }
    }
    if (inString && stringStart !== -1 && depth === 1 && rootKind === 'object' && !inItem) keyText += chunk.slice(stringStart);
    stringStart = inString ? 0 : -1;
    keep(chunk.length);
  }
  if (rootKind === '') throw new JsonListError('it is empty or holds no JSON object or array');
  if (depth !== 0 || inString) throw new JsonListError('it ends before its JSON is complete');
  if (!found) throw new JsonListError('NO_LIST');
}

function parseItem(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new JsonListError((error as Error).message);
  }
}
