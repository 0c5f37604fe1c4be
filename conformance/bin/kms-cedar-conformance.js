#!/usr/bin/env node
import { launch } from "@kms-cedar/compiler/launch";

await launch(new URL("../src/cli/main.ts", import.meta.url), new URL("../dist/cli.js", import.meta.url), { bundleInRepository: false });
