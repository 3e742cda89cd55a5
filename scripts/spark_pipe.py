"""Annotate a JSONL dataset with byline on Apache Spark.

Each input line is one `{"id", "text", ...}` record; each output line is
byline's output record for it, with the same id. The byline binary and the
pipeline file are shipped to the executors with `SparkContext.addFile`;
every partition is piped through one `byline run` process, exactly as
`RDD.pipe` does, except that the binary's path is resolved on the executor
(`SparkFiles.get`): `RDD.pipe` can only run a command whose path is fixed
on the driver. Where byline is installed at the same path on every node,
`lines.pipe("/opt/byline/bin/byline run -j 1 -")` is the one-line
equivalent.

    spark-submit scripts/spark_pipe.py --byline target/release/byline \
        [--pipeline my.toml] [--partitions N] INPUT OUTPUT

INPUT and OUTPUT are anything `textFile` and `saveAsTextFile` take (local
paths, hdfs://, s3a://). See docs/scale.md.
"""

import argparse
import os
import subprocess
import threading

from pyspark import SparkContext, SparkFiles


def byline_command(byline_name, pipeline_name, threads):
    """The `byline run` command line, with paths resolved on this executor."""
    byline = SparkFiles.get(byline_name)
    if not os.access(byline, os.X_OK):
        os.chmod(byline, 0o755)
    cmd = [byline, "run", "--threads", str(threads)]
    if pipeline_name:
        cmd += ["--pipeline", SparkFiles.get(pipeline_name)]
    return cmd + ["-"]


def pipe_partition(lines, byline_name, pipeline_name, threads):
    """Feeds the partition's records to one byline process and yields its
    output lines (one per record, in order)."""
    proc = subprocess.Popen(
        byline_command(byline_name, pipeline_name, threads),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )

    def feed():
        try:
            for line in lines:
                proc.stdin.write(line.encode("utf-8") + b"\n")
        finally:
            proc.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    for out in proc.stdout:
        yield out.decode("utf-8").rstrip("\n")
    writer.join()
    # byline exits 1 when a record became an error record (it is in the
    # output); anything else means records may be missing.
    if proc.wait() not in (0, 1):
        raise RuntimeError(f"byline exited with status {proc.returncode}")


def annotate(sc, lines, byline, pipeline=None, threads=1):
    """The RDD of byline output lines for an RDD of JSONL input lines."""
    sc.addFile(byline)
    if pipeline:
        sc.addFile(pipeline)
    byline_name = os.path.basename(byline)
    pipeline_name = os.path.basename(pipeline) if pipeline else None
    records = lines.filter(lambda line: line.strip())
    return records.mapPartitions(lambda part: pipe_partition(part, byline_name, pipeline_name, threads))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSONL input (any path textFile reads)")
    ap.add_argument("output", help="output directory (saveAsTextFile)")
    ap.add_argument("--byline", required=True, help="the byline binary to ship to executors")
    ap.add_argument("--pipeline", help="a pipeline file to ship (default: byline's default pipeline)")
    ap.add_argument("--partitions", type=int, help="minimum number of input partitions")
    ap.add_argument("--threads", type=int, default=1, help="byline threads per task (default 1: one task, one core)")
    ap.add_argument("--master", help="Spark master when not run through spark-submit, e.g. local[2]")
    args = ap.parse_args()
    sc = SparkContext(master=args.master, appName="byline") if args.master else SparkContext(appName="byline")
    lines = sc.textFile(args.input, args.partitions)
    annotate(sc, lines, args.byline, args.pipeline, args.threads).saveAsTextFile(args.output)
    sc.stop()


if __name__ == "__main__":
    main()
