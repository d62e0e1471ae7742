#!/usr/bin/env node
// pnpm plan: a capacity plan for a workload from a benchmark run's results.json.
import { runPlan } from './command.js';

// pnpm runs the script from the workspace's root: paths are the caller's, from where pnpm was run.
const { code, out } = runPlan(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
(code === 0 ? process.stdout : process.stderr).write(out);
process.exitCode = code;
