import { daysBetween, fullYearsBetween } from './dates.js';
import { roundHalfUp } from './rounding.js';
import { isPlainDate, type FieldValue, type PlainDate } from './values.js';

/**
 * A small, safe expression language for rubric formulas and conditions.
 * It is parsed into a tree and interpreted; nothing is ever passed to eval or new Function.
 *
 *   expr    := or
 *   or      := and ("or" and)*
 *   and     := not ("and" not)*
 *   not     := "not" not | compare
 *   compare := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
 *   sum     := product (("+" | "-") product)*
 *   product := unary (("*" | "/") unary)*
 *   unary   := "-" unary | primary
 *   primary := number | "string" | true | false | name | name "(" args ")" | "(" expr ")"
 */

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'name'; name: string; at: number }
  | { kind: 'call'; name: string; args: Expr[]; at: number }
  | { kind: 'unary'; op: '-' | 'not'; operand: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr };

type BinaryOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';

export interface ExpressionError {
  readonly message: string;
  /** 0-based character offset in the source */
  readonly at: number;
}

export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: ExpressionError };

/** Names that are not fields: the as-of date. */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set(['as_of']);

/** Functions and how many arguments each takes ([min, max]). */
export const FUNCTIONS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['min', [1, 99]],
  ['max', [1, 99]],
  ['abs', [1, 1]],
  ['round', [1, 2]],
  ['coalesce', [1, 99]],
  ['missing', [1, 1]],
  ['if', [3, 3]],
  ['years_since', [1, 1]],
  ['days_since', [1, 1]],
  ['years_between', [2, 2]],
  ['days_between', [2, 2]],
]);

interface Token {
  type: 'number' | 'string' | 'name' | 'op' | 'end';
  text: string;
  at: number;
}

const OPERATORS = ['<=', '>=', '==', '!=', '&&', '||', '<', '>', '+', '-', '*', '/', '(', ')', ','];

