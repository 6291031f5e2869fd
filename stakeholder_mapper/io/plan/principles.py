"""The Movement's Principles of Action for urban community resilience, as the plan names
them (a table of wordings, ready for a message catalogue)."""

from __future__ import annotations

__all__ = ["PRINCIPLES"]

#: What the Principles of Action ask (Council of Delegates, urban community resilience),
#: as far as the plan needs to name them.
PRINCIPLES: dict[int, str] = {
    1: "Act as a trusted connector between communities and city actors",
    2: "Risk assessment, stakeholder mapping and feedback systems adapted to urban communities",
    3: "Connect communities with authorities, private and financial sectors, media and academia",
    4: "Build trust and show results",
    5: "Open volunteering to the most vulnerable",
    6: "Bring youth, civil society and other city actors together",
    7: "Principle of Action 7",
    8: "Principle of Action 8",
    9: "Principle of Action 9",
    10: "Use data, analytics and evidence for decisions",
    11: "Humanitarian diplomacy to influence urban policy and planning; MoUs with city authorities",
    12: "Engage youth",
}
