"""Draw the program's icon from the bundled font: resources/icons/suining-desk.png (the
window's icon) and suining-desk.ico (Windows executables' shortcuts and the installer).

    uv run python scripts/make_icon.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parents[1]
ICONS = REPO / "resources" / "icons"
FONT = REPO / "resources" / "fonts" / "wqy-microhei.ttc"
SIZE = 256
RED = (178, 34, 34, 255)  # the red of a 台账's seal
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((8, 8, SIZE - 8, SIZE - 8), radius=44, fill=RED)
    pen.rounded_rectangle((24, 24, SIZE - 24, SIZE - 24), radius=30, outline=(255, 255, 255, 255), width=8)
    font = ImageFont.truetype(str(FONT), 150, index=0)
    pen.text((SIZE / 2, SIZE / 2 + 4), "绥", font=font, fill=(255, 255, 255, 255), anchor="mm")
    return image


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.save(ICONS / "suining-desk.png", optimize=True)
    image.save(ICONS / "suining-desk.ico", sizes=ICO_SIZES)
    print(f"wrote {ICONS / 'suining-desk.png'} and {ICONS / 'suining-desk.ico'}")


if __name__ == "__main__":
    main()
