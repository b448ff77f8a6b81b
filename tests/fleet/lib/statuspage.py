#!/usr/bin/env python3
"""statuspage.py — a fake status page speaking the DESIGN §3.4 API subsets.

Atlassian Statuspage v1 (header `Authorization: OAuth <token>`):
  POST  /v1/pages/{page}/incidents            201, the incident object
  PATCH /v1/pages/{page}/incidents/{id}       200 (status/body add an incident_update)
  GET   /v1/pages/{page} (the page: what a client reads to check its token and page id),
  GET   /v1/pages/{page}/incidents[/unresolved|/{id}], GET .../components
  https://developer.statuspage.io/#tag/incidents
Cachet 2.x (header `X-Cachet-Token: <token>`), answers wrapped in {"data": ...}:
  POST /api/v1/incidents, PUT /api/v1/incidents/{id}, POST /api/v1/incidents/{id}/updates,
  PUT /api/v1/components/{id}, GET /api/v1/incidents[/{id}[/updates]], GET /api/v1/ping (no auth)
  https://docs.cachethq.io/reference (2.x API)
Cachet 3.x (header `Authorization: Bearer <token>`; cachethq/core routes/api.php),
answers are JSON:API resources {"data":{"id":"1","type":"incidents","attributes":{...}}}:
  GET/POST /api/incidents, GET/PUT /api/incidents/{id},
  GET/POST /api/incidents/{id}/updates, GET /api/components[/{id}],
  PUT /api/components/{id}, GET /api/ping (no auth).  Statuses are integers
  (IncidentStatusEnum 1-4, ComponentStatusEnum 1-5); an incident shows its
  latest update's status (Models/Incident::latestStatus); bad input → 422
  {"message","errors"}.  Real Cachet 3 serves the GETs without a token; this
  page wants the token there too, so a client sending the wrong header fails.
Each API accepts only its own header: wrong or missing credentials → 401.
Every request, on either port, is
appended to requests.jsonl as {"ts","port","method","path","query","headers",
"auth","body","status","fault"}; auth headers are recorded as their scheme
plus <match>/<mismatch>, never the value.  The file `fault` in the state
directory switches every answer: 500 | hang | hang-after (the request is
applied, then its answer held while the fault is set: a lost answer; a
held request is noted in held.jsonl as {"ts","method","fault"} when its
hold begins) |
redirect (307 to the second, "trap" port, which records what follows it) |
ratelimit (429, Retry-After: 1) | 200-error (every request but a GET
answered 200 with an "error" body and nothing applied).
"""

import argparse
import hashlib
import json
import os
import signal
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fleetstate as fs  # noqa: E402

INC_STATUS = {"investigating", "identified", "monitoring", "resolved", "scheduled", "in_progress", "verifying", "completed"}
CMP_STATUS = {"operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"}
CACHET_INC = {1: "Investigating", 2: "Identified", 3: "Watching", 4: "Fixed"}
CACHET_CMP = {1: "Operational", 2: "Performance Issues", 3: "Partial Outage", 4: "Major Outage"}
CACHET3_CMP = {**CACHET_CMP, 5: "Unknown"}
AUTH_HEADERS = ("authorization", "x-cachet-token", "proxy-authorization", "cookie")


def api_of(path):
    """Which API a path belongs to, and the credential header it wants."""
    if path.startswith("/v1/pages/"):
        return "atlassian", "authorization", "OAuth "
    if path.startswith("/api/v1/"):
        return "cachet", "x-cachet-token", ""
    if path.startswith("/api/"):
        return "cachet3", "authorization", "Bearer "
    return None, None, None


