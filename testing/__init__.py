"""Test and bench support, importable, not shipped in the plugin zip: a local HTTP server speaking the partner
services' protocols, the fake services, the sample town, the sample Landsat data, the EGMS generator, the demo
and the bench runners. Run from the checkout's root (``python -m testing.demo``, ``python -m testing.bench``)."""
