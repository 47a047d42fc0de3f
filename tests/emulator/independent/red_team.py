"""Red-team probes of the emulator over 127.0.0.1, with raw sockets and http.client (no AWS SDK on the wire).

Usage: python3 red_team.py <endpoint_url> <repository root>
  endpoint_url     a running emulator (loopback) for the admin, signing, echo and idempotency probes
  repository root  where emulator/cli.ts is: the probes that need a process of their own (memory, restart,
                   non-loopback bind) start the CLI themselves and stop it again

Prints one JSON object: {probe id: {group, ok, detail, informational?}}; an informational probe is reported, not
asserted. Every socket has a timeout; every started CLI is stopped.
"""
import hashlib
import hmac
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timezone
from http.client import HTTPConnection
from urllib.parse import quote, urlsplit

KEY, SECRET, REGION, SERVICE = "test", "test", "us-east-1", "chime"
TIMEOUT = 10
MIB = 1024 * 1024


# ---- a SigV4 signer of our own, so signing details can be bent on purpose ------------------------------------------

def _hmac(key, text):
    return hmac.new(key, text.encode(), hashlib.sha256).digest()


def sign(method, host, path, body=b"", query="", key=KEY, secret=SECRET, payload_hash=None, extra=None):
    """Headers of a SigV4-signed request (service chime). payload_hash overrides the body's hash as declared."""
    amz_date = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    day = amz_date[:8]
    declared = payload_hash or hashlib.sha256(body).hexdigest()
    headers = {"host": host, "x-amz-date": amz_date, "x-amz-content-sha256": declared}
    if body:
        headers["content-type"] = "application/json"
    headers.update(extra or {})
    names = sorted(headers)
    canonical_headers = "".join(f"{n}:{' '.join(str(headers[n]).split())}\n" for n in names)
    pairs = sorted(tuple(p.split("=", 1)) if "=" in p else (p, "") for p in query.split("&") if p)
    canonical_query = "&".join(f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in pairs)
    canonical = "\n".join([method, quote(path, safe="/-_.~"), canonical_query, canonical_headers, ";".join(names), declared])
    scope = f"{day}/{REGION}/{SERVICE}/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    k = _hmac(("AWS4" + secret).encode(), day)
    for part in (REGION, SERVICE, "aws4_request"):
        k = _hmac(k, part)
    signature = hmac.new(k, to_sign.encode(), hashlib.sha256).hexdigest()
    headers["authorization"] = (f"AWS4-HMAC-SHA256 Credential={key}/{scope}, SignedHeaders={';'.join(names)}, "
                                f"Signature={signature}")
    return headers


class Target:
    def __init__(self, url):
        parts = urlsplit(url)
        self.url, self.host, self.port = url.rstrip("/"), parts.hostname, parts.port
        self.hostport = f"{self.host}:{self.port}"

    def raw(self, method, path, headers, body=b""):
        """(status, headers, body bytes) with exactly the headers given: no Host or Accept-Encoding added."""
        conn = HTTPConnection(self.host, self.port, timeout=TIMEOUT)
        try:
            conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            for k, v in headers.items():
                conn.putheader(k, v)
            if body or method in ("POST", "PUT"):
                conn.putheader("content-length", str(len(body)))
            conn.endheaders(body or None)
            res = conn.getresponse()
            return res.status, dict(res.getheaders()), res.read()
        finally:
            conn.close()

    def admin(self, method, path, body=None, headers=None):
        h = {"host": self.hostport}
        data = b""
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            h["content-type"] = "application/json"
        if method != "GET" and "content-type" not in h:
            h["content-type"] = "application/json"
        h.update(headers or {})
        h = {k: v for k, v in h.items() if v is not None}
        status, _, raw = self.raw(method, "/_emulator" + path, h, data)
        return status, raw

    def clock(self):
        status, raw = self.admin("GET", "/clock")
        if status != 200:
            return None
        return datetime.fromisoformat(json.loads(raw)["now"].replace("Z", "+00:00")).timestamp()

    def meetings(self):
        status, raw = self.admin("GET", "/meetings")
        return json.loads(raw) if status == 200 else None

    def api(self, method, path, body=b"", query="", **sign_options):
        full = path + ("?" + query if query else "")
        return self.raw(method, full, sign(method, self.hostport, path, body, query, **sign_options), body)


def create_body(token=None, tags=None, external="red-team"):
    body = {"ClientRequestToken": token or uuid.uuid4().hex, "MediaRegion": REGION, "ExternalMeetingId": external}
    if tags is not None:
        body["Tags"] = tags
    return json.dumps(body).encode()


