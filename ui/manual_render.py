"""The clerk's manual, docs/manual/*.md, as one HTML page with a table of contents.

Used by ``scripts/build_manual.py`` (the Windows and Linux bundles carry the result) and by
帮助 → 用户手册 in a source checkout, so both show the same text. No Qt here: the build runs
without a display. Python-Markdown is a development dependency: a bundle has the HTML already.
"""

from __future__ import annotations

import html
import re
import shutil
import struct
from dataclasses import dataclass
from pathlib import Path

CHAPTER_GLOB = "[0-9][0-9]-*.md"  # 00-…md, 01-…md: the order of the chapters
SHOWN_WIDTH = 820  # px: wider screenshots are shown at this width (the file keeps every pixel)
VERSION_MARK = "{{version}}"

CSS = """
body { font-family: "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif;
       font-size: 15px; line-height: 1.7; color: #222; max-width: 880px; margin: 0 auto; padding: 1em 1.5em; }
h1 { font-size: 28px; margin-bottom: 0.2em; }
h2 { font-size: 22px; border-bottom: 2px solid #c33; padding-bottom: 0.2em; margin-top: 2.2em; }
h3 { font-size: 17px; margin-top: 1.5em; }
img { max-width: 100%; height: auto; border: 1px solid #bbb; margin: 0.4em 0; }
table { border-collapse: collapse; margin: 0.6em 0; }
th, td { border: 1px solid #999; padding: 3px 8px; vertical-align: top; }
th { background: #eee; }
code, kbd { font-family: Consolas, "DejaVu Sans Mono", monospace; background: #f2f2f2; padding: 0 3px; }
blockquote { border-left: 4px solid #c33; margin: 0.8em 0; padding: 0.2em 1em; background: #fbf3f3; }
.toc { border: 1px solid #ccc; background: #fafafa; padding: 0.5em 1.5em; margin: 1em 0 2em 0; }
.toc ol { margin: 0.3em 0; }
.version { color: #666; }
@page { size: A4; margin: 16mm 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { page-break-before: always; }
  h2, h3 { page-break-after: avoid; }
  img, table, blockquote { page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


@dataclass(frozen=True)
class Manual:
    title: str
    html: str  # the whole page
    images: list[Path]  # the files it shows, under the source's images/


def chapters(source: Path) -> list[Path]:
    found = sorted(source.glob(CHAPTER_GLOB))
    if not found:
        raise FileNotFoundError(f"no chapters ({CHAPTER_GLOB}) in {source}")
    return found


def png_width(path: Path) -> int:
    """The width a PNG file declares (its IHDR chunk), without an image library."""
    with path.open("rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"not a PNG file: {path}")
    return int(struct.unpack(">I", head[16:20])[0])


def render(source: Path, *, version: str) -> Manual:
    """The manual in ``source`` (chapters and images/) as one HTML page."""
    import markdown
    from markdown.extensions.toc import slugify_unicode

    text = "\n\n".join(p.read_text(encoding="utf-8") for p in chapters(source)).replace(VERSION_MARK, version)
    md = markdown.Markdown(extensions=["toc", "tables", "attr_list", "sane_lists"],
                           extension_configs={"toc": {"slugify": slugify_unicode, "toc_depth": "2"}})
    body = md.convert(text)
    tokens = md.toc_tokens
    title = tokens[0]["name"] if tokens and tokens[0]["level"] == 1 else "用户手册"
    entries = tokens[0]["children"] if tokens and tokens[0]["level"] == 1 else tokens
    toc = "".join(f'<li><a href="#{t["id"]}">{t["name"]}</a></li>' for t in entries)
    images: list[Path] = []

    def sized(match: re.Match[str]) -> str:
        before, src = match.group(1), match.group(2)
        path = source / src
        if not path.is_file():
            raise FileNotFoundError(f"the manual shows {src}, which is not in {source}")
        images.append(path)
        width = min(png_width(path), SHOWN_WIDTH)
        return f'<img{before} src="{src}" width="{width}"'

    body = re.sub(r'<img\b([^>]*?) src="([^"]+)"', sized, body)
    first_h2 = body.find("<h2")
    head, rest = (body[:first_h2], body[first_h2:]) if first_h2 >= 0 else (body, "")
    page = (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>\n"
        f"{head}<div class=\"toc\"><b>目录</b><ol>{toc}</ol></div>\n{rest}\n</body></html>\n"
    )
    return Manual(title=title, html=page, images=images)


def build(source: Path, out: Path, *, version: str) -> Manual:
    """Write ``out/index.html`` and the images it shows (``out/images/…``)."""
    manual = render(source, version=version)
    out.mkdir(parents=True, exist_ok=True)
    for image in dict.fromkeys(manual.images):
        target = out / image.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(image, target)
    (out / "index.html").write_text(manual.html, encoding="utf-8")
    return manual
