"""Import products from CSV/XLSX: a dry run lists every problem by row and column; the
import itself runs in the background with progress and writes all rows or none."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from app.services.inventory.import_export import DryRun, ImportRefused
from app.services.inventory.services import InventoryServices
from app.services.permissions import Permission
from ui.backoffice.common import RowsModel, approval_up_front, button, table
from ui.errors import user_message
from ui.tasks import run_in_background


class _Progress(QObject):
    """Carries progress from the worker thread to the dialog (queued across threads)."""

    changed = Signal(int, int)


class ImportDialog(QDialog):
    def __init__(self, services: InventoryServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.path: Path | None = None
        self.checked: DryRun | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Import products and prices"))
        self.resize(820, 560)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(button(self.tr("Choose file…"), self.choose, "chooseFile"))
        self.file_label = QLabel(self.tr("CSV or Excel (.xlsx) with the columns of an export."))
        row.addWidget(self.file_label, 1)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = RowsModel([self.tr("Row"), self.tr("Column"), self.tr("Problem")],
                                  lambda p: (p.row, p.column, p.message))
        layout.addWidget(table(self.problems, 2, "importProblems"))
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        layout.addWidget(self.progress)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.close_button = button(self.tr("Close"), self.reject, "closeImport")
        self.import_button = button(self.tr("Import"), self.run_import, "runImport")
        self.import_button.setEnabled(False)
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.import_button)
        layout.addLayout(bottom)
        self._bridge = _Progress()
        self._bridge.changed.connect(self._on_progress)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import products"), "",
                                              self.tr("Spreadsheets (*.xlsx *.csv *.txt)"))
        if path:
            self.check(Path(path))

    def check(self, path: Path) -> None:
        """Dry run in the background: nothing is written."""
        self.path, self.checked = path, None
        self.file_label.setText(path.name)
        self.import_button.setEnabled(False)
        self.problems.set_rows([])
        self._start(self.tr("Checking every row…"))
        run_in_background(lambda: self.services.importer.dry_run(path, self._bridge.changed.emit),
                          self._checked, self._failed)

    def _checked(self, result: DryRun) -> None:
        self.busy = False
        self.checked = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if result.ok else 0)
        self.problems.set_rows(result.problems)
        if result.ok:
            self.summary.setText(self.tr("%1 rows are fine: %2 new products, %3 updates. Press Import.")
                                 .replace("%1", str(len(result.rows))).replace("%2", str(result.new_count))
                                 .replace("%3", str(len(result.rows) - result.new_count)))
        else:
            self.summary.setText(self.tr("%n problem(s): fix them in the file and choose it again. "
                                         "Nothing has been imported.", "", len(result.problems)))
        self.import_button.setEnabled(result.ok and bool(result.rows))

    def run_import(self) -> None:
        if self.path is None or not (self.checked and self.checked.ok):
            return
        go_on, approval = approval_up_front(self, self.services, Permission.EDIT_PRODUCTS)
        if not go_on:
            return
        path, checked, actor = self.path, self.checked, self.services.actor
        self.import_button.setEnabled(False)
        self._start(self.tr("Importing…"))
        run_in_background(lambda: self.services.importer.run(path, self._bridge.changed.emit, checked,
                                                             actor, approval),
                          self._imported, self._failed)

    def _imported(self, result: DryRun) -> None:
        self.busy = False
        self.progress.setValue(self.progress.maximum())
        self.summary.setText(self.tr("Imported %1 products.").replace("%1", str(len(result.rows))))
        self.close_button.setText(self.tr("Done"))

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(exc, ImportRefused):
            self.problems.set_rows(exc.problems)
        self.summary.setText(user_message(exc))

    def _start(self, text: str) -> None:
        self.busy = True
        self.summary.setText(text)
        self.progress.setRange(0, 0)  # busy until the first progress report

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
