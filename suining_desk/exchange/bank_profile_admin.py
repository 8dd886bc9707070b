"""What an admin does with bank profiles (设置 → 银行文件格式): save a county's own, choose the
one used when none is named, delete one — each checked against the admin role and written to
the audit log (what was saved, as TOML, so a change of format can be traced to who made it).
Also a preview of a list written as a profile says, for the settings page's test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from suining_desk import audit
from suining_desk.exchange import bank_profiles as store
from suining_desk.exchange.bank_list import ListContext, text_lines
from suining_desk.exchange.bank_profile import BankProfile, to_dict
from suining_desk.services.access import require

# Invented lines for a preview (never a real person's): 序号, name, ID number, account, fen.
SAMPLE_ROWS = [(1, "张三", "430527199001011234", "6221880000000001", 96000),
               (2, "欧阳秀英", "43052719850505432X", "6221880000000002", 33000)]
SAMPLE_CONTEXT = ListContext("DB-430527100-2018-10", "低保", "2018-10", "长铺镇", dt.date(2018, 10, 10),
                             dt.date(2018, 10, 9))


def save(profile: BankProfile, *, user: str, replace: bool = False) -> Path:
    require(user, role="admin")
    path = store.save_profile(profile, replace=replace)
    audit.append("bank_profile_saved", username=user, table_name="bank_profile", record_id=profile.name,
                 after={"name": profile.name, "title": profile.title, "profile": to_dict(profile)})
    return path


def choose(name: str, *, user: str) -> BankProfile:
    require(user, role="admin")
    before = store.chosen_name()
    profile = store.choose(name)
    audit.append("bank_profile_chosen", username=user, table_name="bank_profile", record_id=profile.name,
                 before={"name": before}, after={"name": profile.name, "title": profile.title})
    return profile


def delete(name: str, *, user: str) -> None:
    require(user, role="admin")
    profile = store.get_profile(name)
    store.delete_profile(profile.name)
    audit.append("bank_profile_deleted", username=user, table_name="bank_profile", record_id=profile.name,
                 before={"name": profile.name, "title": profile.title, "profile": to_dict(profile)})


def preview_lines(profile: BankProfile) -> list[str]:
    """The first lines of a list written as ``profile`` says, from invented lines (an .xlsx is
    shown as its CSV: the same cells); :class:`InvalidInput` if the profile cannot write them."""
    kind = "csv" if profile.export.kind == "xlsx" else profile.export.kind
    return text_lines(profile, kind, SAMPLE_CONTEXT, SAMPLE_ROWS)
