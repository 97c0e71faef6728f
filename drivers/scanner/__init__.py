"""Barcode scanners: keyboard-wedge timing logic and serial scanners."""
from drivers.scanner.serial_scanner import ScannerSet, SerialFrameDecoder, SerialScanner, open_scanner
from drivers.scanner.wedge import WedgeDecoder

__all__ = ["ScannerSet", "SerialFrameDecoder", "SerialScanner", "WedgeDecoder", "open_scanner"]
