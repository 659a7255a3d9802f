"""Extract a folder of reports with a Dask bag: one partition of file names per task.

    python examples/dask_bag.py FOLDER [OUT.csv]

Each task calls ``govinfo_report.extract(names, jobs=1)`` on its partition
(Dask provides the parallelism, so the library starts no processes of its
own) and turns the results into plain dicts: one per cell, and one per file
that failed.  The cells are written to OUT.csv by the workers, the failures
are brought back (they are few), and every file is read once.  The same
function works for Spark: ``rdd.mapPartitions(extract_partition)``.

Dask is not a dependency of govinfo_report.  Without it this script says so
and runs the very same partition function over the folder in this process,
so the example still shows what each task produces.
"""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import govinfo_report as gr
from govinfo_report.extract import CELL_COLUMNS, iter_files

#: Files per Dask partition: large enough that task overhead is small next to reading.
FILES_PER_PARTITION = 64


def extract_partition(names: Iterable[str]) -> list[dict[str, Any]]:
    """The tidy cell records of every report in *names*, and one record per failed file.

    A list, not a generator: Dask moves partitions between processes by pickling them.
    """
    records: list[dict[str, Any]] = []
    for result in gr.extract(names, jobs=1):
        if result.ok:
            records.extend(result.records())
        else:
            records.append({"file": result.file, "error": result.error})
    return records


def is_failure(record: dict[str, Any]) -> bool:
    return "error" in record


def is_cell(record: dict[str, Any]) -> bool:
    return "error" not in record


def with_dask(names: list[str], out: str | None) -> tuple[int, list[dict[str, Any]]]:
    """Count the cells (writing them to *out*) and collect the failures, in one pass of a Dask bag."""
    import dask  # type: ignore[import-not-found, unused-ignore]
    import dask.bag as db  # type: ignore[import-not-found, unused-ignore]

    records = db.from_sequence(names, partition_size=FILES_PER_PARTITION).map_partitions(extract_partition)
    cells = records.filter(is_cell)
    wanted: list[Any] = [cells.count(), records.filter(is_failure)]
    if out is not None:
        frame = cells.to_dataframe(meta={c: "object" for c in CELL_COLUMNS})
        wanted.append(frame.to_csv(out, single_file=True, index=False, compute=False))
    # One graph, so each partition is extracted once; in processes, as reading is CPU-bound Python.
    count, failed, *_ = dask.compute(*wanted, scheduler="processes")
    return count, failed


def without_dask(names: list[str], out: str | None) -> tuple[int, list[dict[str, Any]]]:
    """The same, one partition after another in this process."""
    count, failed = 0, []
    with open(out or os.devnull, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, CELL_COLUMNS, lineterminator="\n")
        writer.writeheader()
        partitions = (names[i : i + FILES_PER_PARTITION] for i in range(0, len(names), FILES_PER_PARTITION))
        for record in (r for partition in partitions for r in extract_partition(partition)):
            if is_failure(record):
                failed.append(record)
            else:
                count += 1
                writer.writerow(record)
    return count, failed


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    out = argv[1] if len(argv) > 1 else None
    names = list(iter_files([Path(argv[0])]))  # file names only: small even for a large corpus
    try:
        import dask.bag  # type: ignore[import-not-found, unused-ignore]  # noqa: F401
    except ImportError:
        print("dask is not installed (pip install 'dask[bag,dataframe]'); running the partition function locally")
        count, failed = without_dask(names, out)
    else:
        count, failed = with_dask(names, out)
    print(f"{len(names)} file(s): {len(names) - len(failed)} read, {len(failed)} failed, {count} cells")
    if out is not None:
        print(f"wrote {out}")
    for record in failed:
        print(f"failed: {record['file']}: {record['error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
