"""Extract a folder of reports with a Dask bag: one partition of file names per task.

    python examples/dask_bag.py FOLDER [OUT.csv]

Each task calls ``govinfo_report.extract(names, jobs=1)`` on its partition
(Dask provides the parallelism, so the library starts no processes of its
own) and turns the results into plain dicts; the cells become one Dask
DataFrame written to OUT.csv.  The same function works for Spark:
``rdd.mapPartitions(extract_partition)``.

Dask is not a dependency of govinfo_report.  Without it this script says so
and runs the very same partition function over the folder in this process,
so the example still shows what each task produces.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import govinfo_report as gr
from govinfo_report.extract import iter_files

#: Files per Dask partition: large enough that task overhead is small next to reading.
FILES_PER_PARTITION = 64


def extract_partition(names: Iterable[str]) -> Iterator[dict[str, Any]]:
    """The tidy cell records of every report in *names*, and one record per failed file."""
    for result in gr.extract(names, jobs=1):
        if result.ok:
            yield from result.records()
        else:
            yield {"file": result.file, "error": result.error}


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    folder = Path(argv[0])
    out = argv[1] if len(argv) > 1 else None
    names = list(iter_files([folder]))  # file names only: small even for a large corpus
    try:
        import dask.bag as db  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        print("dask is not installed (pip install 'dask[bag,dataframe]'); running the partition function locally")
        records = list(extract_partition(names))
    else:
        bag = db.from_sequence(names, partition_size=FILES_PER_PARTITION).map_partitions(extract_partition)
        if out is not None:
            cells = bag.filter(lambda r: "error" not in r).to_dataframe()
            cells.to_csv(out, single_file=True, index=False)
            print(f"wrote {out}")
        records = bag.compute()
    failed = [r for r in records if "error" in r]
    cells = [r for r in records if "error" not in r]
    print(f"{len(names)} file(s): {len({r['file'] for r in cells})} read, {len(failed)} failed, {len(cells)} cells")
    for r in failed:
        print(f"failed: {r['file']}: {r['error']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
