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

/** The scanner's state between chunks: where in the JSON text the last chunk ended. */
class JsonListScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Depth of the values that are items (1: top-level array; 2: the `value` array of an object). */
  private itemDepth = 0;
  private rootKind: '' | 'array' | 'object' = '';
  private found = false;
  private stringStart = -1;
  private lastKey = '';
  private keyText = '';
  private item: string[] = [];
  private itemLength = 0;
  private inItem = false;
  /** Where the current item started in the chunk being scanned (-1: not in this chunk). */
  private itemFrom = -1;
  private chunk = '';

  /** Scans one chunk; returns the items that ended in it. */
  feed(chunk: string): ListItem[] {
    this.chunk = chunk;
    this.itemFrom = this.inItem ? 0 : -1;
    const items: ListItem[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (this.inString) this.stringChar(c, i);
      else if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
      else this.structural(c, i, items);
    }
    if (this.inString && this.stringStart !== -1 && this.depth === 1 && this.rootKind === 'object' && !this.inItem)
      this.keyText += chunk.slice(this.stringStart);
    this.stringStart = this.inString ? 0 : -1;
    this.keep(chunk.length);
    return items;
  }

  /** The text has ended: it must have held a complete JSON list. */
  end(): void {
    if (this.rootKind === '') throw new JsonListError('it is empty or holds no JSON object or array');
    if (this.depth !== 0 || this.inString) throw new JsonListError('it ends before its JSON is complete');
    if (!this.found) throw new JsonListError('NO_LIST');
  }

  private stringChar(c: string, i: number): void {
    if (this.escaped) this.escaped = false;
    else if (c === '\\') this.escaped = true;
    else if (c === '"') {
      this.inString = false;
      if (this.depth === 1 && this.rootKind === 'object' && !this.inItem) {
        this.keyText += this.chunk.slice(this.stringStart === -1 ? 0 : this.stringStart, i);
        this.lastKey = this.keyText;
      }
    }
  }

  private structural(c: string, i: number, items: ListItem[]): void {
    // A value starts inside the item list: this is the start of an item.
    if (this.itemDepth > 0 && this.depth === this.itemDepth && !this.inItem && c !== ',' && c !== ']') {
      this.inItem = true;
      this.itemFrom = i;
    }
    if (c === '"') {
      this.inString = true;
      this.stringStart = i + 1;
      this.keyText = '';
    } else if (c === '{' || c === '[') this.open(c);
    else if (c === '}' || c === ']') this.close(c, i, items);
    else if (c === ',' && this.inItem && this.depth === this.itemDepth) {
      this.keep(i);
      this.itemFrom = -1;
      items.push(this.finishItem());
    }
  }

  private open(c: string): void {
    if (this.depth === 0) {
      this.rootKind = c === '[' ? 'array' : 'object';
      if (c === '[') {
        this.itemDepth = 1;
        this.found = true;
      }
    } else if (this.depth === 1 && this.rootKind === 'object' && c === '[' && this.lastKey === 'value' && !this.found) {
      this.itemDepth = 2;
      this.found = true;
    }
    this.depth++;
  }

  private close(c: string, i: number, items: ListItem[]): void {
    this.depth--;
    if (this.depth < 0) throw new JsonListError('unbalanced brackets');
    if (this.inItem && this.depth === this.itemDepth - 1) {
      // The list itself closed: a primitive item (e.g. `42]`) ends here.
      this.keep(i);
      this.itemFrom = -1;
      items.push(this.finishItem());
    } else if (this.inItem && this.depth === this.itemDepth && (c === '}' || c === ']')) {
      this.keep(i + 1);
      this.itemFrom = -1;
      items.push(this.finishItem());
    }
    if (this.depth === this.itemDepth - 1 && this.itemDepth > 0) this.itemDepth = -1; // the list is done; ignore the rest
  }

  /** Keeps the current item's text up to `end` of this chunk (counted, but not kept past MAX_ITEM_CHARS). */
  private keep(end: number): void {
    if (this.itemFrom === -1) return;
    const part = this.chunk.slice(this.itemFrom, end);
    this.itemLength += part.length;
    if (this.itemLength <= MAX_ITEM_CHARS) this.item.push(part);
  }

  private finishItem(): ListItem {
    const text = this.item.join('');
    const result: ListItem = this.itemLength > MAX_ITEM_CHARS ? { tooLarge: this.itemLength } : { value: parseItem(text) };
    this.item = [];
    this.itemLength = 0;
    this.inItem = false;
    return result;
  }
}

export async function* jsonListItems(chunks: AsyncIterable<string>): AsyncGenerator<ListItem> {
  const scanner = new JsonListScanner();
  let first = true;
  for await (let chunk of chunks) {
    if (first) {
      chunk = chunk.replace(/^\uFEFF/, '');
      first = false;
    }
    yield* scanner.feed(chunk);
  }
  scanner.end();
}

function parseItem(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new JsonListError((error as Error).message);
  }
}
