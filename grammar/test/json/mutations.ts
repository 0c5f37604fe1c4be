// Line corruptions for the recovery property: each breaks one line of a pretty-printed policy in a
// way whose error belongs to that line (or, for a removed comma, to the next line, where the next
// member starts). Each returns undefined when it does not apply to the line.

/** A corrupted line, and on which line (0 = this one, 1 = the next one) the error must be reported. */
export interface Corruption {
  readonly line: string;
  readonly errorOnNextLine: boolean;
}

type Mutation = (line: string, next: string | undefined) => Corruption | undefined;

const here = (line: string): Corruption => ({ line, errorOnNextLine: false });

const MEMBER = /^(\s*"(?:[^"\\]|\\.)*")(\s*:\s*)(.*)$/;
const SIMPLE_STRING_VALUE = /^(\s*"(?:[^"\\]|\\.)*"\s*:\s*)"([A-Za-z][A-Za-z0-9]*)"(,?)$/;
const LAST_STRING = /^(.*")((?:[^"\\]|\\.)*)"(,?)$/;

/** The corruptions, by name (the name is printed in the case mix). */
export const MUTATIONS: Readonly<Record<string, Mutation>> = {
  dropColon: (line) => {
    const m = MEMBER.exec(line);
    return m && m[3] !== "" ? here(`${m[1]} ${m[3]}`) : undefined;
  },
  unterminate: (line) => {
    const m = LAST_STRING.exec(line);
    return m ? here(`${m[1]}${m[2]}${m[3]}`) : undefined;
  },
  strayCharacter: (line) => {
    const at = line.search(/\S/);
    return at < 0 ? undefined : here(`${line.slice(0, at)}@${line.slice(at)}`);
  },
  doubleComma: (line) => (line.endsWith(",") ? here(`${line},`) : undefined),
  unquoteValue: (line) => {
    const m = SIMPLE_STRING_VALUE.exec(line);
    return m && !/^(true|false|null)$/.test(m[2]!) ? here(`${m[1]}${m[2]}${m[3]}`) : undefined;
  },
  comment: (line) => (line.trim() === "" ? undefined : here(`${line} // note`)),
  removeComma: (line) => (line.endsWith(",") ? { line: line.slice(0, -1), errorOnNextLine: true } : undefined),
  addTrailingComma: (line, next) => {
    const closes = next !== undefined && /^\s*[}\]]/.test(next);
    return closes && !/[,{[]$/.test(line) ? here(`${line},`) : undefined;
  },
  singleQuoteKey: (line) => {
    const m = /^(\s*)"([A-Za-z0-9:_-]*)"(\s*:.*)$/.exec(line);
    return m ? here(`${m[1]}'${m[2]}'${m[3]}`) : undefined;
  },
  invalidEscape: (line) => {
    const at = line.indexOf('"');
    return at < 0 ? undefined : here(`${line.slice(0, at + 1)}\\q${line.slice(at + 1)}`);
  },
  leadingZero: (line) => {
    const m = /^(\s*"(?:[^"\\]|\\.)*"\s*:\s*)"(?:[^"\\]|\\.)*"(,?)$/.exec(line);
    return m ? here(`${m[1]}012${m[2]}`) : undefined;
  },
  dropValue: (line) => {
    const m = /^(\s*"(?:[^"\\]|\\.)*"\s*:)\s*"(?:[^"\\]|\\.)*",$/.exec(line);
    return m ? here(`${m[1]} ,`) : undefined;
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);
