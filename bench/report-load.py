#!/usr/bin/env python3
"""Load generator for the partner report API (POST /api/early-warning/reports), used by bench/report-api.sh.

Standard library only (asyncio, raw HTTP/1.1 over keep-alive connections), so that it costs little CPU next to the
application on a small machine.

  report-load.py closed URL TOKEN CLIENTS SECONDS          # N clients, each sends its next report when the last is answered
  report-load.py open URL TOKEN RATE SECONDS [CONNECTIONS]  # sends on a fixed timetable (RATE/s) whatever the answers

Open loop: report i is due at start + i/RATE; its latency is measured from that due time, so time spent waiting for a
free connection (queueing) counts. Prints one line of JSON: sent, ok (201), errors (by status or exception),
reports/s (201s per second of the run), p50/p90/p99/max latency in ms.
"""
import asyncio
import json
import random
import sys
import time
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

SUBSTANCES = ["china white", "nitazene", "spice", "xylazine", "ketamine", "heroin", "crack cocaine", "pregabalin"]
OUTCOMES = ["OVERDOSE", "UNUSUAL_EFFECTS", "UNUSUAL_APPEARANCE_OR_STRENGTH"]


def body():
	"""A valid ambulance report: a substance, a pin in Birmingham (the district is looked up from it), 1-3 people."""
	when = datetime.now(timezone.utc) - timedelta(minutes=random.randint(10, 600))
	report = {
		"sourceType": "AMBULANCE",
		"occurredAt": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
		"lat": round(random.uniform(52.45, 52.52), 5),
		"lon": round(random.uniform(-1.95, -1.85), 5),
		"substances": [{"text": random.choice(SUBSTANCES), "howKnown": "CLINICAL_PICTURE"}],
		"outcomes": [random.choice(OUTCOMES)],
		"people": random.randint(1, 3),
		"description": "Benchmark report (bench/report-api.sh)",
	}
	return json.dumps(report).encode()


class Connection:

	def __init__(self, host, port, path, token):
		self.host, self.port, self.path, self.token = host, port, path, token
		self.reader = self.writer = None

	async def post(self, payload):
		if self.writer is None:
			self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
		head = (f"POST {self.path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAuthorization: Bearer {self.token}\r\n"
				f"Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: {len(payload)}\r\n\r\n")
		try:
			self.writer.write(head.encode() + payload)
			status_line = await self.reader.readline()
			if not status_line:
				raise ConnectionError("closed")
			status = int(status_line.split()[1])
			length, chunked, close = 0, False, False
			while True:
				line = await self.reader.readline()
				if line in (b"\r\n", b""):
					break
				name, _, value = line.decode("latin-1").partition(":")
				name, value = name.strip().lower(), value.strip().lower()
				if name == "content-length":
					length = int(value)
				elif name == "transfer-encoding" and "chunked" in value:
					chunked = True
				elif name == "connection" and value == "close":
					close = True
			if chunked:
				while True:
					size = int((await self.reader.readline()).split(b";")[0], 16)
					await self.reader.readexactly(size + 2)
					if size == 0:
						break
			elif length:
				await self.reader.readexactly(length)
			if close:
				self.close()
			return status
		except Exception:
			self.close()
			raise

	def close(self):
		if self.writer is not None:
			self.writer.close()
		self.reader = self.writer = None


def percentile(sorted_values, p):
	if not sorted_values:
		return None
	k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
	return sorted_values[k]


def summary(mode, param, seconds, latencies, errors, sent, elapsed):
	lat = sorted(latencies)
	ms = lambda v: None if v is None else round(v * 1000, 1)
	return {
		"mode": mode, param[0]: param[1], "seconds": round(elapsed, 1), "sent": sent, "ok": len(lat),
		"errors": errors, "reports_per_s": round(len(lat) / elapsed, 1),
		"p50_ms": ms(percentile(lat, 50)), "p90_ms": ms(percentile(lat, 90)), "p99_ms": ms(percentile(lat, 99)),
		"max_ms": ms(lat[-1] if lat else None),
	}


def record(errors, key):
	errors[key] = errors.get(key, 0) + 1


async def closed(url, token, clients, seconds):
	u = urlsplit(url)
	latencies, errors, sent = [], {}, 0
	deadline = time.perf_counter() + seconds

	async def client():
		nonlocal sent
		conn = Connection(u.hostname, u.port, u.path, token)
		while time.perf_counter() < deadline:
			payload = body()
			t = time.perf_counter()
			sent += 1
			try:
				status = await conn.post(payload)
				if status == 201:
					latencies.append(time.perf_counter() - t)
				else:
					record(errors, str(status))
			except Exception as ex:
				record(errors, type(ex).__name__)
		conn.close()

	start = time.perf_counter()
	await asyncio.gather(*(client() for _ in range(clients)))
	return summary("closed", ("clients", clients), seconds, latencies, errors, sent, time.perf_counter() - start)


async def open_loop(url, token, rate, seconds, connections):
	u = urlsplit(url)
	latencies, errors, sent = [], {}, 0
	pool = asyncio.Queue()
	for _ in range(connections):
		pool.put_nowait(Connection(u.hostname, u.port, u.path, token))
	tasks = []

	async def one(due):
		conn = await pool.get()
		try:
			status = await conn.post(body())
			if status == 201:
				latencies.append(time.perf_counter() - due)
			else:
				record(errors, str(status))
		except Exception as ex:
			record(errors, type(ex).__name__)
		finally:
			pool.put_nowait(conn)

	start = time.perf_counter()
	total = int(rate * seconds)
	for i in range(total):
		due = start + i / rate
		delay = due - time.perf_counter()
		if delay > 0:
			await asyncio.sleep(delay)
		sent += 1
		tasks.append(asyncio.create_task(one(due)))
	await asyncio.gather(*tasks)
	elapsed = time.perf_counter() - start
	late = max(0.0, time.perf_counter() - (start + seconds))
	result = summary("open", ("offered_per_s", rate), seconds, latencies, errors, sent, elapsed)
	result["drain_s"] = round(late, 1)
	while not pool.empty():
		pool.get_nowait().close()
	return result


def main():
	mode, url, token = sys.argv[1], sys.argv[2], sys.argv[3]
	if mode == "closed":
		result = asyncio.run(closed(url, token, int(sys.argv[4]), float(sys.argv[5])))
	else:
		connections = int(sys.argv[6]) if len(sys.argv) > 6 else 64
		result = asyncio.run(open_loop(url, token, float(sys.argv[4]), float(sys.argv[5]), connections))
	print(json.dumps(result))


if __name__ == "__main__":
	main()
