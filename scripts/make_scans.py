#!/usr/bin/env python3
"""Prints minutes on simulated paper, damages the scan and reads it back with Tesseract.

    python3 scripts/make_scans.py OUT_DIR FILE...

For each FILE (plain text, markdown or HTML minutes), writes to OUT_DIR:
  <stem>.clean.txt   the text as printed (markup stripped, tables as tab-separated cells)
  <stem>.light.txt   French model, clean 300 dpi scan
  <stem>.medium.txt  French model, photocopy at ~200 dpi whose speckle filter eats small marks
  <stem>.heavy.txt   French model, ~150 dpi, ink bleed and faded patches
  <stem>.eng.txt     English model on the medium scan (how many archives were read)

It follows the recipe of ../shared/corpus/ocr (A4, Liberation Serif 11 pt, Tesseract 5), so
that the corrector can be measured on scans of documents it was not tuned on. The damage is
seeded by the file's name: the same inputs give the same scans.

Needs: tesseract-ocr with its fra and eng models, fonts-liberation (Debian), Pillow and numpy.
"""
import html.parser
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

DPI = 300
PAGE_W, PAGE_H = 2480, 3508  # A4 at 300 dpi
MARGIN = 295  # 2.5 cm
FONT_PX = round(11 / 72 * DPI)
LINE_PX = round(FONT_PX * 1.25)
TAB_PX = 300
FONTS = "/usr/share/fonts/truetype/liberation/"


class _HtmlText(html.parser.HTMLParser):
    """The text a browser would print: blocks on their own lines, cells apart by tabs."""

    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.out.append("\n")
        elif tag in ("td", "th"):
            self.out.append("\t")
        if tag == "li":
            self.out.append("• ")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(re.sub(r"\s+", " ", data))


def printed_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    text = text.replace("\r\n", "\n").replace("\f", "\n")
    if path.suffix in (".html", ".htm"):
        parser = _HtmlText()
        parser.feed(text)
        text = "".join(parser.out)
        text = "\n".join(line.strip(" ") for line in text.split("\n"))
        text = re.sub(r"\n{3,}", "\n\n", text).replace("\n\t", "\n")
    elif path.suffix in (".md", ".markdown"):
        lines = []
        for line in text.split("\n"):
            if re.fullmatch(r"\s*\|?[\s:|-]+\|?\s*", line) and "-" in line:
                continue  # a table's separator row is not printed
            if line.lstrip().startswith("|"):
                line = "\t".join(c.strip() for c in line.strip().strip("|").split("|"))
            line = re.sub(r"^#+\s*", "", line)
            line = re.sub(r"^(\s*)[*+-]\s+", r"\1• ", line)
            line = line.replace("**", "").replace("__", "")
            lines.append(line)
        text = "\n".join(lines)
    # Typeset apostrophes, as a word processor prints them.
    text = re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)
    return text.strip() + "\n"


def layout(text: str, font: ImageFont.FreeTypeFont) -> list[list[tuple[int, str]]]:
    """Pages of lines; a line is a list of (x, run) with tabs turned into positions."""
    width = PAGE_W - 2 * MARGIN
    lines: list[list[tuple[int, str]]] = []
    for paragraph in text.split("\n"):
        if "\t" in paragraph:
            runs, x = [], 0
            for i, cell in enumerate(paragraph.split("\t")):
                if i:
                    x = (x // TAB_PX + 1) * TAB_PX
                runs.append((x, cell))
                x += font.getlength(cell)
            lines.append([(int(x), c) for x, c in runs])
            continue
        words, current = paragraph.split(" "), ""
        if not paragraph.strip():
            lines.append([])
            continue
        for word in words:
            candidate = f"{current} {word}" if current else word
            if current and font.getlength(candidate) > width:
                lines.append([(0, current)])
                current = word
            else:
                current = candidate
        lines.append([(0, current)])
    per_page = (PAGE_H - 2 * MARGIN) // LINE_PX
    return [lines[i:i + per_page] for i in range(0, len(lines), per_page)]


def render(page: list[list[tuple[int, str]]], font) -> Image.Image:
    image = Image.new("L", (PAGE_W, PAGE_H), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(page):
        for x, run in line:
            draw.text((MARGIN + x, MARGIN + i * LINE_PX), run, font=font, fill=0)
    return image


def damage(image: Image.Image, level: str, rng: random.Random) -> Image.Image:
    seed = rng.randrange(2**32)
    noise = np.random.default_rng(seed)
    if level == "light":
        pixels = np.asarray(image, dtype=np.float32)
        pixels += noise.normal(0, 12, pixels.shape)
        return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8)).rotate(
            rng.uniform(-0.3, 0.3), fillcolor=255, resample=Image.BILINEAR)
    dpi = 200 if level == "medium" else 150
    size = (PAGE_W * dpi // DPI, PAGE_H * dpi // DPI)
    image = image.rotate(rng.uniform(-0.6, 0.6), fillcolor=255, resample=Image.BILINEAR)
    if level == "heavy":
        image = image.filter(ImageFilter.MinFilter(3))  # ink bleed
    image = image.resize(size, Image.BILINEAR).filter(ImageFilter.GaussianBlur(0.8))
    pixels = np.asarray(image, dtype=np.float32)
    pixels += noise.normal(0, 40 if level == "medium" else 50, pixels.shape)
    if level == "heavy":
        # Faded patches: toner missing over a few areas of the page.
        h, w = pixels.shape
        for _ in range(4):
            cy, cx = noise.integers(0, h), noise.integers(0, w)
            ry, rx = noise.integers(30, 90), noise.integers(100, 300)
            yy, xx = np.ogrid[:h, :w]
            mask = ((yy - cy) / ry) ** 2 + ((xx - cx) / rx) ** 2 <= 1
            pixels[mask] = pixels[mask] * 0.7 + 255 * 0.3
    # Photocopy: hard black and white, then a speckle filter that also eats small marks.
    bw = Image.fromarray(np.where(pixels < 150, 0, 255).astype(np.uint8))
    return bw.filter(ImageFilter.MedianFilter(3))


def ocr(image: Image.Image, lang: str, dpi: int) -> str:
    with tempfile.NamedTemporaryFile(suffix=".png") as tmp:
        image.save(tmp.name, dpi=(dpi, dpi))
        return subprocess.run(
            ["tesseract", tmp.name, "-", "-l", lang, "--dpi", str(dpi)],
            check=True, capture_output=True, text=True).stdout


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    font = ImageFont.truetype(FONTS + "LiberationSerif-Regular.ttf", FONT_PX)
    for name in sys.argv[2:]:
        path = Path(name)
        stem = path.name.split(".")[0]
        text = printed_text(path)
        (out / f"{stem}.clean.txt").write_text(text)
        pages = [render(p, font) for p in layout(text, font)]
        rng = random.Random(stem)
        for level, lang in (("light", "fra"), ("medium", "fra"), ("heavy", "fra"), ("eng", "eng")):
            damage_level = "medium" if level == "eng" else level
            dpi = {"light": 300, "medium": 200, "heavy": 150}[damage_level]
            read = [ocr(damage(p, damage_level, rng), lang, dpi) for p in pages]
            (out / f"{stem}.{level}.txt").write_text("\n".join(read))
        print(stem, len(pages), "page(s)", flush=True)


if __name__ == "__main__":
    main()
