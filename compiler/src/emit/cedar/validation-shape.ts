// The validation shape of a Cedar policy (issue 14, compile speed): its text with the id of every
// entity literal that is not an action, and every annotation value, replaced by `"_"`, and comments
// dropped. Cedar's strict validator types an entity literal by its type alone (the schema declares
// no enumerated entity types: `hasEnumeratedEntities` says when it does), and annotations and comments
// do not take part in validation, so two policies of one shape validate alike. An organisation's
// policies come in few shapes (one per statement template), so check-output.ts validates one policy
// per shape; a shape with an error is validated policy by policy for the exact messages.
// A small tokenizer (comments, string literals with escapes, `::`) so that text inside a string
// literal is never mistaken for an entity literal.

const ACTION_TYPE = /(?:^|::)Action$/;

/** The validation shape of one policy's text. */
export function validationShape(text: string): string {
  let out = "";
  let i = 0;
  let path = ""; // the `Name::Name::` path just read, if the next token is a string literal
  let afterAnnotation = false; // the previous tokens were `@name(`
  while (i < text.length) {
    const c = text[i]!;
    if (c === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === '"') {
      const end = stringEnd(text, i);
      const literal = text.slice(i, end);
      const entityId = path.endsWith("::") && !ACTION_TYPE.test(path.slice(0, -2));
      out += entityId || afterAnnotation ? '"_"' : literal;
      i = end;
      path = "";
      afterAnnotation = false;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      const word = text.slice(i, j);
      // `@id(`: the annotation's value is the next string literal.
      afterAnnotation = out.endsWith("@") && text[j] === "(";
      path = path.endsWith("::") ? path + word : word;
      out += word;
      i = j;
      continue;
    }
    if (c === ":" && text[i + 1] === ":" && path !== "" && !path.endsWith("::")) {
      path += "::";
      out += "::";
      i += 2;
      continue;
    }
    if (c === "(" && afterAnnotation) {
      out += c;
      i++;
      continue;
    }
    if (!/\s/.test(c)) {
      path = "";
      afterAnnotation = false;
    }
    out += /\s/.test(c) ? " " : c;
    i++;
  }
  return out.replace(/ +/g, " ").trim();
}

/** Index just past the string literal that starts at `start` (a `"`), escapes included. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\\") i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return text.length;
}

/**
 * Whether a schema (its text) may declare an enumerated entity type (`entity E enum [...]`), whose ids
 * the validator checks: the word `enum` anywhere — in a comment or a string too, so a false answer is
 * certain and a true one only costs validating every policy.
 */
export function mayEnumerateEntities(schemaText: string): boolean {
  return /\benum\b/.test(schemaText);
}
