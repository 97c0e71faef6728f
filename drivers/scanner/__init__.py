"""Barcode scanners: keyboard-wedge timing logic (serial scanners come later)."""
from drivers.scanner.wedge import WedgeDecoder

__all__ = ["WedgeDecoder"]
