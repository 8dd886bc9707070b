"""argparse that speaks Chinese: usage, headings and the common errors."""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
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


_NO_LINE_START = frozenset("，。、；：！？）》」』”’")  # closing punctuation stays on its line


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help, with the help column aligned by display width: argparse pads by
    ``len``, so a metavar such as 路径或地址 pushed its help text four columns right."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            get = self._format_action_invocation
            invocations = [get(action)] + [get(sub) for sub in self._iter_indented_subactions(action)]
            width = max(map(display_width, invocations)) + self._current_indent
            self._action_max_length = max(self._action_max_length, width)

    def _split_lines(self, text: str, width: int) -> list[str]:
        """Lines of at most ``width`` columns, broken between words or between any two Chinese
        characters (textwrap counts a Chinese character as one column), never before a
        closing mark such as ，or ）: the character before it goes down with it."""
        lines: list[str] = []
        line: list[str] = []
        for word in re.findall(r"[\x00-\u2e7f]+|.", " ".join(text.split())):  # narrow runs; each wide char
            if word == " " and not line:
                continue
            if line and display_width("".join(line) + word) > width:
                carry: list[str] = []
                if word in _NO_LINE_START:
                    while len(line) > 1 and line[-1] in _NO_LINE_START:
                        carry.insert(0, line.pop())
                    if len(line) > 1:
                        carry.insert(0, line.pop())
                lines.append("".join(line).rstrip())
                line = carry
                word = word if carry else word.lstrip()
            line.append(word)
        if "".join(line).strip():
            lines.append("".join(line).rstrip())
        return lines or [""]

    def _format_action(self, action: argparse.Action) -> str:
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)
        indent = " " * self._current_indent
        first_indent = 0
        if not action.help:
            parts = [f"{indent}{header}\n"]
        elif display_width(header) <= action_width:
            parts = [f"{indent}{header}{' ' * (action_width - display_width(header))}  "]
        else:  # too wide: the help starts on the next line
            parts = [f"{indent}{header}\n"]
            first_indent = help_position
        help_text = self._expand_help(action) if action.help and action.help.strip() else ""
        if help_text:
            lines = self._split_lines(help_text, help_width)
            parts.append(f"{' ' * first_indent}{lines[0]}\n")
            parts.extend(f"{' ' * help_position}{line}\n" for line in lines[1:])
        elif not parts[0].endswith("\n"):
            parts.append("\n")
        parts.extend(self._format_action(sub) for sub in self._iter_indented_subactions(action))
        return self._join_parts(parts)


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
