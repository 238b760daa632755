"""Loopback stand-ins for the endpoints AWS credentials come from: STS (AssumeRole, checking the
SigV4 signature with the source credentials; AssumeRoleWithWebIdentity, unsigned), the ECS
container credentials endpoint (checking the Authorization token) and EC2 instance metadata
(IMDSv2: a token from PUT /latest/api/token is required on every GET).

Usage: aws_standin.py WORKDIR. Binds 127.0.0.1 on a free port and writes it to WORKDIR/port.
Each request reads WORKDIR/state.json (what to accept and answer) and appends one JSON line to
WORKDIR/log.jsonl (what was asked). Stopped by the test with SIGKILL on its PID."""
import hashlib, hmac, http.server, json, os, socketserver, sys, threading, time
from urllib.parse import parse_qsl, quote

WORKDIR = sys.argv[1]
LOCK = threading.Lock()
COUNTER = [0]
# Secrets of the credentials this stand-in issued, by key id: a role assumed with them (a chain
# of profiles) is signed with one of these.
ISSUED = {}


def state():
    try:
        with open(os.path.join(WORKDIR, "state.json")) as f:
            return json.load(f)
    except FileNotFoundError:
        return {}


def log(entry):
    with LOCK, open(os.path.join(WORKDIR, "log.jsonl"), "a") as f:
        f.write(json.dumps(entry) + "\n")


def iso(epoch):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def next_id():
    with LOCK:
        COUNTER[0] += 1
        return COUNTER[0]


def verify_sigv4(method, path, headers, body, secret):
    """'' when the Authorization header is a valid SigV4 signature by `secret`, else why not."""
    auth = headers.get("Authorization", "")
    if not auth.startswith("AWS4-HMAC-SHA256 "):
        return "no SigV4 Authorization header"
    fields = dict(part.strip().split("=", 1) for part in auth[len("AWS4-HMAC-SHA256 "):].split(","))
    key_id, day, region, service, terminator = fields["Credential"].split("/")
    signed = fields["SignedHeaders"].split(";")
    lower = {}
    for name, value in headers.items():
        lower.setdefault(name.lower(), []).append(" ".join(value.split()))
    canonical_headers = "".join(f"{n}:{','.join(lower.get(n, []))}\n" for n in signed)
    path_part, _, query = path.partition("?")
    pairs = sorted((quote(k, safe="-_.~"), quote(v, safe="-_.~")) for k, v in parse_qsl(query, keep_blank_values=True))
    canonical = "\n".join([method, quote(path_part, safe="/~"), "&".join(f"{k}={v}" for k, v in pairs),
                           canonical_headers, ";".join(signed), hashlib.sha256(body).hexdigest()])
    amz_date = headers.get("X-Amz-Date", "")
    scope = f"{day}/{region}/{service}/{terminator}"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    k = ("AWS4" + secret).encode()
    for part in (day, region, service, terminator):
        k = hmac.new(k, part.encode(), hashlib.sha256).digest()
    expected = hmac.new(k, to_sign.encode(), hashlib.sha256).hexdigest()
    if "host" not in signed or "x-amz-date" not in signed:
        return "host or x-amz-date not signed"
    return "" if hmac.compare_digest(expected, fields["Signature"]) else "signature mismatch"


def sts_credentials(s, prefix, duration):
    n = next_id()
    expiration = s.get("expiration") or time.time() + duration
    key_id = f"{prefix}{n:08d}"
    with LOCK:
        ISSUED[key_id] = f"stssecret{n}"
    return {"AccessKeyId": key_id, "SecretAccessKey": f"stssecret{n}", "SessionToken": f"ststoken{n}",
            "Expiration": iso(expiration)}


def sts_xml(action, creds):
    inner = "".join(f"<{k}>{v}</{k}>" for k, v in creds.items())
    return (f'<{action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><{action}Result>'
            f"<Credentials>{inner}</Credentials></{action}Result></{action}Response>").encode()


