"""Landsat metadata (MTL) in its three formats, and locating a product's files.

Collection 2 products ship the same metadata as ODL text (``_MTL.txt``), XML
(``_MTL.xml``) and JSON (``_MTL.json``). All three are read into the same nested
``{group: {key: value}}`` mapping, values kept as strings, so every later step
does not care which one the user picked.
"""

from __future__ import annotations

import json
import re

# The stdlib parser expands no external entities; MTL files are the user's own product metadata.
import xml.etree.ElementTree as ET  # nosec B405
from dataclasses import dataclass, field
from pathlib import Path

from ...core.errors import QT_TRANSLATE_NOOP, AnalysisError

MTL_SUFFIXES = ("_MTL.txt", "_MTL.xml", "_MTL.json")
_PRODUCT_ID = re.compile(r"^(L[COTEM]0\d_L\w{3}_\d{6}_\d{8}_\d{8}_\d{2}_(?:T1|T2|RT))", re.IGNORECASE)
_ROOTS = ("LANDSAT_METADATA_FILE", "L1_METADATA_FILE")


@dataclass
class LandsatMetadata:
    """What the analyses need from an MTL file."""

    path: Path
    groups: dict = field(repr=False)

    def value(self, key: str, group: str | None = None) -> str | None:
        """The value of ``key`` (searched in ``group`` first, then in any group)."""
        if group and key in self.groups.get(group, {}):
            return self.groups[group][key]
        for values in self.groups.values():
            if key in values:
                return values[key]
        return None

    def number(self, key: str, group: str | None = None) -> float | None:
        raw = self.value(key, group)
        if raw is None:
            return None
        try:
            return float(raw)
        except ValueError as exc:
            raise AnalysisError(
                "mtl_bad_number",
                QT_TRANSLATE_NOOP(
                    "AnalysisError",
                    "The metadata file {path} has a non-numeric value for {field}: {raw!r}. "
                    "The file is damaged: download the product's MTL again."
                ),
                path=self.path, field=key, raw=raw,
            ) from exc

    @property
    def product_id(self) -> str | None:
        return self.value("LANDSAT_PRODUCT_ID", "PRODUCT_CONTENTS") or self.value("LANDSAT_SCENE_ID")

    @property
    def spacecraft(self) -> str | None:
        return self.value("SPACECRAFT_ID")

    @property
    def processing_level(self) -> str | None:
        return self.value("PROCESSING_LEVEL")

    @property
    def acquisition(self) -> str | None:
        date = self.value("DATE_ACQUIRED")
        time = self.value("SCENE_CENTER_TIME")
        if date and time:
            return f"{date}T{time}"
        return date

    @property
    def cloud_cover(self) -> float | None:
        return self.number("CLOUD_COVER")

    def product_file(self, key: str) -> str | None:
        """A file name listed in the product contents (Collection 2) or product metadata (pre-Collection)."""
        for group in ("PRODUCT_CONTENTS", "PRODUCT_METADATA"):
            value = self.groups.get(group, {}).get(key)
            if value:
                return value
        return None

    def st_b10_factors(self) -> tuple[float, float] | None:
        """(multiplier, additive) of the Level-2 ST_B10 band, checked for plausibility."""
        group = "LEVEL2_SURFACE_TEMPERATURE_PARAMETERS"
        mult = self.number("TEMPERATURE_MULT_BAND_ST_B10", group)
        add = self.number("TEMPERATURE_ADD_BAND_ST_B10", group)
        if mult is None and add is None:
            return None
        if mult is None or add is None:
            raise AnalysisError(
                "mtl_half_factors",
                QT_TRANSLATE_NOOP(
                    "AnalysisError",
                    "The metadata file {path} has only one of TEMPERATURE_MULT_BAND_ST_B10 and "
                    "TEMPERATURE_ADD_BAND_ST_B10. The file is incomplete: download the product's MTL again."
                ),
                path=self.path,
            )
        # Kelvin at DN 1 and DN 65535 must bracket plausible Earth temperatures.
        low, high = mult * 1 + add, mult * 65535 + add
        if not (mult > 0 and 100.0 <= low <= 250.0 and 300.0 <= high <= 500.0):
            raise AnalysisError(
                "mtl_bad_factors",
                QT_TRANSLATE_NOOP(
                    "AnalysisError",
                    "The surface-temperature factors in {path} (multiplier {mult}, offset {add}) give "
                    "{low:.1f} K to {high:.1f} K, which is not a Landsat Collection 2 ST_B10 scaling. "
                    "Check that this is the MTL of a Level-2 (L2SP) product."
                ),
                path=self.path, mult=mult, add=add, low=low, high=high,
            )
        return mult, add


# ---------------------------------------------------------------- parsing

