"""Point PyInstaller at the folder that holds the package ``stakeholder_mapper.resources``.

The checkout's top-level ``resources/`` folder is installed as that package
(``package-dir`` in pyproject.toml). An editable install maps it with an import hook that
PyInstaller's module search does not consult, so the search is sent to the folder the
running Python finds it in (the checkout for an editable install, site-packages otherwise).
"""

from importlib.util import find_spec
from pathlib import Path

from PyInstaller.depend.imphookapi import PreFindModulePathAPI


def pre_find_module_path(api: PreFindModulePathAPI) -> None:
    """Search for ``resources`` in the folder that holds the installed package."""
    spec = find_spec("stakeholder_mapper.resources")
    if spec is not None and spec.origin is not None:
        api.search_dirs = [str(Path(spec.origin).parent.parent)]
