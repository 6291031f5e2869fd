"""Which stakeholder an imported map names as our branch.

Files name the branch by id (version 2 of our formats) or, in older exports, by label.
After an import the map holds the id, or no branch at all: it is never guessed.
"""

from __future__ import annotations

import dataclasses

from ..core.i18n import N_
from ..core.model import StakeholderMap

__all__ = ["BRANCH_NOT_FOUND", "settle_branch"]

#: Why an imported map has no branch although its file named one.
BRANCH_NOT_FOUND = N_(
    "The branch named in the file, {name}, is not a stakeholder of the map: no branch is "
    "set (choose it in Map details or with --branch)."
)


def settle_branch(smap: StakeholderMap) -> str:
    """Make the map name its branch by id; returns the name dropped ("" when none was).

    A label is replaced by the id of the stakeholder carrying it; a name that matches no
    stakeholder is cleared, so that no plan or route starts from a guess.
    """
    name = smap.info.branch.strip()
    if not name:
        return None
    found = smap.find_stakeholder(name)
    branch = found.id if found is not None else ""
    if branch != smap.info.branch:
        smap.info = dataclasses.replace(smap.info, branch=branch)
    return name if found is None else ""