class Page:
    def __init__(self, a):
        self.dir, self.page, self.redirect_port = a.dir, a.page, a.redirect_port
        with open(a.token_file) as f:
            self.token = f.read().strip()
        self.lock = threading.Lock()
        self.path = os.path.join(self.dir, "state.json")
        try:
            with open(self.path) as f:
                self.db = json.load(f)
        except (OSError, ValueError):
            now = fs.iso_ms()
            self.db = {"seq": 0, "incidents": {}, "cachet_incidents": {}, "cachet_updates": [],
                       "components": {"cmpapi000001": {"id": "cmpapi000001", "name": "API", "status": "operational"},
                                      "cmpexport001": {"id": "cmpexport001", "name": "Exports", "status": "operational"}},
                       "cachet_components": {"1": {"id": 1, "name": "API", "status": 1, "created_at": now},
                                             "2": {"id": 2, "name": "Exports", "status": 1, "created_at": now}}}
        # Cachet 3 keeps its own tables (a state.json from before it had none).
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
        self.db.setdefault("cachet3_incidents", {})
        self.db.setdefault("cachet3_updates", [])
        self.db.setdefault("cachet3_components", {
            "1": {"id": 1, "name": "API", "status": 1, "order": 0, "created_at": stamp, "updated_at": stamp},
            "2": {"id": 2, "name": "Exports", "status": 1, "order": 1, "created_at": stamp, "updated_at": stamp}})

    def save(self):
        tmp = self.path + ".tmp"
        with open(tmp, "w") as f:
            json.dump(self.db, f, indent=1)
        os.replace(tmp, self.path)

    def new_id(self):
        self.db["seq"] += 1
        h = hashlib.sha256(b"fleet-incident-%d" % self.db["seq"]).digest()
        return "".join("abcdefghijklmnopqrstuvwxyz0123456789"[b % 36] for b in h[:12])

    def record(self, rec):
        with self.lock, open(os.path.join(self.dir, "requests.jsonl"), "a") as f:
            f.write(json.dumps(rec, separators=(",", ":")) + "\n")

    def held(self, method, fault):
        """A request a fault holds, noted as its hold begins: requests.jsonl
        has it only once answered, and a test killing the client wants to
        know it arrived."""
        rec = {"ts": fs.iso_ms(), "method": method, "fault": fault}
        with self.lock, open(os.path.join(self.dir, "held.jsonl"), "a") as f:
            f.write(json.dumps(rec, separators=(",", ":")) + "\n")

    def fault(self):
        try:
            with open(os.path.join(self.dir, "fault")) as f:
                return f.read().strip() or None
        except OSError:
            return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fleet-statuspage/1.0"
    trap = False

    def log_message(self, fmt, *args):
        pass

    def do_GET(self):
        self.handle_any()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_GET

    def reply(self, code, obj, extra=()):
        body = (json.dumps(obj) + "\n").encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)
        return code

    def handle_any(self):
        p = self.page
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        u = urlsplit(self.path)
        _, want_hdr, want_scheme = api_of(u.path)
        headers, auth = {}, "missing"
        for k, v in self.headers.items():
            lk = k.lower()
            if lk in AUTH_HEADERS:
                scheme = v.split(" ", 1)[0] + " " if lk.endswith("authorization") and " " in v else ""
                ok = v == scheme + p.token and (lk, scheme) == (want_hdr, want_scheme)
                v = scheme + ("<match>" if v == scheme + p.token else "<mismatch>")
                if lk in ("authorization", "x-cachet-token"):
                    # Only the header this API reads counts; another API's is wrong here.
                    auth = "ok" if ok else ("bad" if auth != "ok" else auth)
            headers[k] = v
        fault = None if self.trap else p.fault()
        shown = u.path.replace(p.token, "<token>") if p.token else u.path
        rec = {"ts": fs.iso_ms(), "port": self.server.server_address[1], "trap": self.trap,
               "method": self.command, "path": shown, "query": u.query, "headers": headers,
               "auth": auth, "body": body, "fault": fault}
        try:
            rec["status"] = self.dispatch(u.path, body, auth, fault)
        finally:
            if "status" not in rec:
                rec["status"] = None
            p.record(rec)

    def dispatch(self, path, body, auth, fault):
        p = self.page
        if self.trap:
            return self.reply(200, {"trap": True, "note": "a client followed a redirect here"})
        if fault == "500":
            return self.reply(500, {"error": "internal server error (fleet fault)"})
        if fault == "hang":
            p.held(self.command, fault)
            end = time.time() + 600
            while p.fault() == "hang" and time.time() < end:
                time.sleep(0.1)
            return self.reply(503, {"error": "hang fault cleared"})
        if fault == "redirect":
            return self.reply(307, {"error": "moved"}, [("Location", "http://127.0.0.1:%d%s" % (p.redirect_port, self.path))])
        if fault == "ratelimit":
            return self.reply(429, {"error": "rate limited"}, [("Retry-After", "1")])
        if fault == "200-error" and self.command != "GET":
            # A page that saves nothing yet answers 200, its reason in the body.
            return self.reply(200, {"error": "Page is locked for maintenance; nothing was saved (fleet fault)"})
        if path == "/api/v1/ping":
            return self.reply(200, {"data": "Pong!"})
        if path == "/api/ping":
            return self.reply(200, {"data": "Pong!"})
        if path.startswith("/services/"):
            return self.chat_hook(path, body)
        api = api_of(path)[0]
        if api is None:
            return self.reply(404, {"error": "not found"})
        if auth != "ok":
            if api == "cachet3":
                return self.reply(401, {"message": "Unauthenticated."})
            return self.reply(401, {"error": "Could not authenticate"})
        with p.lock:
            if api == "atlassian":
                code, obj = self.atlassian(path.split("/")[3:], body)
            elif api == "cachet":
                code, obj = self.cachet(path.split("/")[3:], body)
            else:
                code, obj = self.cachet3([x for x in path.split("/")[2:] if x], body)
            if self.command != "GET" and code < 300:
                p.save()
        if fault == "hang-after":
            # Applied and saved: only the answer is lost (the client cannot know).
            p.held(self.command, fault)
            end = time.time() + 600
            while p.fault() == "hang-after" and time.time() < end:
                time.sleep(0.1)
        return self.reply(code, obj)

    # -- Slack-style incoming webhook: the path is the credential ----------
    def chat_hook(self, path, body):
        if path != "/services/T0FLEET/B0FLEET/" + self.page.token:
            return self.reply_text(404, "no_service")
        if self.command != "POST":
            return self.reply_text(405, "invalid_method")
        if not isinstance(body, dict) or not isinstance(body.get("text"), str) or not body["text"]:
            return self.reply_text(400, "invalid_payload")
        return self.reply_text(200, "ok")

    def reply_text(self, code, text):
        data = text.encode()
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        return code

    # -- Atlassian Statuspage v1 -------------------------------------------
    def atlassian(self, parts, body):
        p, db, now = self.page, self.page.db, fs.iso_ms()
        if not parts or parts[0] != p.page:
            return 404, {"error": "Page not found"}
        rest, m = parts[1:], self.command
        if not rest and m == "GET":
            return 200, {"id": p.page, "name": "Fleet", "subdomain": "fleet", "url": "", "time_zone": "Etc/UTC",
                         "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}
        if rest == ["components"] and m == "GET":
            return 200, list(db["components"].values())
        if rest[:1] != ["incidents"]:
            return 404, {"error": "not found"}
        if m == "GET" and len(rest) == 1:
            return 200, sorted(db["incidents"].values(), key=lambda i: i["created_at"], reverse=True)
        if m == "GET" and rest[1:] == ["unresolved"]:
            return 200, [i for i in sorted(db["incidents"].values(), key=lambda i: i["created_at"], reverse=True)
                         if i["status"] not in ("resolved", "postmortem", "completed")]
        if m == "GET" and len(rest) == 2:
            i = db["incidents"].get(rest[1])
            return (200, i) if i else (404, {"error": "Incident not found"})
        if not isinstance(body, dict) or not isinstance(body.get("incident"), dict):
            return 400, {"error": "incident is missing"}
        inc = body["incident"]
        err = self.validate(inc)
        if err:
            return 422, {"error": err}
        if m == "POST" and len(rest) == 1:
            iid = p.new_id()
            obj = {"id": iid, "page_id": p.page, "name": inc.get("name", ""), "status": inc.get("status", "investigating"),
                   "impact": inc.get("impact_override", "none"), "impact_override": inc.get("impact_override"),
                   "created_at": now, "updated_at": now, "started_at": now, "monitoring_at": None, "resolved_at": None,
                   "shortlink": "https://stspg.io/%s" % iid[:5], "metadata": inc.get("metadata", {}),
                   "components": [], "incident_updates": []}
            if not obj["name"]:
                return 422, {"error": ["Name can't be blank"]}
            self.apply(obj, inc, now)
            db["incidents"][iid] = obj
            return 201, obj
        if m == "PATCH" and len(rest) == 2:
            obj = db["incidents"].get(rest[1])
            if obj is None:
                return 404, {"error": "Incident not found"}
            for k in ("name", "impact_override", "metadata"):
                if k in inc:
                    obj[k] = inc[k]
            self.apply(obj, inc, now)
            return 200, obj
        return 405, {"error": "method not allowed"}

    def validate(self, inc):
        if "status" in inc and inc["status"] not in INC_STATUS:
            return ["Status is not included in the list"]
        for cid, st in (inc.get("components") or {}).items():
            if st not in CMP_STATUS:
                return ["Component status %s is invalid" % st]
            if cid not in self.page.db["components"]:
                return ["Component %s not found" % cid]
        return None

    def apply(self, obj, inc, now):
        db = self.page.db
        for cid, st in (inc.get("components") or {}).items():
            db["components"][cid]["status"] = st
        ids = set(inc.get("component_ids") or []) | set(inc.get("components") or {})
        if ids:
            obj["components"] = [dict(db["components"][c], updated_at=now) for c in sorted(ids) if c in db["components"]]
        if "status" in inc or "body" in inc:
            obj["status"] = inc.get("status", obj["status"])
            obj["incident_updates"].insert(0, {
                "id": self.page.new_id(), "incident_id": obj["id"], "status": obj["status"], "body": inc.get("body", ""),
                "created_at": now, "updated_at": now, "display_at": now,
                "affected_components": [{"code": c["id"], "name": c["name"], "new_status": c["status"]} for c in obj["components"]]})
        if obj["status"] == "monitoring" and not obj["monitoring_at"]:
            obj["monitoring_at"] = now
        if obj["status"] == "resolved" and not obj["resolved_at"]:
            obj["resolved_at"] = now
        obj["updated_at"] = now

    # -- Cachet 2.x --------------------------------------------------------
    def cachet(self, parts, body):
        db, now, m = self.page.db, time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()), self.command
        body = body if isinstance(body, dict) else {}
        if parts == ["incidents"] and m == "GET":
            return 200, {"meta": {"pagination": {"total": len(db["cachet_incidents"])}}, "data": list(db["cachet_incidents"].values())}
        if parts == ["incidents"] and m == "POST":
            if not body.get("name") or not body.get("message") or int(body.get("status", 0)) not in CACHET_INC:
                return 400, {"errors": [{"status": 400, "title": "Bad Request", "detail": "The request is invalid."}]}
            iid = len(db["cachet_incidents"]) + 1
            obj = {"id": iid, "component_id": int(body.get("component_id", 0)), "name": body["name"],
                   "status": int(body["status"]), "human_status": CACHET_INC[int(body["status"])],
                   "visible": int(body.get("visible", 1)), "message": body["message"], "scheduled_at": now,
                   "created_at": now, "updated_at": now, "deleted_at": None}
            db["cachet_incidents"][str(iid)] = obj
            self.cachet_component(body, now)
            return 200, {"data": obj}
        if len(parts) >= 2 and parts[0] == "incidents":
            obj = db["cachet_incidents"].get(parts[1])
            if obj is None:
                return 404, {"errors": [{"status": 404, "title": "Not Found", "detail": "The requested resource could not be found but may be available again in the future."}]}
            if len(parts) == 2 and m == "GET":
                return 200, {"data": obj}
            if parts[2:] == ["updates"] and m == "GET":
                ups = [u for u in db["cachet_updates"] if u["incident_id"] == obj["id"]]
                return 200, {"meta": {"pagination": {"total": len(ups)}}, "data": ups}
            if len(parts) == 2 and m == "PUT":
                for k in ("name", "message", "visible", "component_id"):
                    if k in body:
                        obj[k] = body[k]
                if "status" in body:
                    if int(body["status"]) not in CACHET_INC:
                        return 400, {"errors": [{"status": 400, "title": "Bad Request", "detail": "The request is invalid."}]}
                    obj["status"] = int(body["status"])
                    obj["human_status"] = CACHET_INC[obj["status"]]
                obj["updated_at"] = now
                self.cachet_component(body, now)
                return 200, {"data": obj}
            if parts[2:] == ["updates"] and m == "POST":
                if int(body.get("status", 0)) not in CACHET_INC or not body.get("message"):
                    return 400, {"errors": [{"status": 400, "title": "Bad Request", "detail": "The request is invalid."}]}
                up = {"id": len(db["cachet_updates"]) + 1, "incident_id": obj["id"], "status": int(body["status"]),
                      "message": body["message"], "user_id": 1, "created_at": now, "updated_at": now,
                      "human_status": CACHET_INC[int(body["status"])],
                      "permalink": "http://127.0.0.1/incidents/%d#update-%d" % (obj["id"], len(db["cachet_updates"]) + 1)}
                db["cachet_updates"].append(up)
                obj["status"], obj["human_status"], obj["updated_at"] = up["status"], up["human_status"], now
                return 200, {"data": up}
        if len(parts) == 2 and parts[0] == "components" and m == "PUT":
            c = db["cachet_components"].get(parts[1])
            if c is None:
                return 404, {"errors": [{"status": 404, "title": "Not Found", "detail": "Component not found"}]}
            if int(body.get("status", 0)) not in CACHET_CMP:
                return 400, {"errors": [{"status": 400, "title": "Bad Request", "detail": "The request is invalid."}]}
            c.update(status=int(body["status"]), status_name=CACHET_CMP[int(body["status"])], updated_at=now)
            return 200, {"data": c}
        return 404, {"errors": [{"status": 404, "title": "Not Found"}]}

    # -- Cachet 3.x (cachethq/core) -----------------------------------------
    def cachet3(self, parts, body):
        db, m = self.page.db, self.command
        now = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
        q = parse_qs(urlsplit(self.path).query)
        if m != "GET" and not isinstance(body, dict):
            return invalid("message", "The request body must be a JSON object.")
        if parts == ["incidents"] and m == "GET":
            incs = [self.c3_incident(i) for i in sorted(db["cachet3_incidents"].values(),
                                                         key=lambda i: (i["created_at"], i["id"]), reverse=True)]
            name = (q.get("filter[name]") or [None])[0]
            if name is not None:
                incs = [i for i in incs if name.lower() in i["attributes"]["name"].lower()]
            return page_of(incs, q, "/api/incidents")
        if parts == ["incidents"] and m == "POST":
            err = (need_str(body, "name", 255) or need_status(body, "status", CACHET_INC, True) or
                   need_str(body, "message") or need_bool(body, "visible"))
            comps = body.get("components")
            if not err and comps is not None:
                ok = isinstance(comps, list) and all(isinstance(c, dict) and str(c.get("id")) in db["cachet3_components"]
                                                     and c.get("status") in CACHET3_CMP for c in comps)
                err = None if ok else invalid("components", "The selected components is invalid.")
            if err:
                return err
            iid = len(db["cachet3_incidents"]) + 1
            obj = {"id": iid, "guid": str(uuid.uuid4()), "name": body["name"], "message": body["message"],
                   "status": body["status"], "visible": int(body.get("visible", False)),
                   "stickied": bool(body.get("stickied", False)), "notifications": bool(body.get("notifications", False)),
                   "occurred_at": body.get("occurred_at"), "created_at": now, "updated_at": now,
                   "components": [{"id": c["id"], "component_status": c["status"]} for c in comps or []]}
            db["cachet3_incidents"][str(iid)] = obj
            return 201, {"data": self.c3_incident(obj), "jsonapi": {"version": "1.0"}}
        if len(parts) >= 2 and parts[0] == "incidents":
            obj = db["cachet3_incidents"].get(parts[1])
            if obj is None:
                return 404, {"message": "Not Found"}
            if len(parts) == 2 and m == "GET":
                return 200, {"data": self.c3_incident(obj), "jsonapi": {"version": "1.0"}}
            if len(parts) == 2 and m == "PUT":
                err = (need_str(body, "name", 255, False) or need_str(body, "message", None, False) or
                       need_status(body, "status", CACHET_INC, False) or need_bool(body, "visible"))
                if err:
                    return err
                for k in ("name", "message", "status", "visible"):
                    if k in body:
                        obj[k] = int(body[k]) if k == "visible" else body[k]
                obj["updated_at"] = now
                return 200, {"data": self.c3_incident(obj), "jsonapi": {"version": "1.0"}}
            ups = [u for u in db["cachet3_updates"] if u["updateable_id"] == obj["id"]]
            if parts[2:] == ["updates"] and m == "GET":
                return page_of([self.c3_update(u) for u in ups], q, "/api/incidents/%d/updates" % obj["id"])
            if parts[2:] == ["updates"] and m == "POST":
                err = need_status(body, "status", CACHET_INC, True) or need_str(body, "message")
                if err:
                    return err
                up = {"id": len(db["cachet3_updates"]) + 1, "updateable_id": obj["id"], "updateable_type": "incident",
                      "status": body["status"], "message": body["message"], "created_at": now, "updated_at": now}
                db["cachet3_updates"].append(up)
                return 201, {"data": self.c3_update(up), "jsonapi": {"version": "1.0"}}
            return 405, {"message": "The %s method is not supported for this route." % m}
        if parts == ["components"] and m == "GET":
            return page_of([self.c3_component(c) for c in db["cachet3_components"].values()], q, "/api/components")
        if len(parts) == 2 and parts[0] == "components":
            c = db["cachet3_components"].get(parts[1])
            if c is None:
                return 404, {"message": "Not Found"}
            if m == "PUT":
                err = need_status(body, "status", CACHET3_CMP, False) or need_str(body, "name", 255, False)
                if err:
                    return err
                for k in ("status", "name"):
                    if k in body:
                        c[k] = body[k]
                c["updated_at"] = now
            elif m != "GET":
                return 405, {"message": "The %s method is not supported for this route." % m}
            return 200, {"data": self.c3_component(c), "jsonapi": {"version": "1.0"}}
        return 404, {"message": "Not Found"}

    def c3_incident(self, obj):
        """Resources/Incident: status is the latest update's, else the incident's own."""
        ups = [u for u in self.page.db["cachet3_updates"] if u["updateable_id"] == obj["id"]]
        st = ups[-1]["status"] if ups else obj["status"]
        attrs = {"id": obj["id"], "guid": obj["guid"], "name": obj["name"], "message": obj["message"],
                 "component_id": None, "visible": obj["visible"], "stickied": obj["stickied"],
                 "notifications": obj["notifications"],
                 "status": {"human": CACHET_INC.get(st), "value": st},
                 "occurred": {"human": None, "string": obj["occurred_at"]},
                 "created": {"human": "just now", "string": obj["created_at"]},
                 "updated": {"human": "just now", "string": obj["updated_at"]}}
        return {"id": str(obj["id"]), "type": "incidents", "attributes": attrs,
                "relationships": {}, "links": {}, "meta": {}}

    def c3_update(self, up):
        attrs = {"id": up["id"], "updateable_id": up["updateable_id"], "updateable_type": up["updateable_type"],
                 "message": up["message"], "status": {"human": CACHET_INC.get(up["status"]), "value": up["status"]},
                 "created": {"human": "just now", "string": up["created_at"]},
                 "updated": {"human": "just now", "string": up["updated_at"]}}
        return {"id": str(up["id"]), "type": "updates", "attributes": attrs, "relationships": {}, "links": {}, "meta": {}}

    def c3_component(self, c):
        attrs = {"id": c["id"], "name": c["name"], "description": "", "link": "", "order": c["order"],
                 "status": {"human": CACHET3_CMP.get(c["status"]), "value": c["status"]}, "enabled": True,
                 "meta": None, "created": {"human": "just now", "string": c["created_at"]},
                 "updated": {"human": "just now", "string": c["updated_at"]}}
        return {"id": str(c["id"]), "type": "components", "attributes": attrs, "relationships": {}, "links": {}, "meta": {}}

    def cachet_component(self, body, now):
        c = self.page.db["cachet_components"].get(str(body.get("component_id", "")))
        if c and int(body.get("component_status", 0)) in CACHET_CMP:
            c.update(status=int(body["component_status"]), status_name=CACHET_CMP[int(body["component_status"])], updated_at=now)


