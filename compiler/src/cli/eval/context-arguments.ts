// `authorize --context` values: `key=value` (a string; the same key repeated makes a list) or
// `key:=JSON` (any JSON value, e.g. a list `["a","b"]`, given to the engines as written, which judge it).
// A map without a prototype: context keys are user data.

/** The context built from `--context` arguments, or what is wrong with one of them. */
export function readContextArguments(args: readonly string[]): { context: Record<string, unknown> } | { error: string } {
  const context = Object.create(null) as Record<string, unknown>;
  const repeated = new Set<string>();
  for (const arg of args) {
    const json = /^([^=]+?):=(.*)$/s.exec(arg);
    if (json !== null) {
      const [, key = "", text = ""] = json;
      if (key in context) return { error: `context key \`${key}\` is given twice` };
      try {
        context[key] = JSON.parse(text) as unknown;
      } catch {
        return { error: `\`--context ${arg}\`: the value after \`:=\` is not JSON` };
      }
      continue;
    }
    const plain = /^([^=]+)=(.*)$/s.exec(arg);
    if (plain === null) return { error: `\`--context ${arg}\` must be \`key=value\` or \`key:=JSON\`` };
    const [, key = "", value = ""] = plain;
    const previous = context[key];
    if (previous === undefined) context[key] = value;
    else if (typeof previous === "string" && !repeated.has(key)) {
      context[key] = [previous, value];
      repeated.add(key);
    } else if (Array.isArray(previous) && repeated.has(key)) previous.push(value);
    else return { error: `context key \`${key}\` is given twice` };
  }
  return { context };
}
