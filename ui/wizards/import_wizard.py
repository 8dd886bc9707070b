"""文件 → 导入…: the import wizard (choose file and kind → preview with the recognised
columns → validation report → confirm and import, in the background, cancellable)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget, QWizard

from suining_desk.exchange.report import ImportResult

from ..session import Session
from .import_pages import CheckPage, ChoosePage, ImportPage, PreviewPage


class ImportWizard(QWizard):
    imported = Signal(object)  # the ImportResult, once data was written

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_wizard")
        self.setWindowTitle(self.tr("导入表格"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(900, 620)
        self.choose = ChoosePage()
        self.preview = PreviewPage(self.choose)
        self.check = CheckPage(self.choose, session)
        self.run = ImportPage(self.choose, self.check, session)
        for page in (self.choose, self.preview, self.check, self.run):
            self.addPage(page)
        self.run.finished.connect(self._finished)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("关闭"))

    def _finished(self, result: object) -> None:
        if isinstance(result, ImportResult) and result.written:
            self.imported.emit(result)

    def busy(self) -> bool:
        return self.check.running() or self.run.running()

    def reject(self) -> None:
        """Closing while a run is going: cancel it first (the import rolls back)."""
        if self.busy():
            self.check.cancel()
            self.run.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy():
            self.reject()
            event.ignore()
            return
        super().closeEvent(event)
