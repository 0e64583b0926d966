"""`zelto-spool run`: the delivery loop as a process beside the job processes, with its health,
metrics, LiveKit webhooks and the spool watcher."""
