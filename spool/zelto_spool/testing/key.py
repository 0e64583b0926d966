"""The bearer key the test receiver and fixtures agree on (no imports: the pytest plugin and
`zelto_spool.testing` both use it, and neither may need the other's dependencies)."""

__all__ = ["TEST_API_KEY"]

TEST_API_KEY = "test-key"
