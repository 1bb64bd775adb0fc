/**
 * The search's query set: what new Jobcenter staff type, written from the programme text of the
 * 2021 edition (/work/shared/source/amip-2021.txt) and from how colleagues ask, BEFORE the search
 * was tuned, with the pages of which at least one must come in the top three. `tuning` is the set
 * the search was developed against; `heldOut` was written at the same time and kept apart: it was
 * only scored, never used to adjust aliases, filler words or weights.
 *
 * Pages of a programme year are given with their year (/2021/…), so that the set keeps measuring
 * the 2021 edition when planners publish further years.
 */
export type SearchCase = { query: string; top3: string[]; why: string };

export const tuning: SearchCase[] = [
  { query: 'Einstiegsgeld', top3: ['/instrumente/einstiegsgeld/'], why: 'instrument by name' },
  { query: 'ESG', top3: ['/instrumente/einstiegsgeld/'], why: 'instrument abbreviation' },
  { query: 'IFK', top3: ['/glossar/'], why: 'glossary abbreviation' },
  { query: 'Integrationsfachkraft', top3: ['/glossar/'], why: 'long form of a glossary abbreviation' },
  { query: '16i', top3: ['/rechtsgrundlagen/sgb2-16i/'], why: 'citation, short' },
  { query: '§ 16i SGB II', top3: ['/rechtsgrundlagen/sgb2-16i/'], why: 'citation as printed' },
  { query: '16 i', top3: ['/rechtsgrundlagen/sgb2-16i/'], why: 'citation with a space' },
  { query: 'Paragraf 16e', top3: ['/rechtsgrundlagen/sgb2-16e/'], why: 'citation spoken' },
  { query: '§16c', top3: ['/rechtsgrundlagen/sgb2-16c/'], why: 'citation without space' },
  { query: '§§ 74–75a SGB III', top3: ['/rechtsgrundlagen/sgb3-74-75a/'], why: 'range citation' },
  { query: '74 SGB III', top3: ['/rechtsgrundlagen/sgb3-74-75a/'], why: 'first section of a range' },
  { query: 'Eingliederungstitel', top3: ['/2021/rahmenbedingungen/'], why: 'the budget is stated in chapter 2' },
  { query: 'wie hoch ist der Eingliederungstitel', top3: ['/2021/rahmenbedingungen/'], why: 'question' },
  { query: 'welche Angebote gibt es für Mütter', top3: ['/instrumente/stark-im-beruf/'], why: 'question; "Stark im Beruf – Mütter mit Migrationshintergrund"' },
  { query: 'Zukunfsstarter', top3: ['/instrumente/zukunftsstarter/'], why: 'typo, one letter missing' },
  { query: 'Einstigsgeld', top3: ['/instrumente/einstiegsgeld/'], why: 'typo' },
  { query: 'Schuldnerberatung', top3: ['/instrumente/schuldnerberatung/'], why: 'instrument' },
  { query: 'Suchtberatung', top3: ['/instrumente/suchtberatung/'], why: 'instrument' },
  { query: 'AVGS', top3: ['/instrumente/avgs-mat/'], why: 'abbreviation prefix of AVGS-MAT' },
  { query: 'Aktivierungs- und Vermittlungsgutschein', top3: ['/instrumente/avgs-mat/'], why: 'long form, singular' },
  { query: 'U 25', top3: ['/zielgruppen/u25/'], why: 'target group as printed' },
  { query: 'U25', top3: ['/zielgruppen/u25/'], why: 'target group without space' },
  { query: 'Jugendliche in Ausbildung bringen', top3: ['/2021/jugendliche/', '/zielgruppen/u25/'], why: 'chapter 5.7 in own words' },
  { query: 'Alleinerziehende', top3: ['/zielgruppen/alleinerziehende/', '/2021/alleinerziehende/'], why: 'target group' },
  { query: 'Geflüchtete', top3: ['/zielgruppen/gefluechtete/', '/2021/gefluechtete/'], why: 'target group' },
  { query: 'Teilhabechancengesetz', top3: ['/2021/teilhabechancengesetz/'], why: 'chapter 5.5.1' },
  { query: 'rehapro', top3: ['/2021/rehapro/'], why: 'chapter 5.5' },
  { query: 'Arbeitsgelegenheiten', top3: ['/instrumente/arbeitsgelegenheiten/'], why: 'instrument' },
  { query: 'AGH', top3: ['/instrumente/arbeitsgelegenheiten/'], why: 'instrument abbreviation' },
  { query: 'MAE', top3: ['/instrumente/arbeitsgelegenheiten/', '/glossar/'], why: 'Arbeitsgelegenheiten MAE in the key figures' },
  { query: 'Kinderbetreuung', top3: ['/instrumente/kinderbetreuung/'], why: 'instrument' },
  { query: 'psychische Probleme', top3: ['/instrumente/angebot-psychische-problemlagen/'], why: 'instrument in own words' },
  { query: 'Einstiegsqualifizierung', top3: ['/instrumente/einstiegsqualifizierung/'], why: 'instrument' },
  { query: 'EQ', top3: ['/instrumente/einstiegsqualifizierung/'], why: 'instrument abbreviation' },
  { query: 'Eingliederungszuschuss', top3: ['/instrumente/eingliederungszuschuesse/'], why: 'instrument, singular' },
  { query: 'EGZ', top3: ['/instrumente/eingliederungszuschuesse/'], why: 'instrument abbreviation' },
  { query: 'FbW', top3: ['/instrumente/foerderung-berufliche-weiterbildung/'], why: 'instrument abbreviation' },
  { query: 'Umschulung', top3: ['/instrumente/foerderung-berufliche-weiterbildung/', '/2021/qualifizierung/'], why: 'word from the description' },
  { query: 'Soloselbständige', top3: ['/zielgruppen/soloselbstaendige/'], why: 'target group' },
  { query: 'Passiv-Aktiv-Transfer', top3: ['/2021/rahmenbedingungen/', '/2021/einfuehrung/', '/2021/teilhabechancengesetz/'], why: 'financing of § 16i' },
  { query: 'wie viele Eintritte sind 2021 geplant', top3: ['/2021/kennzahlen/'], why: 'question about the key figures' },
  { query: 'Vermittlungsbudget', top3: ['/instrumente/vermittlungsbudget/'], why: 'instrument' },
  { query: 'Gesundheitscoach', top3: ['/2021/gesundheit/', '/2021/rahmenbedingungen/'], why: 'term of 5.4' },
  { query: 'Corona', top3: ['/2021/corona-krise/'], why: 'chapter 3' },
  { query: 'AsA', top3: ['/instrumente/assistierte-ausbildung/'], why: 'instrument abbreviation' },
  { query: 'Freie Förderung', top3: ['/instrumente/freie-foerderung/', '/rechtsgrundlagen/sgb2-16f/'], why: 'instrument / § 16f' },
  { query: 'Langzeitarbeitslose', top3: ['/2021/langzeitbezug/', '/zielgruppen/langzeitbeziehende/', '/instrumente/eingliederung-langzeitarbeitsloser/'], why: 'topic' },
  { query: 'Job AG', top3: ['/instrumente/job-ag/'], why: 'instrument with a two-letter word' },
  { query: 'Produktionsschule', top3: ['/instrumente/produktionsschule/'], why: 'instrument' },
  { query: 'Abkürzungen', top3: ['/glossar/'], why: 'the list of abbreviations' },
  { query: 'Migrationshintergrund', top3: ['/zielgruppen/menschen-mit-migrationshintergrund/', '/instrumente/stark-im-beruf/'], why: 'target group' },
];

