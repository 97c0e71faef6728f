"""Helpers shared by tests (decoders, fakes); imported, never collected."""
