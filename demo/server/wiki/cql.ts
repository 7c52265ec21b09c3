import type { WikiPage } from './store.js';

/** A CQL query the simulator does not understand; the REST API answers 400 with its message. */
export class CqlError extends Error {}

type Clause = (page: WikiPage) => boolean;

const CLAUSE = /^\s*(space|type|title|text|id)\s*(=|~|!=)\s*(?:"((?:[^"\\]|\\.)*)"|([\w.-]+))\s*/i;

function plain(storage: string): string {
  return storage.replace(/<[^>]*>/g, ' ').toLowerCase();
}

/**
 * A small CQL: clauses `space`, `type`, `id` (`=`, `!=`) and `title`, `text` (`~` contains, `=`),
 * joined by `AND`, optionally followed by `ORDER BY …` (ignored). Enough for the searches apps make.
 */
export function parseCql(cql: string): Clause {
  let rest = cql.replace(/\s+order\s+by\s+.*$/i, '');
  const clauses: Clause[] = [];
  if (!rest.trim()) throw new CqlError('The CQL query is empty');
  for (;;) {
    const match = CLAUSE.exec(rest);
    if (!match) throw new CqlError(`Could not parse CQL at "${rest.trim().slice(0, 40)}": the simulator knows space, type, id, title and text with =, != and ~, joined by AND`);
    const [, field, op, quoted, bare] = match;
    const value = (quoted ?? bare ?? '').replace(/\\(.)/g, '$1');
    const lower = value.toLowerCase();
    const name = field!.toLowerCase();
    if (op === '~' && (name === 'space' || name === 'type' || name === 'id')) throw new CqlError(`CQL field ${name} takes = or !=, not ~`);
    let test: Clause;
    if (name === 'space') test = (p) => p.spaceKey.toLowerCase() === lower;
    else if (name === 'type') test = () => lower === 'page';
    else if (name === 'id') test = (p) => p.id === value;
    else if (name === 'title') test = op === '~' ? (p) => p.title.toLowerCase().includes(lower) : (p) => p.title.toLowerCase() === lower;
    else test = (p) => `${p.title.toLowerCase()} ${plain(p.body)}`.includes(lower);
    clauses.push(op === '!=' ? (p) => !test(p) : test);
    rest = rest.slice(match[0].length);
    if (!rest.trim()) break;
    const and = /^\s*and\s+/i.exec(rest);
    if (!and) throw new CqlError(`Expected AND at "${rest.trim().slice(0, 40)}" (the simulator's CQL joins clauses with AND only)`);
    rest = rest.slice(and[0].length);
  }
  return (page) => clauses.every((c) => c(page));
}
