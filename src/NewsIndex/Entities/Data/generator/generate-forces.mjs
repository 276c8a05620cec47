// Builds ../forces.json: every national force with its branches, the non-state armed actors of the UCDP actor list,
// missions, coalitions and PMCs, with aliases, affiliation/area countries, category, parent, lineage and provenance.
//
// Inputs (read at generation time only; the build never needs them):
//   ../countries.json              country names and demonyms (to map places and to name branches)
//   forces-curated.json            the reviewed input: curated entities, deny list, generic words, acronym lists, mappings
//   $CATALOG_SOURCES (default ../../../../../../shared/catalog-sources):
//     ucdp-actors/ucdp-actor-221.csv                         UCDP Actor Dataset 22.1 (CC BY 4.0)
//     factbook-military/factbook-military-security.json     CIA World Factbook, military and security forces (public domain)
//     factbook-terrorist-orgs/appendix-t-terrorist-organizations.json  CIA World Factbook 2020, App. T (public domain)
//     ofac-sdn-armed-groups/sdn-armed-group-entities.json   OFAC SDN armed groups (US government work)
//
// Precedence (as the sources' README recommends): curated entries win; UCDP gives identity, names and lineage of
// non-state actors (Org 1 only: Org 2 are supporters of candidates, Org 3 identity labels, Org 4 governments); App. T
// and then OFAC add aliases to the actor they match, or a new actor when none does; the Factbook gives national forces.
// Every alias passes one filter (see usable()): deny list, generic-words rule, stop acronyms, country names, and a
// claim rule (an alias a curated entity owns never goes to another entity). Short acronyms (<= 4 letters) that are not
// in globalAcronyms become context aliases: they tag only where the article mentions the entity's country or area.
//
// Run: cd src/NewsIndex/Entities/Data/generator && node generate-forces.mjs   (deterministic: same inputs, same bytes)
import { readFileSync, writeFileSync } from 'node:fs';

const here = p => new URL(p, import.meta.url);
const sources = process.env.CATALOG_SOURCES ?? new URL('../../../../../../shared/catalog-sources/', import.meta.url).pathname;
const curatedInput = JSON.parse(readFileSync(here('./forces-curated.json'), 'utf8'));
const countries = JSON.parse(readFileSync(here('../countries.json'), 'utf8')).countries;
const readSource = p => readFileSync(`${sources}/${p}`, 'utf8').replace(/^\uFEFF/, '');

