"""The annex: method, glossary and data protection."""

from __future__ import annotations

from ....core.i18n import N_, _, format_number, ngettext
from ...redact import LEVEL_DESCRIPTIONS
from ..context import PlanContext
from ..glossary import glossary_rows
from ..options import SECTIONS
from ..priorities import AIIM_STRATEGIES
from ..restricted import PUBLIC_METHOD, SHARED_TEXT_NOTE, SMALL_COUNTS_NOTE
from ..writer import PlanWriter

__all__ = ["write"]

#: The Public version's data-protection notice: what it shows and whom it names.
PUBLIC_NOTICE = N_(
    "This document is the public version: it gives aggregates only and names no "
    "stakeholder, not even one marked public."
)

#: The heading of the findings the summary leaves out.
FURTHER_FINDINGS = N_("Further findings")
#: Before them.
FURTHER_FINDINGS_INTRO = N_(
    "The findings of lesser weight that the summary leaves out, most important first."
)

#: How the data-protection notice names the version, one whole sentence each.
LEVEL_SENTENCES: dict[str, str] = {
    "full": N_("This document is the internal full version. The export levels are:"),
    "partner": N_("This document is the partner version. The export levels are:"),
}


def write(w: PlanWriter, plan: PlanContext) -> None:
    """Write the section into ``w`` from ``plan``."""
    w.set_landscape(False)
    w.heading(_(SECTIONS["annex"]))
    w.heading(_("Method"), 2)
    if plan.level == "public":
        # The public is not told that the branch rates local actors' attitudes and trust.
        w.para(_(PUBLIC_METHOD))
    else:
        w.para(
            _(
                "Stakeholders, their ratings and their relationships were recorded by branch "
                "staff and workshop participants. Ratings are judgements, not measurements: "
                "power, interest and relationship strength on 1–5, position toward our "
                "objective and trust in our National Society on −2 to +2. Unknown values stay "
                "unknown and are never counted as zero."
            )
        )
    negative = (
        _("Only positive ties are counted.")
        if plan.level == "public"
        else _("Negative ties (conflict, distrust) are left out of routes and metrics.")
    )
    distance = _(
        "Relationship strength is a closeness. Where a method needs a distance (most "
        "trusted routes, betweenness) a tie of strength s counts as 60 / s: 12 for "
        "strength 5, 15 for 4, 20 for 3, 30 for 2 and 60 for 1. The numbers are whole, so "
        "equally good routes tie exactly."
    )
    w.para(f"{distance} {negative}")
    w.table([_("Term"), _("Meaning")], glossary_rows(plan.level, plan.has_branch), [3.2, 10])
    if plan.per_actor and plan.facts.more_findings:
        w.heading(_(FURTHER_FINDINGS), 2)
        w.para(_(FURTHER_FINDINGS_INTRO))
        w.bullets(plan.facts.more_findings)
    if plan.level == "full":
        w.para(_("The AIIM strategies of the priority table and the engagement sheets:"))
        w.table(
            [_("Strategy"), _("When and what")],
            [(_(name), _(text)[0].upper() + _(text)[1:]) for name, text in AIIM_STRATEGIES.items()],
            [3.2, 10],
        )
    # The notice is read as a whole: it moves to the next page together.
    notice = w.mark()
    w.heading(_("Data protection"), 2)
    w.para(
        _(
            "This plan contains information about people and organisations in the city. Use "
            "it only for the engagement it describes, share it only as its classification "
            "allows, keep it on the branch's own systems and delete old versions when a new "
            "plan is agreed. The map never records political affiliation, religion, "
            "ethnicity, health or private life. People named in it may ask what is held "
            "about them."
        )
    )
    if plan.level == "public":
        # Only its own level: the others' descriptions would tell the public what the
        # branch records about local actors (attitudes, trust).
        w.para(_(PUBLIC_NOTICE))
        w.para(
            _(
                "This public version leaves out the engagement sheets, the agreements tracker, "
                "the action plan, the risks and every other row about a single stakeholder."
            )
        )
        w.para(_(SMALL_COUNTS_NOTE))
    else:
        w.para(_(LEVEL_SENTENCES[plan.level]))
        partner_messenger = _(
            "A messenger is named only where the branch recorded one and marked it for "
            "partners; otherwise the first contact is to be agreed with the branch."
        )
        public_counts = _("The plan prints counts instead of rows about single stakeholders.")
        w.bullets(
            [
                _(LEVEL_DESCRIPTIONS["full"]),
                f"{_(LEVEL_DESCRIPTIONS['partner'])} {partner_messenger}",
                f"{_(LEVEL_DESCRIPTIONS['public'])} {public_counts}",
            ]
        )
    if plan.level != "full":
        w.para(_(SHARED_TEXT_NOTE))
    if plan.omitted:
        w.para(
            ngettext(
                "{count} confidential stakeholder is left out of this version.",
                "{count} confidential stakeholders are left out of this version.",
                plan.omitted,
            ).format(count=format_number(plan.omitted))
        )
    w.para(
        _(
            "The document's properties carry no personal data: the author is left blank "
            "unless the author chose to be named on the cover of the internal version."
        )
    )
    w.keep_together_since(notice)