# ---- probe groups --------------------------------------------------------------------------------------------------

def admin_host(t, out):
    other = t.port + 1 if t.port < 65535 else t.port - 1
    for name, host, want in [
        ("Host evil.example", "evil.example", 403),
        ("Host evil.example with the emulator's port", f"evil.example:{t.port}", 403),
        ("Host localhost with another port", f"localhost:{other}", 403),
        ("Host 127.0.0.1 without a port", "127.0.0.1", 403),
        ("Host 127.0.0.1 with the emulator's port", t.hostport, 200),
        ("Host localhost with the emulator's port", f"localhost:{t.port}", 200),
        ("Host [::1] with the emulator's port", f"[::1]:{t.port}", 200),
    ]:
        status, raw = t.admin("GET", "/meetings", headers={"host": host})
        out[f"admin GET /meetings, {name}"] = {"group": "admin-host", "ok": status == want,
                                               "detail": f"status {status}, want {want}"}
    before = t.clock()
    status, _ = t.admin("POST", "/clock/advance", {"seconds": 3600}, headers={"host": "evil.example"})
    after = t.clock()
    out["admin POST /clock/advance with Host evil.example is refused and not applied"] = {
        "group": "admin-host", "ok": status == 403 and moved(before, after) < 60,
        "detail": f"status {status}, clock moved {moved(before, after):.0f}s"}


def moved(before, after):
    return float("inf") if before is None or after is None else after - before


def admin_origin(t, out):
    status, _ = t.admin("GET", "/meetings", headers={"origin": "http://evil.example"})
    out["admin GET /meetings with an Origin header is refused"] = {"group": "admin-origin", "ok": status == 403,
                                                                  "detail": f"status {status}"}
    s, _, _ = t.api("POST", "/meetings", create_body())
    count = len(t.meetings() or [])
    status, _ = t.admin("POST", "/reset", {}, headers={"origin": "http://evil.example"})
    after = len(t.meetings() or [])
    out["admin POST /reset with an Origin header is refused and removes nothing"] = {
        "group": "admin-origin", "ok": s == 200 and status == 403 and after == count and count > 0,
        "detail": f"create {s}, reset {status}, meetings {count} -> {after}"}


def admin_content_type(t, out):
    for name, ctype in [("text/plain", "text/plain"), ("no Content-Type", None),
                        ("application/x-www-form-urlencoded", "application/x-www-form-urlencoded")]:
        before = t.clock()
        status, _ = t.admin("POST", "/clock/advance", b'{"seconds":3600}', headers={"content-type": ctype})
        after = t.clock()
        out[f"admin POST /clock/advance as {name} is refused and not applied"] = {
            "group": "admin-content-type", "ok": 400 <= status < 500 and moved(before, after) < 60,
            "detail": f"status {status}, clock moved {moved(before, after):.0f}s"}


def admin_clock_bounds(t, out):
    for name, body, want in [
        ("seconds 1e300", b'{"seconds":1e300}', 400),
        ("seconds 1e400 (Infinity once parsed)", b'{"seconds":1e400}', 400),
        ("seconds -5", b'{"seconds":-5}', 400),
        ("seconds \"NaN\" (a string)", b'{"seconds":"NaN"}', 400),
        ("seconds NaN (not JSON)", b'{"seconds":NaN}', 400),
        ("seconds missing", b"{}", 400),
        ("a JSON array", b"[60]", 400),
        ("1 MiB of JSON", b'{"seconds":1,"pad":"' + b"x" * MIB + b'"}', 413),
    ]:
        before = t.clock()
        status, _ = t.admin("POST", "/clock/advance", body)
        after = t.clock()
        out[f"admin POST /clock/advance with {name} is {want} and not applied"] = {
            "group": "admin-clock-bounds", "ok": status == want and moved(before, after) < 60 and after is not None,
            "detail": f"status {status}, clock moved {moved(before, after):.0f}s, /clock readable {after is not None}"}
    before = t.clock()
    status, _ = t.admin("POST", "/clock/advance", {"seconds": 600})
    after = t.clock()
    out["admin POST /clock/advance with seconds 600 moves the clock 600 s (control)"] = {
        "group": "admin-clock-bounds", "ok": status in (200, 204) and 590 < moved(before, after) < 660,
        "detail": f"status {status}, clock moved {moved(before, after):.0f}s"}
    status, _ = t.admin("GET", "/events")
    out["admin GET /events still answers after the refused advances"] = {
        "group": "admin-clock-bounds", "ok": status == 200, "detail": f"status {status}"}