// ---------- normal forms and filters ----------
const fold = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const norm = s => fold(s).toLowerCase().replace(/[’'`´]/g, '').replace(/[^a-z0-9]+/g, ' ').trim().replace(/^the /, '');
const words = s => norm(s).split(' ').filter(Boolean);
const slug = s => norm(s).replace(/ /g, '-');
const uniq = xs => [...new Set(xs.filter(Boolean))];
const latin = s => /^[\p{Script=Latin}\p{N}\s.'’\-(),/&]+$/u.test(s);

const generic = new Set(curatedInput.genericWords.map(norm));
const deny = new Set(curatedInput.deny.map(norm));
// A one-word alias that is a frequent English word ("Family" for La Familia, "Reds" for Los Rojos, "Digital" for a
// Singapore service) tags every sentence that starts with it: Wikipedia's 30,000 most frequent words stay out unless
// curated (as for the towns in generate.mjs).
const { words: popularWords } = await import('popular-english-words');
const frequentWords = new Set(popularWords.getMostPopular(30000));
const stopAcronyms = new Set(curatedInput.stopAcronyms);
const globalAcronyms = new Set(curatedInput.globalAcronyms);
const countryWords = new Set();
const countryNames = new Set();
const isoByName = new Map();
const isoByDemonym = new Map(); // one-word demonyms: "Iranian" -> IR
for (const c of countries) {
  for (const n of [c.name, ...(c.aliases ?? []), ...(c.demonyms ?? [])]) {
    countryNames.add(norm(n));
    words(n).forEach(w => countryWords.add(w));
  }
  for (const n of [c.name, ...(c.aliases ?? [])]) isoByName.set(norm(n), c.id);
  for (const d of c.demonyms ?? []) if (!d.includes(' ')) isoByDemonym.set(norm(d), c.id);
}
// UCDP and Factbook spellings that are not world-countries names.
const extraPlaces = {
  'dr congo zaire': 'CD', 'drc': 'CD', 'congo': 'CG', 'russia soviet union': 'RU', 'yemen north yemen': 'YE', 'cambodia kampuchea': 'KH',
  'serbia yugoslavia': 'RS', 'myanmar burma': 'MM', 'burma': 'MM', 'ivory coast': 'CI', 'bosnia herzegovina': 'BA',
  'kingdom of eswatini swaziland': 'SZ', 'madagascar malagasy': 'MG', 'zimbabwe rhodesia': 'ZW', 'vietnam north vietnam': 'VN',
  'south vietnam': 'VN', 'hyderabad': 'IN', 'united states of america': 'US', 'east timor': 'TL', 'macedonia fyr': 'MK',
  'north macedonia': 'MK', 'yemen south yemen': 'YE', 'german democratic republic': 'DE', 'turkey': 'TR', 'gaza strip': 'PS', 'west bank': 'PS',
};
const iso = name => isoByName.get(norm(name)) ?? extraPlaces[norm(name)] ?? null;

const isAcronym = a => /^[A-Z0-9][A-Za-z0-9]*(-[A-Z0-9]+)?$/.test(a) && (a.match(/[A-Z]/g) ?? []).length >= 2 && a.length <= 9 && /[A-Z]/.test(a);
const acronymLetters = a => a.replace(/[^A-Za-z]/g, '').length;

/** Why an alias may not ship, or null when it may. Curated aliases skip the generic rules (they were reviewed). */
function rejection(alias, { curated = false } = {}) {
  const n = norm(alias);
  if (!n || n.length < 2) return 'empty';
  if (deny.has(n)) return 'deny';
  if (curated) return null;
  if (!latin(alias)) return 'script';
  if (/[()]/.test(alias)) return 'unbalanced';
  if (/^(supporters of|military faction|government of)\b/i.test(alias)) return 'descriptive';
  if (countryNames.has(n)) return 'country name';
  if (isAcronym(alias)) {
    if (acronymLetters(alias) < 3 && !/\d/.test(alias)) return 'short acronym';
    if (stopAcronyms.has(alias) || stopAcronyms.has(alias.toUpperCase())) return 'stop acronym';
    return null;
  }
  if (alias.length < 4) return 'short';
  if (!/\s/.test(alias) && frequentWords.has(alias.toLowerCase())) return 'frequent word';
  if (countryNames.has(n)) return 'country name';
  if (words(alias).every(w => generic.has(w) || /^\d+$/.test(w))) return 'generic';
  if (/^[a-z]/.test(alias) && !/^(al|el|ex|anti)[- ]/.test(alias)) return 'lower case';
  return null;
}

/** Whether a usable alias needs country context: short acronyms not known worldwide. */
const needsContext = a => isAcronym(a) && acronymLetters(a) <= 4 && !globalAcronyms.has(a);

const titleCase = s => s.toLowerCase().replace(/(^|[\s\-/(])([a-z])/g, (m, p, c) => p + c.toUpperCase())
  .replace(/\b(Al|Of|The|And|For|In|Wa|Wal|Fi|Bin|Ul|E|I|Ad|Ash|As|Ud)\b(?!$)/g, w => w.toLowerCase()).replace(/^([a-z])/, c => c.toUpperCase());
const ofacCase = s => (/^[A-Z0-9-]{2,8}$/.test(s) ? s : titleCase(s));

// ---------- entity registry ----------
const entities = new Map();   // id -> entity
const claimed = new Map();    // normal form of an alias -> id of the curated entity that owns it
const rejected = [];
const curatedIds = new Set();

function entity(id, fields) {
  if (!entities.has(id)) entities.set(id, { id, aliases: [], contextAliases: [], areas: [], predecessors: [], ...fields });
  return entities.get(id);
}

function addAlias(e, alias, origin) {
  alias = alias.replace(/\s+/g, ' ').trim().replace(/^(the|The) /, '').replace(/[’`´]/g, "'");
  if (!alias) return;
  const n = norm(alias);
  const why = rejection(alias);
  if (why) { rejected.push(`${e.id}\t${alias}\t${why}\t${origin}`); return; }
  const owner = claimed.get(n);
  // An acronym another (curated) entity owns may still name this one where the article is about its country
  // (SDF: Syria's Democratic Forces, and Seychelles' Defence Forces in Seychelles news); not when both are of one
  // country, where the context cannot tell them apart (HTS: Hayat Tahrir al-Sham, not the Nusra Front it renamed).
  const shared = owner && owner !== e.id && isAcronym(alias) && (e.country || e.areas.length) && e.country !== entities.get(owner)?.country;
  if (owner && owner !== e.id && !shared) { rejected.push(`${e.id}\t${alias}\tclaimed by ${owner}\t${origin}`); return; }
  // The name itself is an alias too (written with a plain apostrophe: "Tigrean People's Liberation Front").
  const all = [...e.aliases, ...e.contextAliases, e.name].map(norm);
  if (all.includes(n) && alias !== e.name.replace(/[’`´]/g, "'")) return;
  const list = needsContext(alias) || shared ? e.contextAliases : e.aliases;
  if (!list.includes(alias)) list.push(alias);
}

// Curated entities first: they own their aliases.
for (const c of curatedInput.curated) {
  const e = entity(c.id, { ...c, aliases: [], contextAliases: [], areas: c.areas ?? [], predecessors: c.predecessors ?? [] });
  e.aliases = uniq(c.aliases ?? []);
  e.contextAliases = uniq(c.contextAliases ?? []);
  for (const a of [...e.aliases, ...e.contextAliases, ...(c.nameIsAlias === false ? [] : [c.name])]) {
    const why = rejection(a, { curated: true });
    if (why) throw new Error(`curated alias "${a}" of ${c.id} is rejected (${why}); fix forces-curated.json`);
    claimed.set(norm(a), c.id);
  }
  curatedIds.add(c.id);
}
const byNormalName = () => {
  const m = new Map();
  for (const e of entities.values()) for (const a of [e.name, ...e.aliases, ...e.contextAliases]) if (a) {
    const n = norm(a);
    if (!m.has(n)) m.set(n, e.id);
  }
  return m;
};

// ---------- UCDP actors ----------
// UCDP writes a movement and its army as one name ("SPLM/A - IO", "SLM/A - MM"); news writes either ("SPLM-IO",
// "SPLA-IO", "SLA-MM"). Both forms, with the qualifier joined by a hyphen; the usual filters and claims still apply.
function movementArmyForms(name) {
  const m = /^([A-Z]+)M\/A\b\s*(.*)$/.exec(name);
  if (!m) return [];
  const rest = m[2].replace(/\s*-\s*/g, '-').replace(/^([^-])/, ' $1');
  return [`${m[1]}M${rest}`, `${m[1]}A${rest}`].map(x => x.trim());
}

function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows.filter(r => r.length > 1);
  return body.map(r => Object.fromEntries(head.map((h, i) => [h, (r[i] ?? '').trim()])));
}
const ucdp = parseCsv(readSource('ucdp-actors/ucdp-actor-221.csv'));
const value = v => (v && v !== 'n/a' ? v.trim() : '');
const list = v => value(v).split(/,\s*/).map(s => s.trim()).filter(Boolean);

function category(names) {
  const text = names.join(' | ');
  if (/self-?defen[cs]e|auto-?d[ée]fense|vigilante|koglweogo|dozo|civilian joint task force|hunters/i.test(text)) return 'self-defence';
  if (/wagner|military company|\bPMC\b/.test(text)) return 'private-military-company';
  if (/jihad|qa'?ida|qaeda|shabaa?b|\bIS\b|ISIS|ISIL|islamic state|daesh|boko|ansar|tawh[iî]d|salafi|mujah|taliban|taleban|katiba|caliphate|sharia|jund |jaish|jama'?a|jema'?ah|lashkar|harakat|hizb|emirate/i.test(text)) return 'jihadist';
  if (/militia|milice|mai-?mai|mayi-?mayi|anti-?balaka|janjaweed|\bmilicia/i.test(text)) return 'militia';
  if (/^forces of |faction|military faction/i.test(text)) return 'faction';
  return 'rebel';
}

const ucdpId = new Map(); // ActorId -> our id
const pendingMerges = []; // UCDP JoinGroup: the actor merged into another
const ucdpRows = ucdp.filter(r => r.Org === '1' && !curatedInput.ucdpSkip.includes(r.ActorId));
const nameCount = new Map();
for (const r of ucdpRows) nameCount.set(norm(r.NameData), (nameCount.get(norm(r.NameData)) ?? 0) + 1);
{
  const index = byNormalName();
  for (const r of ucdpRows) {
    const mapped = curatedInput.ucdpMap[r.ActorId];
    const english = value(r.NameOrigFullEng);
    const auto = [isAcronym(r.NameData) ? '' : r.NameData, english].filter(Boolean).map(norm).map(n => index.get(n))
      .find(id => id && curatedIds.has(id) && !Object.values(curatedInput.ucdpMap).includes(id));
    let id = mapped ?? auto ?? null;
    if (!id) {
      const place = iso(list(r.Location)[0] ?? '') ?? 'xx';
      id = slug(r.NameData) || `ucdp-${r.ActorId}`;
      if (nameCount.get(norm(r.NameData)) > 1 || entities.has(id) || /-armed-forces$/.test(id)) id = `${id}-${place.toLowerCase()}`;
      if (entities.has(id)) id = `${id}-${r.ActorId}`;
    }
    ucdpId.set(r.ActorId, id);
  }
}
for (const r of ucdpRows) {
  const id = ucdpId.get(r.ActorId);
  const changed = r.NameChange === '1';
  const newShort = list(r.NewName), newEng = list(r.NewNameFullEng), newOrig = list(r.NewNameFullMotherTongue);
  const english = value(r.NameOrigFullEng);
  const names = uniq([value(r.NameData), value(r.NameOrig), value(r.NameOrigFull), english, ...(changed ? [...newShort, ...newEng, ...newOrig] : [])]);
  const current = changed && newEng.length ? newEng.at(-1) : english;
  const display = (current && !rejection(current) && !isAcronym(current) ? current : value(r.NameData)).replace(/^The /, '');
  const places = uniq(list(r.Location).map(iso));
  const e = entity(id, { name: display, type: category(names), country: places[0] ?? null });
  if (!e.source) { e.source = 'ucdp-actor-22.1'; e.sourceId = r.ActorId; }
  e.areas = uniq([...(e.areas ?? []), ...places]);
  if (!e.country && places.length === 1) e.country = places[0];
  // "Mara Salvatrucha (Guatemala)": the name without its qualifier is what text says.
  for (const n of uniq(names.flatMap(x => [x, x.replace(/\s*\([^)]*\)\s*$/, '')]).flatMap(x => [x, ...movementArmyForms(x)]))) addAlias(e, n, `ucdp ${r.ActorId}`);
  const link = (field, relation) => list(field).map(a => ucdpId.get(a)).filter(Boolean);
  if (r.Splinter === '1') for (const prev of link(r.ActorIdPrev)) if (prev !== id && !e.predecessors.some(p => p.id === prev)) e.predecessors.push({ id: prev, relation: 'splintered' });
  if (r.Alliance === '1' && !e.parent) { const [parent] = link(r.ActorIdAlliance); if (parent && parent !== id) e.parent = parent; }
  if (r.JoinGroup === '1') for (const group of link(r.ActorIdGroup)) pendingMerges.push({ into: group, from: id });
}
for (const { into, from } of pendingMerges) {
  const target = entities.get(into);
  if (target && into !== from && !target.predecessors.some(p => p.id === from)) target.predecessors.push({ id: from, relation: 'merged' });
}

// ---------- Factbook Appendix T (aliases of designated groups) ----------
const splitNames = s => s.split(/\s*\/\s*(?=[A-Z])/).flatMap(part => {
  const m = part.match(/^(.*?)\s*\(([^)]*)\)\s*(.*)$/);
  if (!m) return [part];
  return [m[1] + (m[3] ? ' ' + m[3] : ''), ...m[2].split(/[,;]\s*/)];
}).map(x => x.trim()).filter(Boolean);
const placeIn = text => {
  for (const token of (text ?? '').split(/[,;.]\s*|\s+and\s+|\s+in\s+/)) {
    const t = token.replace(/^(the|primarily|mainly|northern|southern|eastern|western|central|northeastern|northwestern)\s+/gi, '').replace(/'s$/, '').trim();
    const code = iso(t);
    if (code) return code;
  }
  for (const c of countries) if (new RegExp(`\\b${c.name}\\b`).test(text ?? '')) return c.id;
  return null;
};
for (const t of JSON.parse(readSource('factbook-terrorist-orgs/appendix-t-terrorist-organizations.json'))) {
  if (/self-proclaimed/.test(t.name)) continue;
  const names = uniq([...splitNames(t.name), ...(t.aka ?? '').replace(/\([^)]*\)/g, '').split(/[;,]/).map(s => s.trim())]);
  const index = byNormalName();
  const id = names.map(n => index.get(norm(n))).find(Boolean) ?? slug(splitNames(t.name)[0]);
  const e = entity(id, { name: splitNames(t.name)[0], type: category(names), country: placeIn(t['areas of operation']) });
  if (!e.source) { e.source = 'cia-factbook-2020-appendix-t'; e.sourceId = t.name; }
  for (const n of names) addAlias(e, n, 'appendix-t');
}

// ---------- OFAC SDN armed groups (aliases; new actors only when clearly armed) ----------
const armed = /\b(ARMY|FORCES?|BRIGADES?|BATTALION|MILITIA|FRONT|MOVEMENT|JAMA'?A|KATIBA|ANSAR|HIZB|ISIS|ISIL|QA'?IDA|TALIBAN|GUARDS?|CORPS|MILITARY COMPANY|MUJAHID|LIBERATION|SHABAAB|JIHAD|LASHKAR|JAYSH|JAISH|KATA'?IB|ASA'?IB)\b/;
const company = /\b(LTD|LIMITED|LLC|CO\.?|COMPANY(?! WAGNER)|BANK|AIRLINES?|AIRWAYS|TRADING|MINING|GOLD|HOLDING|INVEST|GROUP LLC|S\.A\.|SARL|FOUNDATION|CHARITY|COMMITTEE|UNIVERSITY|MEDIA|TV|RADIO|EXCHANGE|PETROLEUM|OIL|SHIPPING|CONSTRUCTION|INDUSTR)/;
const programCountry = { SOMALIA: 'SO', DRCONGO: 'CD', CAR: 'CF', 'SOUTH SUDAN': 'SS', SUDAN: 'SD', 'MALI-EO13882': 'ML', LIBYA: 'LY', LIBYA2: 'LY', LIBYA3: 'LY', YEMEN: 'YE', 'ETHIOPIA-EO14046': 'ET', BURMA: 'MM', 'BURMA-EO14014': 'MM', SYRIA: 'SY', IRAQ2: 'IQ', IRAQ3: 'IQ', 'UKRAINE-EO13660': 'UA', 'UKRAINE-EO13661': 'RU', 'RUSSIA-EO14024': 'RU' };
for (const o of JSON.parse(readSource('ofac-sdn-armed-groups/sdn-armed-group-entities.json'))) {
  if (!armed.test(o.name) || company.test(o.name)) continue;
  const akas = [...(o.remarks ?? '').matchAll(/a\.k\.a\.,?\s*'([^']+)'/g)].map(m => m[1]);
  const names = uniq([o.name, ...akas, ...(o.aliases_from_alt_csv_2026 ?? []).filter(a => a.alt_type !== 'fka' || true).map(a => a.alt_name)])
    .filter(n => !company.test(n)).map(ofacCase);
  const index = byNormalName();
  const match = names.map(n => index.get(norm(n))).find(Boolean);
  // A sanctions program names where the entity was sanctioned, not whose it is: "Iranian Police" is Iran's under the
  // Syria program, the "Eritrean Defense Forces" Eritrea's under the Ethiopia program. A demonym in a name wins.
  const demonymCountry = names.flatMap(words).map(w => isoByDemonym.get(w)).find(Boolean);
  const country = demonymCountry ?? (o.programs ?? []).map(p => programCountry[p]).find(Boolean) ?? null;
  // A state's own unit sanctioned as such ("Russian Aerospace Forces", "First Division of the Syrian Arab Army", "234th
  // Guards Airborne Assault Regiment" under the Russia program) is a branch of that state's military, not a rebel group.
  const stateProgram = (o.programs ?? []).some(p => /^RUSSIA|^UKRAINE-EO13661$/.test(p));
  const stateUnit = country && (demonymCountry || stateProgram) && !names.some(n => /Intelligence/i.test(n)) &&
    names.some(n => /\b(Air Force|Aerospace Forces|Air Defen[cs]e Forces|Republican Guard|Arab Army|Navy|Guards? .*(Regiment|Brigade|Division)|(Regiment|Brigade|Division) of the)\b/i.test(n));
  const mapped = curatedInput.ofacMap?.[String(o.ent_num)];
  const e = entity(mapped ?? match ?? slug(ofacCase(o.name)), stateUnit
    ? { name: ofacCase(o.name), type: 'branch', country, parent: `${country.toLowerCase()}-armed-forces` }
    : { name: ofacCase(o.name), type: category(names), country });
  if (!e.source) { e.source = 'ofac-sdn'; e.sourceId = String(o.ent_num); }
  for (const n of names) addAlias(e, n, `ofac ${o.ent_num}`);
}

// ---------- Factbook national forces and branches ----------
const depthSplit = (s, re) => {
  const out = []; let depth = 0, cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0) {
      const m = s.slice(i).match(re);
      if (m && m.index === 0) { out.push(cur); cur = ''; i += m[0].length - 1; continue; }
    }
    cur += ch;
  }
  out.push(cur);
  return out.map(x => x.trim()).filter(Boolean);
};
const parseItem = item => {
  const m = item.match(/^([^()]*?)\s*\((.*)\)\s*(.*)$/s);
  const english = (m ? m[1] + (m[3] && !/^[;,]/.test(m[3]) ? ' ' + m[3] : '') : item).replace(/\s+/g, ' ').trim();
  const inner = m ? m[2] : '';
  const others = depthSplit(inner.replace(/\(([^)]*)\)/g, ', $1'), /^(;\s*|,\s*|\s+or\s+|\s+aka\s+)/)
    .map(x => x.replace(/^(aka|also known as|or)\s+/i, '').replace(/^the\s+/i, '').trim())
    .filter(x => x && !/^(includes|formerly|under|see|part of)\b/i.test(x) && !/^\d{4}$/.test(x));
  return { english, others };
};
const branchType = name =>
  /police/i.test(name) ? 'police'
    : /gendarm/i.test(name) ? 'gendarmerie'
    : /militia|volunteer|auxiliar|paramilitar|rapid support|mobiliz|defense corps|defence corps/i.test(name) ? 'paramilitary'
    : /guard/i.test(name) ? 'guard'
    : 'branch';
