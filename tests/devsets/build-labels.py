#!/usr/bin/env python3
"""Builds forces-dev.labels.jsonl from the hand-written compact source forces-dev.labels.txt.

Checks every label against the article it belongs to: each surface must occur in the title, dateline or body (a space
in the source matches any run of whitespace, so a phrase broken over two lines is still found); the exact strings as
they occur are what the JSON keeps. An unknown id, category or country, a surface not in the text, or a duplicate
article fails the build with the line number.

Usage: python3 tests/devsets/build-labels.py [train.jsonl.gz] [seeds-dir]
       python3 tests/devsets/build-labels.py --probe dev|check|notes|events|world|fresh
The second form builds forces-probe-NAME.labels.jsonl from forces-probe-NAME.labels.txt, whose texts are the lines of
countries-probe-NAME.jsonl (article id "NAME-" + the line's id). There a branch whose country has no demonym below gets
no parent, and a national force without a name needs a demonym below.
"""
import gzip
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CATEGORIES = {
    "N": "national", "NB": "national-branch", "P": "police", "PM": "paramilitary", "R": "rebel", "J": "jihadist",
    "M": "militia", "PMC": "pmc", "MI": "mission", "A": "alliance", "O": "other",
}
DEMONYMS = {
    "AF": "Afghan", "AO": "Angolan", "AR": "Argentine", "AU": "Australian", "BD": "Bangladeshi", "BE": "Belgian",
    "BO": "Bolivian", "BR": "Brazilian", "BW": "Botswana", "CA": "Canadian", "CD": "Zairean", "CL": "Chilean",
    "CN": "Chinese", "CO": "Colombian", "CU": "Cuban", "CY": "Cypriot", "DD": "East German", "DE": "West German",
    "EC": "Ecuadorean", "EG": "Egyptian", "ES": "Spanish", "ET": "Ethiopian", "FJ": "Fijian", "FR": "French",
    "GB": "British", "GR": "Greek", "GT": "Guatemalan", "HN": "Honduran", "HT": "Haitian", "ID": "Indonesian",
    "IL": "Israeli", "IN": "Indian", "IQ": "Iraqi", "IR": "Iranian", "IT": "Italian", "JO": "Jordanian", "JP": "Japanese",
    "KH": "Cambodian", "KP": "North Korean", "KR": "South Korean", "KW": "Kuwaiti", "LB": "Lebanese", "LK": "Sri Lankan",
    "LY": "Libyan", "MA": "Moroccan", "MX": "Mexican", "MZ": "Mozambican", "NA": "Namibian", "NG": "Nigerian",
    "NE": "Nigerien", "NI": "Nicaraguan", "NL": "Dutch", "NO": "Norwegian", "NZ": "New Zealand", "OM": "Omani",
    "PA": "Panamanian", "PE": "Peruvian", "PH": "Philippine", "PK": "Pakistani", "PL": "Polish", "PT": "Portuguese",
    "QA": "Qatari", "RU": "Russian", "SA": "Saudi", "SD": "Sudanese", "SE": "Swedish", "SO": "Somali", "SR": "Surinamese",
    "SU": "Soviet", "SV": "Salvadoran", "SY": "Syrian", "TD": "Chadian", "TH": "Thai", "TR": "Turkish", "TW": "Taiwanese",
    "UG": "Ugandan", "US": "U.S.", "VE": "Venezuelan", "VN": "Vietnamese", "YU": "Yugoslav", "ZA": "South African",
    "ZW": "Zimbabwean", "AE": "Emirati", "BH": "Bahraini", "YE": "North Yemeni", "YD": "South Yemeni", "DZ": "Algerian",
    "TN": "Tunisian", "KE": "Kenyan", "ZM": "Zambian", "CS": "Czechoslovak", "HU": "Hungarian", "BG": "Bulgarian",
    "RO": "Romanian", "CH": "Swiss", "AT": "Austrian", "DK": "Danish", "FI": "Finnish", "IE": "Irish", "LA": "Laotian",
    "MM": "Burmese", "MY": "Malaysian", "SG": "Singaporean", "PY": "Paraguayan", "UY": "Uruguayan", "DO": "Dominican",
    "JM": "Jamaican", "CR": "Costa Rican", "SN": "Senegalese", "CM": "Cameroonian", "ML": "Malian", "BF": "Burkinabe",
    "MR": "Mauritanian", "LS": "Lesotho", "SZ": "Swazi", "MW": "Malawian", "TZ": "Tanzanian", "SL": "Sierra Leonean",
    "LR": "Liberian", "GH": "Ghanaian", "CI": "Ivorian", "BJ": "Beninese", "TG": "Togolese", "GN": "Guinean",
    "BI": "Burundian", "RW": "Rwandan", "SC": "Seychelles", "MG": "Malagasy", "MU": "Mauritian", "KM": "Comorian",
    "DJ": "Djiboutian", "ER": "Eritrean", "IS": "Icelandic", "LU": "Luxembourg", "MT": "Maltese",
}