def admin_escape(t, out):
    # docs/EMULATOR.md (Admin API): a malformed percent-escape in a path is 400, whether or not a route matches.
    for method, path in [("GET", "/%E0%A4%A"), ("GET", "/meetings/%E0%A4%A"), ("POST", "/meetings/%E0%A4%A/expire")]:
        status, raw = t.admin(method, path, {} if method == "POST" else None)
        out[f"admin {method} /_emulator{path} (malformed escape) is 400"] = {
            "group": "admin-escape", "ok": status == 400, "detail": f"status {status}: {raw[:120]!r}"}
    # A query is not a path, and the documented rule does not cover it: reported, not asserted.
    status, raw = t.admin("GET", "/events?meetingId=%E0%A4%A")
    out["admin GET /_emulator/events?meetingId=%E0%A4%A (malformed escape in the query)"] = {
        "group": "admin-escape", "ok": status == 400, "informational": True, "detail": f"status {status}: {raw[:120]!r}"}


def api_escape(t, out):
    """Signed API requests whose path holds a malformed percent-escape: a client error, never a 500."""
    for path in ("/meetings/%E0%A4%A", "/meetings/%E0%A4%A/attendees", "/%E0%A4%A"):
        status, _, raw = t.api("GET", path)
        out[f"signed GET {path} (malformed escape) is a 4xx, not a server error"] = {
            "group": "api-escape", "ok": 400 <= status < 500, "detail": f"status {status}: {raw[:120]!r}"}


def admin_reset_clock(t, out):
    t.admin("POST", "/clock/advance", {"seconds": 7200})
    advanced = t.clock()
    status, _ = t.admin("POST", "/reset", {})
    after = t.clock()
    real = time.time()
    out["admin POST /reset sets an advanced clock back to real time"] = {
        "group": "admin-reset-clock",
        "ok": advanced is not None and advanced - real > 3600 and status in (200, 204) and after is not None
        and abs(after - real) < 30,
        "detail": f"advanced by {0 if advanced is None else advanced - real:.0f}s, after reset off by "
                  f"{float('nan') if after is None else after - real:.0f}s"}


def echo_bounded(t, out):
    huge = json.dumps({"ClientRequestToken": uuid.uuid4().hex, "MediaRegion": REGION,
                       "ExternalMeetingId": "!" * MIB}).encode()
    status, _, raw = t.api("POST", "/meetings", huge)
    out["a 1 MiB invalid ExternalMeetingId is refused with a small error body"] = {
        "group": "echo-bounded", "ok": status == 400 and len(raw) < 4096 and b"ExternalMeetingId" in raw,
        "detail": f"status {status}, body {len(raw)} bytes"}
    status, _, raw = t.api("POST", "/meetings", create_body(), extra={"x-amz-meta-pad": "p" * 1000})
    out["a correctly signed CreateMeeting from this signer succeeds (control)"] = {
        "group": "signing", "ok": status == 200, "detail": f"status {status}: {raw[:120]!r}"}


def signing(t, out):
    path = f"/meetings/{uuid.uuid4()}"
    status, _, _ = t.api("GET", path)
    out["a correctly signed GetMeeting of an unknown meeting is 404 (control)"] = {
        "group": "signing", "ok": status == 404, "detail": f"status {status}"}
    headers = sign("GET", t.hostport, path)
    head, _, sig = headers["authorization"].rpartition("Signature=")
    headers["authorization"] = head + "Signature=" + sig.upper()
    status, _, raw = t.raw("GET", path, headers)
    out["an upper-case hex signature is refused with 403"] = {
        "group": "signing", "ok": status == 403, "detail": f"status {status}: {raw[:120]!r}"}
    count = len(t.meetings() or [])
    status, _, raw = t.api("POST", "/meetings", create_body(), payload_hash="UNSIGNED-PAYLOAD")
    after = len(t.meetings() or [])
    out["X-Amz-Content-SHA256: UNSIGNED-PAYLOAD with a body is refused and creates nothing"] = {
        "group": "signing", "ok": 400 <= status < 500 and after == count, "detail": f"status {status}, meetings {count} -> {after}"}
    body = create_body()
    status, _, raw = t.api("POST", "/meetings", body, payload_hash=hashlib.sha256(b"another body").hexdigest())
    out["a body whose hash differs from the signed X-Amz-Content-SHA256 is refused"] = {
        "group": "signing", "ok": status in (400, 403), "detail": f"status {status}"}