const countryOf = id => countries.find(c => c.id === id);
const demonymOf = c => ((c.demonyms ?? [])[0] ?? c.name).split(',')[0].trim();
const hasCountryWord = s => words(s).some(w => countryWords.has(w) && !generic.has(w));
const factbook = JSON.parse(readSource('factbook-military/factbook-military-security.json'));
for (const f of factbook) {
  const cc = f.iso2_from_tld;
  const c = cc && countryOf(cc);
  const text = (f.military_and_security_forces ?? '').split(/\n\s*note\b/)[0].replace(/\(\d{4}\)\s*$/gm, '').trim();
  if (!c || !text || /^the interim/i.test(text) || (cc === 'PS' && !/Gaza|West Bank/.test(f.name))) continue;
  const nationalId = `${cc.toLowerCase()}-armed-forces`;
  const national = entity(nationalId, { name: `Armed forces of ${c.name}`, type: 'national', country: cc });
  if (!national.source) { national.source = 'cia-world-factbook'; national.sourceId = f.gec; }
  const lines = text.split('\n').map(l => l.trim()).filter(Boolean);
  lines.forEach((line, index) => {
    const parts = depthSplit(line, /^:\s*/);
    let head = parts.length > 1 ? parts[0] : null;
    const body = parts.length > 1 ? parts.slice(1).join(': ') : line;
    const ministry = head && /^(ministry|office|department|presidency|prime minister|government)/i.test(head);
    const security = ministry && index > 0 || (ministry && !/defen[cs]e/i.test(head));
    if (head && !ministry) {
      const { english, others } = parseItem(head);
      if (index === 0 && !/^(the|no|none)\b/i.test(english)) {
        if (!curatedIds.has(nationalId) && rejection(english) === null) national.name = english;
        for (const a of [english, ...others]) addAlias(national, a, `factbook ${f.gec}`);
      }
    }
    const items = depthSplit(body, /^(;\s*|,\s*|\s+and\s+(?=[A-Z]))/).filter(x => /^[A-Z]/.test(x));
    for (const item of items) {
      const { english, others } = parseItem(item);
      if (!english || english.length < 3 || /^(Ministry|Office|Directorate General of)\b/.test(english)) continue;
      const index2 = byNormalName();
      // A curated non-national entity of another country never absorbs a branch, by a short name or a full one:
      // Somalia's "Somali National Army (SNA)" is not the Syrian National Army (context alias "SNA"), Bangladesh's
      // "Village Defense Party (VDP)" not Burkina Faso's VDP, Angola's "Border Guard Police" not Myanmar's. A national
      // military may ("PLA" in Hong Kong).
      const known = [english, ...others].map((n, k) => [index2.get(norm(n)), k]).find(([id, k]) => id && curatedIds.has(id) &&
        (entities.get(id).type === 'national' || [cc, undefined, null].includes(entities.get(id).country)))?.[0];
      const stripped = words(english).filter(w => !countryWords.has(w)).join(' ');
      const id = known ?? `${cc.toLowerCase()}-${slug(stripped || english)}`;
      if (id === nationalId) continue;
      const name = hasCountryWord(english) ? english : `${demonymOf(c)} ${english}`;
      const type = security ? (branchType(english) === 'branch' ? 'security' : branchType(english)) : branchType(english);
      // A name made of a demonym and a generic word ("Malian Gendarmerie") is worth tagging only when the word names a force.
      const forceWord = /\b(army|navy|naval|air force|gendarmerie|guard|police|marines?|corps|forces?|militia|command|legion|coast guard)\b/i.test(english);
      // A synthesized "Malian Army" is the national pattern's job ("Malian army" = the military); only names the source
      // itself gives ("Kenya Army", "Sri Lanka Coast Guard") or force words the pattern lacks ("Malian Gendarmerie") tag the branch.
      const patternNouns = new Set(curatedInput.nationalNouns.map(norm));
      const synthesized = !hasCountryWord(english);
      const e = entity(id, { name, type, country: cc, ...((synthesized && (!forceWord || patternNouns.has(norm(english)))) ? { nameIsAlias: false } : {}) });
      if (!known && !e.parent && !security) e.parent = nationalId;
      if (!e.source) { e.source = 'cia-world-factbook'; e.sourceId = f.gec; }
      for (const a of [english, ...others]) addAlias(e, a, `factbook ${f.gec}`);
    }
  });
}

