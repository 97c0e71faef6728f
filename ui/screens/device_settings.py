"""Device settings: choose each device's kind and URL, see what is plugged in,
test every device, and look after the print queue.

Every test talks to hardware, so it runs in the background and its result
(or the sentence saying what to do) appears beside its button.
"""
from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QPushButton, QScrollArea, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.domain.clock import to_local
from app.services.auth import StaffMember
from app.services.devices import DeviceService, DrawerService
from app.services.errors import ServiceError
from app.services.permissions import Permission
from drivers import detect
from ui.errors import user_message
from ui.staff.guarded import approval_up_front, run_as
from ui.tasks import run_in_background

CONTEXT = "DeviceSettings"
TITLES = {"printer": QT_TRANSLATE_NOOP(CONTEXT, "Receipt printer"),
          "drawer": QT_TRANSLATE_NOOP(CONTEXT, "Cash drawer"),
          "display": QT_TRANSLATE_NOOP(CONTEXT, "Customer display"),
          "scale": QT_TRANSLATE_NOOP(CONTEXT, "Scale"),
          "scanner": QT_TRANSLATE_NOOP(CONTEXT, "Serial scanners")}
TEST_BUTTONS = {"printer": QT_TRANSLATE_NOOP(CONTEXT, "Print test page"),
                "drawer": QT_TRANSLATE_NOOP(CONTEXT, "Open drawer"),
                "display": QT_TRANSLATE_NOOP(CONTEXT, "Show text"),
                "scale": QT_TRANSLATE_NOOP(CONTEXT, "Read weight"),
                "scanner": QT_TRANSLATE_NOOP(CONTEXT, "Scan something now")}
# (label, URL template) per kind; the template fills the URL field when chosen
CHOICES = {
    "printer": [("Simulator", "sim://?width=48"), ("Network (TCP 9100)", "escpos+tcp://192.168.1.50:9100?width=48"),
                ("USB", "escpos+usb://04b8:0202?width=48"), ("Serial", "escpos+serial:///dev/ttyUSB0?baudrate=9600"),
                ("Device file", "escpos+file:///dev/usb/lp0?width=48"), ("Windows printer", "escpos+win32://TM-T88V"),
                ("CUPS printer", "escpos+cups://TM-T20")],
    "drawer": [("Through the printer", "printer://?pin=2"), ("Own serial port", "serial-drawer:///dev/ttyS0"),
               ("Simulator", "sim://"), ("None", "none://")],
    "display": [("None", "none://"), ("CD5220 pole display", "cd5220+serial:///dev/ttyUSB1?cjk=gb18030"),
                ("Epson DM-D", "epson+serial:///dev/ttyUSB1"), ("Simulator", "sim://")],
    "scale": [("None", "none://"), ("Toledo 8217", "toledo+serial:///dev/ttyUSB2"),
              ("CAS (continuous)", "cas+serial:///dev/ttyUSB2?mode=continuous"), ("Simulator", "sim://?grams=1000")],
    "scanner": [("Keyboard only", ""), ("Serial scanner", "serial-scanner:///dev/ttyACM0"), ("Simulator", "sim://")],
}
SCAN_WAIT_MS = 15_000
STATUS_WORDS = {"waiting": QT_TRANSLATE_NOOP(CONTEXT, "waiting"), "printing": QT_TRANSLATE_NOOP(CONTEXT, "printing"),
                "done": QT_TRANSLATE_NOOP(CONTEXT, "printed"), "failed": QT_TRANSLATE_NOOP(CONTEXT, "failed")}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class DeviceRow:
    """The widgets of one device kind."""

    def __init__(self, kind: str, url: str) -> None:
        self.kind = kind
        self.choice = QComboBox()
        self.choice.setObjectName(f"{kind}Kind")
        for label, template in CHOICES[kind]:
            self.choice.addItem(_tr(label), template)
        self.url = QLineEdit(url)
        self.url.setObjectName(f"{kind}Url")
        self.apply = QPushButton(_tr("Apply"))
        self.apply.setObjectName(f"{kind}Apply")
        self.test = QPushButton(_tr(TEST_BUTTONS[kind]))
        self.test.setObjectName(f"{kind}Test")
        self.result = QLabel()
        self.result.setObjectName(f"{kind}Result")
        self.result.setWordWrap(True)
        for widget in (self.choice, self.url, self.apply, self.test):
            widget.setMinimumHeight(44)
        scheme = url.split(":", 1)[0] if ":" in url else ""
        for index, (_label, template) in enumerate(CHOICES[kind]):
            if template.split(":", 1)[0] == scheme or (not url and not template):
                self.choice.setCurrentIndex(index)
                break
        self.choice.activated.connect(lambda index: self.url.setText(self.choice.itemData(index)))

    def show_result(self, text: str, ok: bool) -> None:
        self.result.setText(text)
        self.result.setStyleSheet("color: #0a7d32;" if ok else "color: #cf222e; font-weight: bold;")


