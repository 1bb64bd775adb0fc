import type { Instrument } from './schemas/registries.ts';

/** The abbreviation of an instrument if it has one, else its name ("FbW", "Talentcenter"). */
export const shortNameOf =
  (instruments: ReadonlyMap<string, Pick<Instrument, 'name' | 'abbreviation'>>) =>
  (id: string): string => {
    const i = instruments.get(id);
    if (!i) throw new Error(`Unbekanntes Instrument „${id}“ (nicht in src/content/instruments.yaml)`);
    return i.abbreviation ?? i.name;
  };

/**
 * What a reference cell of a table prints for an entry of a registry: an instrument's short name,
 * a target group's name, a legal basis's citation ("§ 6a BKGG").
 */
export const referenceNameOf =
  (reg: {
    instruments: ReadonlyMap<string, Pick<Instrument, 'name' | 'abbreviation'>>;
    targetGroups: ReadonlyMap<string, { name: string }>;
    legalBases: ReadonlyMap<string, { citation: string }>;
  }) =>
  (registry: string, id: string): string =>
    registry === 'targetGroups' ? (reg.targetGroups.get(id)?.name ?? id) : registry === 'legalBases' ? (reg.legalBases.get(id)?.citation ?? id) : shortNameOf(reg.instruments)(id);
