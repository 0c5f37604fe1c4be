// Splits a Resource pattern that may contain policy variables into ARN components, counting only the
// colons written as text: a variable such as `${aws:username}` has a colon of its own (spec §4.2, A36).
import type { Template } from "@kms-cedar/grammar";

export interface ArnTemplateShape {
  /** Text of the first five components with each variable shown as `${…}` (for messages and checks). */
  readonly components: readonly string[];
  /** Variables (by index into the template) that sit before the fifth colon, where they are not allowed. */
  readonly misplaced: readonly number[];
  /** Whether the text has at least five colons outside variables. */
  readonly complete: boolean;
}

/** The shape of an ARN pattern given as a template. */
export function arnTemplateShape(template: Template): ArnTemplateShape {
  const components: string[] = [""];
  const misplaced: number[] = [];
  template.forEach((part, index) => {
    if (part.kind === "variable") {
      if (components.length <= 5) misplaced.push(index);
      components[components.length - 1] += "${…}";
      return;
    }
    for (const ch of part.text) {
      if (ch === ":" && part.kind === "text" && components.length <= 5) components.push("");
      else components[components.length - 1] += ch;
    }
  });
  return { components, misplaced, complete: components.length === 6 };
}
