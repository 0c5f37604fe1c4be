// The one policy editor of the page: CodeMirror 6 with JSON highlighting, the compiler's diagnostics
// in the editor (underlines, gutter marks, hover with the help text), hover help from the KMS catalog,
// and completion from the bundle and policy JSON Schemas (policy-schema.ts).
import { autocompletion, closeBrackets, type Completion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { json } from "@codemirror/lang-json";
import { bracketMatching, defaultHighlightStyle, foldGutter, syntaxHighlighting, syntaxTree } from "@codemirror/language";
import { lintGutter, setDiagnostics, type Diagnostic as EditorDiagnostic } from "@codemirror/lint";
import { EditorSelection, EditorState } from "@codemirror/state";
import { EditorView, highlightActiveLine, hoverTooltip, keymap, lineNumbers, type Tooltip } from "@codemirror/view";
import type { SyntaxNode } from "@lezer/common";
import type { PlacedDiagnostic } from "./analyze-input.js";
import { catalogHelp } from "./catalog-help.js";
import { BUNDLE_SCHEMA, POLICY_SCHEMA } from "./policy-schema.js";
import { describe, nameSuggestions, schemasAt, valueSuggestions, type PathStep } from "./schema-completion.js";

export interface PolicyEditor {
  readonly view: EditorView;
  text(): string;
  setText(text: string): void;
  /** Shows `diagnostics` (their spans are offsets into the current text). */
  showDiagnostics(diagnostics: readonly PlacedDiagnostic[]): void;
  /** Puts the cursor at `offset` and scrolls it to the middle of the editor. */
  jumpTo(offset: number): void;
}

/** A change of the text: `paste` when it came from a paste or a drop (the page then jumps to the first error). */
export type OnChange = (text: string, how: { paste: boolean }) => void;

export function createPolicyEditor(parent: HTMLElement, initial: string, onChange: OnChange): PolicyEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: initial,
      extensions: [
        lineNumbers(), foldGutter(), lintGutter(), history(), highlightActiveLine(), bracketMatching(), closeBrackets(),
        json(), syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        autocompletion({ override: [schemaCompletion], icons: false }),
        hoverTooltip(catalogTooltip),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": "policy or bundle", spellcheck: "false" }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          const paste = update.transactions.some((t) => t.isUserEvent("input.paste") || t.isUserEvent("input.drop"));
          onChange(update.state.doc.toString(), { paste });
        }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    showDiagnostics: (diagnostics) => view.dispatch(setDiagnostics(view.state, diagnostics.map((d) => toEditor(d, view.state.doc.length)))),
    jumpTo: (offset) => {
      const at = Math.min(Math.max(0, offset), view.state.doc.length);
      view.dispatch({ selection: EditorSelection.cursor(at), effects: EditorView.scrollIntoView(at, { y: "center" }) });
    },
  };
}

function toEditor(d: PlacedDiagnostic, length: number): EditorDiagnostic {
  const from = Math.min(d.span.start, length);
  const to = Math.min(Math.max(d.span.end, from), length);
  return {
    from, to, severity: d.severity, source: d.code,
    message: `${d.code}: ${d.message}`,
    renderMessage: () => {
      const box = document.createElement("div");
      box.className = "diagnostic-message";
      box.dataset["code"] = d.code;
      const head = document.createElement("div");
      head.textContent = `${d.severity}[${d.code}] ${d.line}:${d.column} ${d.message}`;
      box.append(head);
      if (d.help !== undefined) {
        const help = document.createElement("div");
        help.className = "help";
        help.textContent = `help: ${d.help}`;
        box.append(help);
      }
      return box;
    },
  };
}

/** The string token at `pos`, or `undefined`. */
function stringAt(state: EditorState, pos: number, side: -1 | 1): SyntaxNode | undefined {
  const node = syntaxTree(state).resolveInner(pos, side);
  return node.name === "String" || node.name === "PropertyName" ? node : undefined;
}

