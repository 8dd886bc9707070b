"""Save PNGs of 设置 → 银行文件格式 for docs/: a county's own format (a copy of the shipped
pipe-delimited GBK one) in the form, and the test of a sample return file.

    xvfb-run -a uv run python scripts/screenshot_bank_profiles.py docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    out = Path(sys.argv[1])
    home = Path(tempfile.mkdtemp(prefix="suining-shot-"))
    os.environ["SUINING_HOME"] = str(home)
    sys.path.insert(0, str(REPO))
    from dataclasses import replace

    from PySide6.QtCore import QTimer

    from suining_desk.exchange import bank_profiles as store
    from ui.app import create_app
    from ui.dialogs.bank_profiles_dialog import BankProfilesDialog

    shipped = store.get_profile("pipe-gbk")
    store.save_profile(replace(shipped, name="县农商行", title="县农商行一卡通", shipped=False,
                               note="县农村商业银行的代发格式：GBK 编码、竖线分隔；回盘状态代码 0000 为成功。"))
    own = store.get_profile("县农商行")
    store.save_profile(replace(own, returns=replace(own.returns, paid=("成功", "00", "0000"))), replace=True)
    store.choose("县农商行")
    sample = home / "回盘样本.txt"
    sample.write_bytes("1|6221880000000001|张建国|960.00|0000||20181012\r\n"
                       "2|6221880000000002|李德明|330.00|02|户名不符|20181012\r\n"
                       "3|6221880000000003|王老五|520.00|99|处理中|20181012\r\n".encode("gbk"))
    app = create_app([sys.argv[0]])
    dialog = BankProfilesDialog(user="admin")
    dialog.resize(1180, 760)
    dialog.show()

    def shoot() -> None:
        out.mkdir(parents=True, exist_ok=True)
        dialog.tabs.setCurrentIndex(0)
        dialog.form.setCurrentIndex(1)
        app.processEvents()
        dialog.grab().save(str(out / "bank-profiles.png"))
        dialog.test_sample(sample)
        app.processEvents()
        dialog.grab().save(str(out / "bank-profiles-test.png"))
        print(f"saved {out / 'bank-profiles.png'} and {out / 'bank-profiles-test.png'}")
        app.quit()

    QTimer.singleShot(500, shoot)
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
