"""Findings files for the fault tests: `records` records of `events` events each."""
import json

CODES = ["FRA", "DEU", "RUS", "TGO", "MLI", "NER", "BFA", "USA", "CHN", "JPN",
         "PHL", "GBR", "ITA", "ESP", "BRA", "IND", "ZAF", "EGY", "TUR", "IRN"]
TYPES = ["MEET", "VISIT", "AGREEMENT", "SUPPORT", "CONDEMN"]


def write(path, records, events, tag):
    with open(path, "w", encoding="utf-8") as out:
        for r in range(records):
            evs = []
            for e in range(events):
                a = CODES[(r + e) % 20]
                b = CODES[(r * 7 + e * 3 + 1) % 20]
                if a == b:
                    b = CODES[(r * 7 + e * 3 + 2) % 20]
                evs.append({"type": TYPES[(r + e) % 5], "actors": [a, b],
                            "date": f"20{10 + e % 15:02d}-{1 + r % 12:02d}-{1 + r % 28:02d}",
                            "status": "occurred",
                            "evidence": f"{tag} record {r} event {e}: {a} and {b} met."})
            out.write(json.dumps({"source": {"url": f"https://example.org/{tag}/{r}",
                                             "title": f"{tag} {r}", "published": "2025-01-01",
                                             "lang": "en"},
                                  "events": evs}) + "\n")
