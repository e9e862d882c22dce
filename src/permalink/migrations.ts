/**
 * Versions of the link payload and the upgrades between them, so a link shared today keeps
 * opening after the view grows new fields. To change the format: add version N+1's payload
 * schema to VERSIONS, give version N an `upgrade` that turns its data into N+1's, and bump
 * CURRENT_VERSION. Old links then walk the chain of upgrades one version at a time.
 *
 * Upgrades run before any checking, on data straight from JSON.parse, so they must accept
 * anything: reshape what they recognise and leave the rest for the repairs in clamp.ts to report.
 */
import { z } from 'zod';
import { viewFieldsSchema } from './schema.ts';

/** What upgrades pass between each other: a payload's fields, not yet checked. */
export type RawFields = Record<string, unknown>;

interface Version {
  /** The exact payload this version's encoder wrote (strict: unknown keys are errors). */
  schema: z.ZodObject;
  /** Turns this version's fields into the next version's; absent for the current version. */
  upgrade?: (fields: RawFields) => RawFields;
}

const index = z.int().min(0);

/**
 * Version 0 (hypothetical: the prototype, before the scatter plot and the backend picker).
 * It had no `scatter_dims` or `backend`, and stored the locked cell as a [head, row, col] tuple.
 */
export const payloadV0Schema = viewFieldsSchema
  .omit({ step: true, scatter_dims: true, backend: true, locked: true })
  .extend({ locked: z.tuple([index, index, index]).nullable() })
  .partial()
  .extend({ v: z.literal(0) });

/** Version 1 (today): the fields of ViewState that differ from the step's default, except step. */
export const payloadV1Schema = viewFieldsSchema
  .omit({ step: true })
  .partial()
  .extend({ v: z.literal(1) });

export const VERSIONS: readonly Version[] = [
  { schema: payloadV0Schema, upgrade: upgradeV0 },
  { schema: payloadV1Schema },
];
export const OLDEST_VERSION = 0;
export const CURRENT_VERSION = VERSIONS.length - 1;

/** v0 → v1: the tuple becomes { head, row, col }; new fields are absent, so they take defaults. */
function upgradeV0(fields: RawFields): RawFields {
  const { locked, ...rest } = fields;
  if (Array.isArray(locked) && locked.length === 3) {
    return { ...rest, locked: { head: locked[0], row: locked[1], col: locked[2] } };
  }
  return fields;
}

/** The setting names a version's payload may carry (without `v`). */
export function knownKeys(version: number): string[] {
  return Object.keys(VERSIONS[version].schema.shape).filter((key) => key !== 'v');
}

export interface Migrated {
  /** Fields in the current version's shape (values still unchecked). */
  fields: RawFields;
  /** Names in the payload that its version does not have; dropped. */
  ignored: string[];
}

/** Brings a payload of a supported `version` (OLDEST_VERSION..CURRENT_VERSION) up to date. */
export function migrate(payload: RawFields, version: number): Migrated {
  const known = new Set(knownKeys(version));
  const ignored: string[] = [];
  let fields: RawFields = {};
  for (const key of Object.keys(payload)) {
    if (key === 'v') continue;
    // Copy known names only, so a hostile "__proto__" key is never assigned (and never used).
    if (known.has(key)) fields[key] = payload[key];
    else ignored.push(key);
  }
  for (let v = version; v < CURRENT_VERSION; v++) {
    const upgrade = VERSIONS[v].upgrade;
    if (upgrade) fields = upgrade(fields);
  }
  return { fields, ignored };
}