def read_texts(reuters: str, seeds: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    with gzip.open(reuters, "rt", encoding="utf-8") as lines:
        for line in lines:
            a = json.loads(line)
            texts[a["id"]] = "\n".join([a.get("title", ""), a.get("dateline", "") or "", a.get("body", "")])
    for name in sorted(os.listdir(seeds)):
        if name.endswith(".txt"):
            with open(os.path.join(seeds, name), encoding="utf-8") as f:
                texts[name[:-4]] = f.read()
    return texts


def read_probe_texts(name: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    with open(os.path.join(HERE, f"countries-probe-{name}.jsonl"), encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                a = json.loads(line)
                texts[f"{name}-{a['id']}"] = a["text"]
    return texts


def exact_forms(surface: str, text: str) -> list[str]:
    pattern = r"(?<![\w])" + r"\s+".join(re.escape(w) for w in surface.split()) + r"(?![\w])"
    return sorted({m.group(0) for m in re.finditer(pattern, text)})


def main() -> None:
    root = os.path.dirname(os.path.dirname(HERE))
    probe = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--probe" else None
    if probe is not None:
        if not os.path.exists(os.path.join(HERE, f"countries-probe-{probe}.jsonl")):
            sys.exit(f"--probe {probe}: countries-probe-{probe}.jsonl not found beside this script")
        texts = read_probe_texts(probe)
        source_name, output_name = f"forces-probe-{probe}.labels.txt", f"forces-probe-{probe}.labels.jsonl"
    else:
        reuters = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "corpora", "reuters21578", "train.jsonl.gz")
        seeds = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "seeds")
        texts = read_texts(reuters, seeds)
        source_name, output_name = "forces-dev.labels.txt", "forces-dev.labels.jsonl"
    articles: list[dict] = []
    errors: list[str] = []
    current = None
    with open(os.path.join(HERE, source_name), encoding="utf-8") as source:
        for number, raw in enumerate(source, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            where = f"{source_name}:{number}"
            if line.startswith("@"):
                article_id = line[1:].strip()
                if article_id not in texts:
                    errors.append(f"{where}: unknown article {article_id}")
                if any(a["id"] == article_id for a in articles):
                    errors.append(f"{where}: duplicate article {article_id}")
                current = {"id": article_id, "forces": [], "bases": []}
                articles.append(current)
                continue
            if current is None or "=" not in line:
                errors.append(f"{where}: expected '@id' or 'CAT CC [Name] = surfaces'")
                continue
            head, _, tail = line.partition("=")
            parts = head.split()
            if len(parts) < 2 or (parts[0] not in CATEGORIES and parts[0] != "BASE"):
                errors.append(f"{where}: bad category in '{head.strip()}'")
                continue
            cat, country, rest = parts[0], parts[1], " ".join(parts[2:])
            if country != "-" and not re.fullmatch(r"[A-Z]{2}", country):
                errors.append(f"{where}: bad country '{country}'")
            parent = None
            if "^" in rest:
                rest, _, parent = rest.partition("^")
                rest, parent = rest.strip(), parent.strip()
            name = rest.strip()
            if not name and cat == "N":
                if country not in DEMONYMS:
                    errors.append(f"{where}: no demonym for {country}")
                    continue
                name = f"{DEMONYMS[country]} armed forces"
            if not name:
                errors.append(f"{where}: a name is required")
                continue
            text = texts.get(current["id"], "")
            surfaces: list[str] = []
            for surface in (s.strip() for s in tail.split("|")):
                if not surface:
                    continue
                forms = exact_forms(surface, text)
                if not forms:
                    errors.append(f"{where}: '{surface}' not found in {current['id']}")
                surfaces += [f for f in forms if f not in surfaces]
            entry: dict = {"name": name}
            if country != "-":
                entry["country"] = country
            if cat == "BASE":
                entry["surface"] = surfaces
                current["bases"].append(entry)
                continue
            entry["category"] = CATEGORIES[cat]
            if cat == "NB" and parent is None and (probe is None or country in DEMONYMS):
                if country not in DEMONYMS:
                    errors.append(f"{where}: no demonym for {country}")
                    continue
                parent = f"{DEMONYMS[country]} armed forces"
            if parent:
                entry["parent"] = parent
            entry["surface"] = surfaces
            if not surfaces:
                entry["implicit"] = True
            current["forces"].append(entry)
    if errors:
        sys.exit("\n".join(errors))
    with open(os.path.join(HERE, output_name), "w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    forces = [f for a in articles for f in a["forces"]]
    print(f"{len(articles)} articles, {len(forces)} force labels ({sum(1 for f in forces if f.get('implicit'))} implicit), "
          f"{sum(len(a['bases']) for a in articles)} base labels")


if __name__ == "__main__":
    main()
