// What cedar-wasm can take without trapping, measured on Cedar text before any cedar-wasm call
// (DESIGN §4). cedar-wasm's Rust code recurses over the expression tree; past its stack it either
// throws RangeError or, worse, writes past its shadow stack ("memory access out of bounds"), after
// which every call into that instance fails. Phase: shared by the emitter and the Cedar engine.
//
// Measured with cedar-wasm 4.13 (runtime/test/cedar/cedar-limits.test.ts checks the margins):
//   a left-nested `x == "a" || x == "b" || …` chain: evaluation traps from ~370 operands, strict
//     validation ~1,800, formatting ~3,800; one level of parentheses costs about as much as three
//     operands (`((…))` traps from ~130 levels in every call); nested `if … then if …` about one
//     operand per `if` (~350);
//   a set literal or argument list: the formatter overflows from ~2,900 elements;
//   non-ASCII characters in one string literal or comment: the formatter overflows from ~6,000
//     (only the formatter; a `\u{e9}` escape costs nothing).
// The measure counts every operator of a chain (`==` and `||` alike: 2 per operand above), so the
// traps above lie at a measured depth of ~730 (chains), ~760 (parentheses) and ~700 (ifs); the
// limits keep a margin of three or more under each figure, and the depth limit a margin over the
// lower figures seen in a long-lived process after cedar-wasm was instantiated afresh (chains and
// nested ifs then trapped from ~100 operands, ~200 measured).

/** The limits, in the units of `measureCedarText`. */
export const CEDAR_LIMITS = {
  /** Weighted expression depth: operators at one level, two per `if`, six per bracket level. */
  depth: 160,
  /** Elements of one set literal, record or argument list. */
  list: 1_000,
  /** Non-ASCII UTF-16 code units in one string literal or comment (formatter only). */
  nonAscii: 1_000,
} as const;

/** What `measureCedarText` found: the largest value of each limited quantity. */
export interface CedarTextMeasure {
  readonly depth: number;
  readonly list: number;
  readonly nonAscii: number;
}

/** The cost of one level of brackets, in measured operators (see the measurements above). */
const BRACKET_COST = 6;

interface Frame {
  ops: number;
  commas: number;
  child: number;
}

/** Keyword operators and their weight (`if` stands for a whole operand, like `==` and `||` together). */
const OPERATOR_WORDS = new Map([["in", 1], ["has", 1], ["like", 1], ["is", 1], ["if", 2]]);

/**
 * An upper bound of the depth cedar-wasm's parser, validator and evaluator reach on `text` (policies
 * or a schema), the longest list, and the most non-ASCII text in one literal or comment. Linear,
 * never recursive, never throws; text that does not parse is measured as far as it goes.
 */
export function measureCedarText(text: string): CedarTextMeasure {
  const stack: Frame[] = [{ ops: 0, commas: 0, child: 0 }];
  let depth = 0;
  let list = 0;
  let nonAscii = 0;
  const close = (): void => {
    const frame = stack.pop()!;
    list = Math.max(list, frame.commas + 1);
    const reached = BRACKET_COST + frame.ops + frame.child;
    const parent = stack[stack.length - 1]!;
    parent.child = Math.max(parent.child, reached);
  };
  const endTopLevel = (): void => {
    const top = stack[0]!;
    depth = Math.max(depth, top.ops + top.child);
    list = Math.max(list, top.commas + 1);
    stack[0] = { ops: 0, commas: 0, child: 0 };
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    const frame = stack[stack.length - 1]!;
    if (c === 0x22 /* " */) {
      let count = 0;
      i++;
      while (i < n && text.charCodeAt(i) !== 0x22) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d > 0x7e) count++;
        i++;
      }
      i++;
      nonAscii = Math.max(nonAscii, count);
      continue;
    }
    if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      let count = 0;
      while (i < n && text.charCodeAt(i) !== 0x0a) {
        if (text.charCodeAt(i) > 0x7e) count++;
        i++;
      }
      nonAscii = Math.max(nonAscii, count);
      continue;
    }
    if (c === 0x28 || c === 0x5b || c === 0x7b /* ( [ { */) {
      stack.push({ ops: 0, commas: 0, child: 0 });
      i++;
      continue;
    }
    if (c === 0x29 || c === 0x5d || c === 0x7d /* ) ] } */) {
      if (stack.length > 1) close();
      i++;
      continue;
    }
    if (c === 0x3b /* ; */ && stack.length === 1) {
      endTopLevel();
      i++;
      continue;
    }
    if (c === 0x2c /* , */) {
      frame.commas++;
      i++;
      continue;
    }
    if (isWordStart(c)) {
      const start = i;
      while (i < n && isWordPart(text.charCodeAt(i))) i++;
      frame.ops += OPERATOR_WORDS.get(text.slice(start, i)) ?? 0;
      continue;
    }
    if (c > 0x7e) nonAscii = Math.max(nonAscii, 1);
    // `||` `&&` `==` `!=` `<=` `>=` `<` `>` `+` `-` `*` `.` `!`: each may add a level to the tree.
    if ("|&=!<>+-*.".includes(text[i]!)) {
      const pair = text.slice(i, i + 2);
      frame.ops++;
      i += pair === "||" || pair === "&&" || pair === "==" || pair === "!=" || pair === "<=" || pair === ">=" ? 2 : 1;
      continue;
    }
    i++;
  }
  while (stack.length > 1) close();
  endTopLevel();
  return { depth, list, nonAscii };
}

/** Why `text` is beyond cedar-wasm's limits (one sentence per limit exceeded), or `[]`. */
export function cedarLimitProblems(text: string, options: { readonly formatter?: boolean } = {}): string[] {
  const m = measureCedarText(text);
  const problems: string[] = [];
  if (m.depth > CEDAR_LIMITS.depth) {
    problems.push(`an expression nests or chains operators to a depth of ${m.depth}, over cedar-wasm's limit of ${CEDAR_LIMITS.depth}`);
  }
  if (m.list > CEDAR_LIMITS.list) {
    problems.push(`a set, record or argument list has ${m.list} elements, over cedar-wasm's limit of ${CEDAR_LIMITS.list}`);
  }
  if (options.formatter === true && m.nonAscii > CEDAR_LIMITS.nonAscii) {
    problems.push(`a string or comment holds ${m.nonAscii} non-ASCII characters, over cedar-wasm's formatter limit of ${CEDAR_LIMITS.nonAscii}`);
  }
  return problems;
}

function isWordStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

function isWordPart(c: number): boolean {
  return isWordStart(c) || (c >= 0x30 && c <= 0x39);
}
