"""Chaos and load runs against real processes, real SQLite files and the real local receiver.

- `harness`: writer processes enqueue calls (and newer versions of them) while the receiver
  cycles through outages and the `zelto-spool run` sidecar is `kill -9`ed and restarted; then
  a healthy `zelto-spool drain` and the checks: nothing lost, no older version over a newer
  one, nothing stuck in flight. `python -m tests.chaos.harness [--long] [--seed N]`.
- `load`: 32 writer processes at once, and many threads of one process sharing one spool
  (LiveKit's thread executor); nothing lost, no error surfaced, enqueue latency percentiles.
  `python -m tests.chaos.load`.
- `actors`: restartable processes, the receiver's fault cycle, job processes killed mid-call.
- `checks`: what the receiver saw against what was spooled; the figures.
- `workload`: the deterministic payloads, the writer process and the job process.
- `disk_full`: a full filesystem or a file-size limit, in a child process (`test_faults.py`).
- `test_chaos.py`: the quick modes, run in CI.
"""
