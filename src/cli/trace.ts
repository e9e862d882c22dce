/**
 * `npm run --silent trace`: reads a config (or a JSON array of configs) in the oracle's format on
 * stdin and prints the trace (or an array of traces) as JSON, in the same schema and formatting
 * as ../shared/oracle/torch_oracle.py, so the two can be diffed. A bad config: message on stderr,
 * exit code 1.
 */
import { readFileSync } from 'node:fs';
import { pythonJson } from '../engine/python-json.ts';
import { runAttention } from '../engine/run.ts';
import { traceToJson } from '../engine/trace-json.ts';

function main(): number {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(0, 'utf8'));
  } catch (e) {
    process.stderr.write(`trace: stdin is not JSON: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    const configs = Array.isArray(input) ? input : [input];
    const traces = configs.map((c, i) => {
      try {
        return traceToJson(runAttention(c));
      } catch (e) {
        throw Array.isArray(input) ? new Error(`config ${i}: ${(e as Error).message}`) : e;
      }
    });
    process.stdout.write(`${pythonJson(Array.isArray(input) ? traces : traces[0])}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`trace: ${(e as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main();
