"""Push the outbox up and pull the change log down, over HTTP with `requests`.

Every request has an explicit (connect, read) timeout, and a urllib3 Retry on
the session retries dropped connections and 429/502/503/504 quickly, POST
included: pushing is idempotent because the cloud stores each event once by
its id. Longer outages are the worker's business (capped backoff, forever).
"""
from __future__ import annotations

import json
import logging
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from sqlalchemy import select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker
from urllib3.util.retry import Retry

from app.db.models import OutboxEvent
from app.domain.clock import Clock, SystemClock
from app.sync.apply import apply_changes
from app.sync.models import SyncCursor, SyncQuarantine

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = (3.05, 30.0)  # (connect, read) seconds
PUSH_BATCH = 500                # the cloud's limit per request
PULL_PAGE = 2000
MAX_PAGES_PER_PULL = 10_000     # bounds one pull_once even against a misbehaving server
CURSOR = "changes"


class SyncError(Exception):
    """The cloud could not be reached or refused a request; the worker retries later."""


class NotEnrolled(SyncError):
    """The device token is unknown or revoked (HTTP 401): the till must enrol again."""


def make_retry(total: int = 3) -> Retry:
    return Retry(total=total, connect=total, read=total, status=total, backoff_factor=0.2,
                 backoff_max=2.0, status_forcelist=(429, 502, 503, 504),
                 allowed_methods=frozenset({"GET", "POST", "PUT"}),
                 respect_retry_after_header=True, raise_on_status=False)


def make_http_session(retry: Retry | None = None) -> requests.Session:
    http = requests.Session()
    adapter = HTTPAdapter(max_retries=retry or make_retry())
    http.mount("http://", adapter)
    http.mount("https://", adapter)
    return http


@dataclass
class PushResult:
    accepted: int = 0
    duplicate: int = 0
    rejected: int = 0
    batches: int = 0

    @property
    def sent(self) -> int:
        return self.accepted + self.duplicate + self.rejected


@dataclass
class PullResult:
    applied: int = 0
    pages: int = 0
    snapshot: bool = False
    version: int = 0
    caught_up: bool = False  # False when max_pages ran out first
    head: int | None = None  # the cloud's latest version, as the last change page said


@dataclass
class _Batch:
    events: list[OutboxEvent]
    body: dict[str, Any]
    corrupt: dict[str, str] = field(default_factory=dict)  # event id -> reason