function tokenize(source: string): Token[] | ExpressionError {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const number = /^(?:\d+(?:\.\d+)?|\.\d+)/.exec(source.slice(i));
    if (number) {
      tokens.push({ type: 'number', text: number[0], at: i });
      i += number[0].length;
      continue;
    }
    const name = /^[\p{L}_][\p{L}\p{N}_.]*/u.exec(source.slice(i));
    if (name) {
      tokens.push({ type: 'name', text: name[0], at: i });
      i += name[0].length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const end = source.indexOf(ch, i + 1);
      if (end < 0) return { message: 'unclosed string', at: i };
      tokens.push({ type: 'string', text: source.slice(i + 1, end), at: i });
      i = end + 1;
      continue;
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
    if (!op) return { message: `unexpected character "${ch}"`, at: i };
    tokens.push({ type: 'op', text: op === '&&' ? 'and' : op === '||' ? 'or' : op, at: i });
    i += op.length;
  }
  tokens.push({ type: 'end', text: '', at: source.length });
  return tokens;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.index += 1;
    return token;
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return (token.type === 'name' || token.type === 'op') && token.text === word;
  }

  private expect(text: string): void {
    const token = this.next();
    if (token.text !== text || token.type === 'string') throw fail(`expected "${text}"`, token.at);
  }

  parse(): Expr {
    const expr = this.or();
    const rest = this.peek();
    if (rest.type !== 'end') throw fail(`unexpected "${rest.text}"`, rest.at);
    return expr;
  }

  private or(): Expr {
    let left = this.and();
    while (this.isWord('or')) {
      this.next();
      left = { kind: 'binary', op: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isWord('and')) {
      this.next();
      left = { kind: 'binary', op: 'and', left, right: this.not() };
    }
    return left;
  }

  private not(): Expr {
    if (this.isWord('not')) {
      this.next();
      return { kind: 'unary', op: 'not', operand: this.not() };
    }
    return this.compare();
  }

  private compare(): Expr {
    const left = this.sum();
    const token = this.peek();
    if (token.type === 'op' && ['<', '<=', '>', '>=', '==', '!='].includes(token.text)) {
      this.next();
      return { kind: 'binary', op: token.text as BinaryOp, left, right: this.sum() };
    }
    return left;
  }

  private sum(): Expr {
    let left = this.product();
    while (this.peek().type === 'op' && (this.peek().text === '+' || this.peek().text === '-')) {
      const op = this.next().text as BinaryOp;
      left = { kind: 'binary', op, left, right: this.product() };
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    while (this.peek().type === 'op' && (this.peek().text === '*' || this.peek().text === '/')) {
      const op = this.next().text as BinaryOp;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    if (this.peek().type === 'op' && this.peek().text === '-') {
      this.next();
      return { kind: 'unary', op: '-', operand: this.unary() };
    }
    return this.primary();
  }

  private primary(): Expr {
    const token = this.next();
    switch (token.type) {
      case 'number':
        return { kind: 'number', value: Number(token.text) };
      case 'string':
        return { kind: 'string', value: token.text };
      case 'name': {
        if (token.text === 'true' || token.text === 'false') return { kind: 'boolean', value: token.text === 'true' };
        if (['and', 'or', 'not'].includes(token.text)) throw fail(`unexpected "${token.text}"`, token.at);
        if (this.peek().type === 'op' && this.peek().text === '(') return this.call(token);
        return { kind: 'name', name: token.text, at: token.at };
      }
      case 'op':
        if (token.text === '(') {
          const inner = this.or();
          this.expect(')');
          return inner;
        }
        throw fail(`unexpected "${token.text}"`, token.at);
      case 'end':
        throw fail('the expression ends too early', token.at);
    }
  }

  private call(nameToken: Token): Expr {
    const arity = FUNCTIONS.get(nameToken.text);
    if (!arity) throw fail(`unknown function "${nameToken.text}"`, nameToken.at);
    this.expect('(');
    const args: Expr[] = [];
    if (!(this.peek().type === 'op' && this.peek().text === ')')) {
      args.push(this.or());
      while (this.peek().type === 'op' && this.peek().text === ',') {
        this.next();
        args.push(this.or());
      }
    }
    this.expect(')');
    if (args.length < arity[0] || args.length > arity[1]) {
      throw fail(`${nameToken.text}() takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]} to ${arity[1]}`} arguments`, nameToken.at);
    }
    return { kind: 'call', name: nameToken.text, args, at: nameToken.at };
  }
}

class ParseFailure extends Error {
  constructor(readonly detail: ExpressionError) {
    super(detail.message);
  }
}

function fail(message: string, at: number): ParseFailure {
  return new ParseFailure({ message, at });
}

/** Parses an expression; errors carry the character offset. */
export function parseExpression(source: string): ParseResult {
  const tokens = tokenize(source);
  if (!Array.isArray(tokens)) return { ok: false, error: tokens };
  try {
    return { ok: true, expr: new Parser(tokens).parse() };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.detail };
    throw error;
  }
}

/** The field names an expression reads (without built-in names). */
export function referencedNames(expr: Expr): string[] {
  const names = new Set<string>();
  const walk = (node: Expr): void => {
    if (node.kind === 'name' && !BUILTIN_NAMES.has(node.name)) names.add(node.name);
    if (node.kind === 'call') node.args.forEach(walk);
    if (node.kind === 'unary') walk(node.operand);
    if (node.kind === 'binary') {
      walk(node.left);
      walk(node.right);
    }
  };
  walk(expr);
  return [...names];
}

export interface EvalContext {
  /** the value of a field; null when blank */
  readonly get: (name: string) => FieldValue;
  readonly asOf: PlainDate;
}

/** Why an evaluation gave no value: a blank field, a division by zero, or a type mismatch. */
export type EvalFailure =
  | { kind: 'missing'; fields: string[] }
  | { kind: 'divisionByZero' }
  | { kind: 'type'; detail: string };

export type EvalResult = { ok: true; value: Exclude<FieldValue, null> } | { ok: false; failure: EvalFailure };

const ok = (value: Exclude<FieldValue, null>): EvalResult => ({ ok: true, value });
const typeError = (detail: string): EvalResult => ({ ok: false, failure: { kind: 'type', detail } });

/** Combines failures so a missing field is reported in preference to its consequences. */
function firstFailure(results: EvalResult[]): EvalResult | undefined {
  const failures = results.filter((r): r is Extract<EvalResult, { ok: false }> => !r.ok);
  if (failures.length === 0) return undefined;
  const missing = failures.flatMap((f) => (f.failure.kind === 'missing' ? f.failure.fields : []));
  if (missing.length > 0) return { ok: false, failure: { kind: 'missing', fields: [...new Set(missing)] } };
  return failures[0];
}

function asNumber(value: FieldValue, what: string): number | EvalResult {
  if (typeof value === 'number') return value;
  return typeError(`${what} needs a number`);
}

function asDate(value: FieldValue, what: string): PlainDate | EvalResult {
  if (isPlainDate(value)) return value;
  return typeError(`${what} needs a date`);
}

function truthy(value: FieldValue): boolean | EvalResult {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return typeError('a condition needs true/false');
}

function equal(a: FieldValue, b: FieldValue): boolean {
  if (isPlainDate(a) && isPlainDate(b)) return daysBetween(a, b) === 0;
  return a === b;
}

function compare(a: FieldValue, b: FieldValue): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (isPlainDate(a) && isPlainDate(b)) return daysBetween(b, a);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

/** Evaluates an expression against one record; blanks propagate as failures, never as zero. */
export function evaluate(expr: Expr, context: EvalContext): EvalResult {
  switch (expr.kind) {
    case 'number':
    case 'string':
    case 'boolean':
      return ok(expr.value);
    case 'name': {
      if (expr.name === 'as_of') return ok(context.asOf);
      const value = context.get(expr.name);
      return value === null ? { ok: false, failure: { kind: 'missing', fields: [expr.name] } } : ok(value);
    }
    case 'unary': {
      const operand = evaluate(expr.operand, context);
      if (!operand.ok) return operand;
      if (expr.op === '-') {
        const n = asNumber(operand.value, 'minus');
        return typeof n === 'number' ? ok(-n) : n;
      }
      const b = truthy(operand.value);
      return typeof b === 'boolean' ? ok(!b) : b;
    }
    case 'binary':
      return evaluateBinary(expr.op, expr.left, expr.right, context);
    case 'call':
      return evaluateCall(expr.name, expr.args, context);
  }
}

function evaluateBinary(op: BinaryOp, leftExpr: Expr, rightExpr: Expr, context: EvalContext): EvalResult {
  const left = evaluate(leftExpr, context);
  if (op === 'and' || op === 'or') {
    // Kleene logic: false and missing is false; true or missing is true.
    const right = evaluate(rightExpr, context);
    const l = left.ok ? truthy(left.value) : undefined;
    const r = right.ok ? truthy(right.value) : undefined;
    if (typeof l === 'object') return l;
    if (typeof r === 'object') return r;
    const decisive = op === 'and' ? false : true;
    if (l === decisive || r === decisive) return ok(decisive);
    return firstFailure([left, right]) ?? ok(!decisive);
  }
  const right = evaluate(rightExpr, context);
  const failed = firstFailure([left, right]);
  if (failed || !left.ok || !right.ok) return failed!;
  switch (op) {
    case '==':
      return ok(equal(left.value, right.value));
    case '!=':
      return ok(!equal(left.value, right.value));
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const order = compare(left.value, right.value);
      if (order === undefined) return typeError(`"${op}" compares two numbers, two dates or two texts`);
      return ok(op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0);
    }
    default: {
      const a = asNumber(left.value, `"${op}"`);
      if (typeof a !== 'number') return a;
      const b = asNumber(right.value, `"${op}"`);
      if (typeof b !== 'number') return b;
      if (op === '/') return b === 0 ? { ok: false, failure: { kind: 'divisionByZero' } } : ok(a / b);
      return ok(op === '+' ? a + b : op === '-' ? a - b : a * b);
    }
  }
}

function evaluateCall(name: string, argExprs: Expr[], context: EvalContext): EvalResult {
  if (name === 'coalesce') {
    const results = argExprs.map((arg) => evaluate(arg, context));
    return results.find((r) => r.ok) ?? firstFailure(results)!;
  }
  if (name === 'missing') {
    const result = evaluate(argExprs[0]!, context);
    return ok(!result.ok && result.failure.kind === 'missing');
  }
  if (name === 'if') {
    const condition = evaluate(argExprs[0]!, context);
    if (!condition.ok) return condition;
    const b = truthy(condition.value);
    if (typeof b !== 'boolean') return b;
    return evaluate(argExprs[b ? 1 : 2]!, context);
  }
  const args = argExprs.map((arg) => evaluate(arg, context));
  const failed = firstFailure(args);
  if (failed) return failed;
  const values = args.map((a) => (a as { value: Exclude<FieldValue, null> }).value);
  switch (name) {
    case 'years_since':
    case 'days_since':
    case 'years_between':
    case 'days_between': {
      const dates: PlainDate[] = [];
      for (const value of values) {
        const d = asDate(value, `${name}()`);
        if (!isPlainDate(d)) return d;
        dates.push(d);
      }
      const [from, to] = name.endsWith('since') ? [dates[0]!, context.asOf] : [dates[0]!, dates[1]!];
      return ok(name.startsWith('years') ? fullYearsBetween(from, to) : daysBetween(from, to));
    }
    default: {
      const numbers: number[] = [];
      for (const value of values) {
        const n = asNumber(value, `${name}()`);
        if (typeof n !== 'number') return n;
        numbers.push(n);
      }
      if (name === 'min') return ok(Math.min(...numbers));
      if (name === 'max') return ok(Math.max(...numbers));
      if (name === 'abs') return ok(Math.abs(numbers[0]!));
      return ok(roundHalfUp(numbers[0]!, numbers[1] ?? 0));
    }
  }
}