# -- Cachet 3's Laravel validation (422 {"message","errors"}) and paging ----
def invalid(field, msg):
    return 422, {"message": msg, "errors": {field: [msg]}}


def need_str(body, k, maxlen=None, required=True):
    if k not in body:
        return invalid(k, "The %s field is required." % k) if required else None
    if not isinstance(body[k], str) or (required and not body[k]):
        return invalid(k, "The %s field must be a string." % k)
    if maxlen is not None and len(body[k]) > maxlen:
        return invalid(k, "The %s field must not be greater than %d characters." % (k, maxlen))
    return None


def need_status(body, k, allowed, required):
    """Rule::enum of an int-backed enum: the integer, not its name."""
    if k not in body:
        return invalid(k, "The %s field is required." % k) if required else None
    v = body[k]
    if isinstance(v, bool) or not isinstance(v, int) or v not in allowed:
        return invalid(k, "The selected %s is invalid." % k)
    return None


def need_bool(body, k):
    if k in body and body[k] not in (True, False, 0, 1, "0", "1"):
        return invalid(k, "The %s field must be true or false." % k)
    return None


def page_of(items, q, path):
    """simplePaginate: per_page (default 15) and page; no total."""
    try:
        per, page = int((q.get("per_page") or ["15"])[0]), int((q.get("page") or ["1"])[0])
    except ValueError:
        per, page = 15, 1
    per, page = max(per, 1), max(page, 1)
    chunk = items[(page - 1) * per:page * per]
    more = len(items) > page * per
    return 200, {"data": chunk, "jsonapi": {"version": "1.0"},
                 "links": {"first": "%s?page=1" % path, "last": None, "prev": None if page == 1 else "%s?page=%d" % (path, page - 1),
                           "next": "%s?page=%d" % (path, page + 1) if more else None},
                 "meta": {"current_page": page, "per_page": per, "path": path,
                          "from": (page - 1) * per + 1 if chunk else None, "to": (page - 1) * per + len(chunk) if chunk else None}}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fleet-dir", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--redirect-port", type=int, required=True)
    ap.add_argument("--token-file", required=True)
    ap.add_argument("--page", required=True)
    a = ap.parse_args()
    signal.signal(signal.SIGTERM, lambda s, f: os._exit(0))
    page = Page(a)
    for port, trap in ((a.port, False), (a.redirect_port, True)):
        cls = type("H", (Handler,), {"page": page, "trap": trap})
        srv = ThreadingHTTPServer(("127.0.0.1", port), cls)
        srv.daemon_threads = True
        threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 3600}, daemon=True).start()
    while True:
        signal.pause()


if __name__ == "__main__":
    main()
