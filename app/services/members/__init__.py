"""Members (会员) and salespeople (导购): lookup, levels, points, stored value, coupons,
exclusive bindings, commission and performance.

Tender-facing pieces (points, stored value, coupons) live in tenders.MemberTenders and
write their ledger rows in the caller's transaction, so checkout completes a sale,
its member movements and their outbox events in one commit.
"""