export const heldOut: SearchCase[] = [
  { query: 'Teilhabe am Arbeitsmarkt', top3: ['/instrumente/teilhabe-am-arbeitsmarkt/', '/rechtsgrundlagen/sgb2-16i/'], why: 'instrument / § 16i' },
  { query: '§ 16 e SGB II', top3: ['/rechtsgrundlagen/sgb2-16e/'], why: 'citation with spaces' },
  { query: '16h', top3: ['/rechtsgrundlagen/sgb2-16h/'], why: 'citation, short' },
  { query: 'Paragraph 16a', top3: ['/rechtsgrundlagen/sgb2-16a/'], why: 'citation spoken, ph' },
  { query: 'Pflegeberatung', top3: ['/instrumente/pflegeberatung/'], why: 'instrument' },
  { query: 'Schuldnerbratung', top3: ['/instrumente/schuldnerberatung/'], why: 'typo' },
  { query: 'Talentcenter', top3: ['/instrumente/talentcenter/'], why: 'instrument' },
  { query: 'BaE', top3: ['/instrumente/ausserbetriebliche-ausbildung/'], why: 'instrument abbreviation' },
  { query: 'außerbetriebliche Ausbildung', top3: ['/instrumente/ausserbetriebliche-ausbildung/'], why: 'instrument alias' },
  { query: 'Rehabilitanden', top3: ['/zielgruppen/rehabilitanden/'], why: 'target group' },
  { query: 'was ist das Aktivcenter', top3: ['/instrumente/aktivcenter/'], why: 'question' },
  { query: 'Flüchtlinge Arbeit', top3: ['/2021/gefluechtete/', '/zielgruppen/gefluechtete/'], why: 'chapter 5.8 in own words' },
  { query: 'mittelfristige Planung', top3: ['/2021/mittelfristige-aufstellung/'], why: 'chapter 6 in own words' },
  { query: 'kommunale Eingliederungsleistungen', top3: ['/2021/kommunale-eingliederungsleistungen/', '/rechtsgrundlagen/sgb2-16a/'], why: 'chapter 5.5.2' },
  { query: 'Bedarfsgemeinschaften mit Kindern', top3: ['/zielgruppen/bedarfsgemeinschaften-mit-kindern/', '/2021/familienbezogene-beratung/'], why: 'target group' },
  { query: 'Perspektive Handwerk', top3: ['/instrumente/perspektive-handwerk/'], why: 'instrument' },
  { query: 'gibt es Hilfe für Selbstständige', top3: ['/instrumente/begleitende-hilfen-selbststaendigkeit/', '/zielgruppen/soloselbstaendige/', '/rechtsgrundlagen/sgb2-16c/'], why: 'question' },
  { query: 'Aktivierungshilfe', top3: ['/instrumente/aktivierungshilfe/'], why: 'instrument' },
  { query: 'JobAG', top3: ['/instrumente/job-ag/'], why: 'instrument written together' },
  { query: 'Integrationspoint', top3: ['/glossar/', '/2021/gefluechtete/'], why: 'Integration Point written together' },
];
