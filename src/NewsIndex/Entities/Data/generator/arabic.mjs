// Arabic place names as English news writes them, shared by generate.mjs (cities) and generate-shadows.mjs (regions).

// Countries whose place names are Arabic (Arab League members and Western Sahara).
export const ARABIC_SPEAKING = new Set(['AE', 'BH', 'DJ', 'DZ', 'EG', 'EH', 'IQ', 'JO', 'KM', 'KW', 'LB', 'LY', 'MA', 'MR', 'OM', 'PS', 'QA', 'SA', 'SD', 'SO', 'SY', 'TN', 'YE']);

// The article in its transliterations, assimilated ("ad", "ar", "ash" …) or not ("al", "el").
export const ARTICLE = /^(al|el|an|ar|as|ash|at|ath|az|ad|adh|ed|ez|es|er|en|et)$/i;
