"""argparse that speaks Chinese: usage, headings and the common errors."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

_ERRORS = [
    (r"the following arguments are required: (.*)", "缺少必需的参数：{0}"),
    (r"argument (\S+): invalid choice: '?(.*?)'? \(choose from (.*)\)", "参数 {0} 的值“{1}”无效，可选：{2}"),
    (r"argument (\S+): invalid (\w+) value: '?(.*?)'?$", "参数 {0} 的值“{2}”无效"),
    (r"argument (\S+): expected one argument", "参数 {0} 后面需要一个值"),
    (r"unrecognized arguments: (.*)", "无法识别的参数：{0}"),
    (r"argument (\S+): not allowed with argument (\S+)", "参数 {0} 不能与 {1} 同时使用"),
    (r"argument (\S+): expected at least one argument", "参数 {0} 后面至少需要一个值"),
    (r"argument (\S+): expected (\d+) arguments?", "参数 {0} 后面需要 {1} 个值"),
    (r"argument (\S+): ignored explicit argument '?(.*?)'?$", "参数 {0} 不带值（多了“{1}”）"),
    (r"one of the arguments (.*) is required", "以下参数必须给出一个：{0}"),
    (r"ambiguous option: (\S+) could match (.*)", "选项 {0} 不明确，可能是：{1}"),
    # a value our own type functions refused: their message is Chinese already
    (r"argument (\S+): (.*)", "参数 {0}：{1}"),
]


def translate_error(message: str) -> str:
    for pattern, template in _ERRORS:
        m = re.match(pattern, message, re.DOTALL)
        if m:
            return template.format(*m.groups())
    return message


class ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """Exit code 2 with a Chinese message for unusable arguments, as argparse does."""

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: 错误：{translate_error(message)}\n")
