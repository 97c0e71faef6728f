"""What is plugged in: serial ports and USB printers, for the settings screen."""
from __future__ import annotations

from dataclasses import dataclass

USB_PRINTER_CLASS = 7


@dataclass(frozen=True)
class Detected:
    url_path: str  # what goes into a URL: /dev/ttyUSB0, COM4, 04b8:0202
    description: str


def serial_ports() -> list[Detected]:
    try:
        from serial.tools import list_ports

        ports = list_ports.comports()
    except Exception:  # a broken udev database must not break the settings screen
        return []
    return [Detected(port.device, port.description or port.device) for port in sorted(ports, key=lambda p: p.device)]


def usb_printers() -> list[Detected] | None:
    """USB devices with a printer interface; None when pyusb (or libusb) is missing."""
    try:
        import usb.core
    except ImportError:
        return None
    try:
        devices = list(usb.core.find(find_all=True) or [])
    except Exception:  # no libusb backend
        return None
    found = []
    for device in devices:
        if _is_printer(device):
            ids = f"{device.idVendor:04x}:{device.idProduct:04x}"
            found.append(Detected(ids, _name(device) or ids))
    return found


def _is_printer(device) -> bool:
    if device.bDeviceClass == USB_PRINTER_CLASS:
        return True
    try:
        return any(interface.bInterfaceClass == USB_PRINTER_CLASS for cfg in device for interface in cfg)
    except Exception:
        return False


def _name(device) -> str:
    try:
        return " ".join(part for part in (device.manufacturer, device.product) if part)
    except Exception:  # reading strings needs permissions many tills do not have
        return ""
