/** A small made-up programme for the search's unit tests (not the published content). */
import { buildTerms } from '../../src/lib/search/terms.ts';

export const fixtureDict = buildTerms({
  instruments: [
    { id: 'startgeld', name: 'Startgeld', abbreviation: 'STG', aliases: ['Startgeld (STG)'], href: '/instrumente/startgeld/' },
    { id: 'werkhof', name: 'Werk AG', aliases: [], href: '/instrumente/werkhof/' },
    { id: 'lotsen', name: 'Lotsendienst für Familien', aliases: [], href: '/instrumente/lotsen/' },
  ],
  glossary: [
    { id: 'stg', abbreviation: 'STG', expansion: 'Startgeld', href: '/glossar/#stg' },
    { id: 'bfk', abbreviation: 'BFK', expansion: 'Beratungsfachkraft', href: '/glossar/#bfk' },
  ],
  legalBases: [
    { id: 'sgb2-16x', citation: '§ 16x SGB II', law: 'SGB II', sections: ['16x'], title: 'Probeförderung', href: '/rechtsgrundlagen/sgb2-16x/' },
    { id: 'sgb3-80-81b', citation: '§§ 80–81b SGB III', law: 'SGB III', sections: ['80', '81', '81b'], href: '/rechtsgrundlagen/sgb3-80-81b/' },
  ],
  targetGroups: [{ id: 'u30', name: 'U 30', href: '/zielgruppen/u30/' }],
  chapters: [{ year: 2030, number: '5.1.', title: 'Handlungsschwerpunkt Qualifizierung', href: '/2030/qualifizierung/' }],
  extraWords: ['Zukunftswerkstatt'],
});