def _parse_odl(text: str) -> dict:
    groups: dict = {}
    stack: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line == "END":
            continue
        if "=" not in line:
            raise ValueError(f"line {number} is not KEY = VALUE: {line[:60]!r}")
        key, _, value = (part.strip() for part in line.partition("="))
        if key == "GROUP":
            stack.append(value)
            groups.setdefault(value, {})
        elif key == "END_GROUP":
            if not stack or stack[-1] != value:
                raise ValueError(f"line {number} closes group {value} that is not open")
            stack.pop()
        elif stack:
            groups[stack[-1]][key] = value.strip('"')
        else:
            raise ValueError(f"line {number} is outside any GROUP")
    if stack:
        raise ValueError(f"group {stack[-1]} is never closed")
    return groups


def _flatten_groups(root: dict) -> dict:
    return {
        name: {key: str(value) for key, value in values.items() if not isinstance(value, dict)}
        for name, values in root.items()
        if isinstance(values, dict)
    }


def _parse_json(text: str) -> dict:
    data = json.loads(text)
    for root in _ROOTS:
        if isinstance(data, dict) and isinstance(data.get(root), dict):
            return {root: {}, **_flatten_groups(data[root])}
    raise ValueError("no LANDSAT_METADATA_FILE object at the top")


def _parse_xml(text: str) -> dict:
    root = ET.fromstring(text)  # noqa: S314  # nosec B314
    if root.tag not in _ROOTS:
        raise ValueError(f"root element is <{root.tag}>, not <LANDSAT_METADATA_FILE>")
    return {root.tag: {}, **{group.tag: {item.tag: (item.text or "").strip() for item in group}
                             for group in root}}


def _unreadable(path: Path, error) -> AnalysisError:
    """The file is not a readable MTL; ``error`` (the parser's own words, in English) stays in the
    exception's details, not in the message the user reads."""
    if isinstance(error, OSError):
        return AnalysisError("mtl_unopenable", QT_TRANSLATE_NOOP(
            "AnalysisError", "Cannot open the metadata file {path}. Check that the file exists and that you may "
            "read it."), path=path, detail=str(error))
    return AnalysisError(
        "mtl_unreadable",
        QT_TRANSLATE_NOOP(
            "AnalysisError",
            "Cannot read the metadata file {path}: it is not a Landsat MTL (txt, xml or json), or it is damaged. "
            "Use the MTL of the product as USGS delivers it."
        ),
        path=path, detail=str(error),
    )


