#!/usr/bin/env python3
"""Clinic tablets recording doses on the session screen (POST /hat/session/doses), used by bench/hat-dosing.sh.

Standard library only. Each tablet signs in as the demo user `clinic` (its own session and CSRF token), then records
doses one after another for its own clients, each a new day and slot, exactly as the screen's Given button sends them
(the answer is the 302 back to the screen, not followed).

  hat-dosing-load.py URL TABLETS SECONDS CLIENTS_FILE [PACE_SECONDS]

CLIENTS_FILE has one enrolment id per line; tablet t takes lines t, t+TABLETS, ... PACE_SECONDS (default 0: back to
back) makes each tablet record a dose every so many seconds, as a nurse does in a real session (the tablets start
spread over one pace so they do not tap in step); a dose still waits for the answer to the last. Prints one line of JSON: doses
recorded (302 to the screen with recorded=), errors, doses/s, p50/p90/p99/max latency in ms (client side, on loopback).
"""
import http.client
import json
import re
import sys
import threading
import time
import urllib.parse
from datetime import date, timedelta


class Tablet:

	def __init__(self, host, port):
		self.conn = http.client.HTTPConnection(host, port, timeout=30)
		self.cookies = {}

	def request(self, method, path, body=None):
		headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
		if body is not None:
			body = urllib.parse.urlencode(body)
			headers["Content-Type"] = "application/x-www-form-urlencoded"
		self.conn.request(method, path, body=body, headers=headers)
		response = self.conn.getresponse()
		for header, value in response.getheaders():
			if header.lower() == "set-cookie":
				name, _, rest = value.partition("=")
				self.cookies[name] = rest.split(";")[0]
		return response.status, response.getheader("Location") or "", response.read().decode("utf-8", "replace")

	def csrf(self, path):
		_, _, page = self.request("GET", path)
		return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)

	def sign_in(self):
		token = self.csrf("/login")
		status, location, _ = self.request("POST", "/login",
			{"username": "clinic", "password": "harmwatch-demo", "_csrf": token})
		if status != 302 or "error" in location:
			raise RuntimeError(f"sign-in failed: {status} {location}")
		return self.csrf("/hat/session")


def main():
	url, tablets, seconds, clients_file = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
	pace = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
	parts = urllib.parse.urlsplit(url)
	clients = [line.strip() for line in open(clients_file) if line.strip()]
	latencies, errors, lock = [], {}, threading.Lock()
	ready = threading.Barrier(tablets + 1)
	deadline = [0.0]

	# Tablets sign in one after another before the run (sign-in is deliberately slow), then start together.
	signed_in = []
	for _ in range(tablets):
		tablet = Tablet(parts.hostname, parts.port)
		signed_in.append((tablet, tablet.sign_in()))

	def run(index):
		tablet, token = signed_in[index]
		mine = clients[index::tablets]
		ready.wait(timeout=60)
		day, n = date.today() - timedelta(days=1), 0
		due = time.monotonic() + pace * index / tablets
		while time.monotonic() < deadline[0]:
			if pace > 0:
				time.sleep(max(0.0, due - time.monotonic()))
				due += pace
				if time.monotonic() >= deadline[0]:
					break
			enrolment = mine[n % len(mine)]
			slot = "MORNING" if (n // len(mine)) % 2 == 0 else "EVENING"
			if n and n % (2 * len(mine)) == 0:
				day -= timedelta(days=1)
			n += 1
			form = {"enrolmentId": enrolment, "date": day.isoformat(), "slot": slot, "status": "GIVEN",
				"doseMg": "120", "observation": "NO_CONCERNS", "_csrf": token}
			start = time.perf_counter()
			try:
				status, location, _ = tablet.request("POST", "/hat/session/doses", form)
				took = (time.perf_counter() - start) * 1000
				with lock:
					if status == 302 and "recorded=" in location:
						latencies.append(took)
					else:
						errors[str(status)] = errors.get(str(status), 0) + 1
			except Exception as ex:  # noqa: BLE001 - counted, the run goes on
				with lock:
					errors[type(ex).__name__] = errors.get(type(ex).__name__, 0) + 1
				tablet = Tablet(parts.hostname, parts.port)
				token = tablet.sign_in()

	threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(tablets)]
	for thread in threads:
		thread.start()
	ready.wait(timeout=60)
	begin = time.monotonic()
	deadline[0] = begin + seconds
	for thread in threads:
		thread.join()
	elapsed = time.monotonic() - begin
	latencies.sort()

	def pct(p):
		return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))], 1) if latencies else None

	print(json.dumps({"tablets": tablets, "pace_s": pace, "recorded": len(latencies), "errors": errors,
		"doses_per_second": round(len(latencies) / elapsed, 1), "p50_ms": pct(0.50), "p90_ms": pct(0.90),
		"p99_ms": pct(0.99), "max_ms": round(latencies[-1], 1) if latencies else None}))


if __name__ == "__main__":
	main()
