"""The spool file and the calls in it: connection, schema and migrations, the calls and their
payloads, live snapshots, restore detection, permissions, file locks and the operator's upkeep.
Imports nothing from `delivery`, `sidecar` or `cli`."""