function decoded(state: EditorState, node: SyntaxNode): string | undefined {
  try {
    const value: unknown = JSON.parse(state.sliceDoc(node.from, node.to));
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Hover on an action, condition key or operator: its catalog entry; on another property name: its schema description. */
function catalogTooltip(view: EditorView, pos: number, side: -1 | 1): Tooltip | null {
  const node = stringAt(view.state, pos, side);
  if (node === undefined) return null;
  const word = decoded(view.state, node);
  if (word === undefined) return null;
  let help = catalogHelp(word);
  if (help === undefined && node.name === "PropertyName") {
    help = describe(schemasAt(rootSchema(view.state), [...placeOf(view.state, node).path, word]));
  }
  if (help === undefined) return null;
  const text = help;
  return {
    pos: node.from, end: node.to, above: true,
    create: () => {
      const dom = document.createElement("div");
      dom.className = "catalog-help";
      dom.textContent = text;
      return { dom };
    },
  };
}

/** The name of a Property node. */
function keyOf(state: EditorState, property: SyntaxNode): string {
  const key = property.getChild("PropertyName");
  return key !== null ? decoded(state, key) ?? "" : "";
}

/** The JSON path of the value `value` (keys of the properties holding it, `{item}` for array elements). */
function valuePath(state: EditorState, value: SyntaxNode): PathStep[] {
  const path: PathStep[] = [];
  for (let parent = value.parent; parent !== null; parent = parent.parent) {
    if (parent.name === "Property") path.unshift(keyOf(state, parent));
    else if (parent.name === "Array") path.unshift({ item: true });
  }
  return path;
}

interface Place {
  readonly path: PathStep[];
  /** A property name is wanted (else a value). */
  readonly name: boolean;
  /** The object whose property names are wanted. */
  readonly object?: SyntaxNode;
}

/** Where the string token `node` is: a property name of an object, or a value. */
function placeOf(state: EditorState, node: SyntaxNode): Place {
  const parent = node.parent;
  if (node.name === "PropertyName" || parent?.name === "Object") {
    const object = parent?.name === "Property" ? parent.parent : parent;
    return object !== null && object !== undefined ? { path: valuePath(state, object), name: true, object } : { path: [], name: true };
  }
  return { path: valuePath(state, node), name: false };
}

/** Where the cursor is between tokens: after `{` or `,` in an object, after `:`, or in an array. */
function placeBetween(state: EditorState, pos: number): Place | undefined {
  let container: SyntaxNode | null = syntaxTree(state).resolveInner(pos, -1);
  while (container !== null && container.name !== "Object" && container.name !== "Array" && container.name !== "Property") container = container.parent;
  if (container === null) return undefined;
  if (container.name === "Object") return { path: valuePath(state, container), name: true, object: container };
  if (container.name === "Array") return { path: [...valuePath(state, container), { item: true }], name: false };
  const object = container.parent;
  return { path: [...(object !== null ? valuePath(state, object) : []), keyOf(state, container)], name: false };
}

/** The bundle schema when the top-level object has `keys` or `principals`, else the policy schema. */
function rootSchema(state: EditorState) {
  const top = syntaxTree(state).topNode.getChild("Object");
  const names = top?.getChildren("Property").map((p) => {
    const key = p.getChild("PropertyName");
    return key !== null ? decoded(state, key) : undefined;
  }) ?? [];
  return names.includes("keys") || names.includes("principals") ? BUNDLE_SCHEMA : POLICY_SCHEMA;
}

function schemaCompletion(context: CompletionContext): CompletionResult | null {
  const { state, pos } = context;
  const token = stringAt(state, pos, -1);
  const place = token !== undefined ? placeOf(state, token) : context.explicit ? placeBetween(state, pos) : undefined;
  if (place === undefined) return null;
  const schemas = schemasAt(rootSchema(state), place.path);
  const present = new Set(place.object?.getChildren("Property").flatMap((p) => {
    const key = p.getChild("PropertyName");
    return key !== null && (token === undefined || key.from !== token.from) ? [decoded(state, key) ?? ""] : [];
  }) ?? []);
  const suggestions = place.name ? nameSuggestions(schemas, present) : valueSuggestions(schemas);
  if (suggestions.length === 0) return null;
  // Inside a string, complete its content (so typing filters the list); between tokens, insert whole JSON.
  const closed = token !== undefined && token.to - token.from >= 2 && state.sliceDoc(token.to - 1, token.to) === '"';
  const options: Completion[] = suggestions.map((s) => ({
    label: s.label, apply: token !== undefined && s.insert.startsWith('"') ? s.insert.slice(1, -1) : s.insert, type: place.name ? "property" : "constant",
    ...(s.detail !== undefined ? { info: s.detail } : {}),
  }));
  if (token === undefined) return { from: pos, options, filter: true };
  return { from: token.from + 1, to: closed ? token.to - 1 : token.to, options, filter: true };
}