class DeviceSettingsScreen(QWidget):
    scan_seen = Signal(str)  # serial scans arrive on the scanner's thread
    back_requested = Signal()

    def __init__(self, devices: DeviceService, drawer: DrawerService, actor: StaffMember | str = "settings",
                 wedge_scanner=None, tz: tzinfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.devices = devices
        self.drawer = drawer
        # who changes the settings: the person logged in (the main window sets it when the
        # screen opens); the services check DEVICE_SETTINGS / OPEN_DRAWER for them
        self.actor = actor
        self.rows: dict[str, DeviceRow] = {}
        self._listening = False
        self._stop_listening = lambda: None
        self._scan_timer = QTimer(self, singleShot=True, interval=SCAN_WAIT_MS)
        self._scan_timer.timeout.connect(self._scan_timed_out)
        self.scan_seen.connect(self._on_scan)
        if wedge_scanner is not None:
            wedge_scanner.scanned.connect(self._on_scan)
        self._build()
        self.refresh_detected()
        self.refresh_jobs()

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        inner = QWidget()
        layout = QVBoxLayout(inner)
        title = QLabel(self.tr("Devices"))
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(self._devices_box())
        row = QHBoxLayout()
        row.addWidget(self._detected_box(), 1)
        row.addWidget(self._queue_box(), 2)
        layout.addLayout(row)
        back = QPushButton(self.tr("Back (Esc)"))
        back.setObjectName("devicesBack")
        back.setMinimumHeight(44)
        back.setShortcut(Qt.Key.Key_Escape)
        back.clicked.connect(self.back_requested)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignRight)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _devices_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Devices and test buttons"))
        grid = QGridLayout(box)
        for line, kind in enumerate(TITLES):
            row = DeviceRow(kind, self.devices.urls.get(kind, ""))
            self.rows[kind] = row
            grid.addWidget(QLabel(_tr(TITLES[kind])), line * 2, 0)
            grid.addWidget(row.choice, line * 2, 1)
            grid.addWidget(row.url, line * 2, 2)
            grid.addWidget(row.apply, line * 2, 3)
            grid.addWidget(row.test, line * 2, 4)
            grid.addWidget(row.result, line * 2 + 1, 1, 1, 4)
            row.apply.clicked.connect(lambda _=False, k=kind: self.apply(k))
            row.test.clicked.connect(lambda _=False, k=kind: self.test(k))
        grid.setColumnStretch(2, 1)
        self.display_text = QLineEdit("欢迎光临 Welcome")
        self.display_text.setObjectName("displayText")
        self.display_text.setMinimumHeight(44)
        grid.addWidget(QLabel(self.tr("Display text")), len(TITLES) * 2, 0)
        grid.addWidget(self.display_text, len(TITLES) * 2, 1, 1, 2)
        return box

    def _detected_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Plugged in"))
        layout = QVBoxLayout(box)
        self.detected = QListWidget()
        self.detected.setObjectName("detectedDevices")
        layout.addWidget(self.detected)
        refresh = QPushButton(self.tr("Look again"))
        refresh.setMinimumHeight(44)
        refresh.clicked.connect(self.refresh_detected)
        layout.addWidget(refresh)
        return box

    def _queue_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Print queue"))
        layout = QVBoxLayout(box)
        self.jobs = QTableWidget(0, 4)
        self.jobs.setObjectName("printJobs")
        self.jobs.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Receipt"), self.tr("Status"), self.tr("Why")])
        self.jobs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.jobs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.jobs.horizontalHeader().setStretchLastSection(True)
        self.jobs.setMinimumHeight(240)
        layout.addWidget(self.jobs)
        buttons = QHBoxLayout()
        for name, text, slot in (("retryJob", self.tr("Retry"), self.retry_selected),
                                 ("reprintJob", self.tr("Reprint"), self.reprint_selected),
                                 ("refreshJobs", self.tr("Refresh"), self.refresh_jobs)):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setMinimumHeight(44)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.queue_result = QLabel()
        self.queue_result.setObjectName("queueResult")
        self.queue_result.setWordWrap(True)
        layout.addWidget(self.queue_result)
        return box

    # --- detection and the queue -----------------------------------------------------------
    def refresh_detected(self) -> None:
        self.detected.clear()
        for port in detect.serial_ports():
            self.detected.addItem(self.tr("Serial port %1 — %2").replace("%1", port.url_path)
                                  .replace("%2", port.description))
        printers = detect.usb_printers()
        if printers is None:
            self.detected.addItem(self.tr("USB printers: cannot look (pyusb is not installed)"))
        for printer in printers or []:
            self.detected.addItem(self.tr("USB printer %1 — %2").replace("%1", printer.url_path)
                                  .replace("%2", printer.description))
        if self.detected.count() == 0:
            self.detected.addItem(self.tr("No serial ports found"))

    def refresh_jobs(self) -> None:
        jobs = self.devices.queue.jobs(50)
        self.jobs.setRowCount(len(jobs))
        for line, job in enumerate(jobs):
            moment = to_local(job.created_at, self.tz) if self.tz else job.created_at
            cells = (moment.strftime("%m-%d %H:%M:%S"), f"{job.kind} {job.ref_id}",
                     _tr(STATUS_WORDS.get(job.status, job.status)), job.last_error)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, job.id)
                item.setToolTip(text)  # the whole reason, which the column may cut
                self.jobs.setItem(line, column, item)
        for column in range(3):
            self.jobs.resizeColumnToContents(column)

    def _selected_job(self) -> str | None:
        items = self.jobs.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def retry_selected(self) -> None:
        self._on_job(self.devices.queue.retry, self.tr("Sent to the printer again."))

    def reprint_selected(self) -> None:
        self._on_job(self.devices.queue.reprint, self.tr("A copy is on its way to the printer."))

    def _on_job(self, action, done_text: str) -> None:
        job_id = self._selected_job()
        if job_id is None:
            self.queue_result.setText(self.tr("Choose a receipt in the list first."))
            return
        try:
            action(job_id)
        except ServiceError as exc:
            self.queue_result.setText(user_message(exc))
            return
        self.queue_result.setText(done_text)
        self.refresh_jobs()

    # --- apply and test ------------------------------------------------------------------------
    def apply(self, kind: str) -> None:
        row, url = self.rows[kind], self.rows[kind].url.text()
        try:
            saved = run_as(self, self.devices.settings.rules, self.actor,
                           lambda actor, ok: self.devices.apply(kind, url, actor, ok) or True)
        except ServiceError as exc:
            row.show_result(user_message(exc), False)
            return
        if saved is None:
            row.show_result(self.tr("Not saved: the supervisor did not approve."), False)
            return
        row.show_result(self.tr("Saved. Use the test button to check it."), True)

    def test(self, kind: str) -> None:
        row = self.rows[kind]
        if kind == "scanner":
            self.listen_for_scan()
            return
        try:
            action, describe = self._test_action(kind)
        except ServiceError as exc:
            row.show_result(user_message(exc), False)
            return
        if action is None:
            row.show_result(self.tr("Not tested: the supervisor did not approve."), False)
            return
        row.show_result(self.tr("Testing…"), True)
        run_in_background(action, lambda result: row.show_result(describe(result), True),
                          lambda exc: row.show_result(_error_text(exc), False))

    def _test_action(self, kind: str):
        if kind == "printer":
            return self.devices.print_test_page, lambda _job: self.tr(
                "The test page is in the print queue; check that it came out with Chinese text and both codes.")
        if kind == "drawer":
            # opening the drawer is OPEN_DRAWER even for a test: ask now, kick in the background
            go_on, approval = approval_up_front(self, self.drawer.rules, self.actor, Permission.OPEN_DRAWER)
            if not go_on:
                return None, None
            actor = self.actor
            return (lambda: self.drawer.open("test", actor, approval)), lambda _kick: self.tr(
                "The drawer was told to open.")
        if kind == "display":
            text = self.display_text.text()
            return (lambda: self.devices.show_on_display(text, "MON POS")), lambda _none: self.tr(
                "Check that the display shows the text.")
        return self.devices.read_weight, lambda grams: self.tr("Stable weight: %1 kg").replace(
            "%1", f"{grams / 1000:.3f}")

    def listen_for_scan(self) -> None:
        row = self.rows["scanner"]
        self._stop_listening()
        self._listening = True
        self._stop_listening = self.devices.add_scan_listener(self.scan_seen.emit)
        self._scan_timer.start()
        row.show_result(self.tr("Scan a barcode now…"), True)

    def _on_scan(self, code: str) -> None:
        if not self._listening:
            return
        self._end_listening()
        self.rows["scanner"].show_result(self.tr("Scanned: %1").replace("%1", code), True)

    def _scan_timed_out(self) -> None:
        self._end_listening()
        self.rows["scanner"].show_result(self.tr(
            "No scan arrived. Check the scanner's cable and its URL, then try again."), False)

    def _end_listening(self) -> None:
        self._listening = False
        self._scan_timer.stop()
        self._stop_listening()
        self._stop_listening = lambda: None


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, ServiceError):
        return user_message(exc)
    return str(exc) or user_message(exc)
