"""What a bank's return file says of one transfer, read conservatively.

Banks word the status column freely (成功, 交易成功, 已入账; 失败, 交易未成功, 非正常, 户名不符 …).
Matching by substring read 「交易未成功」 and 「不正常」 as paid, because they contain 成功 and
正常. Here a status is *paid* only when the whole text is one of the known ways of saying the
money arrived, *failed* when it names a failure (失败, 退票, 冻结, 不符 …) or negates success
(未成功, 不成功, 非正常 …), and otherwise *unknown* (处理中, 待处理, blank, anything new): such a
line is reported and nothing is recorded, so a transfer is never taken as paid, or re-issued as
failed, on a guess.
"""

from __future__ import annotations

import re
import unicodedata

PAID = "paid"
FAILED = "failed"

# The whole status (after removing spaces and punctuation) says the money arrived.
PAID_TEXTS = frozenset({
    "成功", "交易成功", "处理成功", "代发成功", "发放成功", "入账成功", "转账成功", "支付成功", "付款成功", "扣款成功",
    "已入账", "已到账", "已发放", "已支付", "已代发", "已付款", "已完成", "完成", "交易完成", "正常", "交易正常",
    "success", "successful", "succeeded", "paid", "ok", "done", "completed",
})
# Anywhere in the status: the transfer failed (the money did not arrive and will not).
FAILED_WORDS = (
    "失败", "退票", "退回", "退汇", "退款", "冻结", "不符", "不一致", "不匹配", "销户", "注销", "错误", "有误", "无效",
    "拒绝", "止付", "挂失", "作废", "不存在", "异常", "驳回", "超限", "超过限额", "余额不足", "睡眠户", "久悬",
    "fail", "error", "reject", "invalid", "returned", "unsuccessful",
)
# A negated success (未成功, 非正常 …) is a failure too.
_NEGATED = re.compile(r"(未|不|非|没有|没|无)(成功|正常)")
# Anything still open: neither paid nor failed, whatever else it says.
PENDING_WORDS = ("处理中", "待", "未处理", "审核中", "等待", "受理", "已提交", "未知", "不确定", "未回盘", "在途",
                 "pending", "processing", "unknown")
_NOISE = re.compile(r"[\s\-_.,;:!?/\\|()\[\]{}<>\"'`~*#、，。；：！？（）【】《》“”‘’·…—]+")


def normalized(text: str) -> str:
    """The status without spaces, punctuation or full-width forms, in lower case."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", text or "")).lower()


def classify(text: str) -> str | None:
    """``paid``, ``failed`` or None (unknown: to be reported, not guessed)."""
    value = normalized(text)
    if not value or any(w in value for w in PENDING_WORDS):
        return None
    failed = any(w in value for w in FAILED_WORDS) or _NEGATED.search(value) is not None
    if failed:
        return FAILED
    return PAID if value in PAID_TEXTS else None