def idempotency(t, out):
    token = uuid.uuid4().hex
    a = [{"Key": "team", "Value": "rtc"}, {"Key": "env", "Value": "test"}]
    s1, _, r1 = t.api("POST", "/meetings", create_body(token, a))
    s2, _, r2 = t.api("POST", "/meetings", create_body(token, list(reversed(a))))
    m1 = json.loads(r1).get("Meeting", {}).get("MeetingId") if s1 == 200 else None
    m2 = json.loads(r2).get("Meeting", {}).get("MeetingId") if s2 == 200 else None
    out["the same ClientRequestToken with the same tags in another order returns the same meeting"] = {
        "group": "idempotency", "ok": s1 == 200 and s2 == 200 and m1 == m2 and m1 is not None,
        "detail": f"statuses {s1}, {s2}; same meeting {m1 == m2}"}
    s3, _, _ = t.api("POST", "/meetings", create_body(token, [{"Key": "team", "Value": "other"}]))
    out["the same ClientRequestToken with other tags is a 409 (control)"] = {
        "group": "idempotency", "ok": s3 == 409, "detail": f"status {s3}"}


def early_refusal(t, out):
    """Headers announcing a 5 MiB body, then silence: the refusal must come before any of the body is sent."""
    length = 5 * MIB
    cases = {
        "a wrong signature": sign("POST", t.hostport, "/meetings", secret="wrong",
                                  payload_hash=hashlib.sha256(b"x").hexdigest(), extra={"content-type": "application/json"}),
        "no signature at all": {"host": t.hostport, "content-type": "application/json"},
    }
    for name, headers in cases.items():
        headers = {k: v for k, v in headers.items() if k != "content-length"}
        head = "POST /meetings HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        head += f"content-length: {length}\r\n\r\n"
        first = b""
        start = time.monotonic()
        with socket.create_connection((t.host, t.port), timeout=5) as s:
            s.sendall(head.encode())
            try:
                first = s.recv(64)
            except socket.timeout:
                pass
        took = time.monotonic() - start
        status = first[9:12].decode(errors="replace") if first.startswith(b"HTTP/1.1 ") else ""
        out[f"{name} with a 5 MiB Content-Length is refused before the body is sent"] = {
            "group": "early-refusal", "ok": status.startswith("4") and took < 5,
            "detail": f"answer {status or 'none'} after {took:.2f}s with no body sent"}


# ---- probes with an emulator process of their own ------------------------------------------------------------------

