"""The native half of byline (PyO3). Use the ``byline`` module instead:
these are its building blocks, not a stable API."""

from typing import Any, List, Optional, Sequence, Tuple

#: The default pipeline's TOML, cut to the stage families this build has.
DEFAULT_PIPELINE: str

_Output = Tuple[str, bytes, List[Tuple[Optional[str], Optional[str], Optional[str]]], Optional[str]]

class NativePipelineError(ValueError):
    """args: (message, [(file, line, column, message), ...])."""

class ThreadPool:
    """Worker threads for one ``Pipeline.pipe(threads=N)`` call."""

    def __init__(self, threads: int) -> None: ...

class NativePipeline:
    """A validated pipeline."""

    @staticmethod
    def default_pipeline() -> "NativePipeline": ...
    @staticmethod
    def from_toml(text: str, origin: str) -> "NativePipeline": ...
    @staticmethod
    def from_file(path: str) -> "NativePipeline": ...
    @property
    def name(self) -> str: ...
    @property
    def stage_names(self) -> List[str]: ...
    @property
    def layer_names(self) -> List[str]: ...
    def annotate(self, record: Tuple[int, str, str]) -> _Output:
        """Annotates one (kind, id, payload) record with the GIL released."""
    def annotate_batch(self, records: Sequence[Any], pool: Optional[ThreadPool] = None) -> List[_Output]:
        """Annotates records in parallel with the GIL released, in input order."""

def stages() -> List[Tuple[str, str, List[str], List[str], List[Tuple[str, str, Optional[str], str]]]]:
    """Every registered stage: (name, summary, needs, adds, options)."""
