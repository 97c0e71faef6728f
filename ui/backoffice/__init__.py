"""The store back office: products, stock, purchasing, stocktakes, transfers, imports."""