class Cli:
    """The emulator CLI as a child process; its first stdout line names its URL."""

    def __init__(self, root, args, env=None):
        self.proc = subprocess.Popen(["node", "-r", "ts-node/register/transpile-only", os.path.join(root, "emulator/cli.ts"),
                                      *args], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env={**os.environ, **(env or {})})
        self.url = None
        self.stderr = ""
        line = []
        reader = threading.Thread(target=lambda: line.append(self.proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(90)
        if line and line[0].startswith("listening on "):
            self.url = line[0].split("listening on ", 1)[1].strip()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
        try:
            _, err = self.proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate(timeout=10)
        self.stderr += err or ""
        return self.proc.returncode

    def rss(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for row in f:
                if row.startswith("VmRSS:"):
                    return int(row.split()[1]) * 1024
        return 0


def unsigned_flood(t, n, size):
    """n concurrent unsigned POSTs, each trying to send `size` bytes of body; the peak RSS sampler runs meanwhile."""
    def one():
        try:
            with socket.create_connection((t.host, t.port), timeout=10) as s:
                s.sendall((f"POST /meetings HTTP/1.1\r\nhost: {t.hostport}\r\ncontent-type: application/json\r\n"
                           f"content-length: {size}\r\n\r\n").encode())
                chunk = b"x" * 65536
                sent = 0
                while sent < size:
                    s.sendall(chunk[: min(65536, size - sent)])
                    sent += 65536
        except OSError:
            pass  # the emulator answered and closed: what is wanted
    threads = [threading.Thread(target=one, daemon=True) for _ in range(n)]
    for th in threads:
        th.start()
    return threads


def memory_and_restart(root, out):
    data_dir = tempfile.mkdtemp(prefix="red-team-")
    cli = Cli(root, ["--port", "0", "--data-dir", data_dir, "--no-lifecycle"])
    try:
        if cli.url is None:
            out["the CLI emulator starts (memory and restart probes)"] = {"group": "early-refusal", "ok": False,
                                                                           "detail": "no listening line"}
            return
        t = Target(cli.url)
        t.api("POST", "/meetings", create_body())
        baseline = cli.rss()
        threads = unsigned_flood(t, 20, int(4.9 * MIB))
        peak = baseline
        deadline = time.monotonic() + 30
        while any(th.is_alive() for th in threads) and time.monotonic() < deadline:
            peak = max(peak, cli.rss())
            time.sleep(0.02)
        peak = max(peak, cli.rss())
        growth = (peak - baseline) / MIB
        out["20 concurrent unsigned 4.9 MiB bodies leave the emulator's RSS bounded (< 48 MiB growth)"] = {
            "group": "early-refusal", "ok": growth < 48 and not any(th.is_alive() for th in threads),
            "detail": f"RSS {baseline / MIB:.0f} MiB, peak {peak / MIB:.0f} MiB (+{growth:.0f})"}

        status, _ = t.admin("POST", "/clock/advance", b'{"seconds":1e300}')
        readable = t.clock() is not None
        cli.stop()
        again = Cli(root, ["--port", "0", "--data-dir", data_dir, "--no-lifecycle"])
        try:
            t2 = Target(again.url) if again.url else None
            now = t2.clock() if t2 else None
            meetings = t2.meetings() if t2 else None
            out["a refused clock advance of 1e300 is not journaled: the data directory restarts with a sane clock"] = {
                "group": "admin-clock-bounds",
                "ok": status == 400 and readable and now is not None and abs(now - time.time()) < 60 and meetings is not None
                and len(meetings) == 1,
                "detail": f"advance {status}, /clock readable before {readable}, restarted {again.url is not None}, clock off by "
                          f"{float('nan') if now is None else now - time.time():.0f}s, meetings {meetings and len(meetings)}"}
        finally:
            again.stop()
    finally:
        cli.stop()
        shutil.rmtree(data_dir, ignore_errors=True)


def non_loopback_bind(root, out):
    refused = Cli(root, ["--host", "0.0.0.0", "--port", "0"])
    code = refused.stop()
    out["--host 0.0.0.0 with the default credentials refuses to start, naming the way out"] = {
        "group": "bind", "ok": refused.url is None and code == 1 and "not a loopback" in refused.stderr
        and "--allow-default-credentials" in refused.stderr,
        "detail": f"exit {code}, listening {refused.url}, stderr {refused.stderr.strip()[:200]!r}"}

    own = Cli(root, ["--host", "0.0.0.0", "--port", "0", "--access-key-id", "redteamkey", "--secret-access-key", "red-team-secret"])
    try:
        ok, detail = False, "did not start"
        if own.url:
            t = Target("http://127.0.0.1:" + own.url.rsplit(":", 1)[1])
            path = f"/meetings/{uuid.uuid4()}"
            default_status, _, _ = t.api("GET", path)
            own_status, _, _ = t.api("GET", path, key="redteamkey", secret="red-team-secret")
            ok = default_status == 403 and own_status == 404
            detail = f"test/test {default_status}, own credentials {own_status}"
    finally:
        own.stop()
    out["--host 0.0.0.0 with own credentials warns on stderr and refuses test/test"] = {
        "group": "bind", "ok": ok and "not a loopback" in own.stderr, "detail": f"{detail}; stderr {own.stderr.strip()[:160]!r}"}

    allowed = Cli(root, ["--host", "0.0.0.0", "--port", "0", "--allow-default-credentials"])
    try:
        status = None
        if allowed.url:
            t = Target("http://127.0.0.1:" + allowed.url.rsplit(":", 1)[1])
            status, _, _ = t.api("GET", f"/meetings/{uuid.uuid4()}")
    finally:
        allowed.stop()
    out["--host 0.0.0.0 --allow-default-credentials serves test/test and warns that it does"] = {
        "group": "bind", "ok": status == 404 and "default credentials" in allowed.stderr,
        "detail": f"test/test {status}; stderr {allowed.stderr.strip()[:160]!r}"}


def main(url, root):
    t = Target(url)
    out = {}
    for probe in (admin_host, admin_origin, admin_content_type, admin_clock_bounds, admin_escape, api_escape, admin_reset_clock,
                  echo_bounded, signing, idempotency, early_refusal):
        try:
            probe(t, out)
        except Exception as err:  # a probe that crashes is a failed probe, reported as such
            out[f"{probe.__name__} ran to the end"] = {"group": probe.__name__.replace("_", "-"), "ok": False,
                                                       "detail": f"{type(err).__name__}: {err}"}
    t.admin("POST", "/reset", {})
    for probe, group in ((memory_and_restart, "early-refusal"), (non_loopback_bind, "bind")):
        try:
            probe(root, out)
        except Exception as err:
            out[f"{probe.__name__} ran to the end"] = {"group": group, "ok": False,
                                                       "detail": f"{type(err).__name__}: {err}"}
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2]), ensure_ascii=False))
