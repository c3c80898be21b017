/**
 * A small OData $filter evaluator for the fake Graph: comparisons (eq ne gt ge lt le) on the properties
 * alerts_v2 documents as filterable, combined with and/or/not and parentheses. Anything else is a
 * 400, as on Graph.
 */
export const FILTERABLE = [
  'assignedTo',
  'classification',
  'determination',
  'createdDateTime',
  'lastUpdateDateTime',
  'severity',
  'serviceSource',
  'status'
];

type Token = { type: 'word' | 'string' | 'lparen' | 'rparen'; value: string };
export type Predicate = (item: Record<string, unknown>) => boolean;

export class FilterSyntaxError extends Error {}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(') {
      tokens.push({ type: 'lparen', value: c });
      i++;
      continue;
    }
    if (c === ')') {
      tokens.push({ type: 'rparen', value: c });
      i++;
      continue;
    }
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FilterSyntaxError('unterminated string literal');
        if (text[i] === "'" && text[i + 1] === "'") {
          value += "'";
          i += 2;
          continue;
        }
        if (text[i] === "'") {
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ type: 'string', value });
      continue;
    }
    const match = /^[^\s()']+/.exec(text.slice(i))!;
    tokens.push({ type: 'word', value: match[0] });
    i += match[0].length;
  }
  return tokens;
}

const DATE_PROPERTIES = new Set(['createdDateTime', 'lastUpdateDateTime']);

export function parseFilter(text: string): Predicate {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const word = (value: string) => peek()?.type === 'word' && peek().value.toLowerCase() === value;

  function parseOr(): Predicate {
    let left = parseAnd();
    while (word('or')) {
      pos++;
      const right = parseAnd();
      const l = left;
      left = item => l(item) || right(item);
    }
    return left;
  }
  function parseAnd(): Predicate {
    let left = parsePrimary();
    while (word('and')) {
      pos++;
      const right = parsePrimary();
      const l = left;
      left = item => l(item) && right(item);
    }
    return left;
  }
  function parsePrimary(): Predicate {
    const token = peek();
    if (!token) throw new FilterSyntaxError('unexpected end of filter');
    if (token.type === 'lparen') {
      pos++;
      const inner = parseOr();
      if (peek()?.type !== 'rparen') throw new FilterSyntaxError('missing )');
      pos++;
      return inner;
    }
    if (word('not')) {
      pos++;
      const inner = parsePrimary();
      return item => !inner(item);
    }
    if (token.type !== 'word') throw new FilterSyntaxError(`unexpected ${token.value}`);
    const property = token.value;
    if (!FILTERABLE.includes(property)) throw new FilterSyntaxError(`Invalid filter clause: property '${property}' is not supported`);
    pos++;
    const op = peek();
    if (op?.type !== 'word' || !['eq', 'ne', 'gt', 'ge', 'lt', 'le'].includes(op.value))
      throw new FilterSyntaxError('expected a comparison operator');
    pos++;
    const literal = peek();
    if (!literal) throw new FilterSyntaxError('missing literal');
    pos++;
    let expected: string | number | null;
    if (literal.type === 'string') expected = literal.value;
    else if (literal.type === 'word' && literal.value === 'null') expected = null;
    else if (literal.type === 'word' && DATE_PROPERTIES.has(property) && !Number.isNaN(Date.parse(literal.value)))
      expected = Date.parse(literal.value);
    else throw new FilterSyntaxError(`Invalid literal '${literal.value}' for ${property}`);
    if (DATE_PROPERTIES.has(property) && typeof expected === 'string')
      throw new FilterSyntaxError(`A DateTimeOffset literal is expected for ${property}, not a string`);
    return item => {
      const raw = item[property] as string | null | undefined;
      const actual = DATE_PROPERTIES.has(property) ? (raw ? Date.parse(raw) : null) : (raw ?? null);
      switch (op.value) {
        case 'eq':
          return actual === expected;
        case 'ne':
          return actual !== expected;
        default: {
          if (actual === null || expected === null) return false;
          const cmp = actual < expected ? -1 : actual > expected ? 1 : 0;
          return op.value === 'gt' ? cmp > 0 : op.value === 'ge' ? cmp >= 0 : op.value === 'lt' ? cmp < 0 : cmp <= 0;
        }
      }
    };
  }
  const predicate = parseOr();
  if (pos !== tokens.length) throw new FilterSyntaxError(`unexpected '${tokens[pos].value}'`);
  return predicate;
}