// ---------- output ----------
// UCDP actors ship even when no name is safe to tag ("Military faction (colorados)"): queries still find them by id.
const shipped = e => curatedIds.has(e.id) || e.source === 'ucdp-actor-22.1' || !rejection(e.name) || e.aliases.length > 0 || e.contextAliases.length > 0;
const ids = new Set([...entities.values()].filter(shipped).map(e => e.id));
// An alias several generated actors share stays only with the actor it names itself (its name or its id), when there
// is one: UCDP repeats a group's name in the rows of its factions and successors ("KNU" in the KNUP row).
{
  const holders = new Map();
  for (const e of entities.values()) for (const a of [...e.aliases, ...e.contextAliases]) {
    const n = norm(a);
    if (!holders.has(n)) holders.set(n, new Set());
    holders.get(n).add(e);
  }
  for (const [n, set] of holders) {
    if (set.size < 2) continue;
    const own = [...set].filter(e => norm(e.name) === n || e.id.replace(/-/g, ' ') === n);
    if (own.length !== 1) continue;
    for (const e of set) if (e !== own[0] && !curatedIds.has(e.id) && e.source === 'ucdp-actor-22.1') {
      e.aliases = e.aliases.filter(a => norm(a) !== n);
      e.contextAliases = e.contextAliases.filter(a => norm(a) !== n);
      rejected.push(`${e.id}\t${n}\tnames ${own[0].id}\tdedupe`);
    }
  }
}
// A national branch the Factbook names "<Demonym> X" ("Mexican National Guard") or "X of <Country>" ("National Guard of
// Ukraine") is also written "<Country>'s X" ("Mexico's National Guard") and "<Demonym> X" ("Ukrainian National Guard").
{
  const byId = new Map(countries.map(c => [c.id, c]));
  for (const e of entities.values()) {
    const c = e.country && byId.get(e.country);
    if (!c || e.source !== 'cia-world-factbook' || e.type === 'national' || curatedIds.has(e.id) || e.nameIsAlias === false || rejection(e.name)) continue;
    const demonym = demonymOf(c);
    const of = new RegExp(`^(.+) of (the )?${c.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`).exec(e.name);
    const rest = e.name.startsWith(demonym + ' ') ? e.name.slice(demonym.length + 1) : of ? of[1] : null;
    if (!rest || !/\b(Guard|Gendarmerie|Police|Coast Guard|Marines?|Corps|Legion|Command)\b/.test(rest)) continue;
    if (of) addAlias(e, `${demonym} ${rest}`, 'branch name');
    if (!/s$/.test(c.name)) addAlias(e, `${c.name}'s ${rest}`, 'branch name');
  }
}
const order = [...entities.values()].sort((a, b) =>
  (curatedIds.has(b.id) - curatedIds.has(a.id)) || (a.type === 'national' ? 0 : 1) - (b.type === 'national' ? 0 : 1) || a.id.localeCompare(b.id));
