#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so a checkout and an installed package behave alike.
import { register } from "tsx/esm/api";

register();
await import("../src/adapters/cli/main.ts");
