"""The EGMS archive: one product file fetched by its name, with the user's download token.

This is the only download flow public clients use (EGMStoolkit, ``classes/EGMSdownloaderapi.py`` and
``functions/egmsapitools.py``; reference/partner-services.md "EGMS"): a GET of
``<archive>/download/<file name>?id=<token>``, the token being the temporary id shown at the end of the download
links of egms.land.copernicus.eu once logged in. There is no search: the client builds the names.

- Ortho (L3) tiles come from the 100 km grid of ETRS89-LAEA (EPSG:3035):
  ``EGMS_L3_E<easting // 100 km>N<northing // 100 km>_100km_<U|E><release suffix>.zip``.
- Basic and Calibrated (L2a, L2b) files are named after Sentinel-1 bursts:
  ``EGMS_L2b_<relative orbit, 3 digits>_<EGMS burst id, 4 digits>_IW<1-3>_VV<release suffix>.zip``; the burst
  map is not shipped, so the user gives the names (or ``037_0288_IW2``) as the EGMS viewer shows them.
- The release suffix is ``_<release>_1`` (``_2019_2023_1``), none for the first release, 2015_2021.
- HTTP 502 means "this file does not exist for this release" (tiles at sea, bursts not processed), not a
  service failure: it is reported, never retried. Range requests resume a partial download.
"""

from __future__ import annotations

import math
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

from ..core.errors import QT_TRANSLATE_NOOP, AnalysisError

if TYPE_CHECKING:  # the file names are built without QGIS
    from .network import HttpClient

DOWNLOAD_PATH = "/download/{name}"
#: The status the archive gives for a file that does not exist (EGMStoolkit's ``bypass502``).
MISSING_STATUS = 502
TILE_M = 100_000
FIRST_RELEASE = "2015_2021"
RELEASE = re.compile(r"^(\d{4})_(\d{4})$")
_SUFFIX = r"(?:_\d{4}_\d{4}_\d+)?"
L2_NAME = re.compile(rf"^EGMS_(L2a|L2b)_\d{{3}}_\d{{4}}_IW[123]_VV{_SUFFIX}\.zip$")
L2_SHORT = re.compile(r"^(\d{1,3})_(\d{1,4})_IW([123])$", re.IGNORECASE)
L3_NAME = re.compile(rf"^EGMS_L3_E\d{{2}}N\d{{2}}_100km_[UE]{_SUFFIX}\.zip$")


def _bad_input(message: str, **values) -> AnalysisError:
    return AnalysisError("egms_bad_name", message, **values)


def release_suffix(release: str) -> str:
    match = RELEASE.match(release.strip())
    if not match or int(match.group(2)) - int(match.group(1)) not in range(3, 8):
        raise _bad_input(QT_TRANSLATE_NOOP(
            "AnalysisError", "« {release} » is not an EGMS release. Write it as the EGMS website does, first and "
            "last year joined by an underscore, e.g. 2019_2023."), release=release)
    return "" if release.strip() == FIRST_RELEASE else f"_{release.strip()}_1"


def l3_tiles(xmin: float, ymin: float, xmax: float, ymax: float) -> list[tuple[int, int]]:
    """(easting, northing) indices, in 100 km, of the L3 tiles an EPSG:3035 extent touches."""
    return [(e, n) for e in range(math.floor(xmin / TILE_M), math.floor(xmax / TILE_M) + 1)
            for n in range(math.floor(ymin / TILE_M), math.floor(ymax / TILE_M) + 1)]


def l3_name(easting: int, northing: int, component: str, release: str) -> str:
    """File name of one Ortho tile; ``component`` is ``U`` (vertical) or ``E`` (east-west)."""
    if component not in ("U", "E"):
        raise ValueError(component)
    return f"EGMS_L3_E{easting:02d}N{northing:02d}_100km_{component}{release_suffix(release)}.zip"


def l2_names(text: str, level: str, release: str) -> list[str]:
    """The L2 file names the user listed (comma, semicolon, space or line separated), checked.

    An entry is a whole file name (with or without ``.zip``) or ``<orbit>_<burst>_IW<n>``, completed with the
    level and release chosen.
    """
    names = []
    for entry in re.split(r"[\s,;]+", text.strip()):
        if not entry:
            continue
        short = L2_SHORT.match(entry)
        if short:
            orbit, burst, swath = short.groups()
            name = f"EGMS_{level}_{int(orbit):03d}_{int(burst):04d}_IW{swath}_VV{release_suffix(release)}.zip"
        else:
            name = entry if entry.lower().endswith(".zip") else entry + ".zip"
        if not L2_NAME.match(name):
            raise _bad_input(QT_TRANSLATE_NOOP(
                "AnalysisError", "« {entry} » is not the name of an EGMS Basic or Calibrated file. Copy the names "
                "from the EGMS viewer (e.g. EGMS_L2b_037_0288_IW2_VV_2019_2023_1) or write orbit_burst_IWn "
                "(e.g. 037_0288_IW2)."), entry=entry[:80])
        if name not in names:
            names.append(name)
    return names


def _not_an_archive(name: str) -> AnalysisError:
    return AnalysisError("egms_not_zip", QT_TRANSLATE_NOOP(
        "AnalysisError", "The EGMS archive refused {name} or sent something that is not a zip file (kept nowhere). "
        "The download token has probably expired: log in on egms.land.copernicus.eu, copy the new token (the "
        "id= at the end of a download link) into the authentication configuration and run again."), name=name)


class EgmsArchive:
    def __init__(self, client: HttpClient, base_url: str):
        self.client = client
        self.base_url = base_url.rstrip("/")

    def url(self, name: str, token: str) -> str:
        return f"{self.base_url}{DOWNLOAD_PATH.format(name=quote(name))}?{urlencode({'id': token})}"

    def fetch(self, name: str, token: str, folder: Path, progress=None) -> Path | None:
        """Download one file into ``folder`` (resuming a ``.part``); None when the archive has no such file."""
        if not (L2_NAME.match(name) or L3_NAME.match(name)):
            raise ValueError(f"not an EGMS file name: {name!r}")  # names are built or checked above
        destination = Path(folder) / name
        try:
            path = self.client.download(self.url(name, token), destination, missing=(MISSING_STATUS,),
                                        progress=progress)
        except AnalysisError as error:
            if error.params.get("status") in (401, 403):
                raise _not_an_archive(name) from error
            raise
        if path is None:
            return None
        if not zipfile.is_zipfile(path):
            path.unlink()
            raise _not_an_archive(name)
        return path