class SyncClient:
    def __init__(self, sessions: sessionmaker[Session], base_url: str, token: str,
                 store_code: str, terminal_code: str, clock: Clock | None = None,
                 http: requests.Session | None = None,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 batch_size: int = PUSH_BATCH, page_size: int = PULL_PAGE) -> None:
        self._sessions = sessions
        self._base = base_url.rstrip("/") + "/api/v1"
        self._store = store_code
        self._terminal = terminal_code
        self._clock = clock or SystemClock()
        self._http = http or make_http_session()
        self._http.headers["Authorization"] = f"Bearer {token}"
        self._timeout = timeout
        self._batch_size = batch_size
        self._page_size = page_size

    def close(self) -> None:
        self._http.close()

    # --- up ----------------------------------------------------------------
    def push_once(self, max_batches: int = 1000) -> PushResult:
        """Send unsent outbox events in seq order, batch by batch, until none are left."""
        result = PushResult()
        for _ in range(max_batches):
            batch = self._next_batch()
            if batch is None:
                break
            answers = self._post_batch(batch) if batch.body["events"] else []
            settled = self._record_answers(batch, answers, result)
            result.batches += 1
            if not settled:
                # The same events would come round again at once: stop instead of
                # hammering the cloud, and let the worker retry after its backoff.
                error = (f"the cloud gave no definite answer for any of "
                         f"{len(batch.events)} events; they stay queued")
                self._note_failure(batch, error)
                raise SyncError(error)
        return result

    def _next_batch(self) -> _Batch | None:
        with self._sessions() as session:
            events = session.scalars(select(OutboxEvent).where(OutboxEvent.sent_at.is_(None))
                                     .order_by(OutboxEvent.seq).limit(self._batch_size)).all()
        if not events:
            return None
        batch = _Batch(events, {"events": []})
        for event in events:
            try:
                payload = json.loads(event.payload)
            except ValueError as exc:  # a damaged row must not block the queue
                batch.corrupt[event.id] = f"corrupt payload on the till: {exc}"
                continue
            batch.body["events"].append(self._wire(event, payload))
        return batch

    def _wire(self, event: OutboxEvent, payload: Any) -> dict[str, Any]:
        return {"id": event.id, "seq": event.seq, "kind": event.kind,
                "schema_version": event.schema_version, "store": self._store,
                "terminal": self._terminal, "created_at": event.created_at.isoformat(),
                "payload": payload}

    def _post_batch(self, batch: _Batch) -> list[dict[str, Any]]:
        try:
            answer = self._request("POST", "/events", json=batch.body)
        except SyncError as exc:
            self._note_failure(batch, str(exc))
            raise
        problem = _batch_answer_problem(answer, len(batch.body["events"]))
        if problem:
            error = (f"the cloud's answer to a batch of {len(batch.body['events'])} events "
                     f"could not be read ({problem}); the events stay queued and go again")
            self._note_failure(batch, error)
            raise SyncError(error)
        return answer["results"]

    def _record_answers(self, batch: _Batch, answers: list[dict[str, Any]],
                        result: PushResult) -> bool:
        """Mark answered events sent; rejected ones are also quarantined locally.
        Returns whether any event of the batch got settled."""
        now = self._clock.now()
        rejected = dict(batch.corrupt)
        sent: list[int] = []
        by_id = {e.id: e for e in batch.events}
        for wire, answer in zip(batch.body["events"], answers):
            status = answer.get("status")
            if answer.get("id") != wire["id"] or status not in ("accepted", "duplicate", "rejected"):
                continue  # not a definite answer: stays queued
            if status == "rejected":
                rejected[wire["id"]] = str(answer.get("reason", "rejected"))[:500]
            else:
                sent.append(by_id[wire["id"]].seq)
                setattr(result, status, getattr(result, status) + 1)
        result.rejected += len(rejected)
        with self._sessions.begin() as session:
            if sent:
                session.execute(update(OutboxEvent).where(OutboxEvent.seq.in_(sent))
                                .values(sent_at=now, last_error=""))
            for event_id, reason in rejected.items():
                self._quarantine(session, by_id[event_id], reason, now)
        return bool(sent or rejected)

    @staticmethod
    def _quarantine(session: Session, event: OutboxEvent, reason: str, now: datetime) -> None:
        session.execute(update(OutboxEvent).where(OutboxEvent.seq == event.seq)
                        .values(sent_at=now, last_error=f"rejected: {reason}"[:500]))
        session.execute(sqlite_insert(SyncQuarantine).values(
            event_id=event.id, seq=event.seq, kind=event.kind, reason=reason, rejected_at=now,
        ).on_conflict_do_nothing(index_elements=["event_id"]))
        log.warning("cloud rejected event %s (%s): %s", event.id, event.kind, reason)

    def _note_failure(self, batch: _Batch, error: str) -> None:
        seqs = [e.seq for e in batch.events]
        with self._sessions.begin() as session:
            session.execute(update(OutboxEvent).where(OutboxEvent.seq.in_(seqs))
                            .values(attempts=OutboxEvent.attempts + 1, last_error=error[:500]))

    # --- down --------------------------------------------------------------
    def pull_once(self, max_pages: int = MAX_PAGES_PER_PULL) -> PullResult:
        """Apply pages of changes (or a full snapshot) until caught up.

        Each page and the cursor move in one terminal transaction, so a crash
        between pages resumes exactly where it stopped. The next page is
        fetched while this one is applied: network and cloud time overlap the
        till's own work, which halves a first catalog download.
        """
        result = PullResult()
        with ThreadPoolExecutor(1, thread_name_prefix="mon-sync-prefetch") as pool:
            prefetched: tuple[tuple, Future] | None = None
            for _ in range(max_pages):
                cursor = self._cursor()
                request = self._page_request(cursor)
                if prefetched is not None and prefetched[0] == request:
                    page = prefetched[1].result()
                else:
                    page = self._fetch(request)
                prefetched = None
                result.pages += 1
                if page.get("snapshot"):
                    result.snapshot = True
                    self._save_cursor(version=cursor.version,
                                      snapshot_version=int(page["version"]), snapshot_after="")
                    continue
                if isinstance(page.get("head"), int):
                    result.head = page["head"]
                moved = self._moved_cursor(cursor, page)
                if page.get("has_more"):
                    upcoming = self._page_request(SyncCursor(**moved))
                    prefetched = (upcoming, pool.submit(self._fetch, upcoming))
                self._apply(page["changes"], moved, result)
                if cursor.snapshot_version is None and not page.get("has_more"):
                    result.caught_up = True
                    break
        result.version = self._cursor().version
        return result

    def _page_request(self, cursor: SyncCursor) -> tuple:
        if cursor.snapshot_version is not None:
            return ("/snapshot", (("after", cursor.snapshot_after), ("limit", self._page_size)))
        return ("/changes", (("since", cursor.version), ("limit", self._page_size)))

    def _fetch(self, request: tuple) -> dict[str, Any]:
        path, params = request
        page = self._request("GET", path, params=dict(params))
        problem = _page_problem(page, path)
        if problem:
            raise SyncError(f"the cloud sent a {path.strip('/')} page the till cannot read "
                            f"({problem}); the cursor stays where it was")
        return page

    @staticmethod
    def _moved_cursor(cursor: SyncCursor, page: dict[str, Any]) -> dict[str, Any]:
        """Where the cursor stands once this page is applied."""
        if cursor.snapshot_version is None:
            return dict(version=int(page["next"]), snapshot_version=None, snapshot_after="")
        if page.get("has_more"):
            return dict(version=cursor.version, snapshot_version=cursor.snapshot_version,
                        snapshot_after=page["after"])
        # Reload done: carry on with the changes made since the snapshot began.
        return dict(version=cursor.snapshot_version, snapshot_version=None, snapshot_after="")

    def _apply(self, changes: list[dict[str, Any]], cursor: dict[str, Any],
               result: PullResult) -> None:
        now = self._clock.now()
        with self._sessions.begin() as session:
            result.applied += apply_changes(session.connection(), changes, now)
            self._write_cursor(session, cursor, now)

    def _cursor(self) -> SyncCursor:
        with self._sessions() as session:
            cursor = session.get(SyncCursor, CURSOR)
            return cursor or SyncCursor(name=CURSOR, version=0, snapshot_version=None,
                                        snapshot_after="")

    def _save_cursor(self, **values: Any) -> None:
        with self._sessions.begin() as session:
            self._write_cursor(session, values, self._clock.now())

    @staticmethod
    def _write_cursor(session: Session, values: dict[str, Any], now: datetime) -> None:
        session.execute(sqlite_insert(SyncCursor).values(name=CURSOR, updated_at=now, **values)
                        .on_conflict_do_update(index_elements=["name"],
                                               set_=dict(updated_at=now, **values)))

    # --- transport ---------------------------------------------------------
    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self._http.request(method, self._base + path, timeout=self._timeout,
                                          **kwargs)
        except (requests.exceptions.ChunkedEncodingError,
                requests.exceptions.ContentDecodingError) as exc:
            raise SyncError(f"the cloud's reply to {method} {path} was cut off or garbled: "
                            f"{exc.__class__.__name__}") from exc
        except requests.RequestException as exc:
            raise SyncError(f"cloud unreachable: {exc.__class__.__name__}: {exc}") from exc
        if response.status_code == 401:
            raise NotEnrolled("the cloud refused this till's token: enrol it again")
        if response.status_code >= 400:
            raise SyncError(f"cloud answered {response.status_code} to {method} {path}: "
                            f"{response.text[:200]}")
        try:
            return response.json()
        except ValueError as exc:
            kind = response.headers.get("content-type", "no content type")
            raise SyncError(f"cloud answered {method} {path} with something not JSON "
                            f"({kind}, {len(response.content)} bytes: "
                            f"{response.text[:60]!r})") from exc


def _batch_answer_problem(answer: Any, sent: int) -> str:
    """Why an answer to a pushed batch cannot be used, or '' when it can."""
    if not isinstance(answer, dict):
        return f"a JSON {type(answer).__name__} instead of an object"
    results = answer.get("results")
    if not isinstance(results, list):
        return "no list of results"
    if len(results) != sent:
        return f"{len(results)} results for {sent} events"
    if not all(isinstance(item, dict) for item in results):
        return "a result that is not an object"
    return ""


def _page_problem(page: Any, path: str) -> str:
    """Why a change or snapshot page cannot be applied, or '' when it can."""
    if not isinstance(page, dict):
        return f"a JSON {type(page).__name__} instead of an object"
    if page.get("snapshot"):
        return "" if isinstance(page.get("version"), int) else "a snapshot without a version"
    if not isinstance(page.get("changes"), list):
        return "no list of changes"
    if not all(isinstance(c, dict) for c in page["changes"]):
        return "a change that is not an object"
    if path == "/changes" and not isinstance(page.get("next"), int):
        return "no version to move the cursor to"
    if path == "/snapshot" and page.get("has_more") and not isinstance(page.get("after"), str):
        return "no key to continue the snapshot after"
    return ""