// Movements that are now mainly political parties: the tagger names them as forces only in an armed context.
const partyMovements = new Set(curatedInput.partyMovements ?? []);
for (const id of partyMovements) if (!entities.has(id)) throw new Error(`partyMovements: ${id} is no force`);
for (const id of Object.values(curatedInput.ofacMap ?? {})) if (!entities.has(id) || !entities.get(id).name) throw new Error(`ofacMap: ${id} is no known force`);
const out = [];
for (const e of order) {
  if (!shipped(e)) {
    rejected.push(`${e.id}\t${e.name}\tentity without a usable name\t${e.source}`);
    continue;
  }
  const nameIsAlias = e.nameIsAlias === false ? false : curatedIds.has(e.id) || (!rejection(e.name) && !needsContext(e.name) && !claimed.has(norm(e.name)));
  const row = { id: e.id, name: e.name, type: e.type };
  if (e.country) row.country = e.country;
  const areas = uniq(e.areas).filter(a => a !== e.country);
  if (areas.length) row.areas = areas;
  if (e.parent && ids.has(e.parent) && e.parent !== e.id) row.parent = e.parent;
  const preds = e.predecessors.filter(p => ids.has(p.id) && p.id !== e.id);
  if (preds.length) row.predecessors = preds;
  if (!nameIsAlias) row.nameIsAlias = false;
  row.aliases = uniq(e.aliases);
  if (e.contextAliases.length) row.contextAliases = uniq(e.contextAliases);
  if (partyMovements.has(e.id)) row.tags = ['party'];
  if (e.source) { row.source = e.source; row.sourceId = e.sourceId; }
  out.push(row);
}
const json = '{\n' +
  `  "_comment": "Generated by generator/generate-forces.mjs from forces-curated.json, UCDP Actor Dataset 22.1 (CC BY 4.0), CIA World Factbook (public domain) and OFAC SDN (public domain). Do not edit by hand: edit forces-curated.json and regenerate.",\n` +
  `  "nationalNouns": ${JSON.stringify(curatedInput.nationalNouns)},\n` +
  '  "forces": [\n' + out.map(r => '    ' + JSON.stringify(r)).join(',\n') + '\n  ]\n}\n';
writeFileSync(here('../forces.json'), json);
writeFileSync(here('./forces-rejected.tsv'), 'id\talias\treason\torigin\n' + rejected.sort().join('\n') + '\n');
const counts = out.reduce((m, r) => ({ ...m, [r.type]: (m[r.type] ?? 0) + 1 }), {});
console.log(`forces: ${out.length}`, counts, `rejected aliases: ${rejected.length}`);
