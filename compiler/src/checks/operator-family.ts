// Groups condition operators by the type of value they compare (spec §2.3–§2.10).
import type { BaseOperator } from "@kms-cedar/grammar";

export type OperatorFamily = "string" | "numeric" | "date" | "bool" | "binary" | "ip" | "arn" | "null";

/** The value family of a base operator. */
export function operatorFamily(base: BaseOperator): OperatorFamily {
  if (base.startsWith("String")) return "string";
  if (base.startsWith("Numeric")) return "numeric";
  if (base.startsWith("Date")) return "date";
  if (base.startsWith("Arn")) return "arn";
  if (base === "IpAddress" || base === "NotIpAddress") return "ip";
  if (base === "Bool") return "bool";
  if (base === "BinaryEquals") return "binary";
  return "null";
}

/** AWS: §4.2 — the families whose values may contain policy variables (Bool: DOC-CONFLICT, allowed, A14). */
export function allowsVariables(family: OperatorFamily): boolean {
  // DEVIATION: §2.6, §4.2, A14 — `Bool` values may hold variables (the operators page says yes, the variables page no).
  return family === "string" || family === "arn" || family === "bool";
}
