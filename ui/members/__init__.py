"""Member and salesperson screens: lookup, registration, profile, top-up, salesperson
chooser, performance report and commission rules. They talk to
app.services.members.wiring.MemberServices only."""
