"""Store back office: catalog editing, the stock ledger, purchasing, stocktakes,
transfers, imports/exports and reports. Every stock change writes its ledger
movements and an outbox event in one transaction."""
