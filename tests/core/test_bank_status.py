"""How the status column of a bank's return file is read: paid only when it plainly says so,
failed when it names a failure or negates success, otherwise unknown (reported, not guessed)."""

from __future__ import annotations

import pytest

from suining_desk.services.bank_status import FAILED, PAID, classify

PAID_WORDINGS = ["成功", "交易成功", "已入账", "处理成功", "正常", " 成 功 ", "成功。", "（成功）", "代发成功",
                 "入账成功", "已到账", "已发放", "SUCCESS", "Success", "ok", "ＯＫ", "交易正常", "已支付"]
FAILED_WORDINGS = ["失败", "交易失败", "未成功", "不成功", "交易未成功", "非正常", "不正常", "退票", "账户冻结",
                   "户名不符", "已销户", "账户已销户", "账号错误", "处理失败：户名不符", "退回", "卡号不存在",
                   "账户状态异常", "FAILED", "fail", "error", "交易没有成功", "无成功", "账户余额不足", "止付",
                   "证件号码不一致", "成功失败"]
UNKNOWN_WORDINGS = ["处理中", "待处理", "", "   ", "交易处理中", "等待处理", "银行受理", "已提交", "未知",
                    "部分成功", "成功？待核实", "未入账", "未到账", "未完成", "1", "0000", "S", "Y", "-", "已处理",
                    "pending", "processing", "失败，待重新处理"]


@pytest.mark.parametrize("text", PAID_WORDINGS)
def test_plain_success_is_paid(text: str) -> None:
    assert classify(text) == PAID


@pytest.mark.parametrize("text", FAILED_WORDINGS)
def test_failures_and_negated_success_are_failed(text: str) -> None:
    assert classify(text) == FAILED


@pytest.mark.parametrize("text", UNKNOWN_WORDINGS)
def test_anything_else_is_unknown(text: str) -> None:
    assert classify(text) is None
