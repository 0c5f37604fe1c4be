// Which condition keys and variables a bundle mentions, so that generated requests carry them
// (present about two times in three). Phase: conformance generators; reads plain JSON policies.

const VARIABLE = /\$\{([^}]*)\}/g;

/** Lower-cased condition keys and variable names that appear anywhere in the bundle's policies. */
export function mentionedKeys(bundle: unknown): string[] {
  const found = new Set<string>();
  const visitValue = (value: unknown): void => {
    if (typeof value === "string") {
      for (const m of value.matchAll(VARIABLE)) {
        const name = m[1]!.split(",")[0]!.trim().toLowerCase();
        if (name.includes(":")) found.add(name);
      }
    } else if (Array.isArray(value)) value.forEach(visitValue);
  };
  const visitStatement = (s: unknown): void => {
    if (typeof s !== "object" || s === null) return;
    const st = s as Record<string, unknown>;
    visitValue(st["Resource"]);
    visitValue(st["NotResource"]);
    const cond = st["Condition"];
    if (typeof cond !== "object" || cond === null) return;
    for (const entries of Object.values(cond as Record<string, unknown>)) {
      if (typeof entries !== "object" || entries === null) continue;
      for (const [k, v] of Object.entries(entries as Record<string, unknown>)) {
        found.add(k.toLowerCase());
        visitValue(v);
      }
    }
  };
  const visitPolicy = (p: unknown): void => {
    if (typeof p !== "object" || p === null) return;
    const statements = (p as Record<string, unknown>)["Statement"];
    if (Array.isArray(statements)) statements.forEach(visitStatement);
    else visitStatement(statements);
  };
  const b = bundle as { keys?: Record<string, { policy?: unknown }>; principals?: Record<string, { policies?: unknown[] }> };
  for (const entry of Object.values(b.keys ?? {})) visitPolicy(entry.policy);
  for (const entry of Object.values(b.principals ?? {})) (entry.policies ?? []).forEach(visitPolicy);
  return [...found].sort();
}
