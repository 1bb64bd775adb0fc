import type { Instrument } from './schemas/registries.ts';

/** The abbreviation of an instrument if it has one, else its name ("FbW", "Talentcenter"). */
export const shortNameOf =
  (instruments: ReadonlyMap<string, Pick<Instrument, 'name' | 'abbreviation'>>) =>
  (id: string): string => {
    const i = instruments.get(id);
    if (!i) throw new Error(`Unbekanntes Instrument „${id}“ (nicht in src/content/instruments.yaml)`);
    return i.abbreviation ?? i.name;
  };
