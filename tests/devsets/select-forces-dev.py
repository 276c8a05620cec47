#!/usr/bin/env python3
"""Selects the Reuters-21578 train articles of the forces development set (tests/devsets/forces-dev.labels.jsonl).

Reuters-21578 is mostly business news: only about 450 of its 15,390 train articles name anything military. The
selection is deterministic and independent of the NewsIndex catalog:
  1. a keyword prefilter counts the distinct armed-force cues of each article (troops, army, navy, guerrillas, rebels,
     warships, police, NATO, contras, Revolutionary Guards, air base ...; lower-case "marine" is left out because in
     this corpus it is nearly always marine insurance or shipping);
  2. every article with at least two cues is taken (conflict reports), then articles with exactly one cue (mostly
     business or politics news that names a force in passing: defence contracts, police at a strike, a military
     government) until CONFLICT + PASSING articles are chosen, in a seeded random order;
  3. NEGATIVES articles that name a country of a 1987 conflict (Iran, Iraq, Nicaragua, Angola, Lebanon, ...) but no
     cue at all are added, to check that countries are not read as forces.
The five seeds (seeds/*.txt) are labelled too but not selected here. The articles' text is never copied: it stays in
../shared/corpora/reuters21578/train.jsonl.gz and is read at run time.

Usage: python3 tests/devsets/select-forces-dev.py [path/to/train.jsonl.gz] > ids.txt
"""
import gzip
import json
import random
import re
import sys

CUES = re.compile(
    r"\b(troops|soldiers|army|armies|navy|navies|naval|air force|military|militia\w*|guerrillas?|rebels?|insurgents?|"
    r"warships?|gunboats?|Marines|Marine Corps|armed forces|security forces|police|guards|commandos?|paratroop\w*|"
    r"Warsaw Pact|contras|mujahideen|mujahedeen|UNITA|SWAPO|Khmer Rouge|Tamil|Hezbollah|Hizbollah|Amal|NATO|"
    r"air base|airbase|naval base|garrison|warplanes?|fighter (jets?|planes?)|Pentagon|Coast Guard|Sandinista\w*|"
    r"Revolutionary Guards?|defen[cs]e forces?|Red Army|fleet)\b",
    re.IGNORECASE,
)
CONFLICT_COUNTRIES = re.compile(
    r"\b(Iran|Iraq|Nicaragua|Angola|Lebanon|Afghanistan|Sri Lanka|Cambodia|Chad|Libya|Namibia|El Salvador|Philippines)\b"
)
STRONG = 2
TOTAL = 320
NEGATIVES = 12


def cues_of(text: str) -> set[str]:
    found = set()
    for match in CUES.finditer(text):
        word = match.group(0)
        # Case matters for a few cues: "Amal" the militia vs "amal"; "NATO"/"Nato"; "Marines" vs marine insurance.
        if word.lower() in ("amal", "nato", "marines") and word[0].islower():
            continue
        found.add(word.lower())
    return found


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/reuters21578/train.jsonl.gz"
    strong: list[tuple[int, int, str]] = []
    passing: list[str] = []
    negatives: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            body = article.get("body", "")
            if len(body) < 150:
                continue
            cues = cues_of(f"{article.get('title', '')}\n{body}")
            number = int(article["id"].split("-")[1])
            if len(cues) >= STRONG:
                strong.append((-len(cues), number, article["id"]))
            elif len(cues) == 1:
                passing.append(article["id"])
            elif CONFLICT_COUNTRIES.search(body):
                negatives.append(article["id"])

    rng = random.Random(13)
    chosen = [article_id for _, _, article_id in sorted(strong)]
    rng.shuffle(passing)
    chosen += passing[: max(0, TOTAL - len(chosen))]
    chosen += rng.sample(sorted(negatives), NEGATIVES)
    for article_id in chosen:
        print(article_id)


if __name__ == "__main__":
    main()
