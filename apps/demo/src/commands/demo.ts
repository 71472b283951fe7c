import type { Command } from '../command.js';
import { toJson } from '../json.js';
import { tour } from '../tour/index.js';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'The tour: each example of the source texts, fitted and printed as R prints it.',
  usage: 'likelihood demo [--json]',
  example: 'likelihood demo --json',
  options: {
    json: { type: 'boolean', description: 'print one JSON document keyed by example' },
  },
  async run(values, io) {
    const result = await tour();
    if (values.json) {
      io.stdout(toJson(result.json));
    } else {
      io.stdout(result.text);
    }
  },
};
