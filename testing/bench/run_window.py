"""Runner: territoire:download_landsat twice on a 10 km window of four full-size COGs served on 127.0.0.1;
prints the bytes and times of both runs. Argument (JSON): the work folder."""

import os
import shutil
import time
from pathlib import Path

from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsSettings

from territoire_plugin.plugin import TerritoirePlugin
from testing.bench.common import arguments, report_peak
from testing.fake_services import to_lambert93
from testing.fake_stac import install_sas_and_cogs, install_stac, landsat_item, make_cog
from testing.local_server import LocalServer

app = QgsApplication([], False)
app.initQgis()
(work,) = arguments()
os.makedirs(work, exist_ok=True)
cogs = {}
for band in ("ST_B10", "QA_PIXEL", "SR_B4", "SR_B5"):
    path = os.path.join(work, f"LC09_L2SP_197029_20230715_20230717_02_T1_{band}.TIF")
    if not os.path.exists(path):
        make_cog(path, band)
    cogs[band] = Path(path)
server = LocalServer()
items = [landsat_item(server.url, "LC09_L2SP_197029_20230715_02_T1", "2023-07-15T10:32:41Z", 3.2, cogs)]
os.environ["TERRITOIRE_PLANETARY_COMPUTER_STAC_URL"] = install_stac(server, items)
os.environ["TERRITOIRE_PLANETARY_COMPUTER_SAS_URL"] = install_sas_and_cogs(server, {p.name: p for p in cogs.values()})
QgsSettings().setValue("territoire/cache_dir", os.path.join(work, "cache"))
plugin = TerritoirePlugin(None)
plugin.initProcessing()
x, y = to_lambert93(2.554, 44.345)
extent = f"{x - 5000},{x + 5000},{y - 5000},{y + 5000} [EPSG:2154]"
out = os.path.join(work, "scenes")
shutil.rmtree(out, ignore_errors=True)
shutil.rmtree(os.path.join(work, "cache"), ignore_errors=True)
algorithm = QgsApplication.processingRegistry().createAlgorithmById("territoire:download_landsat")
params = {"EXTENT": extent, "START": "2023-06-01", "END": "2023-08-31", "MAX_SCENES": 1, "OUTPUT_FOLDER": out}
start = time.perf_counter()
results, ok = algorithm.run(params, QgsProcessingContext(), QgsProcessingFeedback())
first_time = time.perf_counter() - start
first_bytes = server.bytes_sent
total = sum(p.stat().st_size for p in cogs.values())
st_total = cogs["ST_B10"].stat().st_size
server.reset()
start = time.perf_counter()
results, ok = algorithm.run(params, QgsProcessingContext(), QgsProcessingFeedback())
second_time = time.perf_counter() - start
print("RESULT", first_bytes, total, st_total, first_time, server.bytes_sent, len(server.requests), second_time)
server.close()
report_peak()
