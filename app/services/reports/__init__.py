"""Store reports: period figures, report tables, exports and the daily summary."""
from app.services.reports.figures import Dashboard, Names, PeriodFigures
from app.services.reports.measures import Measures, Period, ReportFilter
from app.services.reports.service import ReportService
from app.services.reports.tables import TABLES, ReportTable

__all__ = ["Dashboard", "Measures", "Names", "Period", "PeriodFigures", "ReportFilter",
           "ReportService", "ReportTable", "TABLES"]
