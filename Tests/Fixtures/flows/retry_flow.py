"""A flaky step that succeeds on its third attempt thanks to @retry."""
from metaflow import FlowSpec, current, retry, step


class RetryFlow(FlowSpec):
    """Attempts 0 and 1 of `flaky` fail; attempt 2 succeeds."""

    @step
    def start(self):
        """Nothing to prepare."""
        self.next(self.flaky)

    @retry(times=3, minutes_between_retries=0)
    @step
    def flaky(self):
        """Fail twice, then succeed."""
        self.attempt_seen = current.retry_count
        print(f"attempt {current.retry_count} starting")
        if current.retry_count < 2:
            raise RuntimeError(f"flaky failure on attempt {current.retry_count}")
        self.result = "succeeded on attempt %d" % current.retry_count
        self.next(self.end)

    @step
    def end(self):
        """Report."""
        print(self.result)


if __name__ == "__main__":
    RetryFlow()
