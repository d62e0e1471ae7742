import pytest


@pytest.fixture
def anyio_backend() -> str:
    """anyio's pytest plugin (anyio comes with the SDK) runs the async tests on asyncio."""
    return "asyncio"