def sts_error(code, message):
    return (f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>"
            f"</ErrorResponse>").encode()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, content_type="application/json"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def body(self):
        return self.rfile.read(int(self.headers.get("Content-Length", "0") or 0))

    def do_POST(self):
        s = state()
        body = self.body()
        form = dict(parse_qsl(body.decode(), keep_blank_values=True))
        action = form.get("Action", "")
        entry = {"method": "POST", "path": self.path, "form": form,
                 "authorization": self.headers.get("Authorization"), "token": self.headers.get("X-Amz-Security-Token")}
        if action == "AssumeRole":
            key_id = (self.headers.get("Authorization", "").split("Credential=")[-1]).split("/")[0]
            entry["key_id"] = key_id
            with LOCK:
                issued = ISSUED.get(key_id)
            if issued is None and key_id != s.get("source_key"):
                log(entry)
                return self.answer(403, sts_error("InvalidClientTokenId", "unknown key"), "text/xml")
            problem = verify_sigv4("POST", self.path, self.headers, body, issued or s.get("source_secret", ""))
            if issued and self.headers.get("X-Amz-Security-Token") != "ststoken" + issued[len("stssecret"):]:
                problem = problem or "wrong session token"
            entry["signature"] = problem or "valid"
            log(entry)
            if problem:
                return self.answer(403, sts_error("SignatureDoesNotMatch", problem), "text/xml")
            creds = sts_credentials(s, "ASIAROLE", int(form.get("DurationSeconds", "3600")))
            return self.answer(200, sts_xml("AssumeRole", creds), "text/xml")
        if action == "AssumeRoleWithWebIdentity":
            log(entry)
            if self.headers.get("Authorization"):
                return self.answer(400, sts_error("InvalidRequest", "must be unsigned"), "text/xml")
            if form.get("WebIdentityToken") not in s.get("web_tokens", []):
                return self.answer(400, sts_error("InvalidIdentityToken", "token rejected"), "text/xml")
            creds = sts_credentials(s, "ASIAWEB", 3600)
            return self.answer(200, sts_xml("AssumeRoleWithWebIdentity", creds), "text/xml")
        log(entry)
        self.answer(400, sts_error("InvalidAction", action), "text/xml")

    def do_PUT(self):
        s = state()
        self.body()
        ttl = self.headers.get("x-aws-ec2-metadata-token-ttl-seconds")
        log({"method": "PUT", "path": self.path, "ttl": ttl})
        if self.path != "/latest/api/token" or not ttl:
            return self.answer(400, b"")
        if s.get("imds_token_status"):
            return self.answer(s["imds_token_status"], b"")
        self.answer(200, f"imds-token-{next_id()}".encode(), "text/plain")

    def do_GET(self):
        s = state()
        entry = {"method": "GET", "path": self.path, "authorization": self.headers.get("Authorization"),
                 "imds_token": self.headers.get("x-aws-ec2-metadata-token")}
        log(entry)
        if self.path.startswith("/latest/meta-data/iam/security-credentials/"):
            token = self.headers.get("x-aws-ec2-metadata-token", "")
            if not token.startswith("imds-token-"):
                return self.answer(401, b"")
            role = self.path[len("/latest/meta-data/iam/security-credentials/"):]
            if role == "":
                return self.answer(200, b"test-role\n", "text/plain")
            if role != "test-role":
                return self.answer(404, b"")
            n = next_id()
            return self.answer(200, json.dumps({"Code": "Success", "Type": "AWS-HMAC", "AccessKeyId": f"ASIAIMDS{n:08d}",
                                                "SecretAccessKey": f"imdssecret{n}", "Token": f"imdstoken{n}",
                                                "Expiration": iso(s.get("expiration") or time.time() + 21600),
                                                "LastUpdated": iso(time.time())}).encode())
        if self.path.startswith("/container/"):
            if s.get("container_status"):
                return self.answer(s["container_status"], b"{}")
            if s.get("container_token") and self.headers.get("Authorization") != s["container_token"]:
                return self.answer(401, b'{"message": "bad token"}')
            n = next_id()
            return self.answer(200, json.dumps({"AccessKeyId": f"ASIAECS{n:08d}", "SecretAccessKey": f"ecssecret{n}",
                                                "Token": f"ecstoken{n}", "RoleArn": "arn:aws:iam::1:role/x",
                                                "Expiration": iso(s.get("expiration") or time.time() + 3600)}).encode())
        self.answer(404, b"")


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


server = Server(("127.0.0.1", 0), Handler)
with open(os.path.join(WORKDIR, "port.tmp"), "w") as f:
    f.write(str(server.server_address[1]))
os.rename(os.path.join(WORKDIR, "port.tmp"), os.path.join(WORKDIR, "port"))
server.serve_forever()
