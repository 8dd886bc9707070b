"""``suining-desk area list|add|rename|retire``: the villages and groups of the county (区划管理).

    area list [--township 乡镇]
    area add --township 乡镇 --village 村 [--group 组] [--code 代码] --user 用户名
    area rename --township 乡镇 --village 村 [--group 组] --to 新名称 --user 用户名
    area retire --township 乡镇 --village 村 [--group 组] --user 用户名

Changes need an admin (of the township, or of the county) and are in the audit log. An area
is never deleted: a retired one keeps its records and takes no new household.
"""

from __future__ import annotations

import argparse
from typing import Any

from suining_desk.cli.money_args import acting_user, add_common
from suining_desk.cli.parser import ChineseArgumentParser


def _place(parser: argparse.ArgumentParser, *, group_help: str) -> None:
    parser.add_argument("--township", required=True, metavar="乡镇", help="乡镇名称或代码，如 长铺镇")
    parser.add_argument("--village", required=True, metavar="村", help="行政村名称，如 青石村")
    parser.add_argument("--group", metavar="组", help=group_help)


def register(sub: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        "area", help="区划管理：list 列出、add 新增村组、rename 改名、retire 撤销（须管理员）")
    actions = parser.add_subparsers(dest="action", title="操作", metavar="操作", parser_class=ChineseArgumentParser)
    actions.required = True
    listing = actions.add_parser("list", help="列出乡镇、行政村和村民小组，含代码、状态和在册户数")
    listing.add_argument("--township", metavar="乡镇", help="只列此乡镇（名称或代码）")
    add = actions.add_parser("add", help="新增行政村（村不存在时）和村民小组（给出 --group 时）")
    _place(add, group_help="村民小组名称，如 一组；不填只新增村")
    add.add_argument("--code", default="", metavar="代码",
                     help="新增的村（或组）的区划代码；默认接着上级代码顺延，如 430527100001")
    rename = actions.add_parser("rename", help="修改行政村或村民小组的名称（代码和记录不变）")
    _place(rename, group_help="改组名时填写该组现在的名称")
    rename.add_argument("--to", required=True, metavar="新名称", help="新的名称")
    retire = actions.add_parser("retire", help="撤销行政村（连同其下各组）或村民小组：记录保留，不再登记新户")
    _place(retire, group_help="只撤销该组时填写")
    for p, login in ((listing, False), (add, True), (rename, True), (retire, True)):
        add_common(p, login=login)
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from suining_desk.cli.target import open_from_args
    from suining_desk.services import area_admin

    open_from_args(args)
    if args.action == "list":
        town = area_admin.find_township(args.township).id if args.township else None
        print("代码\t级别\t名称\t状态\t在册户数")
        for row in area_admin.area_rows(town):
            print(f"{row.code}\t{row.level_label}\t{row.path}\t{row.state_label}\t{row.households}")
        return 0
    user = acting_user(args)
    if args.action == "add":
        township_id = area_admin.find_township(args.township).id
        change = area_admin.add_area(township_id, args.village, args.group, code=args.code, user=user)
        print("已新增：" + "、".join(change.created))
        return 0
    area = area_admin.find(args.township, args.village, args.group)
    if args.action == "rename":
        before = area_admin.path_of(area)
        change = area_admin.rename_area(area.id, args.to, user=user)
        print(f"已改名：{before} → {change.path}")
    else:
        change = area_admin.retire_area(area.id, user=user)
        print(f"已撤销：{change.path}（记录保留，不再登记新户）")
    return 0
