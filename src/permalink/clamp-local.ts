/**
 * A link's step-specific fields (`local`): each one the step declares is checked by its own
 * schema, fitted by its own clamp when that can, else the step's initial value, with a message.
 */
import { stepDef } from '../chapter/steps/index.ts';
import type { StepId } from '../chapter/view.ts';
import { messages } from './messages.ts';

export function repairLocal(
  step: StepId,
  raw: unknown,
  fallback: Record<string, unknown>,
  problems: string[],
): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push(messages.localNotObject(raw));
    return fallback;
  }
  const given = raw as Record<string, unknown>;
  const fields = stepDef(step).local ?? {};
  const unknown = Object.keys(given).filter((key) => !Object.hasOwn(fields, key));
  if (unknown.length > 0) problems.push(messages.unknownSettings(unknown.map((k) => `local.${k}`)));
  const out: Record<string, unknown> = { ...fallback };
  for (const [key, field] of Object.entries(fields)) {
    if (!Object.hasOwn(given, key)) continue;
    const parsed = field.schema.safeParse(given[key]);
    if (parsed.success) {
      out[key] = parsed.data;
      continue;
    }
    const fitted = field.clamp?.(given[key]) ?? null;
    if (fitted !== null && field.schema.safeParse(fitted).success) {
      out[key] = fitted;
      problems.push(messages.localFitted(field.label, key));
    } else {
      problems.push(messages.localInvalid(field.label, key));
    }
  }
  return out;
}
