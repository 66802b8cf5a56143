#!/usr/bin/env python3
"""Regenerate data/lexicon/ from registry packages (run offline builds never need this).

Inputs (install first):
  npm install dictionary-fr@3.0.0      # Hunspell fr v7.5, MPL-2.0
  pip install spylls==0.1.7 wordfreq==3.1.1

Usage: python3 scripts/build_lexicon.py PATH/TO/node_modules/dictionary-fr

Writes, sorted by UTF-8 bytes and line-aligned:
  forms.txt.gz   lowercase word forms: Hunspell stems expanded with their suffix rules
                 (elision prefixes l'/d'/qu' are left out: the repair tokenises them apart),
                 plus supplement.txt
  freq.txt.gz    wordfreq zipf frequency * 100 of the form on the same line, 0 when unknown
  proper.txt.gz  capitalised Hunspell forms (given names, places), used only to repair
                 given names in a civility context
"""
import gzip
import sys
import unicodedata
from pathlib import Path

from spylls.hunspell import Dictionary
from wordfreq import zipf_frequency

OUT = Path(__file__).resolve().parent.parent / "data" / "lexicon"


def apply(sfx, stem):
    if not sfx.cond_regexp.search(stem) or not stem.endswith(sfx.strip):
        return None
    return stem[: len(stem) - len(sfx.strip)] + sfx.add


def expand(aff, word):
    """All surface forms of a .dic entry: stem, stem+suffix, stem+suffix+continuation suffix."""
    forms = {word.stem}
    for flag in word.flags:
        for sfx in aff.SFX.get(flag, ()):
            form = apply(sfx, word.stem)
            if form is None:
                continue
            forms.add(form)
            for flag2 in sfx.flags:
                for sfx2 in aff.SFX.get(flag2, ()):
                    form2 = apply(sfx2, form)
                    if form2 is not None:
                        forms.add(form2)
    return forms


def clean(form):
    form = unicodedata.normalize("NFC", form).replace("\u2019", "'")
    if not form or any(c.isdigit() or c in "./ " for c in form):
        return None
    return form


def write(name, lines):
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    with open(OUT / name, "wb") as raw:
        # mtime=0 and no file name keep the output byte-reproducible
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as f:
            f.write(data)


def main():
    dic_dir = Path(sys.argv[1])
    d = Dictionary.from_files(str(dic_dir / "index"))
    forbidden = d.aff.FORBIDDENWORD
    lower, proper = set(), set()
    for word in d.dic.words:
        if forbidden and forbidden in word.flags:
            continue
        for form in expand(d.aff, word):
            form = clean(form)
            if form is None:
                continue
            if form == form.lower():
                lower.add(form)
            elif form[0].isupper() and form[1:] == form[1:].lower():
                proper.add(form)
    for line in (OUT / "supplement.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            lower.add(unicodedata.normalize("NFC", line))
    forms = sorted(lower, key=lambda s: s.encode("utf-8"))
    freqs = [str(round(zipf_frequency(f, "fr", wordlist="large") * 100)) for f in forms]
    write("forms.txt.gz", forms)
    write("freq.txt.gz", freqs)
    write("proper.txt.gz", sorted(proper, key=lambda s: s.encode("utf-8")))
    print(f"{len(forms)} forms, {len(proper)} proper forms")


if __name__ == "__main__":
    main()
