"""`make bench`: the benchmarks (``python -m testing.bench``), each a module; the runner processes they measure
are the ``run_*`` modules."""
