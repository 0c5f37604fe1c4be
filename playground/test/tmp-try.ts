import { analyzeInput } from "../src/analyze-input.js";
import { SAMPLE_BROKEN } from "../src/samples.js";
for (const d of analyzeInput(SAMPLE_BROKEN).diagnostics) console.log(d.code, d.severity, d.line, d.column, d.message);