def read_mtl(path: str | Path) -> LandsatMetadata:
    """Read an MTL file (txt, xml or json), raising :class:`AnalysisError` if it is unusable."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _unreadable(path, exc) from exc
    suffix = path.suffix.lower()
    parser = {".json": _parse_json, ".xml": _parse_xml}.get(suffix, _parse_odl)
    try:
        groups = parser(text)
    except (ValueError, ET.ParseError, RecursionError) as exc:  # RecursionError: JSON nested too deep
        raise _unreadable(path, exc) from exc
    if not any(root in groups for root in _ROOTS):
        raise _unreadable(path, "no LANDSAT_METADATA_FILE group")
    return LandsatMetadata(path=path, groups=groups)


# ---------------------------------------------------------------- locating files

def is_mtl_path(path: Path) -> bool:
    return any(path.name.upper().endswith(suffix.upper()) for suffix in MTL_SUFFIXES)


def product_id_from_name(name: str) -> str | None:
    match = _PRODUCT_ID.match(name)
    return match.group(1) if match else None


def find_mtl_in_folder(folder: Path, product_id: str | None = None) -> Path | None:
    """The MTL in ``folder`` (txt preferred, then xml, then json), for ``product_id`` if given."""
    candidates = []
    for suffix in MTL_SUFFIXES:
        for candidate in sorted(folder.iterdir()):
            if not candidate.name.upper().endswith(suffix.upper()):
                continue
            if product_id and not candidate.name.upper().startswith(product_id.upper()):
                continue
            candidates.append(candidate)
    level2 = [c for c in candidates if "_L2" in c.name.upper()]
    chosen = level2 or candidates
    return chosen[0] if chosen else None


def _file_beside(folder: Path, name: str | None) -> Path | None:
    if not name:
        return None
    for candidate in (folder / name, folder / name.lower(), folder / name.upper()):
        if candidate.is_file():
            return candidate
    return None


@dataclass
class LandsatL2Product:
    """The files of one Level-2 product as the user gave them."""

    st_b10: Path
    qa_pixel: Path | None
    metadata: LandsatMetadata | None


def find_metadata(user_path: str | Path) -> tuple[LandsatMetadata | None, Path | None]:
    """(metadata, band) for what the user gave: an MTL, a product folder, or one band of a product.

    ``band`` is the raster the user gave (None for an MTL or a folder); ``metadata`` is None
    when a band has no MTL beside it.
    """
    path = Path(user_path)
    if not path.exists():
        raise AnalysisError(
            "input_missing",
            QT_TRANSLATE_NOOP(
                "AnalysisError",
                "{path} does not exist. Give the product's MTL file, its folder, or its ST_B10 band."
            ),
            path=path,
        )
    if path.is_dir():
        mtl = find_mtl_in_folder(path)
        if mtl is None:
            raise AnalysisError(
                "folder_without_mtl",
                QT_TRANSLATE_NOOP(
                    "AnalysisError",
                    "The folder {path} holds no Landsat MTL file (*_MTL.txt, *_MTL.xml or *_MTL.json). "
                    "Give the ST_B10 band directly, or the folder of a complete product."
                ),
                path=path,
            )
        return read_mtl(mtl), None
    if is_mtl_path(path):
        return read_mtl(path), None
    product_id = product_id_from_name(path.name)
    mtl = find_mtl_in_folder(path.parent, product_id) if product_id else None
    return (read_mtl(mtl) if mtl is not None else None), path


def band_file(metadata: LandsatMetadata | None, folder: Path, key: str, suffix: str) -> Path | None:
    """A band of the product: the file the MTL names under ``key``, else ``*_<suffix>.TIF`` in ``folder``."""
    named = _file_beside(folder, metadata.product_file(key)) if metadata else None
    if named is not None:
        return named
    matches = sorted(p for p in folder.iterdir() if p.is_file() and p.stem.upper().endswith(f"_{suffix.upper()}")
                     and p.suffix.lower() in (".tif", ".tiff"))
    return matches[0] if matches else None


def resolve_l2_product(user_path: str | Path) -> LandsatL2Product:
    """Turn what the user gave (MTL, folder or ST_B10 raster) into the product's files."""
    metadata, st_b10 = find_metadata(user_path)

    if metadata is not None and st_b10 is None:
        name = metadata.product_file("FILE_NAME_BAND_ST_B10")
        if name is None:
            level = metadata.processing_level or "unknown"
            raise AnalysisError(
                "mtl_not_level2",
                QT_TRANSLATE_NOOP(
                    "AnalysisError",
                    "The metadata file {path} describes a product of level {level} with no ST_B10 band. "
                    "Land surface temperature needs a Collection 2 Level-2 (L2SP) product."
                ),
                path=metadata.path, level=level,
            )
        st_b10 = _file_beside(metadata.path.parent, name)
        if st_b10 is None:
            raise AnalysisError(
                "st_b10_missing",
                QT_TRANSLATE_NOOP(
                    "AnalysisError",
                    "The metadata file {path} names the band {name}, which is not in {folder}. "
                    "Put the ST_B10 file beside its MTL, or give the band directly."
                ),
                path=metadata.path, name=name, folder=metadata.path.parent,
            )

    _check_is_st_b10(st_b10, metadata)
    qa_name = metadata.product_file("FILE_NAME_QUALITY_L1_PIXEL") if metadata else None
    qa_pixel = _file_beside(st_b10.parent, qa_name)
    if qa_pixel is None and "ST_B10" in st_b10.name.upper():
        upper = st_b10.name.upper()
        start = upper.index("ST_B10")
        qa_pixel = _file_beside(st_b10.parent, st_b10.name[:start] + "QA_PIXEL" + st_b10.name[start + 6:])
    return LandsatL2Product(st_b10=st_b10, qa_pixel=qa_pixel, metadata=metadata)


_OTHER_BAND = re.compile(
    r"(?<!_ST)_(SR_B\d+|ST_(?:QA|TRAD|URAD|DRAD|ATRAN|EMIS|EMSD|CDIST)|QA_\w+|B\d+)\.TIFF?$", re.IGNORECASE
)


def _check_is_st_b10(path: Path, metadata: LandsatMetadata | None) -> None:
    """Refuse a band that is named as another band of the product."""
    # Only names in the USGS product pattern say which band a file is.
    match = _OTHER_BAND.search(path.name) if product_id_from_name(path.name) else None
    if match:
        raise _not_st_b10(path, match.group(1).upper())
    if metadata is not None:
        contents = metadata.groups.get("PRODUCT_CONTENTS", {})
        for key, value in contents.items():
            if value.upper() == path.name.upper() and key != "FILE_NAME_BAND_ST_B10":
                raise _not_st_b10(path, key.replace("FILE_NAME_", ""))


def _not_st_b10(path: Path, band: str) -> AnalysisError:
    return AnalysisError(
        "not_st_b10",
        QT_TRANSLATE_NOOP(
            "AnalysisError",
            "{name} is the {band} band, not the surface-temperature band ST_B10. Give the product's "
            "*_ST_B10.TIF (or its MTL file, and the band is found for you)."
        ),
        name=path.name, band=band,
    )
