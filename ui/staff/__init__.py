"""Back office for staff: staff accounts and badges, roles and permissions, the audit log."""
