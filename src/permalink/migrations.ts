/**
 * Versions of the link payload and the upgrades between them, so a link shared today keeps
 * opening after the view grows new fields. To change the format: add version N+1's payload
 * schema to VERSIONS, give version N an `upgrade` that turns its data into N+1's, and bump
 * CURRENT_VERSION. Old links then walk the chain of upgrades one version at a time.
 *
 * Upgrades run before any checking, on data straight from JSON.parse, so they must accept
 * anything: reshape what they recognise and leave the rest for the repairs in clamp.ts to report.
 * A field added with a default (as `local` was) needs no new version: links without it take it.
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

/** Version 1 (today): the fields of ViewState that differ from the step's default, except step. */
export const payloadV1Schema = viewFieldsSchema
  .omit({ step: true })
  .partial()
  .extend({ v: z.literal(1) });

/** The versions this build reads, oldest first: VERSIONS[i] is version OLDEST_VERSION + i. */
export const VERSIONS: readonly Version[] = [{ schema: payloadV1Schema }];
export const OLDEST_VERSION = 1;
export const CURRENT_VERSION = OLDEST_VERSION + VERSIONS.length - 1;

const versionOf = (version: number) => VERSIONS[version - OLDEST_VERSION];

/** The setting names a version's payload may carry (without `v`). */
export function knownKeys(version: number): string[] {
  return Object.keys(versionOf(version).schema.shape).filter((key) => key !== 'v');
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
    const upgrade = versionOf(v).upgrade;
    if (upgrade) fields = upgrade(fields);
  }
  return { fields, ignored };
}
